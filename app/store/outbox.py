"""Writes an outbox row for every change to a synced table, inside the same flush.

Hooked on the Session's before_flush so no service can forget it: stamping version, HLC and
origin device and queuing the mutation happen together or not at all.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import Session

from app.domain.hlc import HybridLogicalClock
from app.domain.ids import new_id
from app.store import changes
from app.store.models import Outbox, Synced


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _scalar_defaults(cls: type) -> dict[str, Any]:
    found = _DEFAULTS.get(cls)
    if found is None:
        found = {}
        props: Any = inspect(cls).column_attrs
        for prop in props:
            default: Any = prop.columns[0].default
            if default is not None and getattr(default, "is_scalar", False):
                found[prop.key] = default.arg
            elif default is not None and getattr(default, "is_callable", False):
                found[prop.key] = default  # e.g. dict for a JSON column: called per row below
        _DEFAULTS[cls] = found
    return found


_DEFAULTS: dict[type, dict[str, Any]] = {}


def row_payload(obj: Synced) -> dict[str, Any]:
    """The row as it will be stored. Before the INSERT runs, a column left to its default is still None on the
    object: the payload carries the default instead, so the copy elsewhere matches the row here."""
    mapper = inspect(type(obj))
    defaults = _scalar_defaults(type(obj))
    out = {}
    for col in mapper.column_attrs:
        value = getattr(obj, col.key)
        if value is None and col.key in defaults:
            value = defaults[col.key]
            if hasattr(value, "is_callable"):
                value = value.arg(None)  # SQLAlchemy wraps a no-argument default to take the context
        out[col.key] = _json_value(value)
    return out


def stamps(session: Session) -> tuple[int, str]:
    """(HLC, origin device) for a row written now through this session."""
    clock: HybridLogicalClock = session.info["hlc"]
    return clock.now(), session.info["device_id"]


def _queue(session: Session, entity: str, hall_id: str, entity_id: str, op: str, version: int, hlc: int,
           payload: dict[str, Any]) -> None:  # fmt: skip
    pending: list[dict[str, Any]] = session.info.setdefault("outbox_pending", [])
    pending.append(
        {
            "mutation_id": new_id(),
            "hall_id": hall_id,
            "entity": entity,
            "entity_id": entity_id,
            "op": op,
            "version": version,
            "hlc": hlc,
            "origin_device": session.info["device_id"],
            "payload": payload,
            "created_at": datetime.now(UTC),
            "pushed_at": None,
            "result": None,
        }
    )


def _stamp(session: Session, obj: Synced, op: str) -> None:
    if obj.id is None:
        obj.id = new_id()
    obj.version = (obj.version or 0) + 1
    obj.updated_hlc, obj.origin_device = stamps(session)
    payload = row_payload(obj)
    if op == "delete":
        payload["deleted"] = True  # leaves the hall as a tombstone: the server never hard-deletes a synced row
    _queue(session, type(obj).__sync_entity__, obj.hall_id, obj.id, op, obj.version, obj.updated_hlc, payload)


def record(session: Session, cls: type[Synced], row: Mapping[Any, Any]) -> None:
    """Queue the outbox row for an upsert written with a Core statement (the queue's hot paths skip the
    unit of work). `row` is the whole row as stored (INSERT/UPDATE ... RETURNING), stamped with `stamps()`
    and its version already moved: the payload is then the same as the flush hook's for an ORM write."""
    payload = {prop.key: _json_value(row[prop.columns[0].name]) for prop in _column_attrs(cls)}
    _queue(session, cls.__sync_entity__, row["hall_id"], row["id"], "upsert", row["version"], row["updated_hlc"],
           payload)  # fmt: skip


def _column_attrs(cls: type) -> Any:
    found = _COLUMNS.get(cls)
    if found is None:
        found = _COLUMNS[cls] = tuple(inspect(cls).column_attrs)
    return found


_COLUMNS: dict[type, Any] = {}


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if "hlc" not in session.info:
        return  # a session not opened through Database (e.g. migrations): nothing to record
    if session.info.get("applying_remote"):
        return  # rows pulled from the server keep their own stamps and are not sent back
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _stamp(session, obj, "upsert")
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            _stamp(session, obj, "upsert")
    for obj in list(session.deleted):
        if isinstance(obj, Synced):
            _stamp(session, obj, "delete")


def _write_pending(session: Session) -> None:
    # One multi-row Core insert in the same transaction: cheaper than an ORM object per mutation.
    pending = session.info.pop("outbox_pending", None)
    if pending:
        session.connection().execute(_INSERT_OUTBOX, pending)
        session.info.setdefault("changed_halls", set()).update(row["hall_id"] for row in pending)


_INSERT_OUTBOX = insert(cast(Table, Outbox.__table__))


def _after_flush(session: Session, flush_context: Any) -> None:
    _write_pending(session)


def _before_commit(session: Session) -> None:
    """Tell the screens (app.store.changes) as the transaction's last statement."""
    session.flush()
    _write_pending(session)  # rows queued by Core writes (`record`) after the last flush
    halls = session.info.pop("changed_halls", None)
    if halls:
        changes.announce(session.connection(), halls)


def _after_rollback(session: Session) -> None:
    session.info.pop("changed_halls", None)
    session.info.pop("outbox_pending", None)


@contextmanager
def applying_remote_changes(session: Session, hall_id: str) -> Iterator[None]:
    """Write rows received from the central server: no outbox rows, no restamping (they carry the version and
    HLC they were given), but the screens are still told (app.store.changes) so every one refreshes."""
    session.flush()
    session.info["applying_remote"] = True
    try:
        yield
        session.info.setdefault("changed_halls", set()).add(hall_id)
    finally:
        session.info.pop("applying_remote", None)


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)
        event.listen(session_class, "before_commit", _before_commit)
        event.listen(session_class, "after_soft_rollback", lambda s, _t: _after_rollback(s))
