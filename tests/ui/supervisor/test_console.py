"""The supervisor console: live hall from the real services, follow-ups, a chart of this month; screenshot."""

from __future__ import annotations

from app.services.auth import trusted_actor
from app.services.board import QueueBoard
from app.services.follow_ups import FollowUpService
from app.services.live_hall import LiveHall
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.services.reports import ReportService
from app.ui.runner import ServiceRunner
from app.ui.supervisor.console import SupervisorConsole


def test_console_shows_the_live_hall_and_follow_ups(qtbot, hall_db, clock, artifacts):
    q, wang = QueueService(hall_db, clock=clock), trusted_actor(hall_db, "wang")
    q.open_window(3, wang.id)
    for prefix in "BBBCG":
        q.issue_ticket(prefix)
    clock.advance(minutes=25)  # past the 20-minute target
    q.call_next(3)
    q.pause_window(1, "午休")
    RatingService(hall_db, clock=clock).rate(q.issue_ticket("B").display_number, 1, ["wait"])
    runner = ServiceRunner(synchronous=True)
    w = SupervisorConsole(
        LiveHall(hall_db, clock=clock), FollowUpService(hall_db, clock=clock), ReportService(hall_db, clock=clock),
        runner, QueueBoard(hall_db, clock=clock).change_counter, trusted_actor(hall_db, "admin"), poll_ms=60_000,
    )  # fmt: skip
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    rows = {c.prefix: c for c in w.categories.rows()}
    assert rows["B"].waiting == 3 and rows["B"].longest_wait_min == 25 and rows["B"].in_service == 1
    assert w.categories.index(1, 0).data() == "B 社会事务"
    windows = {x.number: x for x in w.windows.rows()}
    assert windows[3].clerk == "王芳" and windows[3].current is not None and windows[3].calls_today == 1
    assert windows[1].status == "paused"
    assert w.follow_up_rows.rowCount() == 1 and w.follow_up_rows.index(0, 1).data() == "非常不满意"
    w.grab().save(str(artifacts / "supervisor_live.png"))
    w.tabs.setCurrentIndex(2)
    assert w.report is not None and w.chart.series()
    w.grab().save(str(artifacts / "supervisor_report.png"))
