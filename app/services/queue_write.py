"""Core writes for the queue's hot paths (issue, call-next): one prebuilt statement per row, no unit of work.

The ORM's flush (change tracking, the hooks walking the session) costs several times what SQLite takes to
write these rows. The rows written here are the ones a flush would write: stamped with version, HLC and
origin device, each with its outbox row (app.store.outbox.record) in the same transaction. Events the audit
trail records (app.store.audit) still go through the session so its hook sees them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, insert, update
from sqlalchemy.orm import Session

from app.domain.ids import new_id
from app.domain.ticket_rules import Action, next_status
from app.services import queue_events as ev
from app.store import audit, outbox
from app.store.models import QueueEvent, Ticket, Window

_TICKET, _EVENT, _WINDOW = (cast(Table, m.__table__) for m in (Ticket, QueueEvent, Window))
INSERT_TICKET = insert(_TICKET).returning(*_TICKET.c)
INSERT_EVENT = insert(_EVENT)


def _update(table: Any, guard_status: bool = False) -> Any:
    """UPDATE one row by id, moving its version; returns the whole row for the outbox. The columns to set are
    the execution's parameter keys (Core builds the SET clause from them and caches one form per key set)."""
    where = [table.c.id == bindparam("b_id")]
    if guard_status:
        where.append(table.c.status == bindparam("b_status"))
    return update(table).where(*where).values(version=table.c.version + 1).returning(*table.c)


_UPDATE_TICKET = _update(_TICKET)
_CLAIM_TICKET = _update(_TICKET, guard_status=True)
_UPDATE_WINDOW = _update(_WINDOW)


def insert_ticket(s: Session, values: dict[str, Any]) -> Row[Any]:
    hlc, device = outbox.stamps(s)
    row = (
        s.connection()
        .execute(INSERT_TICKET, {**values, "id": new_id(), "version": 1, "updated_hlc": hlc, "origin_device": device})
        .one()
    )
    outbox.record(s, Ticket, row._mapping)
    return row


def update_ticket(
    s: Session, ticket_id: str, values: dict[str, Any], expect_status: str | None = None
) -> Row[Any] | None:
    """Change a ticket; with `expect_status`, only if it still has that status (else None, nothing written)."""
    hlc, device = outbox.stamps(s)
    keys = {"b_id": ticket_id, **values, "updated_hlc": hlc, "origin_device": device}
    stmt = _UPDATE_TICKET
    if expect_status is not None:
        stmt, keys["b_status"] = _CLAIM_TICKET, expect_status
    row = s.connection().execute(stmt, keys).first()
    if row is not None:
        outbox.record(s, Ticket, row._mapping)
    return row


def update_window(s: Session, window_id: str, values: dict[str, Any]) -> Row[Any]:
    hlc, device = outbox.stamps(s)
    keys = {"b_id": window_id, **values, "updated_hlc": hlc, "origin_device": device}
    row = s.connection().execute(_UPDATE_WINDOW, keys).one()
    outbox.record(s, Window, row._mapping)
    return row


def insert_event(
    s: Session,
    hall_id: str,
    kind: str,
    at: datetime,
    *,
    ticket_id: str | None = None,
    window_id: str | None = None,
    staff_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    values = {"hall_id": hall_id, "kind": kind, "ticket_id": ticket_id, "window_id": window_id,
              "staff_id": staff_id, "at": at, "detail": detail or {}}  # fmt: skip
    if audit.audits_queue_event(kind, detail):
        s.add(QueueEvent(**values))  # the audit hook works on the session's new objects
        return
    hlc, device = outbox.stamps(s)
    row = {**values, "id": new_id(), "version": 1, "updated_hlc": hlc, "origin_device": device, "deleted": False}
    s.connection().execute(INSERT_EVENT, row)
    outbox.record(s, QueueEvent, row)


def act(
    s: Session,
    hall_id: str,
    t: Row[Any],
    action: Action,
    now: datetime,
    window_id: str | None,
    staff_id: str | None,
    detail: dict[str, Any],
    op: str,
    extra: dict[str, Any] | None = None,
) -> Row[Any] | None:
    """A window action on ticket row `t` (read in this transaction), with its event; returns the new row.

    `extra` are further fields the action sets. The update only applies if the ticket still has the status
    it was read with (else None, nothing written): on PostgreSQL another client may have moved it meanwhile."""
    changes = {**ev.transition(t, next_status(t.status, action), now), **(extra or {})}
    row = update_ticket(s, t.id, changes, expect_status=t.status)
    if row is None:
        return None
    detail = {"before": ev.snapshot(t), **detail, "op": op}
    kind = ev.EVENT_KINDS.get(action, action.value)
    insert_event(s, hall_id, kind, now, ticket_id=t.id, window_id=window_id, staff_id=staff_id, detail=detail)
    return row
