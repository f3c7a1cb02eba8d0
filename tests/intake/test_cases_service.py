"""After intake: back-office moves by role, 容缺 supplements, overdue tracking, pickup with an ID check."""

from datetime import date

import pytest

from app.domain.errors import NotFoundError, PermissionDenied, RuleViolation
from tests.intake.builders import make_ric
from tests.intake.helpers import as_clerk, attach_ok, item


def accepted_case(intake, person, tmp_path, code="C006"):
    from app.services.auth import trusted_actor

    view = intake.start_case([code], actor=as_clerk(intake))
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    for i in view.items:
        if i.material.requirement == "required":
            view = attach_ok(intake, view, i.material.key, tmp_path, pages=i.material.sides)
        else:
            view = intake.set_disposition(view.id, i.id, "not_applicable", actor=as_clerk(intake))
    intake.accept(view.id, trusted_actor(intake.db, "wang"))
    return view.id


def test_life_cycle_by_role(intake, cases, person, tmp_path, clock, reviewer, clerk):
    case_id = accepted_case(intake, person, tmp_path)
    row = cases.row(case_id)
    assert row.status == "received" and row.promised_date == date(2026, 11, 24) and not row.overdue
    assert row.next_statuses == ("with_department", "in_review")
    with pytest.raises(RuleViolation):
        cases.move(case_id, "approved", actor=reviewer)  # not reviewed yet
    with pytest.raises(PermissionDenied):
        cases.move(case_id, "in_review", actor=clerk)  # the window does not review
    cases.move(case_id, "with_department", actor=clerk)
    cases.move(case_id, "in_review", actor=reviewer)
    with pytest.raises(RuleViolation):
        cases.move(case_id, "needs_supplement", note="", actor=reviewer)
    cases.move(case_id, "needs_supplement", note="申请表签名不清，请本人补签", actor=reviewer)
    cases.move(case_id, "in_review", actor=clerk)
    cases.move(case_id, "approved", actor=reviewer)
    row = cases.move(case_id, "ready_for_pickup", actor=reviewer)
    assert row.status == "ready_for_pickup" and not row.overdue
    with pytest.raises(RuleViolation):
        cases.move(case_id, "delivered", actor=clerk)  # only through deliver(), with the ID
    with pytest.raises(RuleViolation):
        cases.deliver(case_id, make_ric(seq="999"), actor=clerk)
    row = cases.deliver(case_id, person.id_number.lower(), actor=clerk)
    assert row.status == "delivered"
    kinds = [e.kind for e in cases.history(case_id)]
    assert kinds[0] == "started" and kinds[-1] == "delivered" and "accept" in kinds
    assert cases.history(case_id)[-1].detail["id"].startswith("110")


def test_overdue_against_the_promised_date(intake, cases, person, tmp_path, clock, reviewer):
    late = accepted_case(intake, person, tmp_path)
    on_time = accepted_case(intake, person, tmp_path)
    cases.move(on_time, "in_review", actor=reviewer)
    cases.move(on_time, "approved", actor=reviewer)  # concluded on Monday, promised Tuesday
    clock.advance(days=2)  # Wednesday: the promise (Tuesday) has passed
    rows = {r.id: r for r in cases.list_cases()}
    assert rows[late].overdue and rows[late].workdays_left == -1
    assert not rows[on_time].overdue
    assert [r.id for r in cases.list_cases(overdue_only=True)] == [late]
    cases.move(late, "in_review", actor=reviewer)
    cases.move(late, "approved", actor=reviewer)
    assert cases.row(late).overdue  # concluded after the promised date: stays counted as late


def test_owed_materials_block_approval_until_supplied(intake, cases, person, tmp_path, reviewer, clerk):
    view = intake.start_case(["G003"], actor=as_clerk(intake))
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    for key in ("form_G003", "bank_card"):
        view = attach_ok(intake, view, key, tmp_path)
    view = attach_ok(intake, view, "applicant_id", tmp_path, pages=2)
    view = intake.set_disposition(view.id, item(view, "marriage_cert").id, "not_applicable", actor=as_clerk(intake))
    intake.accept_with_deficiency(view.id, actor=clerk)
    row = cases.move(view.id, "in_review", actor=reviewer)
    assert row.deficiency_open
    with pytest.raises(RuleViolation):
        cases.move(view.id, "approved", actor=reviewer)
    lease = item(intake.case_view(view.id), "lease_contract")
    assert lease.owed
    with pytest.raises(RuleViolation):
        cases.supply_owed(view.id, lease.id, actor=clerk)  # nothing attached yet
    with pytest.raises(RuleViolation) as err:
        attach_ok(intake, intake.case_view(view.id), "form_G003", tmp_path)  # not owed: frozen
    assert "不能再修改材料" in err.value.message_zh
    attach_ok(intake, intake.case_view(view.id), "lease_contract", tmp_path)
    row = cases.supply_owed(view.id, lease.id, actor=clerk)
    assert not row.deficiency_open
    assert cases.move(view.id, "approved", actor=reviewer).status == "approved"


def test_progress_lookup_for_the_citizen(intake, cases, person, tmp_path):
    case_id = accepted_case(intake, person, tmp_path)
    number = intake.case_view(case_id).receipt_number
    progress = cases.progress(number, person.id_number[-4:])
    assert progress.status == "received" and progress.applicant_masked == "王**"
    assert cases.progress("OW1:R:" + number, person.id_number[-4:]).receipt_number == number
    with pytest.raises(NotFoundError):
        cases.progress(number, "0000")
    with pytest.raises(NotFoundError):
        cases.progress("H023-20261123-9999", person.id_number[-4:])
