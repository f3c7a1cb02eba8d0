"""What a column can hold, read from the model itself.

PostgreSQL refuses a string longer than its VARCHAR(n), an integer outside INTEGER or BIGINT, and the NUL character;
SQLite stores all of them. Input a person hands us (a hall file, a catalogue) is checked against the columns it will
be written to before anything is written, so both databases take the same input and say the same line.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Integer, String

from app.domain.stored_text import NUL

_INT_RANGES = ((BigInteger, 63), (Integer, 31))  # BigInteger first: it is a subclass of Integer


def max_length(column: Any) -> int:
    """The n of a String(n) column (a mapped attribute such as `Hall.code`, or a table's Column)."""
    length = column.type.length
    assert isinstance(length, int), f"{column} has no length"
    return length


def int_range(column: Any) -> tuple[int, int]:
    kind = column.type
    for base, bits in _INT_RANGES:
        if isinstance(kind, base):
            return -(2**bits), 2**bits - 1
    raise TypeError(f"{column} is not an integer column")


def misfit(column: Any, value: object) -> tuple[str, str] | None:
    """Why `value` cannot be stored in `column`, in Chinese and English (for a message naming the field), or None."""
    kind = column.type
    if isinstance(value, str):
        if NUL in value:
            return "含有数据库不能保存的字符 \\u0000", "holds the character \\u0000, which the database cannot store"
        length = getattr(kind, "length", None) if isinstance(kind, String) else None
        if length is not None and len(value) > length:
            many = len(value)
            return f"太长（{many} 个字符，最多 {length}）", f"is too long ({many} characters, at most {length})"
    elif isinstance(value, int) and not isinstance(value, bool) and isinstance(kind, Integer):
        low, high = int_range(column)
        if not low <= value <= high:
            return f"超出范围（应在 {low} 到 {high} 之间）", f"is out of range (from {low} to {high})"
    return None
