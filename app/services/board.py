"""What screens show: a window's own view, the waiting line, the calling display, a change counter."""

from sqlalchemy import select

from app.domain.settings_schema import HallSettings
from app.domain.ticket_rules import ACTIVE_AT_WINDOW, TicketStatus
from app.services import queue_read as rd
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.views import DisplaySnapshot, WaitingRow, WindowView
from app.store.database import Database
from app.store.models import Category, Ticket, Window, WindowCategory


class QueueBoard:
    def __init__(self, db: Database, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db = db
        self.clock = clock
        self.hall_code = hall_code

    def change_counter(self) -> int:
        """Grows with every committed change in the hall: screens poll it and refresh only when it moves."""
        return self.db.change_count()

    def window_numbers(self) -> list[tuple[int, str]]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            rows = s.execute(
                select(Window.number, Window.name).where(Window.hall_id == hall.id).order_by(Window.number)
            )
            return [(n, name) for n, name in rows]

    def window_view(self, number: int) -> WindowView:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            w = s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == number)).one()
            day = rd.today(hall, self.clock())
            mine = s.scalars(
                select(Ticket)
                .where(
                    Ticket.window_id == w.id,
                    Ticket.status.in_((*ACTIVE_AT_WINDOW, TicketStatus.PARKED)),
                )
                .order_by(Ticket.called_at)
            ).all()
            current = next((rd.ticket_view(s, hall, t) for t in mine if t.status in ACTIVE_AT_WINDOW), None)
            parked = tuple(rd.ticket_view(s, hall, t) for t in mine if t.status == TicketStatus.PARKED)
            cats = s.scalars(
                select(Category.prefix)
                .join(WindowCategory, WindowCategory.category_id == Category.id)
                .where(WindowCategory.window_id == w.id)
                .order_by(WindowCategory.order)
            ).all()
            waiting = len(rd.waiting_rows(s, hall, day, w, limit=100_000))
            return WindowView(
                number=w.number,
                name=w.name,
                status=w.status,
                staff_name=rd.staff_name(s, w.staff_id),
                categories=tuple(cats),
                current=current,
                parked=parked,
                counts=rd.window_counts(s, hall, day, w),
                waiting_for_me=waiting,
                hall_timezone=hall.timezone,
                display_speech=rd.display_speech(s, hall),
            )

    def waiting_list(self, window_number: int | None = None, limit: int = 500) -> list[WaitingRow]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            w = None
            if window_number is not None:
                w = s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == window_number)).one()
            return rd.waiting_rows(s, hall, rd.today(hall, self.clock()), w, limit)

    def display_snapshot(self, recent: int = 8) -> DisplaySnapshot:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            day = rd.today(hall, self.clock())
            calls = rd.recent_calls(s, hall, day, limit=60)
            # The latest call per window whose ticket is still at that window is "now calling".
            active = set(
                s.execute(
                    select(Window.number, Ticket.prefix, Ticket.number)
                    .join(Window, Window.id == Ticket.window_id)
                    .where(Ticket.hall_id == hall.id, Ticket.status.in_(tuple(ACTIVE_AT_WINDOW)))
                ).all()
            )
            active_keys = {(w, rd.display_number(p, n)) for w, p, n in active}
            qs = HallSettings.of(hall.settings)
            now = self.clock()
            unattended = rd.unattended_windows(s, hall, now, qs.window_stale_s)
            # A call leaves "now calling" after call_display_s, or at once when nobody is at the window.
            seen: set[int] = set(unattended)
            current = []
            for c in calls:
                fresh = (now - rd.aware(c.at)).total_seconds() <= qs.call_display_s
                if c.window_number not in seen and fresh and (c.window_number, c.display_number) in active_keys:
                    current.append(c)
                seen.add(c.window_number)
            return DisplaySnapshot(
                hall_name=hall.name_zh,
                notice=qs.notice_zh,
                current_calls=tuple(sorted(current, key=lambda c: c.window_number)),
                recent_calls=tuple(calls[:recent]),
                categories=tuple(rd.category_views(s, hall, day)),
                change_counter=self.db.change_count(),
                unattended_windows=tuple(unattended),
            )
