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

    def fake_login(roles, _window):  # type: ignore[no-untyped-def]
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
