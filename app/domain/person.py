"""Resident ID facts used by the queue: age for elderly priority, a key for daily limits, masking."""

import hashlib
from datetime import date

from app.domain import ric
from app.domain.errors import UserError
from app.domain.queue_policy import ELDERLY_AGE


class InvalidIdNumber(UserError):
    code = "invalid_id"


def validate_ric(number: str, today: date) -> str:
    """The compact number, or InvalidIdNumber saying what is wrong (app.domain.ric is the rule)."""
    result = ric.check_ric(number, today)
    if result.problem is not None:
        zh, en = result.problem
        raise InvalidIdNumber(f"身份证号码无效：{zh}", f"The resident ID number is not valid: {en}")
    return result.number


def age_on(number: str, today: date) -> int:
    return ric.age_on(ric.birth_date(validate_ric(number, today)), today)


def is_elderly(number: str, today: date) -> bool:
    """Old enough for elderly priority (长辈优先) on `today`."""
    return age_on(number, today) >= ELDERLY_AGE


def person_key(number: str, hall_salt: str, today: date) -> str:
    """A salted hash, so daily limits work without storing the ID number itself."""
    return hashlib.sha256(f"{hall_salt}:{validate_ric(number, today)}".encode()).hexdigest()
