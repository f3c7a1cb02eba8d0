"""The audit trail: written by the hook in the same transaction, readable by supervisors, never editable."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, update

from app.domain.errors import PermissionDenied
from app.services.audit_trail import AuditTrail
from app.services.follow_ups import FollowUpService
from app.services.hall_settings import HallSettingsService
from app.services.ratings import RatingService
from app.store.audit import AuditTamperError
from app.store.models import Outbox
from app.store.models_audit import AuditEntry
from tests.intake.helpers import as_clerk, finding, item, report, scan
from tests.intake.test_cases_service import accepted_case
from tests.intake.test_intake_service import start_business


def test_every_audited_change_is_recorded_with_who_and_where(
    hall_db, intake, cases, hall_queue, person, tmp_path, clock, clerk, reviewer, supervisor
):
    case_id = accepted_case(intake, person, tmp_path)
    receipt = cases.row(case_id).receipt_number
    cases.move(case_id, "in_review", actor=reviewer)
    view, _ = start_business(intake, hall_queue)
    form = intake.attach_file(view.id, item(view, "enterprise_form").id, scan(tmp_path, "form.png"),
        actor=as_clerk(intake))
    view = intake.record_check(form.file.id, report(finding("image.blur", "warn", "清晰度 32")))
    intake.override_finding(item(view, "enterprise_form").files[0].findings[0].id, "原件已核对无误", clerk)
    hall_queue.issue_ticket("B")
    hall_queue.call_next(1)
    hall_queue.transfer(1, to_prefix="G", actor=clerk)
    ratings, follow_ups = RatingService(hall_db, clock=clock), FollowUpService(hall_db, clock=clock)
    served = hall_queue.issue_ticket("C")
    assert hall_queue.call_next(1).id == served.id
    hall_queue.start(1)
    hall_queue.finish(1)  # only a finished ticket can be rated, and only by its QR
    rating = ratings.rate(served.qr_payload, 1, ["attitude"])
    follow_ups.callback(rating.follow_up_id, "已电话回访，市民仍不满意", 2, actor=supervisor)
    HallSettingsService(hall_db).set("target_wait_minutes", 25, actor=supervisor)

    trail = AuditTrail(hall_db, clock=clock)
    entries = trail.entries(actor=supervisor)
    actions = {e.action for e in entries}
    assert {"case.status", "finding.override", "queue.transferred", "follow_up.opened", "follow_up.callback"} <= actions
    assert "hall.settings" in actions
    move = next(e for e in entries if e.action == "case.status" and e.detail.get("to") == "in_review")
    assert (move.staff_login, move.role, move.device, move.reference) == ("shen", "reviewer", "test-device", receipt)
    override = next(e for e in entries if e.action == "finding.override")
    assert override.staff_login == "wang" and override.reference == "image.blur"
    setting = next(e for e in entries if e.action == "hall.settings")
    assert setting.detail["changed"]["target_wait_minutes"] == {"from": None, "to": 25}
    assert [e.action for e in trail.entries(actor=supervisor, entity_id=case_id)][0] == "case.status"
    with hall_db.read() as s:  # synced like every other hall fact
        assert s.scalar(select(func.count()).select_from(Outbox).where(Outbox.entity == "audit_entry")) == len(
            entries
        )


def test_only_supervisors_read_it(hall_db, clerk, reviewer):
    for who in (clerk, reviewer):
        with pytest.raises(PermissionDenied):
            AuditTrail(hall_db).entries(actor=who)


def test_nobody_edits_or_deletes_the_audit_trail(hall_db, supervisor):
    HallSettingsService(hall_db).set("alarm_queue_warning", 12, actor=supervisor)
    with pytest.raises(AuditTamperError):
        with hall_db.write() as s:
            s.scalars(select(AuditEntry)).first().detail = {"changed": {}}
    with pytest.raises(AuditTamperError):
        with hall_db.write() as s:
            s.delete(s.scalars(select(AuditEntry)).first())
    with pytest.raises(AuditTamperError):  # bulk statements too
        with hall_db.write() as s:
            s.execute(update(AuditEntry).values(staff_login="someone"))
    with pytest.raises(AuditTamperError):
        with hall_db.write() as s:
            s.execute(delete(AuditEntry))
    entry = AuditTrail(hall_db).entries(actor=supervisor)[0]
    assert entry.staff_login == "admin" and entry.detail["changed"]["alarm_queue_warning"]["to"] == 12
