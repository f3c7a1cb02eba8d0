"""Poll the hall's change counter for one screen; call back when it moved.

Each screen keeps its own in-flight flag: screens sharing one service runner (the demo) must not
skip their polls because another screen's call happens to be on the worker at that moment.
"""

from __future__ import annotations

from collections.abc import Callable

from app.ui.runner import ServiceRunner


class ChangeWatcher:
    def __init__(self, runner: ServiceRunner, counter: Callable[[], int]) -> None:
        self.runner, self.counter = runner, counter
        self.seen: int | None = None
        self._in_flight = False

    def poll(self, on_change: Callable[[], None]) -> None:
        if self._in_flight:
            return  # the previous poll has not answered yet: never queue polls behind a slow database

        def done(value: int) -> None:
            self._in_flight = False
            if value != self.seen:
                self.seen = value
                on_change()

        def failed(_exc: Exception) -> None:
            self._in_flight = False  # try again next tick (e.g. the database was briefly locked)

        self._in_flight = True
        self.runner.submit(self.counter, done, failed)
