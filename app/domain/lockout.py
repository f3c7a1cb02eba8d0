"""Wrong-PIN lock-out: one rule for staff signing in at the hall, back-office reviewers on the central server and
the kiosk's administrator exit. A four-digit PIN falls to 10,000 guesses; after a few wrong ones in a row the
account answers nothing for a while, whatever is typed, and says for how long.

Times are seconds on the caller's clock (the epoch for stored attempts, a monotonic clock in memory).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.errors import AuthError

MAX_FAILURES = 5
LOCKOUT_SECONDS = 600.0


@dataclass(frozen=True)
class Attempts:
    """Wrong PINs in a row since the last success, and until when the account is locked (None: it is not)."""

    failures: int = 0
    locked_until: float | None = None

    def locked_for(self, now: float) -> float:
        """Seconds of lock-out left (0: not locked)."""
        return max(0.0, self.locked_until - now) if self.locked_until is not None else 0.0

    def failed(self, now: float, max_failures: int = MAX_FAILURES, lockout_s: float = LOCKOUT_SECONDS) -> Attempts:
        """After one more wrong PIN: the count goes on (afresh once a lock-out has run out); reaching
        `max_failures` locks the account for `lockout_s`."""
        if self.locked_until is not None and now < self.locked_until:
            return self  # a guess that raced the lock (read before it was written) neither lifts nor extends it
        failures = (0 if self.locked_until is not None else self.failures) + 1
        if failures >= max_failures:
            return Attempts(failures, now + lockout_s)
        return Attempts(failures, None)


def lock_minutes(seconds: float) -> int:
    """Minutes of lock-out left as people read them (0: not locked). Whole seconds first: a lock written a moment
    later by a parallel request must not read "11 min"."""
    return math.ceil(round(seconds) / 60) if seconds > 0 else 0


def locked_out(seconds: float) -> AuthError:
    minutes = max(1, lock_minutes(seconds))
    return AuthError(
        f"密码连续输错次数过多，账号已暂时锁定，请 {minutes} 分钟后再试",
        f"Too many wrong PINs in a row: the account is locked; try again in {minutes} min",
    )
