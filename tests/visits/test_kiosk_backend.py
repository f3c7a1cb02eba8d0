"""The kiosk's appointment check-in and ratings come from the real services; sync status says local mode."""

import pytest
from sqlalchemy import select

from app.services.appointments import AppointmentService
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.models_visits import Rating, RatingFollowUp
from kiosk.backend import KioskBackend, KioskError, RatingLevel, RatingTarget
from kiosk.queue_backend import QueueKioskBackend
from tests.kiosk.conftest import (  # noqa: F401 - the kiosk window fixtures, for the end-to-end screen test
    backend,
    card_reader,
    hall_template,
    make_kiosk,
    mono,
    printer,
    speaker,
    wall,
)
from tests.visits.conftest import RECEIPT, TODAY, make_case


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
    with pytest.raises(KioskError) as err:
        real.check_in_appointment(a.code)
    assert err.value.code == "appointment_used" and "D001" in err.value.message("zh_CN")
    with pytest.raises(KioskError) as err:
        real.check_in_appointment("20260001")  # the fake's sample codes mean nothing here
    assert err.value.code == "appointment_not_found" and err.value.message("en_US")


def test_rating_a_ticket_and_a_case(real, sqlite_hall, clock):
    t = real.issue_ticket("B")
    target = real.rating_target(t.qr_payload)
    assert (target.kind, target.reference, target.target_id) == ("ticket", "B001", t.id)
    real.submit_rating(target, RatingLevel.VERY_DISSATISFIED, ("attitude",))
    with pytest.raises(KioskError) as err:
        real.rating_target("B001")
    assert err.value.code == "already_rated"
    make_case(sqlite_hall, clock)
    case = real.rating_target(f"OW1:R:{RECEIPT}")
    assert case.kind == "case" and case.reference == RECEIPT
    # A target built from its reference only (as the fake builds them) is resolved again.
    real.submit_rating(RatingTarget("case", RECEIPT, "", ""), RatingLevel.SATISFIED, ())
    with sqlite_hall.read() as s:
        rows = {r.target_kind: (r.level, r.channel, tuple(r.reasons)) for r in s.scalars(select(Rating))}
        assert s.scalars(select(RatingFollowUp)).one()
    assert rows == {"ticket": (1, "kiosk", ("attitude",)), "case": (4, "kiosk", ())}
    with pytest.raises(KioskError) as err:
        real.submit_rating(real.rating_target(real.issue_ticket("C").display_number), RatingLevel.DISSATISFIED, ())
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

    ticket = real.issue_ticket("B")
    kiosk = make_kiosk(backend=real)
    kiosk.session.handle_scan(ticket.qr_payload)  # a ticket QR on the home screen opens the rating screen
    assert kiosk.session.screen_name == "rating"
    click(qtbot, kiosk, "level_2")
    click(qtbot, kiosk, "reason_wait")
    click(qtbot, kiosk, "submit")
    assert kiosk.session.screen_name == "thanks"
    [follow_up] = real.ratings.open_follow_ups()
    assert (follow_up.reference, follow_up.level_zh, follow_up.reasons_zh) == ("B001", "不满意", "等候时间长")
