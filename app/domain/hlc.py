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


class HybridLogicalClock:
    def __init__(self, wall_ms: Callable[[], int] | None = None) -> None:
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._last = 0
        self._lock = threading.Lock()

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

    def observe(self, remote: int) -> int:
        """Merge a timestamp received from another device; returns the new local time."""
        with self._lock:
            if remote > self._last:
                self._last = remote
        return self.now()
