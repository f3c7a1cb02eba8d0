"""What a staff login, name and new PIN must be: one rule for `hall init --config`, staff accounts
(app.services.staff_accounts), back-office reviewers on the central server and the kiosk's administrator PIN.

A PIN is digits only (typed on a number pad or a kiosk's keypad) and long enough; a login is what a clerk can type
on any keyboard; a name is printed on receipts and reports, so it carries no control or direction characters."""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import RuleViolation

STAFF_PIN_DIGITS = (4, 12)
KIOSK_ADMIN_PIN_DIGITS = (6, 12)  # unlocks a public terminal's desktop: longer than a clerk's
LOGIN_MAX = 64
_LOGIN = re.compile(rf"[A-Za-z0-9._-]{{1,{LOGIN_MAX}}}")


def check_new_pin(pin: str, digits: tuple[int, int] = STAFF_PIN_DIGITS) -> str:
    """`pin` when it may be set; RuleViolation saying what a PIN must be otherwise."""
    low, high = digits
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        raise RuleViolation(f"新密码应为 {low} 到 {high} 位数字", f"A new PIN must be {low} to {high} digits")
    return pin


def check_login(login: str) -> str:
    if not _LOGIN.fullmatch(login):
        raise RuleViolation(
            f"工号应为 1 到 {LOGIN_MAX} 个英文字母、数字或 . _ -",
            f"A login is 1 to {LOGIN_MAX} letters, digits or . _ -",
        )
    return login


def check_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 100 or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise RuleViolation(
            "姓名应为 1 到 100 个字符，不含控制字符", "A name is 1 to 100 characters without control characters"
        )
    return name
