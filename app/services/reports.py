"""Daily and monthly reports and the monthly 窗口考核 sheet, from what is already recorded: queue events,
case history (case_event), ratings and appointments. No second bookkeeping.

Totals are under `total`, then the same numbers per category, window and clerk. Every breakdown has a
"-" row for what cannot be attributed (a ticket never called, a case taken in without a ticket), so each
breakdown adds up to the total. Waits run from the ticket's `issued` event to its first `called`; service
from the last `called` or `started` (whichever is later) to `finished`. A ticket counts for the window and
clerk that finished it or marked it a no-show.
"""

from __future__ import annotations

import calendar as _cal
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.domain.cases import OPEN
from app.domain.settings_schema import HallSettings
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.report_metrics import Acc, AssessmentRow, Metrics, assess
from app.store.database import Database
from app.store.models import Category, Hall, QueueEvent, Staff, Ticket, Window
from app.store.models_intake import CaseEvent, IntakeCase
from app.store.models_visits import Appointment, Rating, RatingFollowUp

NONE = "-"
CONCLUDING = ("approved", "rejected")


@dataclass(frozen=True)
class Report:
    period: str  # "daily" | "weekly" | "monthly"
    start: date
    end: date  # inclusive
    hall_code: str
    hall_name: str
    total: Metrics
    by_category: tuple[Metrics, ...]
    by_window: tuple[Metrics, ...]
    by_clerk: tuple[Metrics, ...]
    appointments: dict[str, int]  # booked, checked_in, missed, cancelled
    follow_ups: dict[str, int]  # opened, closed, closed_on_time
    heatmap: dict[str, list[list[int]]]  # "walk_in" / "appointment": [weekday 0=Mon][hour] arrivals
    assessment: tuple[AssessmentRow, ...]  # monthly 窗口考核 (windows, then clerks); empty for a day
    weights: dict[str, int]



class _Book:
    """One accumulator per fine cell (category, window, clerk); the total and each breakdown are merges of
    cells at the end, so each ticket, case and rating is counted once, in one place."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, str, str], Acc] = defaultdict(Acc)

    def each(self, category: str, window: str, clerk: str) -> list[Acc]:
        return [self.cells[(category, window, clerk)]]

    def total(self) -> Acc:
        acc = Acc(name="total")
        for cell in self.cells.values():
            acc.merge(cell)
        return acc

    def rows(self, dim: str, names: dict[str, str]) -> tuple[Metrics, ...]:
        position = ("category", "window", "clerk").index(dim)
        accs: dict[str, Acc] = defaultdict(Acc)
        for cell_key, cell in self.cells.items():
            accs[cell_key[position]].merge(cell)
        for key, acc in accs.items():
            acc.name = names.get(key, key)
        return tuple(accs[k].metrics(k) for k in sorted(accs, key=lambda k: (k == NONE, _sortable(k))))


def _sortable(key: str) -> Any:
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


class ReportService:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def daily(self, day: date) -> Report:
        return self.build("daily", day, day)

    def weekly(self, any_day: date) -> Report:
        monday = any_day - timedelta(days=any_day.weekday())
        return self.build("weekly", monday, monday + timedelta(days=6))

    def monthly(self, any_day: date) -> Report:
        last = _cal.monthrange(any_day.year, any_day.month)[1]
        return self.build("monthly", any_day.replace(day=1), any_day.replace(day=last))

    def build(self, period: str, start: date, end: date) -> Report:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            tz = ZoneInfo(hall.timezone)
            lo = datetime.combine(start, time.min, tz).astimezone(UTC)
            hi = datetime.combine(end + timedelta(days=1), time.min, tz).astimezone(UTC)
            settings = HallSettings.of(hall.settings)
            cats = {c.id: c for c in s.scalars(select(Category).where(Category.hall_id == hall.id))}
            windows = {w.id: str(w.number) for w in s.scalars(select(Window).where(Window.hall_id == hall.id))}
            staff = {x.id: x for x in s.scalars(select(Staff).where(Staff.hall_id == hall.id))}
            book = _Book()
            heat = {"walk_in": [[0] * 24 for _ in range(7)], "appointment": [[0] * 24 for _ in range(7)]}
            self._tickets(s, hall, lo, hi, tz, book, heat, cats, windows, staff, settings.target_wait)
            self._cases(s, hall, lo, hi, start, end, tz, book, cats, staff)
            self._ratings(s, hall, lo, hi, book, cats, staff)
            appointments = self._appointments(s, hall, start, end)
            follow_ups = self._follow_ups(s, hall, lo, hi, tz)
        cat_names = {c.prefix: f"{c.prefix} {c.name_zh}" for c in cats.values()}
        win_names = {n: f"{n} 号窗口" for n in windows.values()}
        clerk_names = {x.login: x.name for x in staff.values()}
        by_window, by_clerk = book.rows("window", win_names), book.rows("clerk", clerk_names)
        weights = settings.weights()
        assessment: tuple[AssessmentRow, ...] = ()
        if period == "monthly":
            assessment = tuple(
                assess("window", [m for m in by_window if m.key != NONE], weights)
                + assess("clerk", [m for m in by_clerk if m.key != NONE], weights)
            )
        return Report(
            period=period,
            start=start,
            end=end,
            hall_code=hall.code,
            hall_name=hall.name_zh,
            total=book.total().metrics("total"),
            by_category=book.rows("category", cat_names),
            by_window=by_window,
            by_clerk=by_clerk,
            appointments=appointments,
            follow_ups=follow_ups,
            heatmap=heat,
            assessment=assessment,
            weights=weights,
        )

    # ---- queue ------------------------------------------------------------------------------------------

    def _tickets(self, s: Session, hall: Hall, lo: datetime, hi: datetime, tz: ZoneInfo, book: _Book,
                 heat: dict[str, list[list[int]]], cats: dict[str, Category], windows: dict[str, str],
                 staff: dict[str, Staff], target_wait: Any) -> None:  # fmt: skip
        e = QueueEvent
        # Seconds since the epoch, computed by the database: parsing a million timestamps in Python is
        # what made a month slow. (SQLite stores naive UTC text; PostgreSQL a naive UTC timestamp.)
        if s.get_bind().dialect.name == "sqlite":
            epoch: Any = (func.julianday(e.at) - 2440587.5) * 86400.0
        else:
            epoch = func.extract("epoch", e.at)

        def at_of(kind: str, agg: Any = func.max) -> Any:
            return agg(case((e.kind == kind, epoch)))

        # Grouped by ticket alone (no join): the ticket index then gives the order and no sort is needed.
        per_ticket = (
            select(
                e.ticket_id, at_of("issued", func.min), at_of("called", func.min), at_of("called"),
                at_of("started"), at_of("finished"),
            )  # fmt: skip
            .where(e.hall_id == hall.id, e.at >= lo, e.at < hi, e.ticket_id.is_not(None))
            .group_by(e.ticket_id)
        )
        day_lo, day_hi = lo.astimezone(tz).date(), (hi - timedelta(seconds=1)).astimezone(tz).date()
        ticket_info = {
            tid: (cat_id, source)
            for tid, cat_id, source in s.execute(
                select(Ticket.id, Ticket.category_id, Ticket.source).where(
                    Ticket.hall_id == hall.id, Ticket.service_day >= day_lo, Ticket.service_day <= day_hi
                )
            )
        }
        # Who finished it (or marked it a no-show), and every transfer with the window that sent it on.
        actors = select(e.ticket_id, e.kind, e.window_id, e.staff_id).where(
            e.hall_id == hall.id, e.at >= lo, e.at < hi, e.kind.in_(("finished", "no_show", "transferred"))
        )
        owner: dict[str, tuple[str, str]] = {}
        moves: list[tuple[str, str, str]] = []
        no_shows: list[tuple[str, str, str]] = []
        logins = {sid: x.login for sid, x in staff.items()}
        for ticket_id, kind, wid, sid in s.execute(actors):
            tid = str(ticket_id)
            who = (windows.get(wid, NONE) if wid else NONE, logins.get(sid, NONE) if sid else NONE)
            if kind == "transferred":
                moves.append((tid, *who))
            else:
                owner[tid] = who
                if kind == "no_show":
                    no_shows.append((tid, *who))
        prefix_of: dict[str, str] = {}
        prefixes = {cid: c.prefix for cid, c in cats.items()}
        targets = {p: float(target_wait(p)) for p in [*prefixes.values(), NONE]}
        cells, unknown, no_owner = book.cells, (None, None), (NONE, NONE)
        today = self.clock().astimezone(tz).date()
        # One pass, one cell per ticket: this loop is most of a month's report (200,000 tickets).
        for ticket_id, issued, first_call, last_call, started, finished in s.execute(per_ticket):
            tid = str(ticket_id)
            cat_id, source = ticket_info.get(tid, unknown)
            prefix = prefixes.get(cat_id or "", NONE)
            prefix_of[tid] = prefix
            acc = cells[(prefix, *owner.get(tid, no_owner))]
            if issued is not None:
                issued = float(issued)
                local = datetime.fromtimestamp(issued, tz)
                heat["appointment" if source == "appointment" else "walk_in"][local.weekday()][local.hour] += 1
                acc.arrived += 1
                if first_call is None and finished is None and local.date() < today:
                    acc.walk_outs += 1
                if first_call is not None:
                    wait = max(0.0, (float(first_call) - issued) / 60.0)
                    acc.wait(wait, wait <= targets[prefix])
            if finished is not None:
                end = float(finished)
                starts = [float(x) for x in (last_call, started) if x is not None and float(x) <= end]
                begin = max(starts, default=end if issued is None else issued)
                acc.service(max(0.0, (end - begin) / 60.0), datetime.fromtimestamp(end, tz))
        for tid, window, clerk in no_shows:
            for acc in book.each(prefix_of.get(tid, NONE), window, clerk):
                acc.no_show += 1
        for tid, window, clerk in moves:
            for acc in book.each(prefix_of.get(tid, NONE), window, clerk):
                acc.transfers += 1

    # ---- cases ------------------------------------------------------------------------------------------

    def _cases(self, s: Session, hall: Hall, lo: datetime, hi: datetime, start: date, end: date, tz: ZoneInfo,
               book: _Book, cats: dict[str, Category], staff: dict[str, Staff]) -> None:  # fmt: skip
        c = IntakeCase
        query = (
            select(CaseEvent.kind, CaseEvent.to_status, CaseEvent.at, c.id, c.promised_date, c.window_number,
                   c.staff_id, Ticket.category_id, c.concluded_at)  # fmt: skip
            .join(c, c.id == CaseEvent.case_id)
            .outerjoin(Ticket, Ticket.id == c.ticket_id)
            .where(CaseEvent.hall_id == hall.id, CaseEvent.at >= lo, CaseEvent.at < hi)
        )

        def keys(window_number: int | None, staff_id: str | None, cat_id: str | None) -> list[Acc]:
            prefix = cats[cat_id].prefix if cat_id in cats else NONE
            clerk = staff[staff_id].login if staff_id in staff else NONE
            return book.each(prefix, NONE if window_number is None else str(window_number), clerk)

        for kind, to_status, at, _cid, promised, window_number, staff_id, cat_id, concluded_at in s.execute(query):
            accs = keys(window_number, staff_id, cat_id)
            for acc in accs:
                if kind in ("accept", "accept_with_deficiency"):
                    acc.accepted += 1
                    acc.rongque += int(kind == "accept_with_deficiency")
                elif kind == "refuse":
                    acc.refused += 1
                elif kind == "status" and to_status == "needs_supplement":
                    acc.returned += 1
                elif kind == "status" and to_status in CONCLUDING and concluded_at is not None and concluded_at == at:
                    done_on = at.astimezone(tz).date()
                    acc.concluded += 1
                    acc.early += int(promised is not None and done_on < promised)
                    acc.overdue += int(promised is not None and done_on > promised)
        # Still open past the promised date, with that date inside the period: 超期 too.
        today = self.clock().astimezone(tz).date()
        open_late = (
            select(c.window_number, c.staff_id, Ticket.category_id)
            .outerjoin(Ticket, Ticket.id == c.ticket_id)
            .where(c.hall_id == hall.id, c.status.in_([str(x) for x in OPEN]), c.promised_date >= start,
                   c.promised_date <= end, c.promised_date < today)  # fmt: skip
        )
        for window_number, staff_id, cat_id in s.execute(open_late):
            for acc in keys(window_number, staff_id, cat_id):
                acc.overdue += 1

    # ---- ratings, appointments, follow-ups ----------------------------------------------------------------

    def _ratings(self, s: Session, hall: Hall, lo: datetime, hi: datetime, book: _Book, cats: dict[str, Category],
                 staff: dict[str, Staff]) -> None:  # fmt: skip
        r = Rating
        query = (
            select(r.level, r.window_number, r.staff_id, Ticket.category_id)
            .outerjoin(Ticket, and_(r.target_kind == "ticket", Ticket.id == r.target_id))
            .where(r.hall_id == hall.id, r.created_at >= lo, r.created_at < hi)
        )
        for level, window_number, staff_id, cat_id in s.execute(query):
            prefix = cats[cat_id].prefix if cat_id in cats else NONE
            clerk = staff[staff_id].login if staff_id in staff else NONE
            for acc in book.each(prefix, NONE if window_number is None else str(window_number), clerk):
                acc.ratings[int(level)] += 1

    @staticmethod
    def _appointments(s: Session, hall: Hall, start: date, end: date) -> dict[str, int]:
        rows = s.execute(
            select(Appointment.status, func.count())
            .where(Appointment.hall_id == hall.id, Appointment.service_day >= start, Appointment.service_day <= end)
            .group_by(Appointment.status)
        ).all()
        counts = {"booked": 0, "checked_in": 0, "missed": 0, "cancelled": 0}
        counts.update({str(k): int(v) for k, v in rows})
        counts["total"] = sum(int(v) for _k, v in rows)
        return counts

    @staticmethod
    def _follow_ups(s: Session, hall: Hall, lo: datetime, hi: datetime, tz: ZoneInfo) -> dict[str, int]:
        rows = s.execute(
            select(RatingFollowUp.closed_at, RatingFollowUp.due_date).where(
                RatingFollowUp.hall_id == hall.id, RatingFollowUp.opened_at >= lo, RatingFollowUp.opened_at < hi
            )
        ).all()
        closed = [(c, d) for c, d in rows if c is not None]
        on_time = sum(1 for c, d in closed if c.astimezone(tz).date() <= d)
        return {"opened": len(rows), "closed": len(closed), "closed_on_time": on_time}
