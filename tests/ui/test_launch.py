"""`onewindow demo` on an empty data directory: sample hall and catalogue, the three screens, intake on F10."""

import argparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui import launch as launch_module
from app.ui.voice import Announcer


def _settle(runner) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        runner.wait_idle()
        QApplication.processEvents()


def test_demo_opens_all_screens_and_intake(qapp, qtbot, monkeypatch, tmp_path, artifacts):
    seen: dict[str, object] = {}

    def fake_exec() -> int:
        windows = {type(w).__name__: w for w in QApplication.topLevelWidgets() if w.isVisible()}
        seen.update(windows)
        staff = windows["StaffWindow"]
        _settle(staff.runner)
        seen["waiting"] = staff.model.rowCount()
        qtbot.keyClick(staff, Qt.Key.Key_F1)
        _settle(staff.runner)
        qtbot.keyClick(staff, Qt.Key.Key_F10)
        _settle(staff.runner)
        seen.update({type(w).__name__: w for w in QApplication.topLevelWidgets() if w.isVisible()})
        for w in QApplication.topLevelWidgets():
            w.hide()  # not close(): a ticket is at the window, and closing would ask finish/park/hand back
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    # No sound system in tests: a visual-only announcer instead of speech-dispatcher and PulseAudio.
    monkeypatch.setattr(Announcer, "with_system_backends", classmethod(lambda cls, **kw: cls(None, None, **kw)))
    args = argparse.Namespace(db=f"sqlite:///{tmp_path / 'demo.db'}", window=3, demo=True, lang="zh_CN")
    assert launch_module.launch("demo", args) == 0
    assert {"StaffWindow", "TakeTicketWindow", "DisplayWindow", "IntakeWindow"} <= set(seen)
    assert seen["waiting"] == 5  # window 3 (comprehensive) serves every line: all 5 seeded tickets


def test_demo_in_english(qapp, monkeypatch, tmp_path):
    titles: list[str] = []

    def fake_exec() -> int:
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        for w in QApplication.topLevelWidgets():
            w.hide()  # not close(): closing a staff window with a ticket at it asks first
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    monkeypatch.setattr(Announcer, "with_system_backends", classmethod(lambda cls, **kw: cls(None, None, **kw)))
    args = argparse.Namespace(db=f"sqlite:///{tmp_path / 'demo.db'}", window=3, demo=True, lang="en_US")
    try:
        assert launch_module.launch("demo", args) == 0
    finally:
        from app.ui.i18n import set_language

        set_language("zh_CN")
    assert "OneWindow · Take a ticket" in titles and "OneWindow · Window 3" in titles
