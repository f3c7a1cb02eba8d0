"""A busy demo hall: citizens arrive, clerks call and finish tickets, some rate the service (a few badly).

Everything goes through the real services (queue, ratings), so the console, the display and the reports see
exactly what a real hall would produce. Used by `onewindow supervisor --demo`; deterministic with a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.domain.errors import UserError
from app.services.hall import list_staff
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.database import Database

ARRIVAL_WEIGHTS = {"A": 2, "B": 5, "C": 3, "D": 2, "E": 1, "F": 2, "G": 4}


@dataclass
class HallSimulator:
    db: Database
    seed: int = 1
    windows: tuple[int, ...] = (2, 3, 4, 5, 6)
    rnd: random.Random = field(init=False)
    _opened: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.rnd = random.Random(self.seed)
        self.queue, self.ratings = QueueService(self.db), RatingService(self.db)

    def open_windows(self) -> None:
        clerks = [s for s in list_staff(self.db) if s.role == "clerk"]
        for number, clerk in zip(self.windows, clerks, strict=False):
            self.queue.open_window(number, clerk.id)
        self._opened = True

    def step(self) -> dict[str, int]:
        """One tick: about one arrival, and a call at a window now and then. Returns what happened."""
        if not self._opened:
            self.open_windows()
        done = {"issued": 0, "called": 0, "rated": 0}
        prefixes, weights = list(ARRIVAL_WEIGHTS), list(ARRIVAL_WEIGHTS.values())
        for _ in range(self.rnd.choice((0, 1, 1, 2))):
            try:
                self.queue.issue_ticket(self.rnd.choices(prefixes, weights)[0], source="kiosk")
                done["issued"] += 1
            except UserError:
                pass  # closed hall or a full category: a real kiosk would say so
        if self.rnd.random() < 0.45:
            window = self.rnd.choice(self.windows)
            try:
                finished_ticket = self._current(window)
                called = self.queue.call_next(window)  # finishes the ticket still at the window
                done["called"] += int(called is not None)
                if finished_ticket is not None and self.rnd.random() < 0.5:
                    level = self.rnd.choices([5, 4, 3, 2, 1], [60, 25, 8, 4, 3])[0]
                    reasons = [self.rnd.choice(["wait", "attitude", "notice"])] if level <= 2 else []
                    self.ratings.rate(finished_ticket, level, reasons, channel="window_pad")
                    done["rated"] += 1
            except UserError:
                pass  # a paused window, or already rated
        return done

    def _current(self, window: int) -> str | None:
        from app.services.board import QueueBoard

        current = QueueBoard(self.db).window_view(window).current
        return current.display_number if current is not None else None
