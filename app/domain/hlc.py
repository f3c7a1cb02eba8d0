"""Hybrid logical clock: orders changes across devices even when wall clocks drift.

Packed into one integer (wall milliseconds << 16 | counter) so it sorts and compares as a number
in any database.
"""

import threading
import time
from collections.abc import Callable

_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << _COUNTER_BITS) | counter


def unpack(value: int) -> tuple[int, int]:
    return value >> _COUNTER_BITS, value & _COUNTER_MASK


DAY_MS = 24 * 3600 * 1000


class HybridLogicalClock:
    def __init__(self, wall_ms: Callable[[], int] | None = None, max_drift_ms: int = DAY_MS) -> None:
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._last = 0
        self._lock = threading.Lock()
        self.max_drift_ms = max_drift_ms

    @property
    def last(self) -> int:
        return self._last

    def restart_from(self, stored: int) -> None:
        """Continue after the largest time already stored, so a restarted process never goes back (or to 0)."""
        with self._lock:
            if stored > self._last:
                self._last = stored

    def too_far_ahead(self, remote: int) -> bool:
        """A remote time more than the allowed drift ahead of our wall clock: a device with a wrong clock."""
        return unpack(remote)[0] > self._wall_ms() + self.max_drift_ms

    def now(self) -> int:
        """A timestamp strictly greater than every one this clock has produced or observed."""
        with self._lock:
            last_wall, last_counter = unpack(self._last)
            wall = self._wall_ms()
            if wall > last_wall:
                self._last = pack(wall, 0)
            else:
                if last_counter >= _COUNTER_MASK:
                    # Counter exhausted within one millisecond: borrow the next millisecond.
                    self._last = pack(last_wall + 1, 0)
                else:
                    self._last = pack(last_wall, last_counter + 1)
            return self._last

    def observe(self, remote: int) -> bool:
        """Merge a timestamp received from another device. A time more than the allowed drift ahead is refused
        (returns False) so one device with a wrong clock cannot drag every other clock into the future."""
        if self.too_far_ahead(remote):
            return False
        with self._lock:
            if remote > self._last:
                self._last = remote
        return True
