"""Intake services on SQLite and PostgreSQL: from the served ticket to a receipt, a notice or a refusal."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.applicant import Applicant, ApplicantKind, InvalidApplicant
from app.domain.errors import RuleViolation
from app.services.catalogue import SAMPLE_CATALOGUE
from app.store.models import Outbox
from app.store.models_intake import CaseFile
from tests.intake.builders import make_ric
from tests.intake.helpers import as_clerk, attach_ok, finding, item, ok_report, report, scan


def test_catalogue_versions_are_numbered_and_idempotent(catalogue):
    first = catalogue.ensure_sample()
    assert first.number == 1 and not first.created and first.matters >= 30
    data = catalogue.catalogue(1)
    bundle = catalogue.bundle("BD01")
    assert (len(bundle.matters), bundle.required_materials, bundle.promised_days, bundle.fee_fen) == (5, 2, 1, 0)
    hits = catalogue.search("qykb")
    assert hits[0].kind == "bundle" and hits[0].name_zh == "企业开办"
    assert catalogue.matter("C001").fee_fen == 2000
    assert data.label.startswith("示范区")


def start_business(intake, hall_queue):
    hall_queue.issue_ticket("D")
    ticket = hall_queue.call_next(4)
    return intake.start_case(bundle_code="BD01", ticket_id=ticket.id, window_number=4, actor=as_clerk(intake)), ticket


def test_start_from_the_served_ticket(intake, hall_queue, hall_db):
    view, ticket = start_business(intake, hall_queue)
    assert view.status == "draft" and view.ticket_number == ticket.display_number
    assert view.catalogue_version == 1 and view.title_zh == "企业开办"
    assert [i.material.key for i in view.items] == ["enterprise_form", "legal_rep_id", "articles", "premises_proof"]
    assert item(view, "legal_rep_id").status == "missing"
    assert not view.readiness.can_accept and view.readiness.can_notify
    assert view.readiness.promised_date_if_accepted == date(2026, 11, 24)  # Monday + 1 working day
    with hall_db.read() as s:
        entities = set(s.scalars(select(Outbox.entity)))
    assert {"intake_case", "case_material", "case_event"} <= entities
    hall_queue.issue_ticket("D")
    waiting = hall_queue.issue_ticket("D")
    with pytest.raises(RuleViolation):
        intake.start_case(bundle_code="BD01", ticket_id=waiting.id, actor=as_clerk(intake))  # not at a window yet


def test_applicant_is_validated_before_it_is_stored(intake, hall_queue, person):
    view, _ = start_business(intake, hall_queue)
    with pytest.raises(InvalidApplicant) as err:
        intake.set_applicant(view.id, Applicant(ApplicantKind.PERSON, "李", "123", ""), actor=as_clerk(intake))
    assert "姓名" in err.value.message_zh and "身份证" in err.value.message_zh
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    assert view.applicant.masked_name == "王**" and view.applicant.id_number == person.id_number
    agent = Applicant(
        ApplicantKind.PERSON,
        person.name,
        person.id_number,
        person.phone,
        agent_name="赵六",
        agent_id_number=make_ric(birth="19800101", seq="777"),
        agent_authorised=True,
    )
    view = intake.set_applicant(view.id, agent, actor=as_clerk(intake))
    assert {"agent_id", "power_of_attorney"} <= {i.material.key for i in view.items}
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    assert "agent_id" not in {i.material.key for i in view.items}


def test_findings_notice_override_and_accept(intake, hall_queue, person, tmp_path, hall_db, clerk):
    view, _ = start_business(intake, hall_queue)
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    form = intake.attach_file(view.id, item(view, "enterprise_form").id, scan(tmp_path, "form.png"),
        actor=as_clerk(intake))
    assert form.file.check_state == "pending" and form.job.material_kind == "application_form"
    view = intake.case_view(view.id)
    assert item(view, "enterprise_form").status == "unchecked" and not view.readiness.can_accept
    view = intake.record_check(form.file.id, report(finding("image.blur", "warn", "清晰度 32，低于要求的 60")))
    blur = item(view, "enterprise_form").files[0].findings[0]
    id_card = intake.attach_file(view.id, item(view, "legal_rep_id").id, scan(tmp_path, "id.png"),
        actor=as_clerk(intake))
    assert id_card.job.expected_id is None  # legal representative: nothing entered to compare with
    view = intake.record_check(id_card.file.id, report(finding("image.blank", "block", "空白页"), pages=1))
    assert item(view, "enterprise_form").status == "needs_review"
    assert item(view, "legal_rep_id").status == "defective"

    notice = intake.issue_notice(view.id, clerk)
    assert notice.number == "H023-20261123-G001"
    listed = {i.material_zh: i for i in notice.items}
    # A blurred form and a blank scan are the clerk's to scan again: the notice speaks to the citizen and
    # lists only what they must bring, in words they can act on, with no sharpness numbers.
    assert set(listed) == {"公司章程", "住所（经营场所）使用证明"}
    assert listed["公司章程"].reasons_zh == ("请提交公司章程（原件 1 份）",)
    text = " ".join(r for i in notice.items for r in i.reasons_zh)
    assert "清晰度" not in text and "空白" not in text and "模糊" not in text

    with pytest.raises(RuleViolation):
        intake.override_finding(blur.id, "  ", clerk)
    blank = item(view, "legal_rep_id").files[0].findings[0]
    with pytest.raises(RuleViolation):
        intake.override_finding(blank.id, "申请人坚持提交", clerk)  # a block is never overridden
    view = intake.override_finding(blur.id, "文字可辨认，原件已核对", clerk)
    assert item(view, "enterprise_form").status == "ok"
    assert item(view, "enterprise_form").files[0].findings[0].override_reason == "文字可辨认，原件已核对"

    view = intake.remove_file(id_card.file.id, actor=as_clerk(intake))  # rescan instead
    view = attach_ok(intake, view, "legal_rep_id", tmp_path, pages=2)
    view = intake.set_disposition(view.id, item(view, "articles").id, "not_applicable", actor=as_clerk(intake))
    with pytest.raises(RuleViolation):
        intake.accept(view.id, clerk)  # the premises proof is still missing
    view = intake.set_disposition(view.id, item(view, "premises_proof").id, "commitment", actor=as_clerk(intake))
    assert view.readiness.can_accept
    receipt = intake.accept(view.id, clerk)
    assert receipt.receipt_number == "H023-20261123-0001"
    assert receipt.promised_date == date(2026, 11, 24)
    assert receipt.qr_payload == "OW1:R:H023-20261123-0001"
    assert receipt.applicant_masked == "王**" and "*" in receipt.applicant_id_masked
    assert receipt.matters_zh[0] == "企业设立登记（有限责任公司）" and len(receipt.matters_zh) == 5
    view = intake.case_view(view.id)
    assert view.status == "received" and view.decision == "accept"
    with pytest.raises(RuleViolation):
        intake.accept(view.id, clerk)
    with pytest.raises(RuleViolation):
        intake.set_applicant(view.id, person, actor=as_clerk(intake))
    with hall_db.read() as s:
        entities = set(s.scalars(select(Outbox.entity)))
    synced = {"intake_case", "case_material", "case_file", "case_finding", "case_event", "case_notice"}
    assert synced | {"catalogue_version"} <= entities  # everything intake writes goes to the central server


def test_accept_with_deficiency_lists_what_is_owed(intake, hall_queue, person, tmp_path, clerk):
    view = intake.start_case(["G003"], actor=as_clerk(intake))
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    for key in ("form_G003", "bank_card"):
        view = attach_ok(intake, view, key, tmp_path)
    view = attach_ok(intake, view, "applicant_id", tmp_path, pages=2)
    view = intake.set_disposition(view.id, item(view, "marriage_cert").id, "not_applicable", actor=as_clerk(intake))
    assert view.readiness.can_accept_with_deficiency and not view.readiness.can_accept
    with pytest.raises(RuleViolation):
        intake.accept_with_deficiency(view.id, deadline=date(2026, 11, 23), actor=clerk)
    receipt = intake.accept_with_deficiency(view.id, actor=clerk)
    assert receipt.decision == "accept_with_deficiency"
    assert receipt.owed_zh == ("房屋租赁合同",)
    assert receipt.deficiency_deadline == date(2026, 11, 30)  # 5 working days
    assert receipt.promised_date == date(2026, 11, 26)
    assert intake.receipt(view.id).receipt_number == receipt.receipt_number


def test_refusal_needs_a_reason_and_gets_a_number(intake, person, clerk):
    view = intake.start_case(["C006"], actor=as_clerk(intake))
    with pytest.raises(RuleViolation):
        intake.refuse(view.id, "no", clerk)
    refused = intake.refuse(view.id, "不属于本中心受理范围，请到户籍所在地办理", clerk)
    assert refused.status == "not_accepted" and refused.receipt_number == "H023-20261123-0001"
    with pytest.raises(RuleViolation):
        intake.receipt(view.id)


def test_files_are_never_lost(intake, hall_db, blobs, tmp_path):
    view = intake.start_case(["C006"], actor=as_clerk(intake))
    key = item(view, "form_C006").id
    first = intake.attach_file(view.id, key, scan(tmp_path, "a.png", b"same bytes"), actor=as_clerk(intake))
    with pytest.raises(RuleViolation):
        intake.attach_file(view.id, key, scan(tmp_path, "b.png", b"same bytes"), actor=as_clerk(intake))
    other = intake.attach_file(view.id, item(view, "applicant_id").id, scan(tmp_path, "c.png", b"same bytes"),
        actor=as_clerk(intake))
    assert other.duplicate_of == "a.png"
    view = intake.remove_file(first.file.id, actor=as_clerk(intake))
    assert item(view, "form_C006").files == ()
    assert blobs.path_for(first.file.sha256).read_bytes() == b"same bytes"
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(CaseFile)) == 2  # the removed row is kept
    view = intake.remove_file(first.file.id, removed=False, actor=as_clerk(intake))
    assert item(view, "form_C006").files[0].original_name == "a.png"
    second = intake.attach_file(view.id, key, scan(tmp_path, "d.png"), actor=as_clerk(intake))
    view = intake.move_file(second.file.id, -1, actor=as_clerk(intake))
    assert [f.original_name for f in item(view, "form_C006").files] == ["d.png", "a.png"]


def test_a_case_keeps_its_catalogue_version(intake, catalogue):
    view = intake.start_case(["C006"], actor=as_clerk(intake))
    data = catalogue.catalogue(1)
    raw = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    raw["label"] = "第 5 版"
    raw["matters"] = [m for m in raw["matters"] if m["code"] != "C006"] + [
        {**next(m for m in raw["matters"] if m["code"] == "C006"), "promised_days": 3}
    ]
    v2 = catalogue.import_catalogue(raw)
    assert v2.number == 2 and v2.created
    assert catalogue.matter("C006").promised_days == 3
    assert catalogue.matter("C006", version=1).promised_days == data.matter("C006").promised_days == 1
    assert intake.case_view(view.id).catalogue_version == 1
    assert intake.start_case(["C006"], actor=as_clerk(intake)).catalogue_version == 2


def test_pending_checks_survive_a_restart(intake, tmp_path):
    view = intake.start_case(["C006"], actor=as_clerk(intake))
    attached = intake.attach_file(view.id, item(view, "form_C006").id, scan(tmp_path, "f.pdf"), actor=as_clerk(intake))
    assert [j.file_id for j in intake.pending_checks(view.id)] == [attached.file.id]
    intake.record_check(attached.file.id, ok_report())
    assert intake.pending_checks(view.id) == []


def test_the_intake_screens_today_is_the_halls(catalogue, blobs, hall_db, clock) -> None:  # type: ignore[no-untyped-def]
    """Before: the intake window took China's date whatever the hall's zone (its ID age check and the 容缺
    deadline dialog start from it). The zone is read when the service is built (not on the GUI thread later)."""
    from datetime import date

    from sqlalchemy import select

    from app.services.intake import IntakeService
    from app.store.models import Hall

    with hall_db.write() as s:
        s.scalars(select(Hall)).one().timezone = "Etc/GMT+5"  # UTC-5: 02:00 UTC is still the evening before
    intake = IntakeService(hall_db, catalogue, blobs=blobs, clock=clock)
    assert intake.today() == date(2026, 11, 22)
    assert clock().date() == date(2026, 11, 23)
