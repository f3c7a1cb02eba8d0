"""A GUI role that cannot open its hall says why in one line on stderr, before any window, never with a traceback."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui import launch as launch_module


def _visible() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


@pytest.fixture
def no_new_window(qapp):  # type: ignore[no-untyped-def]
    """Whether the launch opened a window: compared with what earlier tests left on the screen."""
    before = _visible()
    return lambda: _visible() <= before


@pytest.mark.parametrize("role", ["staff", "display"])
def test_a_file_that_is_not_a_database(  # type: ignore[no-untyped-def]
    qapp, no_new_window, monkeypatch, tmp_path: Path, capsys, role: str
) -> None:
    """Checked before any window: one line on stderr, like every other command (no dialog to click away)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch installs its own; put ours back afterwards
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    before = path.read_bytes()
    args = argparse.Namespace(db=str(path), window=1, demo=False, lang="zh_CN")
    assert launch_module.launch(role, args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不是大厅数据库" in err and "not a hall database" in err
    assert path.read_bytes() == before and no_new_window()


def test_from_a_desktop_launcher_the_clerk_also_sees_a_dialog(qapp, monkeypatch, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`--error-dialog` (the shipped desktop entry passes it): the same words in a dialog that waits for the clerk,
    and still the one line on stderr."""
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "notes.db"
    path.write_text("not a database\n", encoding="utf-8")
    seen: list[str] = []

    def read_and_close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.objectName() == "startup_error" and w.isVisible():
                seen.append(w.text())
                w.accept()

    clerk = QTimer()
    clerk.timeout.connect(read_and_close)
    clerk.start(50)
    args = argparse.Namespace(db=str(path), window=1, demo=False, lang="zh_CN", error_dialog=True)
    try:
        assert launch_module.launch("staff", args) == 1
    finally:
        clerk.stop()
    assert len(seen) == 1 and "不是大厅数据库" in seen[0] and "not a hall database" in seen[0]
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_missing_hall_is_not_created_by_a_staff_window(  # type: ignore[no-untyped-def]
    qapp, no_new_window, monkeypatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "nowhere.db"
    assert launch_module.launch("staff", argparse.Namespace(db=str(path), window=1, demo=False, lang="zh_CN")) == 1
    assert "hall init --sample" in capsys.readouterr().err and not path.exists() and no_new_window()


def test_the_kiosk_says_the_same_in_one_line(  # type: ignore[no-untyped-def]
    qapp, no_new_window, monkeypatch, tmp_path: Path, capsys
) -> None:
    from kiosk.main import CONFIG_EXIT_CODE, run

    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)  # not under systemd: no dialog on the screen
    path = tmp_path / "hall.db"
    path.write_bytes(b"\x00" * 4096)  # zeroed out, as after a bad disk
    assert run(["--demo", "--db", str(path)]) == CONFIG_EXIT_CODE
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不是大厅数据库" in err and "not a hall database" in err
    assert path.read_bytes() == b"\x00" * 4096 and no_new_window()


def test_a_locked_kiosk_under_systemd_also_shows_it_on_the_screen(qapp, monkeypatch, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk import main as kiosk_main

    monkeypatch.setenv("NOTIFY_SOCKET", "/run/nothing")
    monkeypatch.setattr(kiosk_main, "install_crash_handlers", lambda *_: None)
    shown: list[str] = []
    monkeypatch.setattr(kiosk_main, "_show_on_screen", lambda error: shown.append(error.message_en))
    path = tmp_path / "hall.db"
    path.write_bytes(b"\x00" * 4096)
    assert kiosk_main.run(["--db", str(path)]) == kiosk_main.CONFIG_EXIT_CODE
    assert len(shown) == 1 and "not a hall database" in shown[0]
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_an_unexpected_error_is_logged_and_the_dialog_says_where(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.app_setup import show_error

    show_error(None, RuntimeError("a bug, not the user's fault"))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    named = re.search(r"logged in (\S+onewindow\.log)", box.text())
    assert named is not None and "a bug" not in box.text()  # the details go to the log it names
    assert "a bug, not the user's fault" in Path(named.group(1)).read_text(encoding="utf-8")
    box.close()
    box.deleteLater()


def test_a_database_failure_in_a_service_call_becomes_a_user_error(qapp, no_new_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.domain.errors import NotADatabase
    from app.services.queue import QueueService
    from app.store.database import Database
    from app.ui.runner import ServiceRunner

    good = tmp_path / "hall.db"
    db = Database(str(good))
    db.upgrade()
    db.dispose()
    for extra in (good.with_name("hall.db-wal"), good.with_name("hall.db-shm")):
        extra.unlink(missing_ok=True)
    good.write_bytes(b"not a database any more" * 200)  # the file is replaced under a running window
    errors: list[Exception] = []
    ServiceRunner(synchronous=True).submit(QueueService(db).list_categories, None, errors.append)
    assert len(errors) == 1 and isinstance(errors[0], NotADatabase)
