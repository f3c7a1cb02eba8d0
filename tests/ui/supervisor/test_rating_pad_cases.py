"""The rating pad asks about a case served at the window: with the ticket it was served on (asked once), or
on its own; screenshots under tests/artifacts/."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services.board import QueueBoard
from app.services.rating_pad import RatingPadService
from app.services.ratings import RatingService
from app.store.models_visits import Rating
from app.ui.evaluator.pad import RatingPad
from tests.supervision.test_pad_cases import accept_case


@pytest.mark.parametrize("elderly", [False, True])
def test_pad_rates_a_ticket_with_its_case_then_a_case_alone(
    qtbot, hall_db, clock, runner, hall_queue, intake, person, clerk, tmp_path, artifacts, elderly
):
    pad = RatingPad(QueueBoard(hall_db, clock=clock), RatingService(hall_db, clock=clock),
                    RatingPadService(hall_db, clock=clock), runner, 3, elderly=elderly, poll_ms=60_000,
                    timeout_s=60)  # fmt: skip
    qtbot.addWidget(pad)
    pad.resize(600, 1000)
    pad.show()
    qtbot.waitExposed(pad)
    mode = "elderly" if elderly else "normal"
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B")
    ticket = hall_queue.call_next(3, actor=clerk)
    assert ticket is not None
    first = accept_case(intake, person, tmp_path, ticket_id=ticket.id)
    pad.refresh()
    assert pad.stack.currentIndex() == 0  # the case is part of the ticket's service: not asked yet
    hall_queue.finish(3, actor=clerk)
    pad.refresh()
    assert pad.stack.currentIndex() == 1
    assert ticket.display_number in pad.question.text() and str(first.receipt_number) in pad.covers.text()
    assert pad.covers.isVisible()
    pad.grab().save(str(artifacts / f"rating_pad_ticket_with_case_{mode}.png"))
    pad.level_buttons[4].click()
    assert pad.stack.currentIndex() == 3
    pad.refresh()
    assert pad.stack.currentIndex() == 3  # not asked again for the case it covered
    clock.advance(seconds=30)
    second = accept_case(intake, person, tmp_path)  # no ticket at the window now
    pad.refresh()
    assert pad.stack.currentIndex() == 1 and str(second.receipt_number) in pad.question.text()
    assert not pad.covers.isVisible()
    pad.grab().save(str(artifacts / f"rating_pad_case_{mode}.png"))
    pad.level_buttons[5].click()
    with hall_db.read() as s:
        rows = {r.target_kind: r for r in s.scalars(select(Rating))}
    assert rows["ticket"].case_ids == [first.case_id] and rows["ticket"].level == 4
    assert rows["case"].target_id == second.case_id and rows["case"].channel == "window_pad"
    assert len(rows) == 2
