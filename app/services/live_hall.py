"""The supervisor's live view of the hall: per category and per window, from the tickets and queue events
of today. One read transaction; the console polls it when the hall's change counter moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, select

from app.domain.calendar import service_day
from app.domain.settings_schema import HallSettings
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.store.database import Database
from app.store.models import Category, QueueEvent, Staff, Ticket, Window


@dataclass(frozen=True)
class CategoryLive:
    prefix: str
    name_zh: str
    waiting: int
    longest_wait_min: int | None
    target_wait_min: int
    service_level: float | None  # % of today's called tickets called within the target wait
    in_service: int
    name_en: str = ""  # the category's English name (screens pick by language)


@dataclass(frozen=True)
class WindowLive:
    number: int
    name: str
    status: str  # open | paused | closed
    status_minutes: int | None
    clerk: str | None
    current: str | None  # B012
    served_for_min: int | None
    calls_today: int
    current_prefix: str | None = None
    usual_service_min: float | None = None  # today's average service time of the current ticket's category
    # Seconds since the clerk's staff client last wrote at this window (a heartbeat or any action of theirs);
    # None when the window is closed or has no clerk. A supervisor's remote action is not the clerk's client.
    silent_s: int | None = None


@dataclass(frozen=True)
class HallLive:
    at: datetime
    categories: tuple[CategoryLive, ...]
    windows: tuple[WindowLive, ...]


def _minutes(a: datetime, b: datetime) -> int:
    return max(0, int((b - a).total_seconds() // 60))


def _silence(w: Window, seen: datetime | None, now: datetime) -> int | None:
    if w.status == "closed" or w.staff_id is None:
        return None
    last = seen or w.status_since  # a window opened before today's events: from when it took this status
    return max(0, int((now - last).total_seconds())) if last is not None else None


class LiveHall:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def snapshot(self) -> HallLive:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            now = self.clock()
            day = service_day(now, hall.timezone)
            settings = HallSettings.of(hall.settings)
            tickets = s.execute(
                select(Ticket.category_id, Ticket.status, Ticket.issued_at, Ticket.called_at, Ticket.prefix,
                       Ticket.number, Ticket.window_id, Ticket.started_at, Ticket.finished_at)  # fmt: skip
                .where(Ticket.hall_id == hall.id, Ticket.service_day == day)
            ).all()
            calls = dict(
                s.execute(
                    select(QueueEvent.window_id, func.count())
                    .join(Ticket, Ticket.id == QueueEvent.ticket_id)
                    .where(QueueEvent.hall_id == hall.id, QueueEvent.kind == "called", Ticket.service_day == day)
                    .group_by(QueueEvent.window_id)
                ).all()
            )
            names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.hall_id == hall.id)).all())
            cats = s.scalars(select(Category).where(Category.hall_id == hall.id).order_by(Category.sort_order)).all()
            wins = s.scalars(select(Window).where(Window.hall_id == hall.id).order_by(Window.number)).all()
            # Only today's events: older ones cannot be the newest of a window attended now (status_since covers it).
            seen = dict(
                s.execute(
                    select(QueueEvent.window_id, func.max(QueueEvent.at))
                    .join(Window, and_(Window.id == QueueEvent.window_id, Window.staff_id == QueueEvent.staff_id))
                    .where(QueueEvent.hall_id == hall.id, QueueEvent.at >= now - timedelta(days=1))
                    .group_by(QueueEvent.window_id)
                ).all()
            )
        categories = []
        for c in cats:
            mine = [t for t in tickets if t.category_id == c.id]
            waiting = [t for t in mine if t.status == "waiting"]
            target = settings.target_wait(c.prefix)
            called = [t for t in mine if t.called_at is not None]
            within = sum(1 for t in called if _minutes(t.issued_at, t.called_at) <= target)
            categories.append(
                CategoryLive(
                    prefix=c.prefix,
                    name_zh=c.name_zh,
                    name_en=c.name_en,
                    waiting=len(waiting),
                    longest_wait_min=max((_minutes(t.issued_at, now) for t in waiting), default=None),
                    target_wait_min=target,
                    service_level=round(100.0 * within / len(called), 1) if called else None,
                    in_service=sum(1 for t in mine if t.status in ("called", "serving")),
                )
            )
        usual: dict[str, float] = {}
        for c in cats:
            done = [(t.finished_at - (t.started_at or t.called_at)).total_seconds() / 60 for t in tickets
                    if t.category_id == c.id and t.status == "finished" and (t.started_at or t.called_at)]  # fmt: skip
            usual[c.prefix] = sum(done) / len(done) if done else float(c.default_service_minutes)
        windows = []
        for w in wins:
            current = next((t for t in tickets if t.window_id == w.id and t.status in ("called", "serving")), None)
            since = (current.started_at or current.called_at) if current is not None else None
            windows.append(
                WindowLive(
                    number=w.number,
                    name=w.name,
                    status=w.status,
                    status_minutes=_minutes(w.status_since, now) if w.status_since else None,
                    clerk=names.get(w.staff_id) if w.staff_id else None,
                    current=f"{current.prefix}{current.number:03d}" if current is not None else None,
                    served_for_min=_minutes(since, now) if since is not None else None,
                    calls_today=int(calls.get(w.id, 0)),
                    current_prefix=current.prefix if current is not None else None,
                    usual_service_min=usual.get(current.prefix) if current is not None else None,
                    silent_s=_silence(w, seen.get(w.id), now),
                )
            )
        return HallLive(now, tuple(categories), tuple(windows))
