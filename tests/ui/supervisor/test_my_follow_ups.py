"""The clerk's own follow-ups on the staff window: the assignee records 回访 and 整改 there (the service checks
that the follow-up is theirs); another clerk sees none of them."""

from __future__ import annotations

from app.services.auth import trusted_actor
from app.services.follow_ups import FollowUpService
from app.services.ratings import RatingService
from app.ui.staff.my_follow_ups import MyFollowUpsDialog


def test_the_assignee_records_the_callback_on_the_staff_window(qtbot, sqlite_hall, queue, clock, runner, artifacts):
    wang, admin = trusted_actor(sqlite_hall, "wang"), trusted_actor(sqlite_hall, "admin")
    queue.open_window(3, wang)
    rated = queue.issue_ticket("B")
    queue.call_next(3, actor=wang)
    queue.start(3, actor=wang)
    queue.finish(3, actor=wang)
    RatingService(sqlite_hall, clock=clock).rate(rated.qr_payload, 1, ["wait"])
    service = FollowUpService(sqlite_hall, clock=clock)
    [f] = service.list()
    service.assign(f.id, "wang", actor=admin)
    other = MyFollowUpsDialog(service, trusted_actor(sqlite_hall, "li"), runner)
    qtbot.addWidget(other)
    assert other.rows.rowCount() == 0
    dialog = MyFollowUpsDialog(service, wang, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.rows.rowCount() == 1
    dialog.panel.view.selectRow(0)
    dialog.callback_button.click()
    assert dialog.panel.dialog is not None
    dialog.grab().save(str(artifacts / "staff_my_follow_ups.png"))
    dialog.panel.dialog.text.setPlainText("已电话回访，市民接受说明")
    dialog.panel.dialog.accept()
    assert service.get(f.id).status == "contacted"
    assert dialog.rows.rowCount() == 1 and dialog.rows.row_at(0).status == "contacted"
