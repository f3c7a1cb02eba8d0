"""Administrator exit: a hidden corner gesture, then an argon2-checked PIN with lock-out.

The PIN itself is never logged or stored; only its argon2 hash lives in the kiosk config
(make one with ``python -m kiosk.admin``).
"""

from __future__ import annotations

import enum
import getpass
import logging
import sys
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.credentials import KIOSK_ADMIN_PIN_DIGITS, check_new_pin
from app.domain.errors import RuleViolation
from app.domain.lockout import MAX_FAILURES, Attempts

log = logging.getLogger("onewindow.kiosk.admin")

# Exit status for a deliberate administrator exit. 64 so the systemd unit can say
# RestartPreventExitStatus=64 (restart after crashes, not after an administrator closed it).
ADMIN_EXIT_CODE = 64
# A scheduled maintenance restart (Restart=always brings the kiosk straight back).
MAINTENANCE_EXIT_CODE = 75
# Unhandled exception: the service manager restarts the kiosk.
CRASH_EXIT_CODE = 70


class CornerTapDetector:
    """N taps inside the top-right corner square within ``window_s`` seconds opens the PIN pad."""

    def __init__(self, taps: int = 5, window_s: float = 3.0, corner_px: int = 100) -> None:
        self.taps = taps
        self.window_s = window_s
        self.corner_px = corner_px
        self._times: deque[float] = deque(maxlen=taps)

    def in_corner(self, x: float, y: float, width: float) -> bool:
        return x >= width - self.corner_px and 0 <= y <= self.corner_px

    def tap(self, x: float, y: float, width: float, now: float) -> bool:
        if not self.in_corner(x, y, width):
            self._times.clear()  # any other tap breaks the sequence
            return False
        self._times.append(now)
        if len(self._times) == self.taps and self._times[-1] - self._times[0] <= self.window_s:
            self._times.clear()
            return True
        return False


class PinResult(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_CONFIGURED = "not_configured"


class PinVerifier:
    """Checks the admin PIN; after ``max_failures`` wrong PINs it refuses everything for ``lockout_s`` (the
    hall's one lock-out rule, app.domain.lockout, counted in memory on the kiosk's monotonic clock)."""

    def __init__(self, pin_hash: str | None, max_failures: int = MAX_FAILURES, lockout_s: float = 600.0) -> None:
        self._hash = pin_hash or None
        self.max_failures = max_failures
        self.lockout_s = lockout_s
        self._attempts = Attempts()
        self._hasher = PasswordHasher()

    @property
    def failures(self) -> int:
        return self._attempts.failures

    def locked_remaining(self, now: float) -> float:
        return self._attempts.locked_for(now)

    def verify(self, pin: str, now: float) -> PinResult:
        if self._hash is None:
            log.warning("admin exit attempted but no admin PIN hash is configured")
            return PinResult.NOT_CONFIGURED
        if self._attempts.locked_for(now) > 0:
            log.warning("admin PIN attempt refused: locked out for %.0f s more", self._attempts.locked_for(now))
            return PinResult.LOCKED
        try:
            self._hasher.verify(self._hash, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            self._attempts = self._attempts.failed(now, self.max_failures, self.lockout_s)
            log.warning("admin PIN failure %d/%d", self._attempts.failures, self.max_failures)
            if self._attempts.locked_until is not None:
                log.warning("admin PIN locked out for %.0f s", self.lockout_s)
                return PinResult.LOCKED
            return PinResult.WRONG
        self._attempts = Attempts()
        log.warning("admin PIN accepted: administrator exit")
        return PinResult.OK


def hash_pin(pin: str) -> str:
    """The argon2 hash of a new administrator PIN; RuleViolation for one the PIN rule refuses."""
    return PasswordHasher().hash(check_new_pin(pin, KIOSK_ADMIN_PIN_DIGITS))


def main() -> int:
    """Print an argon2 hash for ``admin_pin_hash`` in kiosk.toml."""
    low, high = KIOSK_ADMIN_PIN_DIGITS
    try:
        pin = getpass.getpass(f"新的管理员密码 / new admin PIN ({low}-{high} 位数字 / digits): ")
        again = getpass.getpass("再输一次 / repeat: ")
    except (EOFError, KeyboardInterrupt):
        print("错误 / error: 未输入密码 / no PIN was typed", file=sys.stderr)
        return 1
    if pin != again:
        print("错误 / error: 两次输入的密码不同 / the two PINs differ", file=sys.stderr)
        return 1
    try:
        print(hash_pin(pin))
    except RuleViolation as exc:
        print(exc.bilingual(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
