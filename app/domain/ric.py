"""Resident identity card numbers (居民身份证号码, GB 11643): the one rule for intake, the queue, the kiosk and
the material checks.

What makes a number wrong: its length, its characters, its check character, a birth date that is no date, in
the future or implausibly long ago. What does *not*: the region code (first 6 digits). python-stdnum's
``cn.ric.validate`` accepts a region code only if it existed in the birth year, but a number was assigned when
the person first registered (1984–1999 for most people born before then) under the code *of that time*:
西湖区 is 330106 since 1983, 瑞安市 330381 since 1989, so 330106194512120013 — a man born in 1945 — is a real
number that stdnum refuses. Here a region code is accepted if it is in stdnum's code table for *any* period;
a code in no table at all is a warning for the clerk to look at, never a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MAX_AGE = 120  # an older birth date is a typing mistake, not a citizen
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK = "10X98765432"
_SEPARATORS = re.compile(r"[\s\-]")

Problem = tuple[str, str]  # (zh, en)


@dataclass(frozen=True)
class RicCheck:
    """The verdict on one number. `problem` blocks it; `warning` is for the clerk (the number may be right)."""

    number: str  # compact, upper case: what is stored and compared
    problem: Problem | None
    warning: Problem | None = None
    birth_date: date | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def compact(text: str) -> str:
    """What was typed, without spaces or dashes, upper case (a trailing x is an X)."""
    return _SEPARATORS.sub("", text or "").upper()


def check_character(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@lru_cache(maxsize=4096)
def region_name(code: str) -> str | None:
    """The place a 6-digit region code stands for, in any period of python-stdnum's table; None if unknown.

    The table marks renamed or re-coded counties with their years (e.g. "[1983-]西湖区"); all periods count."""
    from stdnum import numdb

    parts = numdb.get("cn/loc").info(code)
    info = {k: v for _part, props in parts for k, v in props.items()}
    county = info.get("county")
    if not county:
        return None
    name = [c.split("]", 1)[-1] for c in county.split(",")][-1]
    province = info.get("province", "")
    return name if name == province else f"{province}{name}"


def check_ric(text: str, today: date) -> RicCheck:
    """Check a resident ID number as of `today` (the caller's clock: domain code reads none)."""
    number = compact(text)
    if not number:
        return RicCheck(number, ("请填写身份证号码", "Enter the resident ID number"))
    if len(number) != 18:
        if len(number) == 15 and number.isdigit():  # first-generation cards
            return RicCheck(
                number,
                (
                    "15 位旧号码已停止使用，请提供 18 位身份证号码",
                    "15-digit numbers are no longer in use; an 18-character number is required",
                ),
            )
        return RicCheck(
            number,
            (
                f"身份证号码应为 18 位，现为 {len(number)} 位",
                f"it has {len(number)} characters, 18 are required",
            ),
        )
    if not number[:17].isdigit() or number[17] not in "0123456789X":
        return RicCheck(number, ("身份证号码前 17 位必须是数字", "the first 17 characters must be digits"))
    if number[17] != check_character(number[:17]):
        return RicCheck(
            number,
            (
                "身份证号码校验位（最后一位）不符，可能有数字输错",
                "the check character (last one) is wrong; a digit may be mistyped",
            ),
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return RicCheck(number, ("身份证号码中的出生日期无效", "the date of birth in it is not a real date"))
    if born > today:
        return RicCheck(
            number, ("身份证号码中的出生日期在未来", "the date of birth in it is in the future"), birth_date=born
        )
    if age_on(born, today) > MAX_AGE:
        return RicCheck(
            number,
            (
                f"出生日期显示年龄超过 {MAX_AGE} 岁，请核对",
                f"the date of birth gives an age over {MAX_AGE}; please check",
            ),
            birth_date=born,
        )
    warning = None
    if region_name(number[:6]) is None:
        warning = (
            f"行政区划代码（前 6 位）{number[:6]} 不在已知代码表中，请核对证件",
            f"the region code (first 6 digits) {number[:6]} is in no code table we know; check the card",
        )
    return RicCheck(number, None, warning, birth_date=born)


def ric_problem(text: str, today: date) -> Problem | None:
    """Why `text` cannot be a resident ID number, or None (an unknown region code is not a problem)."""
    return check_ric(text, today).problem


def is_valid_ric(text: str, today: date) -> bool:
    return check_ric(text, today).ok


def birth_date(text: str) -> date:
    """The birth date written in a number already checked with `check_ric`."""
    number = compact(text)
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
