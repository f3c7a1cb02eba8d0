"""A case served at the window is rated on the pad: with its ticket when it was served on one (one rating
per service, the rating records the case), on its own when no ticket was in service."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.ratings import RatingError
from app.services.intake import IntakeService
from app.services.rating_pad import RatingPadService
from app.services.ratings import RatingService
from app.store.models import QueueEvent
from app.store.models_visits import Rating
from tests.intake.helpers import as_clerk, attach_ok


def accept_case(intake: IntakeService, person, tmp: Path, *, ticket_id=None, window=3):  # type: ignore[no-untyped-def]
    view = intake.start_case(["C006"], ticket_id=ticket_id, window_number=window, actor=as_clerk(intake))
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    for i in view.items:
        if i.material.requirement == "required":
            view = attach_ok(intake, view, i.material.key, tmp, pages=i.material.sides)
        else:
            view = intake.set_disposition(view.id, i.id, "not_applicable", actor=as_clerk(intake))
    return intake.accept(view.id, as_clerk(intake))


def test_a_ticket_and_its_case_are_rated_once(hall_db, clock, hall_queue, intake, person, clerk, tmp_path):
    pad, ratings = RatingPadService(hall_db, clock=clock), RatingService(hall_db, clock=clock)
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B")
    ticket = hall_queue.call_next(3, actor=clerk)
    assert ticket is not None
    hall_queue.start(3, actor=clerk)
    receipt = accept_case(intake, person, tmp_path, ticket_id=ticket.id)
    assert pad.to_rate(3) is None  # still being served: ask when the ticket ends, not now
    hall_queue.finish(3, actor=clerk)
    service = pad.to_rate(3)
    assert service is not None and (service.kind, service.target_id) == ("ticket", ticket.id)
    assert service.receipts == (receipt.receipt_number,)
    rating = ratings.submit(service.kind, service.target_id, 5, channel="window_pad")
    with hall_db.read() as s:
        stored = s.get(Rating, rating.id)
        assert stored is not None and stored.case_ids == [receipt.case_id] and stored.channel == "window_pad"
    assert pad.to_rate(3) is None
    with pytest.raises(RatingError) as refused:  # the receipt's QR at the kiosk: this service was rated
        ratings.rate(receipt.qr_payload, 4)
    assert refused.value.code == "already_rated"


def test_a_case_without_a_ticket_is_rated_on_its_own_or_times_out(
    hall_db, clock, hall_queue, intake, person, clerk, tmp_path
):
    pad, ratings = RatingPadService(hall_db, clock=clock), RatingService(hall_db, clock=clock)
    hall_queue.open_window(3, clerk)
    first = accept_case(intake, person, tmp_path)  # no ticket in service at window 3
    service = pad.to_rate(3)
    assert service is not None and (service.kind, service.reference) == ("case", first.receipt_number)
    assert pad.to_rate(4) is None  # another window's pad does not ask
    ratings.submit(service.kind, service.target_id, 2, ["attitude"], channel="window_pad")
    assert pad.to_rate(3) is None
    clock.advance(minutes=1)
    second = accept_case(intake, person, tmp_path)
    service = pad.to_rate(3)
    assert service is not None and service.reference == second.receipt_number
    pad.not_rated(service.target_id, 3, service.kind)
    pad.not_rated(service.target_id, 3, service.kind)  # recorded once
    assert pad.to_rate(3) is None
    with hall_db.read() as s:
        rows = s.scalars(select(Rating)).all()
        assert [(r.target_kind, r.reference, r.case_ids) for r in rows] == [
            ("case", first.receipt_number, [first.case_id])
        ]
        skipped = s.scalars(select(QueueEvent.detail).where(QueueEvent.kind == "not_rated")).all()
        assert skipped == [{"channel": "window_pad", "case_id": second.case_id}]
    clock.advance(minutes=3)
    third = accept_case(intake, person, tmp_path)
    clock.advance(minutes=3)  # the citizen left long ago: a pad that starts now does not ask the next one
    assert third.receipt_number and pad.to_rate(3) is None


def test_a_case_handed_out_during_a_ticket_is_rated_with_it(
    hall_db, clock, hall_queue, intake, cases, person, clerk, reviewer, tmp_path
):
    receipt = accept_case(intake, person, tmp_path, window=5)
    for status, who in (("with_department", clerk), ("in_review", reviewer), ("approved", reviewer),
                        ("ready_for_pickup", reviewer)):  # fmt: skip
        cases.move(receipt.case_id, status, actor=who)
    clock.advance(minutes=5)
    pad, ratings = RatingPadService(hall_db, clock=clock), RatingService(hall_db, clock=clock)
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B")
    ticket = hall_queue.call_next(3, actor=clerk)
    assert ticket is not None
    cases.deliver(receipt.case_id, person.id_number, actor=clerk)  # 出件 while B001 is at the window
    assert pad.to_rate(3) is None
    hall_queue.finish(3, actor=clerk)
    service = pad.to_rate(3)
    assert service is not None and service.target_id == ticket.id and service.receipts == (receipt.receipt_number,)
    ratings.submit("ticket", ticket.id, 5, channel="window_pad")
    with pytest.raises(RatingError):
        ratings.submit("case", receipt.case_id, 5, channel="kiosk")
