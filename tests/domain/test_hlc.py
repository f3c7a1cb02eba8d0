"""The hybrid logical clock: strictly increasing, merges remote times, refuses a clock far ahead."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.hlc import DAY_MS, HybridLogicalClock, pack, unpack


class Wall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_strictly_increasing_even_when_the_wall_clock_goes_back() -> None:
    wall = Wall(1_000_000)
    clock = HybridLogicalClock(wall)
    first = clock.now()
    wall.ms -= 5_000  # NTP stepped the clock back
    second = clock.now()
    assert second > first and unpack(second) == (1_000_000, 1)


def test_counter_exhausted_within_a_millisecond_borrows_the_next() -> None:
    clock = HybridLogicalClock(Wall(10))
    clock.restart_from(pack(10, (1 << 16) - 1))
    assert unpack(clock.now()) == (11, 0)


def test_observe_merges_a_remote_time_and_refuses_one_too_far_ahead() -> None:
    wall = Wall(5_000_000)
    clock = HybridLogicalClock(wall)
    ahead = pack(5_000_000 + 60_000, 3)  # a minute ahead: normal skew between PCs
    assert clock.observe(ahead) is True and clock.now() > ahead
    far = pack(5_000_000 + 2 * DAY_MS, 0)
    assert clock.too_far_ahead(far) and clock.observe(far) is False
    assert clock.now() < far  # not dragged into the future


def test_restart_from_the_largest_stored_time() -> None:
    clock = HybridLogicalClock(Wall(1))
    clock.restart_from(pack(9_999, 4))
    assert clock.now() == pack(9_999, 5)
    clock.restart_from(pack(5, 0))  # an older value never moves it back
    assert clock.now() == pack(9_999, 6)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.booleans(), st.integers(0, 20_000)), max_size=60))
def test_every_timestamp_is_greater_than_all_before_it(steps: list[tuple[int, bool, int]]) -> None:
    wall = Wall(0)
    clock = HybridLogicalClock(wall, max_drift_ms=10_000)
    seen = 0
    for wall_ms, remote, remote_ms in steps:
        wall.ms = wall_ms
        if remote:
            clock.observe(pack(remote_ms, 0))
        stamp = clock.now()
        assert stamp > seen
        seen = stamp
