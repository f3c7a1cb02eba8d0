"""Queue events, and undoing the last window action from what its events recorded.

Every window action writes its events with the ticket's fields as they were before (`before`) and one
operation id (`op`) shared by all events of that action (call-next writes "finished" and "called").
Undo puts those fields back, newest event first, and writes one "undone" event naming what it reverted:
events are facts that sync to the centre, so they are never edited or deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import RuleViolation
from app.domain.ticket_rules import Action, TicketStatus
from app.store.models import Hall, QueueEvent, Ticket, Window

# Fields a window action may change; all of them go back on undo.
_TICKET_FIELDS = (
    "status",
    "window_id",
    "staff_id",
    "target_window_id",
    "category_id",
    "called_at",
    "started_at",
    "finished_at",
    "recall_count",
    "sort_at",
)
_DATES = {"called_at", "started_at", "finished_at", "sort_at"}
UNDOABLE = frozenset(
    {"called", "recalled", "started", "finished", "parked", "resumed_ticket", "no_show", "transferred"}
)
# Events that say nothing about what the clerk did last.
_NOT_ACTIONS = ("heartbeat",)
EVENT_KINDS = {
    Action.CALL: "called",
    Action.START: "started",
    Action.FINISH: "finished",
    Action.PARK: "parked",
    Action.RESUME: "resumed_ticket",
    Action.NO_SHOW: "no_show",
    Action.SKIP: "no_show",
    Action.TRANSFER: "transferred",
    Action.CANCEL: "cancelled",
}


def transition(t: Any, new: TicketStatus, now: datetime) -> dict[str, Any]:
    """The ticket fields that move with its status becoming `new` (t: a Ticket or a ticket row)."""
    changes: dict[str, Any] = {"status": new}
    if new is TicketStatus.SERVING and t.started_at is None:
        changes["started_at"] = now
    if new is TicketStatus.FINISHED:
        changes["started_at"] = t.started_at or t.called_at or now
        changes["finished_at"] = now
    return changes


def write_event(
    s: Session,
    hall: Hall,
    kind: str,
    at: datetime,
    *,
    ticket: Ticket | None = None,
    window: Window | None = None,
    staff_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> QueueEvent:
    event = QueueEvent(
        hall_id=hall.id,
        kind=kind,
        ticket_id=ticket.id if ticket else None,
        window_id=window.id if window else None,
        staff_id=staff_id,
        at=at,
        detail=detail or {},
    )
    s.add(event)
    return event


def snapshot(t: Any) -> dict[str, Any]:
    """The ticket's undoable fields as JSON values (t: a Ticket or a ticket row)."""
    out: dict[str, Any] = {}
    for name in _TICKET_FIELDS:
        value = getattr(t, name)
        out[name] = value.isoformat() if isinstance(value, datetime | date) else value
    return out


def _restore(t: Ticket, before: dict[str, Any]) -> None:
    for name in _TICKET_FIELDS:
        if name not in before:
            continue
        value = before[name]
        if name in _DATES and isinstance(value, str):
            value = datetime.fromisoformat(value)
        setattr(t, name, value)


def _ordered(q: Any) -> Any:
    return q.order_by(QueueEvent.at.desc(), QueueEvent.updated_hlc.desc())


def undo_last(s: Session, hall: Hall, w: Window, now: datetime, window_s: float) -> Ticket:
    """Revert the last action taken at window `w` if it is recent and nothing happened to its tickets since."""
    nothing = RuleViolation("没有可以撤销的操作", "There is nothing to undo at this window", code="nothing_to_undo")
    last = s.scalars(
        _ordered(select(QueueEvent).where(QueueEvent.window_id == w.id, QueueEvent.kind.not_in(_NOT_ACTIONS))).limit(1)
    ).first()
    if last is None or last.kind not in UNDOABLE or "before" not in last.detail:
        raise nothing
    if (now - last.at).total_seconds() > window_s:
        raise RuleViolation(
            f"上一步操作已超过 {int(window_s)} 秒，不能撤销",
            f"The last action is more than {int(window_s)} s old and can no longer be undone",
            code="undo_expired",
        )
    op = last.detail.get("op")
    events = [last]
    if op:
        recent = s.scalars(
            _ordered(select(QueueEvent).where(QueueEvent.window_id == w.id, QueueEvent.at == last.at))
        ).all()
        events = [e for e in recent if e.detail.get("op") == op and "before" in e.detail]
    main: Ticket | None = None
    for e in events:  # newest first
        # Locked: on PostgreSQL another window may be calling or moving this ticket right now.
        t = s.get(Ticket, e.ticket_id, with_for_update=True) if e.ticket_id else None
        if t is None:
            raise nothing
        newest = s.scalars(
            _ordered(select(QueueEvent.id).where(QueueEvent.ticket_id == t.id, QueueEvent.kind != "undone")).limit(1)
        ).first()
        if newest not in {x.id for x in events}:
            raise RuleViolation(
                "这个号在别处已有新的操作，不能撤销", "That ticket has been acted on since: it cannot be undone"
            )
        _restore(t, e.detail["before"])
        main = main or t
    assert main is not None
    write_event(
        s,
        hall,
        "undone",
        now,
        ticket=main,
        window=w,
        staff_id=w.staff_id,
        detail={"events": [e.id for e in events], "kinds": [e.kind for e in events], "op": op},
    )
    return main


def last_seen(s: Session, window_id: str) -> datetime | None:
    """When the window's client last wrote anything (a heartbeat or any action)."""
    return s.scalar(select(func.max(QueueEvent.at)).where(QueueEvent.window_id == window_id))


def needs_heartbeat(s: Session, w: Window, now: datetime, every_s: float) -> bool:
    seen = last_seen(s, w.id)
    return seen is None or (now - seen).total_seconds() >= every_s * 0.9
