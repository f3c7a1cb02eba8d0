"""Text no database of ours can keep: the NUL character (U+0000).

SQLite stores it; PostgreSQL refuses it in any text value, and inside a JSON value it makes every `->>` on that
row fail (the public queue page reads ticket payloads that way). It never means anything a person typed, so input
holding it is refused where it is read (a JSON file, a hall setting, a pushed mutation), on both databases alike.
"""

from __future__ import annotations

NUL = "\x00"


def nul_in(value: object) -> bool:
    """Whether `value` (text, or JSON-shaped data: dicts, lists, their keys) holds a NUL anywhere."""
    pending = [value]
    while pending:  # a loop, not recursion: a file nested thousands deep is read elsewhere and must not fail here
        item = pending.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return False
