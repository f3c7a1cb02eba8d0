"""Resident ID facts used by the queue: age for elderly priority, a key for daily limits, masking."""

import hashlib
from datetime import date

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from app.domain.errors import UserError


class InvalidIdNumber(UserError):
    code = "invalid_id"


def validate_ric(number: str) -> str:
    try:
        return str(ric.validate(number))
    except ValidationError:
        raise InvalidIdNumber("身份证号码无效，请核对", "The resident ID number is not valid") from None


def birth_date(number: str) -> date:
    born: date = ric.get_birth_date(validate_ric(number))
    return born


def age_on(number: str, today: date) -> int:
    born = birth_date(number)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def person_key(number: str, hall_salt: str) -> str:
    """A salted hash, so daily limits work without storing the ID number itself."""
    return hashlib.sha256(f"{hall_salt}:{validate_ric(number)}".encode()).hexdigest()


def mask(text: str, keep_start: int = 3, keep_end: int = 4) -> str:
    """110***********1234 — for logs and screens."""
    if len(text) <= keep_start + keep_end:
        return "*" * len(text)
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + text[-keep_end:]
