"""Read side of the queue: views, people ahead, wait estimates, display and window snapshots.

These helpers take an open Session so the write side can build its result inside its own transaction.
"""

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain.calendar import service_day
from app.domain.settings_schema import HallSettings
from app.domain.ticket_ref import ticket_qr_payload
from app.domain.ticket_rules import TicketStatus
from app.domain.wait_estimate import estimated_wait_minutes, rolling_service_minutes
from app.services import queue_sql as sq
from app.services.views import CallRecord, CategoryView, TicketView, WaitingRow, WindowCounts
from app.store.models import Category, Hall, QueueEvent, Staff, Ticket, Window, WindowCategory


def display_number(prefix: str, number: int) -> str:
    return f"{prefix}{number:03d}"


def today(hall: Hall, now: datetime) -> date:
    return service_day(now, hall.timezone)


def people_ahead(s: Session, t: Any) -> int:
    """Waiting before ticket `t` (a Ticket or a ticket row) in its line."""
    if t.status != TicketStatus.WAITING:
        return 0
    keys = sq.params(
        hall_id=t.hall_id, day=t.service_day, category_id=t.category_id, sort_at=t.sort_at, number=t.number
    )
    return s.scalar(sq.PEOPLE_AHEAD, keys) or 0


def open_windows_for(s: Session, hall_id: str, category_id: str) -> int:
    return s.scalar(sq.OPEN_WINDOWS_FOR_CATEGORY, sq.params(hall_id=hall_id, category_id=category_id)) or 0


def avg_service_minutes(s: Session, cat: Any, day: date) -> float:
    rows = s.execute(sq.RECENT_SERVICE_TIMES, sq.params(hall_id=cat.hall_id, day=day, category_id=cat.id)).all()
    durations = [(f - st).total_seconds() for st, f in reversed(rows) if st and f]
    return rolling_service_minutes(durations, float(cat.default_service_minutes))


def estimate_for(s: Session, cat: Any, day: date, ahead: int) -> int | None:
    """Minutes to wait with `ahead` people ahead in category `cat` (a Category or a category row)."""
    return estimated_wait_minutes(ahead, avg_service_minutes(s, cat, day), open_windows_for(s, cat.hall_id, cat.id))


def ticket_view(s: Session, hall: Hall, t: Any, window: Any = None) -> TicketView:
    """The view of ticket `t` (a Ticket or a ticket row); `window` (a Window or row) saves a look-up."""
    cat = s.connection().execute(sq.CATEGORY_ROW, sq.params(id=t.category_id)).one()
    if window is not None and window.id == t.window_id:
        window_number: int | None = window.number
    else:
        window_number = s.scalar(sq.WINDOW_NUMBER, sq.params(window_id=t.window_id)) if t.window_id else None
    return with_wait(s, view_of(hall, t, cat, window_number), t, cat)


def with_wait(s: Session, view: TicketView, t: Any, cat: Any) -> TicketView:
    """`view` with its people ahead and wait estimate (only a waiting ticket has them)."""
    if t.status != TicketStatus.WAITING:
        return view
    ahead = people_ahead(s, t)
    return replace(view, people_ahead=ahead, estimated_wait_minutes=estimate_for(s, cat, t.service_day, ahead))


def view_of(hall: Hall, t: Any, cat: Any, window_number: int | None) -> TicketView:
    """The view of a ticket from rows already read (people ahead and wait not yet known: see `with_wait`)."""
    return TicketView(
        id=t.id,
        display_number=display_number(t.prefix, t.number),
        category_prefix=cat.prefix,
        category_name_zh=cat.name_zh,
        category_name_en=cat.name_en,
        status=t.status,
        priority=t.priority,
        source=t.source,
        service_day=t.service_day,
        issued_at=t.issued_at,
        called_at=t.called_at,
        window_number=window_number,
        recall_count=t.recall_count,
        people_ahead=0,
        estimated_wait_minutes=None,
        qr_payload=ticket_qr_payload(hall.code, t.id, HallSettings.of(hall.settings).public_base_url),
        hall_code=hall.code,
        hall_name=hall.name_zh,
        hall_timezone=hall.timezone,
        matters=tuple(t.matters or ()),
    )


def waiting_counts(s: Session, hall: Hall, day: date) -> dict[str, int]:
    rows = s.execute(
        select(Ticket.category_id, func.count())
        .where(Ticket.hall_id == hall.id, Ticket.service_day == day, Ticket.status == TicketStatus.WAITING)
        .group_by(Ticket.category_id)
    ).all()
    return {cid: n for cid, n in rows}


def category_views(s: Session, hall: Hall, day: date) -> list[CategoryView]:
    counts = waiting_counts(s, hall, day)
    cats = s.scalars(select(Category).where(Category.hall_id == hall.id, Category.active).order_by(Category.sort_order))
    result = []
    for c in cats:
        waiting = counts.get(c.id, 0)
        result.append(
            CategoryView(
                c.prefix,
                c.name_zh,
                c.name_en,
                waiting,
                open_windows_for(s, hall.id, c.id),
                estimate_for(s, c, day, waiting),
            )
        )
    return result


def waiting_rows(s: Session, hall: Hall, day: date, window: Window | None, limit: int = 500) -> list[WaitingRow]:
    """The waiting line; for a window, only what it may call (its categories or sent to it)."""
    q = (
        select(Ticket, Category.prefix, Category.name_zh, Window.number, Category.name_en)
        .join(Category, Category.id == Ticket.category_id)
        .outerjoin(Window, Window.id == Ticket.target_window_id)
        .where(Ticket.hall_id == hall.id, Ticket.service_day == day, Ticket.status == TicketStatus.WAITING)
    )
    if window is not None:
        served = select(WindowCategory.category_id).where(WindowCategory.window_id == window.id)
        q = q.where(
            or_(
                Ticket.target_window_id == window.id,
                and_(Ticket.target_window_id.is_(None), Ticket.category_id.in_(served)),
            )
        )
    q = q.order_by(Ticket.sort_at, Ticket.number).limit(limit)
    return [
        WaitingRow(t.id, display_number(t.prefix, t.number), prefix, name, t.priority, t.issued_at, wnum, name_en)
        for t, prefix, name, wnum, name_en in s.execute(q).all()
    ]


def window_counts(s: Session, hall: Hall, day: date, window: Window) -> WindowCounts:
    kinds = dict(
        s.execute(
            select(QueueEvent.kind, func.count())
            .where(
                QueueEvent.hall_id == hall.id, QueueEvent.window_id == window.id, QueueEvent.at >= _day_start(hall, day)
            )
            .group_by(QueueEvent.kind)
        ).all()
    )
    # An action taken back with undo does not count (a wrong call is no call for the window's KPIs).
    for detail in s.scalars(
        select(QueueEvent.detail).where(
            QueueEvent.hall_id == hall.id,
            QueueEvent.window_id == window.id,
            QueueEvent.kind == "undone",
            QueueEvent.at >= _day_start(hall, day),
        )
    ):
        for kind in detail.get("kinds", ()):
            kinds[kind] = max(0, kinds.get(kind, 0) - 1)
    durations = s.execute(
        select(Ticket.started_at, Ticket.finished_at).where(
            Ticket.hall_id == hall.id,
            Ticket.service_day == day,
            Ticket.window_id == window.id,
            Ticket.status == TicketStatus.FINISHED,
        )
    ).all()
    secs = [(f - st).total_seconds() for st, f in durations if st and f]
    return WindowCounts(
        called=kinds.get("called", 0),
        finished=kinds.get("finished", 0),
        no_show=kinds.get("no_show", 0),
        transferred=kinds.get("transferred", 0),
        avg_service_minutes=round(sum(secs) / len(secs) / 60, 1) if secs else None,
    )


def _day_start(hall: Hall, day: date) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.combine(day, datetime.min.time(), ZoneInfo(hall.timezone))


def staff_name(s: Session, staff_id: str | None) -> str | None:
    return s.scalar(select(Staff.name).where(Staff.id == staff_id)) if staff_id else None


def recent_calls(s: Session, hall: Hall, day: date, limit: int) -> list[CallRecord]:
    q = (
        select(QueueEvent, Window.number, Ticket.prefix, Ticket.number)
        .join(Window, Window.id == QueueEvent.window_id)
        .join(Ticket, Ticket.id == QueueEvent.ticket_id)
        .where(
            QueueEvent.hall_id == hall.id,
            QueueEvent.kind.in_(("called", "recalled")),
            QueueEvent.at >= _day_start(hall, day),
        )
        .order_by(QueueEvent.at.desc(), QueueEvent.updated_hlc.desc())
        .limit(limit)
    )
    undone = undone_event_ids(s, hall, day)
    return [
        CallRecord(wnum, display_number(prefix, num), ev.at, ev.kind, ev.id)
        for ev, wnum, prefix, num in s.execute(q).all()
        if ev.id not in undone
    ]


def undone_event_ids(s: Session, hall: Hall, day: date) -> set[str]:
    """Events a window took back with undo today: a call undone is no call."""
    rows = s.scalars(
        select(QueueEvent.detail).where(
            QueueEvent.hall_id == hall.id, QueueEvent.kind == "undone", QueueEvent.at >= _day_start(hall, day)
        )
    ).all()
    return {eid for detail in rows for eid in detail.get("events", ())}


def display_speech(s: Session, hall: Hall) -> bool | None:
    """Whether the calling display can speak, as it last reported (a "display_status" event)."""
    detail = s.scalar(
        select(QueueEvent.detail)
        .where(QueueEvent.hall_id == hall.id, QueueEvent.kind == "display_status")
        .order_by(QueueEvent.at.desc(), QueueEvent.updated_hlc.desc())
        .limit(1)
    )
    return None if detail is None else bool(detail.get("speech"))


def unattended_windows(s: Session, hall: Hall, now: datetime, stale_s: float) -> list[int]:
    """Open or paused windows whose client wrote nothing (heartbeat or action) for `stale_s`: the staff
    client crashed, was killed or lost the network, and nobody closed the window."""
    last = (
        select(QueueEvent.window_id, func.max(QueueEvent.at).label("seen"))
        .where(QueueEvent.hall_id == hall.id)
        .group_by(QueueEvent.window_id)
        .subquery()
    )
    rows = s.execute(
        select(Window.number, last.c.seen)
        .outerjoin(last, last.c.window_id == Window.id)
        .where(Window.hall_id == hall.id, Window.status.in_(("open", "paused")))
        .order_by(Window.number)
    ).all()
    return [n for n, seen in rows if seen is None or (now - aware(seen)).total_seconds() > stale_s]


def aware(at: datetime) -> datetime:
    from datetime import UTC

    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
