"""Screens refresh on a counter that moves once per committed change, in commit order."""

import pytest

from app.domain.errors import NotFoundError
from app.services.board import QueueBoard
from app.services.queue import QueueService


def test_counter_moves_once_per_committed_change(hall_db, clock):
    board, queue = QueueBoard(hall_db, clock), QueueService(hall_db, clock)
    start = board.change_counter()
    queue.issue_ticket("B")
    assert board.change_counter() == start + 1
    queue.list_categories()
    board.display_snapshot()  # reads change nothing
    assert board.change_counter() == start + 1
    with pytest.raises(NotFoundError):
        queue.issue_ticket("Z")  # rolled back: no change
    assert board.change_counter() == start + 1
    queue.call_next(3)
    assert board.change_counter() == start + 2
    assert board.display_snapshot().change_counter == start + 2
