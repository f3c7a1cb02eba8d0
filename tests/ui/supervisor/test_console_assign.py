"""The follow-up screen gives a follow-up to a staff member picked from the staff list (Alt+A), and the
service refuses anyone but a supervisor; screenshot under tests/artifacts/."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.calendar import DEFAULT_TZ
from app.domain.errors import PermissionDenied
from app.services.auth import trusted_actor
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.ui.supervisor.console import SupervisorConsole
from tests.ui.supervisor.test_console import _console


def _bad_rating(db, clock) -> None:  # type: ignore[no-untyped-def]
    q = QueueService(db, clock=clock)
    q.issue_ticket("B")
    q.call_next(2)
    q.start(2)
    t = q.finish(2)
    RatingService(db, clock=clock).submit("ticket", t.id, 2, ["wait"], channel="window_pad")


def _assign_with_keyboard(qtbot, w: SupervisorConsole, login: str, note: str) -> None:  # type: ignore[no-untyped-def]
    w.tabs.setCurrentIndex(2)
    w.follow_up_panel.view.selectRow(0)
    w.assignee.setCurrentIndex(w.assignee.findData(login))
    w.activateWindow()  # a shortcut fires only in the active window, as it would for the supervisor
    qtbot.waitUntil(w.isActiveWindow)
    w.follow_up_panel.view.setFocus()
    qtbot.keyClick(w.follow_up_panel.view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert w.follow_up_panel.dialog is not None and w.follow_up_panel.dialog.isVisible()
    w.follow_up_panel.dialog.text.setPlainText(note)
    w.follow_up_panel.dialog.accept()


def test_assign_a_follow_up_from_the_console(qtbot, sqlite_hall, clock, runner, artifacts):
    _bad_rating(sqlite_hall, clock)
    w = _console(sqlite_hall, clock, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    names = [w.assignee.itemText(i) for i in range(w.assignee.count())]
    assert "李强（li）" in names and w.assign_button.isEnabled()
    _assign_with_keyboard(qtbot, w, "li", "请李强今天电话回访")
    [row] = w.follow_up_rows.rows()
    assert row.status == "assigned" and row.assigned_to == "李强"
    assert w.follow_up_rows.index(0, 5).data() == "李强"
    assert w.assignee.currentData() == "li"  # the pick survives the refresh
    w.grab().save(str(artifacts / "supervisor_follow_up_assigned.png"))


def test_a_clerk_at_the_console_is_refused_by_the_service(qtbot, sqlite_hall, clock, runner):
    _bad_rating(sqlite_hall, clock)
    first = _console(sqlite_hall, clock, runner)
    qtbot.addWidget(first)
    services = first.sv
    # As if a clerk got hold of the screen: the buttons are all there, the service decides.
    clerk = trusted_actor(sqlite_hall, "wang")
    w = SupervisorConsole(services, runner, clerk, poll_ms=60_000, alarm_ms=60_000, tz=DEFAULT_TZ)
    errors: list[Exception] = []
    w.error_handler = errors.append
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _assign_with_keyboard(qtbot, w, "li", "请李强今天电话回访")
    assert len(errors) == 1 and isinstance(errors[0], PermissionDenied)
    assert w.follow_up_rows.rows()[0].status == "open"
    assert w.accounts_panel.model.rowCount() == 0 and "无权管理工作人员账号" in w.accounts_panel.refusal.text()
