"""The one wrong-PIN rule: five in a row lock; a lock runs out; a guess that raced the lock does not lift it."""

from __future__ import annotations

from app.domain.lockout import Attempts


def test_five_wrong_lock_and_the_lock_runs_out() -> None:
    a = Attempts()
    for n in range(1, 5):
        a = a.failed(100.0)
        assert a == Attempts(n, None)
    a = a.failed(100.0)
    assert a.locked_until == 700.0 and a.locked_for(100.0) == 600.0
    assert a.locked_for(700.0) == 0.0
    assert a.failed(701.0) == Attempts(1, None)  # after the lock-out, counting starts afresh


def test_a_guess_that_raced_the_lock_neither_lifts_nor_extends_it() -> None:
    """Two guesses read "unlocked" at once; the first locks, the second is counted after it: still locked until
    the same moment (before: the second one started the count again and unlocked the login)."""
    locked = Attempts(5, 700.0)
    assert locked.failed(150.0) == locked
