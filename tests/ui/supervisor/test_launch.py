"""`onewindow supervisor` through app.ui.launch: a supervisor gets the console, a clerk a refusal."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtWidgets import QApplication

from app.services.auth import trusted_actor
from app.ui import launch as launch_module
from app.ui.supervisor.console import SupervisorConsole


@pytest.mark.parametrize(("login", "code"), [("admin", 0), ("wang", 1)])
def test_supervisor_role_needs_a_supervisor(qapp, tmp_path, monkeypatch, login, code):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    seen: dict[str, object] = {}

    def fake_login(roles, _window, *, supervisor=False):  # type: ignore[no-untyped-def]
        assert supervisor  # the console's own sign-in, not the window's
        return trusted_actor(roles.db, login), 1

    def fake_exec():  # type: ignore[no-untyped-def]
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SupervisorConsole) and w.isVisible()]
        seen["windows"] = shown
        for w in seen["windows"]:
            w.close()
        return 0

    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)  # launch installs its own: put it back
    monkeypatch.setattr(launch_module.Roles, "login", fake_login)
    monkeypatch.setattr(qapp, "exec", fake_exec)
    monkeypatch.setattr("app.ui.app_setup.show_error", lambda _p, exc: seen.setdefault("error", exc))
    args = argparse.Namespace(db=url, demo=True, window=1, lang="zh_CN")
    assert launch_module.launch("supervisor", args) == code
    if code == 0:
        assert len(seen["windows"]) == 1  # type: ignore[arg-type]
    else:
        assert "只有大厅管理人员" in seen["error"].message_zh  # type: ignore[union-attr]


def test_the_console_sign_in_is_titled_for_the_supervisor(qapp, tmp_path, monkeypatch):
    """The supervisor signs in to the console, not at a window: its own title, and no window to choose."""
    from app.ui.staff.login_dialog import LoginDialog

    seen: dict[str, object] = {}

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        seen["title"], seen["rows"] = dialog.windowTitle(), dialog.layout().rowCount()
        return LoginDialog.DialogCode.Rejected

    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    args = argparse.Namespace(db=f"sqlite:///{tmp_path / 'hall.db'}", demo=True, window=1, lang="zh_CN")
    assert launch_module.launch("supervisor", args) == 0  # cancelled: nothing opens
    assert seen["title"] == "一窗通 · 大厅管理登录"
    assert seen["rows"] == 4  # login, PIN, message, buttons: no window row
    seen.clear()
    assert launch_module.launch("staff", args) == 0
    assert seen["title"] == "一窗通 · 窗口登录" and seen["rows"] == 5


def test_a_clerk_signed_in_elsewhere_is_refused_in_the_login_dialog(qapp, tmp_path, monkeypatch):
    from app.cli import main
    from app.services.queue import QueueService
    from app.store.database import Database
    from app.ui.staff.login_dialog import LoginDialog

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert main(["hall", "init", "--sample", "--db", url]) == 0
    db = Database(url)
    QueueService(db).open_window(3, trusted_actor(db, "wang"))
    db.dispose()
    seen: dict[str, object] = {}

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        dialog.user.setText("wang")
        dialog.pin.setText("1234")
        dialog.window_box.setCurrentIndex(dialog.window_box.findData(5))
        dialog.try_login()
        dialog.runner.wait_idle()
        QApplication.processEvents()
        seen["message"], seen["staff"] = dialog.message.text(), dialog.staff
        return LoginDialog.DialogCode.Rejected

    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    args = argparse.Namespace(db=url, demo=False, window=5, lang="zh_CN")
    assert launch_module.launch("staff", args) == 0
    assert seen["staff"] is None and "已在 3 号窗口登录" in str(seen["message"]), seen
