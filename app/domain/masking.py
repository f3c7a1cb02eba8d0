"""The one masking policy for personal data on screens, slips, messages and logs.

Identity numbers (resident ID, credit code, any other): the first 3 and the last 4 characters, every other
one a star — enough for a person to compare with the card in hand, not enough to copy (110***********1234).
Names: the family name's first character, a star for each other one (欧阳娜娜 -> 欧***).
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


def mask_name(name: str) -> str:
    n = (name or "").strip()
    return n[:1] + "*" * (len(n) - 1) if len(n) > 1 else n
