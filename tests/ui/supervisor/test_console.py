"""The supervisor console: live hall, alarms with a help call answered, a follow-up step, cards and the
monthly chart, all from the real services; screenshots under tests/artifacts/."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from app.domain.calendar import DEFAULT_TZ
from app.services.alarms import AlarmService
from app.services.auth import trusted_actor
from app.services.board import QueueBoard
from app.services.case_supervision import CaseSupervision
from app.services.follow_ups import FollowUpService
from app.services.hall_settings import HallSettingsService
from app.services.live_hall import LiveHall
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.services.remote_control import RemoteControl
from app.services.reports import ReportService
from app.services.staff_accounts import StaffAccounts
from app.ui.supervisor.console import ConsoleServices, SupervisorConsole


def _console(db, clock, runner):  # type: ignore[no-untyped-def]
    services = ConsoleServices(
        LiveHall(db, clock=clock), AlarmService(db, clock=clock), FollowUpService(db, clock=clock),
        CaseSupervision(db, clock=clock), ReportService(db, clock=clock), RemoteControl(db, clock=clock),
        QueueBoard(db, clock=clock).change_counter, StaffAccounts(db, clock=clock),
    )  # fmt: skip
    admin = trusted_actor(db, "admin")
    return SupervisorConsole(services, runner, admin, poll_ms=60_000, alarm_ms=60_000, tz=DEFAULT_TZ)


def test_console_live_hall_alarms_follow_ups_and_report(qtbot, sqlite_hall, clock, runner, artifacts):
    db = sqlite_hall
    q, wang, admin = QueueService(db, clock=clock), trusted_actor(db, "wang"), trusted_actor(db, "admin")
    HallSettingsService(db).set("alarm_queue_warning", 2, actor=admin)
    q.open_window(3, wang)
    for prefix in "BBBCG":
        q.issue_ticket(prefix)
    clock.advance(minutes=25)  # past the 20-minute target
    q.call_next(3, actor=wang)
    q.pause_window(1, "午休")
    q.issue_ticket("B")  # just arrived: 3 B waiting
    q.open_window(4, trusted_actor(db, "li"))
    rated = q.issue_ticket("D")
    assert q.call_next(4, actor=trusted_actor(db, "li")).id == rated.id
    q.start(4, actor=trusted_actor(db, "li"))
    q.finish(4, actor=trusted_actor(db, "li"))  # only a finished ticket can be rated, and only by its QR
    RatingService(db, clock=clock).rate(rated.qr_payload, 1, ["wait"])
    help_call = AlarmService(db, clock=clock).help_call(3, actor=wang, note="群众需要协助")
    w = _console(db, clock, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    rows = {c.prefix: c for c in w.categories.rows()}
    assert rows["B"].waiting == 3 and rows["B"].longest_wait_min == 25 and rows["B"].in_service == 1
    assert w.categories.index(1, 0).data() == "B 社会事务"
    windows = {x.number: x for x in w.windows.rows()}
    assert windows[3].clerk == "王芳" and windows[3].current is not None and windows[3].calls_today == 1
    assert windows[1].status == "paused"
    assert w.help_banner.isVisible() and "3 号窗口" in w.help_banner.text()
    kinds = [a.kind for a in w.alarms.rows()]
    assert kinds[0] == "help" and "wait" in kinds and "queue" in kinds
    w.grab().save(str(artifacts / "supervisor_live.png"))
    w.tabs.setCurrentIndex(1)
    w.grab().save(str(artifacts / "supervisor_alarms.png"))
    w.alarm_panel.view.selectRow(0)
    w.alarm_panel.buttons.itemAt(0).widget().click()
    w.alarm_panel.dialog.text.setPlainText("值班主任已到 3 号窗口")
    w.alarm_panel.dialog.accept()
    assert not w.help_banner.isVisible() and "help" not in [a.kind for a in w.alarms.rows()]
    assert any(a.id == help_call.id and a.ack_note for a in w.alarm_history.rows())

    w.tabs.setCurrentIndex(2)
    assert w.follow_up_rows.rowCount() == 1 and w.follow_up_rows.index(0, 1).data() == "非常不满意"
    w.follow_up_panel.view.selectRow(0)
    [callback] = [b for b in w.follow_up_panel.findChildren(QPushButton) if b.text() == "回访"]
    callback.click()
    w.follow_up_panel.dialog.text.setPlainText("已电话回访，市民接受说明")
    w.follow_up_panel.dialog.accept()
    assert w.follow_up_rows.row_at(0).status == "contacted"
    w.grab().save(str(artifacts / "supervisor_follow_ups.png"))

    w.window_view.selectRow(0)  # window 1 (paused): open it again from the console
    w.window_action("open")
    assert {x.number: x.status for x in w.windows.rows()}[1] == "open"
    w.tabs.setCurrentIndex(4)
    assert w.report is not None and w.report_panel.chart.series()
    w.grab().save(str(artifacts / "supervisor_report.png"))
    out = artifacts / "supervisor_export.xlsx"
    w.export(str(out))
    assert out.stat().st_size > 3000


def test_console_over_a_simulated_busy_hall(qtbot, tmp_path, runner, artifacts):
    from app.services.clock import system_clock
    from app.services.hall import create_sample_hall
    from app.services.hall_simulator import HallSimulator
    from app.store.database import Database

    db = Database(f"sqlite:///{tmp_path / 'demo.db'}", device_id="demo")
    db.upgrade()
    create_sample_hall(db, always_open=True)
    sim = HallSimulator(db, seed=5)
    for _ in range(150):
        sim.step()
    w = _console(db, system_clock, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    served = sum(m.served for m in w.report.by_window)
    assert served > 10 and w.report_panel.chart.series()
    w.tabs.setCurrentIndex(4)
    w.grab().save(str(artifacts / "supervisor_report_busy.png"))
    w.tabs.setCurrentIndex(0)
    w.grab().save(str(artifacts / "supervisor_live_busy.png"))
    w.close()
    db.dispose()


def test_cards_tab_filters_by_clerk(qtbot, hall_db, intake, person, tmp_path, clock, runner, artifacts):
    from tests.intake.test_cases_service import accepted_case

    accepted_case(intake, person, tmp_path)  # promised tomorrow: a yellow card
    w = _console(hall_db, clock, runner)
    qtbot.addWidget(w)
    assert w.card_rows.rowCount() == 1 and w.card_rows.index(0, 0).data() == "黄牌"
    w.card_filters["clerk"].setText("nobody")
    w.refresh_cards()
    assert w.card_rows.rowCount() == 0
    w.card_filters["clerk"].clear()
    w.card_filters["window"].setText("")
    w.refresh_cards()
    assert w.card_rows.rowCount() == 1
    w.tabs.setCurrentIndex(3)
    w.show()
    qtbot.waitExposed(w)
    w.grab().save(str(artifacts / "supervisor_cards.png"))


def test_accounts_tab_unlocks_a_clerk_and_sets_a_new_pin(qtbot, sqlite_hall, clock, runner, artifacts):
    """A clerk locked out by wrong PINs is unlocked from the console (Alt+U) and given a new PIN (Alt+N, typed
    twice); a supervisor's own peers stay out of reach (the service refuses, the console says so)."""
    import pytest
    from PySide6.QtCore import Qt

    from app.domain.errors import AuthError, PermissionDenied
    from app.services.auth import authenticate

    db = sqlite_hall
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(db, "li", "0000", clock=clock)
    w = _console(db, clock, runner)
    errors: list[Exception] = []
    w.error_handler = errors.append
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.accounts_panel)
    qtbot.waitExposed(w)
    panel = w.accounts_panel
    logins = [a.login for a in panel.model.rows()]
    li = logins.index("li")
    assert panel.model.index(li, 4).data() == "10" and panel.model.index(li, 2).data() == "窗口人员"
    w.grab().save(str(artifacts / "supervisor_accounts.png"))
    panel.view.selectRow(li)
    w.activateWindow()  # a shortcut fires only in the active window, as it would for the supervisor
    qtbot.waitUntil(w.isActiveWindow)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert panel.model.row_at(li).locked_minutes == 0
    assert authenticate(db, "li", "1234", clock=clock).login == "li"
    qtbot.keyClick(panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.first, "5831")
    qtbot.keyClicks(dialog.second, "5830")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.isVisible() and "不同" in dialog.problem.text()  # nothing changed yet
    qtbot.keyClicks(dialog.second, "5831")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert authenticate(db, "li", "5831", clock=clock).login == "li"
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    panel.view.setFocus()
    panel.view.selectRow(logins.index("admin"))
    qtbot.keyClick(panel.view, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert len(errors) == 1 and isinstance(errors[0], PermissionDenied)
    assert dialog.first.text() == "" and dialog.second.text() == ""  # no PIN stays in the dialog

    panel.view.selectRow(li)  # 停用 asks first; "No" changes nothing
    [disable] = [b for b in panel.findChildren(QPushButton) if b.text() == "停用"]
    disable.click()
    assert panel.confirm is not None and panel.confirm.isVisible()
    panel.confirm.reject()
    assert panel.model.row_at(li).active
    disable.click()
    panel.confirm.accept()
    assert not panel.model.row_at(li).active and panel.model.index(li, 3).data() == "停用"
    with pytest.raises(AuthError):
        authenticate(db, "li", "5831", clock=clock)

    panel.view.selectRow(logins.index("admin"))  # one's own PIN: the current one is asked for
    qtbot.keyClick(panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    own = panel.dialog
    assert own is not None and own is not dialog and own.current.isVisibleTo(own)
    for edit, text in ((own.current, "0000"), (own.first, "2580"), (own.second, "2580")):
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(own.second, Qt.Key.Key_Return)
    assert len(errors) == 2 and "current PIN is wrong" in errors[1].message_en
    assert authenticate(db, "admin", "8888", clock=clock).login == "admin"
