"""The window rating pad: asks after the clerk finishes, reasons for a bad level, a time-out records
"not rated"; normal and elderly sizes (screenshots)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services.rating_pad import RatingPadService
from app.services.ratings import RatingService
from app.store.models import QueueEvent
from app.store.models_visits import Rating, RatingFollowUp
from app.ui.evaluator.pad import RatingPad


def _pad(sqlite_hall, board, runner, clock, elderly=False):  # type: ignore[no-untyped-def]
    return RatingPad(board, RatingService(sqlite_hall, clock=clock), RatingPadService(sqlite_hall, clock=clock),
                     runner, 3, elderly=elderly, poll_ms=60_000, timeout_s=60)  # fmt: skip


@pytest.mark.parametrize("elderly", [False, True])
def test_bad_rating_with_reasons_opens_a_follow_up(qtbot, sqlite_hall, queue, board, runner, clock, artifacts, elderly):
    queue.open_window(3, None)
    queue.issue_ticket("B")
    pad = _pad(sqlite_hall, board, runner, clock, elderly)
    qtbot.addWidget(pad)
    pad.resize(600, 1000)
    pad.show()
    qtbot.waitExposed(pad)
    t = queue.call_next(3)
    pad.refresh()
    assert pad.stack.currentIndex() == 0 and t.display_number in pad.now_serving.text()
    mode = "elderly" if elderly else "normal"
    pad.grab().save(str(artifacts / f"rating_pad_serving_{mode}.png"))
    queue.finish(3)
    pad.refresh()
    assert pad.stack.currentIndex() == 1 and t.display_number in pad.question.text()
    assert pad.level_buttons[1].height() >= pad.theme.tile_px
    pad.grab().save(str(artifacts / f"rating_pad_levels_{mode}.png"))
    pad.level_buttons[2].click()
    assert pad.stack.currentIndex() == 2 and not pad.submit_button.isEnabled()
    pad.reason_buttons["wait"].click()
    pad.grab().save(str(artifacts / f"rating_pad_reasons_{mode}.png"))
    pad.submit_button.click()
    assert pad.stack.currentIndex() == 3 and "感谢" in pad.thanks.text()
    with sqlite_hall.read() as s:
        rating = s.scalars(select(Rating)).one()
        assert (rating.level, rating.reasons, rating.channel) == (2, ["wait"], "window_pad")
        assert s.scalars(select(RatingFollowUp)).one().rating_id == rating.id


def test_time_out_records_not_rated_and_a_no_show_is_not_asked(qtbot, sqlite_hall, queue, board, runner, clock):
    queue.open_window(3, None)
    queue.issue_ticket("B")
    queue.issue_ticket("B")
    pad = _pad(sqlite_hall, board, runner, clock)
    qtbot.addWidget(pad)
    queue.call_next(3)
    pad.refresh()
    queue.skip(3)  # no-show: nothing to rate
    pad.refresh()
    assert pad.stack.currentIndex() == 0
    t = queue.call_next(3)
    pad.refresh()
    queue.finish(3)
    pad.refresh()
    assert pad.stack.currentIndex() == 1
    pad.timed_out()
    assert pad.stack.currentIndex() == 0
    with sqlite_hall.read() as s:
        kinds = s.scalars(select(QueueEvent.ticket_id).where(QueueEvent.kind == "not_rated")).all()
        assert kinds == [t.id] and s.scalars(select(Rating)).all() == []
