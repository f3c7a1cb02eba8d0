"""Every synced table, by its entity name: what the sync agent pushes, applies, snapshots and verifies."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, func, select
from sqlalchemy.orm import Session

import app.store.models_audit  # noqa: F401 - every model module registers its tables on Base
import app.store.models_intake  # noqa: F401
import app.store.models_visits  # noqa: F401
from app.domain.stored_text import NUL
from app.store.limits import misfit
from app.store.models import Base, Synced
from app.store.types import UTCDateTime


@cache
def synced_models() -> dict[str, type[Synced]]:
    found: dict[str, type[Synced]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Synced) and cls.__sync_entity__:
            found[cls.__sync_entity__] = cls
    return found


def table_of(entity: str) -> Table:
    table = getattr(synced_models()[entity], "__table__", None)
    assert isinstance(table, Table)
    return table


@cache
def _converters(entity: str) -> dict[str, Any]:
    """JSON value -> column value, per column (dates travel as ISO strings)."""
    out: dict[str, Any] = {}
    for col in table_of(entity).columns:
        if isinstance(col.type, Date):
            out[col.key] = lambda v: date.fromisoformat(v) if isinstance(v, str) else v
        elif isinstance(col.type, UTCDateTime | DateTime):
            out[col.key] = _to_datetime
        else:
            out[col.key] = None
    return out


def payload_misfit(entity: str, payload: dict[str, Any]) -> str | None:
    """The first field of a pushed `payload` that no hall could write (a date that is not one, a number as text, an
    integer out of range, a NUL), or None. Checked where rows enter the central feed: a row that one hall's SQLite
    took would otherwise stop every hall that pulls it (the whole page fails). Text longer than a hall's column is
    not among them: see `overlong_fields`."""
    if entity not in synced_models():
        return None  # a central entity: no hall column holds it
    columns = table_of(entity).c
    for key, conv in _converters(entity).items():
        value = payload.get(key)
        if value is None:
            continue
        try:
            value = conv(value) if conv is not None else value
        except (TypeError, ValueError):
            return key
        if not _json_type_fits(columns[key].type, value):
            return key
        if isinstance(value, str):
            if NUL in value:
                return key
        elif misfit(columns[key], value):
            return key
    return None


def overlong_fields(entity: str, payload: dict[str, Any]) -> list[str]:
    """Text longer than the hall's own column: written by a SQLite hall before that limit was checked (SQLite keeps
    any length). A fact all the same: the server keeps it whole and flags it; a hall that pulls it keeps the first
    characters that fit (row_from_payload), so a restore onto PostgreSQL does not fail."""
    if entity not in synced_models():
        return []
    return [
        key
        for key, length in _text_lengths(entity).items()
        if isinstance(payload.get(key), str) and len(payload[key]) > length
    ]


@cache
def _text_lengths(entity: str) -> dict[str, int]:
    return {
        col.key: col.type.length
        for col in table_of(entity).columns
        if isinstance(col.type, String) and col.type.length is not None
    }


def _json_type_fits(kind: Any, value: Any) -> bool:
    """A value of the column's kind once converted (PostgreSQL will not read "12" into an INTEGER, nor 12 into a
    VARCHAR; a number, or a time without its zone, is no day or time for either database: see UTCDateTime)."""
    if isinstance(kind, Boolean):
        return isinstance(value, bool)
    if isinstance(kind, Integer):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(kind, Float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(kind, String):
        return isinstance(value, str)
    if isinstance(kind, UTCDateTime | DateTime):
        return isinstance(value, datetime) and value.tzinfo is not None
    if isinstance(kind, Date):
        return isinstance(value, date)
    return True


def _to_datetime(v: Any) -> Any:
    # ISO strings carry their UTC offset, so UTCDateTime gets the aware datetime it insists on.
    if isinstance(v, str):
        return datetime.fromisoformat(v)
    return v


def row_from_payload(entity: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Column values for a payload received from elsewhere: unknown fields (a newer schema) are ignored."""
    row: dict[str, Any] = {}
    lengths = _text_lengths(entity)
    for key, conv in _converters(entity).items():
        if key in payload:
            value = payload[key]
            row[key] = conv(value) if conv is not None and value is not None else value
            if isinstance(row[key], str) and key in lengths:
                row[key] = row[key][: lengths[key]]  # see overlong_fields: the whole text stays on the server
    return row


def largest_stored_hlc(session: Session) -> int:
    """The HLC restarts from here, never from 0: a restarted device must not stamp changes in the past."""
    best = 0
    for model in synced_models().values():
        value = session.scalar(select(func.max(model.updated_hlc)))
        best = max(best, int(value or 0))
    return best
