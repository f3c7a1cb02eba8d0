"""What a new PIN must be: digits only (typed on a number pad or a kiosk's keypad), long enough, and not one
digit repeated. One rule for staff PINs (app.services.staff_accounts) and the kiosk's administrator PIN."""

from __future__ import annotations

from app.domain.errors import RuleViolation

STAFF_PIN_DIGITS = (4, 12)
KIOSK_ADMIN_PIN_DIGITS = (6, 12)  # unlocks a public terminal's desktop: longer than a clerk's


def check_new_pin(pin: str, digits: tuple[int, int] = STAFF_PIN_DIGITS) -> str:
    """`pin` when it may be set; RuleViolation saying what a PIN must be otherwise."""
    low, high = digits
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high) or len(set(pin)) == 1:
        raise RuleViolation(
            f"新密码应为 {low} 到 {high} 位数字，且不能是同一个数字重复",
            f"A new PIN must be {low} to {high} digits, not one digit repeated",
        )
    return pin
