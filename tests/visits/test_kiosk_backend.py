"""The kiosk's appointment check-in and ratings come from the real services; sync status says local mode."""

import pytest
from sqlalchemy import select

from app.domain.errors import UserError
from app.services.appointments import AppointmentService
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.models_visits import Rating, RatingFollowUp
from kiosk.backend import KioskBackend, RatingLevel
from kiosk.queue_backend import QueueKioskBackend
from tests.kiosk.conftest import (  # noqa: F401 - the kiosk window fixtures, for the end-to-end screen test
    _bundled_font,
    backend,
    card_reader,
    hall_template,
    make_kiosk,
    mono,
    printer,
    speaker,
    wall,
)
from tests.visits.conftest import RECEIPT, TODAY, make_case, served


@pytest.fixture
def real(sqlite_hall, clock) -> QueueKioskBackend:  # type: ignore[no-untyped-def]
    return QueueKioskBackend.over(sqlite_hall, clock=clock)


def test_nothing_is_faked_any_more(real):
    assert isinstance(real, KioskBackend)
    assert isinstance(real.appointments, AppointmentService) and isinstance(real.ratings, RatingService)
    status = real.sync_status()
    assert status.local_only and not status.online and status.last_sync_at is None


def test_check_in_routes_to_the_appointment_service(real, clock):
    a = real.appointments.book("D", TODAY, "10:00-10:30")
    ticket = real.check_in_appointment(a.qr_payload)
    assert (ticket.display_number, ticket.priority, ticket.category_prefix) == ("D001", "appointment", "D")
    with pytest.raises(UserError) as err:
        real.check_in_appointment(a.code)
    assert err.value.code == "appointment_used" and "D001" in err.value.message_zh
    with pytest.raises(UserError) as err:
        real.check_in_appointment("20260001")  # the fake's sample codes mean nothing here
    assert err.value.code == "appointment_not_found" and err.value.message_en


def test_rating_a_ticket_and_a_case(real, sqlite_hall, clock):
    t = served(real.queue)
    target = real.rating_target(t.qr_payload)
    assert (target.kind, target.reference, target.target_id) == ("ticket", "B001", t.id)
    real.submit_rating(target, RatingLevel.VERY_DISSATISFIED, ("attitude",))
    with pytest.raises(UserError) as err:
        real.rating_target(t.qr_payload)
    assert err.value.code == "already_rated"
    with pytest.raises(UserError) as err:
        real.rating_target("B001")
    assert err.value.code == "rating_proof"
    make_case(sqlite_hall, clock)
    case = real.rating_target(f"OW1:R:{RECEIPT}")
    assert case.kind == "case" and case.reference == RECEIPT
    assert real.rating_target(RECEIPT, id_last4="002X").target_id == case.target_id
    real.submit_rating(case, RatingLevel.SATISFIED, ())
    with sqlite_hall.read() as s:
        rows = {r.target_kind: (r.level, r.channel, tuple(r.reasons)) for r in s.scalars(select(Rating))}
        assert s.scalars(select(RatingFollowUp)).one()
    assert rows == {"ticket": (1, "kiosk", ("attitude",)), "case": (4, "kiosk", ())}
    with pytest.raises(UserError) as err:
        real.submit_rating(real.rating_target(served(real.queue, "C").qr_payload), RatingLevel.DISSATISFIED, ())
    assert err.value.code == "reason_required"


def test_every_service_is_required(sqlite_hall, clock):
    """No part of the kiosk can silently fall back to a fake: a missing service is a programming error."""
    with pytest.raises(TypeError):
        QueueKioskBackend(QueueService(sqlite_hall, clock=clock))  # type: ignore[call-arg]


def test_kiosk_screen_checks_in_a_scanned_appointment(make_kiosk, real):  # noqa: F811
    code = real.appointments.book("G", TODAY, "10:30-11:00").code
    kiosk = make_kiosk(backend=real)
    kiosk.session.handle_scan(f"OW1:A:H023:{code}")  # the scanner, on the home screen
    assert kiosk.session.screen_name == "ticket_result"
    assert kiosk.session.screen.number.text() == "G001"


def test_kiosk_screen_bad_rating_opens_a_follow_up(qtbot, make_kiosk, real):  # noqa: F811
    from tests.kiosk.test_flows import click

    ticket = served(real.queue)
    kiosk = make_kiosk(backend=real)
    kiosk.session.handle_scan(ticket.qr_payload)  # a ticket QR on the home screen opens the rating screen
    assert kiosk.session.screen_name == "rating"
    click(qtbot, kiosk, "level_2")
    click(qtbot, kiosk, "reason_wait")
    click(qtbot, kiosk, "submit")
    assert kiosk.session.screen_name == "thanks"
    [follow_up] = real.ratings.open_follow_ups()
    assert (follow_up.reference, follow_up.level_zh, follow_up.reasons_zh) == ("B001", "不满意", "等候时间长")


def test_receipt_qr_fills_progress_and_last4_finds_case(qtbot, make_kiosk, real, sqlite_hall, clock, artifacts):  # noqa: F811
    from tests.kiosk.test_flows import click

    make_case(sqlite_hall, clock)
    kiosk = make_kiosk(backend=real)
    kiosk.session.handle_scan(f"OW1:R:{RECEIPT}")  # the receipt's QR, scanned on the home screen
    screen = kiosk.session.screen
    assert kiosk.session.screen_name == "progress" and screen.receipt.text() == RECEIPT
    assert "后4位" in screen.error.text() and "请输入受理编号" not in screen.error.text()
    kiosk.grab().save(str(artifacts / "kiosk_progress_receipt_scanned.png"))
    screen.last4.setText("002X")
    click(qtbot, kiosk, "query")
    assert kiosk.session.screen_name == "progress_result"
    assert kiosk.session.screen.progress.receipt_number == RECEIPT


def test_kiosk_rates_a_case_by_receipt_number_and_last4(qtbot, make_kiosk, real, sqlite_hall, clock):  # noqa: F811
    from tests.kiosk.test_flows import click

    make_case(sqlite_hall, clock)
    kiosk = make_kiosk(backend=real)
    kiosk.session.go("rating")
    s = kiosk.session.screen
    s.field.setText(RECEIPT)
    click(qtbot, kiosk, "lookup")
    assert "后4位" in s.error.text()  # says what proof is missing
    s.last4.setText("002X")
    click(qtbot, kiosk, "lookup")
    assert s.target is not None and s.target.kind == "case"
    click(qtbot, kiosk, "level_5")
    click(qtbot, kiosk, "submit")
    assert kiosk.session.screen_name == "thanks"
