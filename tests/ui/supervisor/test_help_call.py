"""F12 at a staff window calls the supervisor; every staff window shows who waits for help until answered."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.services.alarms import AlarmService
from app.services.auth import trusted_actor
from app.ui.staff.help_call import HelpCall
from app.ui.staff.staff_window import StaffWindow


def test_f12_calls_for_help_and_other_windows_see_it(qtbot, sqlite_hall, queue, board, runner, clock, artifacts):
    alarms = AlarmService(sqlite_hall, clock=clock)
    wang, li = trusted_actor(sqlite_hall, "wang"), trusted_actor(sqlite_hall, "li")
    here = StaffWindow(queue, board, 3, wang, runner, poll_ms=60_000)
    HelpCall(here, 3, alarms, wang, runner, poll_ms=60_000)
    qtbot.addWidget(here)
    here.show()
    qtbot.waitExposed(here)
    # F12 is bound on the window (StaffWindow.actions is a dict of its own buttons, hence QMainWindow.actions)
    [f12] = [a for a in QMainWindow.actions(here) if a.shortcut() == QKeySequence("F12")]
    f12.trigger()
    [call] = alarms.help_calls()
    assert call.subject == "window:3"
    there = StaffWindow(queue, board, 5, li, runner, poll_ms=60_000)
    helper = HelpCall(there, 5, alarms, li, runner, poll_ms=60_000)
    qtbot.addWidget(there)
    there.show()
    qtbot.waitExposed(there)
    assert helper.label.isVisible() and "3 号窗口" in helper.label.text()
    there.grab().save(str(artifacts / "staff_sees_help_call.png"))
    alarms.acknowledge(call.id, "值班主任已到窗口", actor=trusted_actor(sqlite_hall, "admin"))
    helper.refresh()
    assert not helper.label.isVisible()
