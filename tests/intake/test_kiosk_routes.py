"""The kiosk's case progress and service guide come from the real case and catalogue services."""

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import UserError
from app.domain.masking import mask_id
from kiosk.backend import CaseStatus, MatterKind
from kiosk.queue_backend import QueueKioskBackend
from tests.intake.test_cases_service import accepted_case


@pytest.fixture
def backend(hall_queue, cases, catalogue):  # type: ignore[no-untyped-def]
    from app.services.appointments import AppointmentService
    from app.services.ratings import RatingService

    db, clock = hall_queue.db, hall_queue.clock
    return QueueKioskBackend(
        hall_queue,
        cases=cases,
        catalogue=catalogue,
        appointments=AppointmentService(db, clock=clock),
        ratings=RatingService(db, clock=clock),
    )


def test_case_progress_follows_the_back_office(backend, intake, cases, person, tmp_path, reviewer):
    case_id = accepted_case(intake, person, tmp_path)
    receipt = cases.row(case_id).receipt_number
    last4 = person.id_number[-4:]
    progress = backend.case_progress(receipt, last4)
    assert progress.status is CaseStatus.RECEIVED and progress.receipt_number == receipt
    assert person.name not in progress.applicant_masked and progress.id_masked.endswith(last4)
    assert progress.id_masked == mask_id(person.id_number)  # the one policy, applied by the service
    for status in ("in_review", "approved", "ready_for_pickup"):
        cases.move(case_id, status, actor=reviewer)
    assert backend.case_progress(receipt.lower(), last4).status is CaseStatus.READY
    with pytest.raises(UserError) as err:
        backend.case_progress(receipt, "0000")
    assert "未查到" in err.value.message_zh


def test_case_progress_dates_are_the_halls_days(backend, intake, cases, person, tmp_path, clock):
    clock.now = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # 07:30 on the 24th in Beijing
    receipt = cases.row(accepted_case(intake, person, tmp_path)).receipt_number
    progress = backend.case_progress(receipt, person.id_number[-4:])
    assert progress.accepted_on == date(2026, 11, 24)  # never the UTC date of the moment stored


def test_service_guide_from_the_catalogue(backend):
    hits = backend.search_matters("qykb")
    assert hits and hits[0].name_zh == "企业开办"
    bundle = backend.matter_guide(hits[0].code)
    assert bundle.fee_fen == 0 and bundle.promised_days == 1 and bundle.kind is MatterKind.PROMISED
    names = [m.name_zh for m in bundle.materials]
    assert any("申请表" in n for n in names) and any("身份证" in n for n in names)  # the 2 always required
    hits = backend.search_matters("居住证")
    guide = backend.matter_guide(hits[0].code)
    assert guide.kind in (MatterKind.IMMEDIATE, MatterKind.PROMISED) and guide.materials
    with pytest.raises(UserError):
        backend.matter_guide("NO-SUCH-CODE")
