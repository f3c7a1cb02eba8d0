"""A busy demo hall: citizens arrive, clerks call, start and finish tickets, some rate the service (a few badly).

Everything goes through the real services (queue, ratings), so the console, the display and the reports see
exactly what a real hall would produce, under the same rules as a real clerk: a called ticket is started before
it is finished, it is finished (not left to call-next) before the next one is called, and only a finished
ticket is rated, by its id as the window pad holds it. Used by `onewindow supervisor --demo`; deterministic
with a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.domain.errors import UserError
from app.domain.ratings import Channel, TargetKind
from app.domain.ticket_rules import TicketStatus
from app.services.hall import list_staff
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.services.views import StaffView
from app.store.database import Database

ARRIVAL_WEIGHTS = {"A": 2, "B": 5, "C": 3, "D": 2, "E": 1, "F": 2, "G": 4}


@dataclass
class HallSimulator:
    db: Database
    seed: int = 1
    windows: tuple[int, ...] = (2, 3, 4, 5, 6)
    rnd: random.Random = field(init=False)
    _opened: bool = field(default=False, init=False)
    _clerks: dict[int, StaffView] = field(default_factory=dict, init=False)  # who is signed in at each window

    def __post_init__(self) -> None:
        self.rnd = random.Random(self.seed)
        self.queue, self.ratings = QueueService(self.db), RatingService(self.db)

    def open_windows(self) -> None:
        clerks = [s for s in list_staff(self.db) if s.role == "clerk"]
        for number, clerk in zip(self.windows, clerks, strict=False):
            try:
                self.queue.open_window(number, clerk)
            except UserError:
                continue  # that clerk is signed in at another window (the demo's own staff window): leave this one
            self._clerks[number] = clerk
        self._opened = True

    def step(self) -> dict[str, int]:
        """One tick: about one arrival, and a call at a window now and then. Returns what happened."""
        if not self._opened:
            self.open_windows()
        for number in self.windows:  # the simulated staff clients are alive: no "no heartbeat" alarm
            self.queue.heartbeat(number)
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
                self._serve(window, done)
            except UserError:
                pass  # a paused window: a real clerk would resume it first
        return done

    def _serve(self, window: int, done: dict[str, int]) -> None:
        """The clerk's next move at one window: start the called citizen, or finish the one being served
        (the pad may rate it) and call the next."""
        clerk = self._clerks.get(window)  # the window's own clerk presses its keys
        current = self.queue.ticket_status_at(window)
        if current is not None and current.status == TicketStatus.CALLED:
            self.queue.start(window, actor=clerk)  # the citizen came to the window
            return
        if current is not None:
            self.queue.finish(window, actor=clerk)
            if self.rnd.random() < 0.5:
                level = self.rnd.choices([5, 4, 3, 2, 1], [60, 25, 8, 4, 3])[0]
                reasons = [self.rnd.choice(["wait", "attitude", "notice"])] if level <= 2 else []
                self.ratings.submit(TargetKind.TICKET, current.id, level, reasons, channel=Channel.WINDOW_PAD)
                done["rated"] += 1
        called = self.queue.call_next(window, actor=clerk)
        done["called"] += int(called is not None)
