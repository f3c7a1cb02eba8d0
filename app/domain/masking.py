"""The one masking policy for personal data on screens, slips, messages and logs.

Identity numbers (resident ID, credit code, any other): the first 3 and the last 4 characters, every other
one a star — enough for a person to compare with the card in hand, not enough to copy (110***********1234).
Names: the family name's first character, a star for each other one (欧阳娜娜 -> 欧***); a company's name is
public (it is printed on its licence) and shown as it is.
Other personal facts read from documents: an address keeps its first 6 characters (province and city), a birth
date its year. Codes that admit someone (appointment codes) keep their first 2 characters, to find a log line.
"""

from __future__ import annotations

import re

KEEP_START, KEEP_END = 3, 4
_SEPARATORS = re.compile(r"[\s\-]")


def mask_id(number: str) -> str:
    n = _SEPARATORS.sub("", number or "").upper()
    if len(n) <= KEEP_START + KEEP_END:
        return "*" * len(n)
    return n[:KEEP_START] + "*" * (len(n) - KEEP_START - KEEP_END) + n[-KEEP_END:]


def id_tail_matches(typed: str, *id_numbers: str) -> bool:
    """Whether `typed` is the last 4 characters of one of `id_numbers`: the proof a citizen gives that a case is
    theirs (progress query, rating by receipt number). The same 4 every mask shows, so it can be read off the
    card or the receipt; an empty or short number (no agent) never matches."""
    tail = _SEPARATORS.sub("", typed or "").upper()
    if len(tail) != KEEP_END:
        return False
    numbers = (_SEPARATORS.sub("", n or "").upper() for n in id_numbers)
    return any(len(n) >= KEEP_END and n[-KEEP_END:] == tail for n in numbers)


def mask_name(name: str) -> str:
    n = (name or "").strip()
    return n[:1] + "*" * (len(n) - 1) if len(n) > 1 else n


def mask_applicant(name: str, company: bool) -> str:
    """An applicant as others may see them: a company by its name, a person masked."""
    return name if company else mask_name(name)


def mask_address(address: str) -> str:
    return address[:6] + "*" * max(0, len(address) - 6)


def mask_birth_date(iso_date: str) -> str:
    return iso_date[:4] + "-**-**"


def mask_code(code: str) -> str:
    """Enough of a code to find a log line, not enough to check in with."""
    return code[:2] + "*" * (len(code) - 2)
