"""A GUI role that cannot open its hall says why in a dialog (and on stderr) instead of dying with a traceback."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui import launch as launch_module


def _close_dialog_and_record(seen: list[str]) -> None:
    """Reads the startup dialog once it is up, then closes it (as a person would)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize("role", ["staff", "display"])
def test_a_file_that_is_not_a_database(qapp, monkeypatch, tmp_path: Path, capsys, role: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch installs its own; put ours back afterwards
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    before = path.read_bytes()
    seen: list[str] = []
    _close_dialog_and_record(seen)
    args = argparse.Namespace(db=str(path), window=1, demo=False, lang="zh_CN")
    assert launch_module.launch(role, args) == 1
    assert len(seen) == 1 and "不是大厅数据库" in seen[0] and "not a hall database" in seen[0]
    assert "not a hall database" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_missing_hall_is_not_created_by_a_staff_window(qapp, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: list[str] = []
    _close_dialog_and_record(seen)
    path = tmp_path / "nowhere.db"
    assert launch_module.launch("staff", argparse.Namespace(db=str(path), window=1, demo=False, lang="zh_CN")) == 1
    assert "hall init --sample" in seen[0] and not path.exists()


def test_the_kiosk_shows_the_same_message(qapp, monkeypatch, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from kiosk.main import CONFIG_EXIT_CODE, run

    path = tmp_path / "hall.db"
    path.write_bytes(b"\x00" * 4096)  # zeroed out, as after a bad disk
    seen: list[str] = []
    _close_dialog_and_record(seen)
    assert run(["--demo", "--db", str(path)]) == CONFIG_EXIT_CODE
    assert len(seen) == 1 and "不是大厅数据库" in seen[0] and "not a hall database" in seen[0]
    assert "错误 / error" in capsys.readouterr().err
    assert path.read_bytes() == b"\x00" * 4096


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


def test_a_database_failure_in_a_service_call_becomes_a_user_error(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
