"""Request values bounded by the columns they are written to or looked up in (server.models): a value PostgreSQL
would refuse (longer than its VARCHAR(n), a NUL) is a 422 naming the field, never a 500 from the database. SQLite
would have taken it, so the bound is the same on both."""

from __future__ import annotations

from typing import Any

from fastapi import Path
from pydantic import Field

from app.store.limits import max_length

PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # ids, codes, names: no control characters (NUL above all)
NO_NUL = r"^[^\x00]*$"  # free text (a reason may have line breaks)


def column_text(column: Any, default: Any = ...) -> Any:
    """A body field stored in (or compared with) `column`: at most its length, printable."""
    return Field(default, max_length=max_length(column), pattern=PRINTABLE)


def column_path(column: Any) -> Any:
    """A path parameter looked up in `column`."""
    return Path(max_length=max_length(column), pattern=PRINTABLE)
