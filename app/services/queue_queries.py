"""The queue's read-only questions (categories, opening hours, a ticket by its reference): one read transaction
each, nothing locked. A part of QueueService, kept apart so the write side stays readable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.domain import calendar
from app.domain.ticket_ref import ticket_from_scan
from app.services import queue_read as rd
from app.services.clock import Clock
from app.services.hall import load_hall, opening_periods
from app.services.views import CategoryView, TicketView
from app.store.database import Database
from app.store.models import Ticket


class QueueQueries:
    db: Database
    clock: Clock
    hall_code: str | None


    def list_categories(self) -> list[CategoryView]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return rd.category_views(s, hall, rd.today(hall, self.clock()))

    def hall_open(self, now: datetime | None = None) -> bool:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return calendar.is_open(opening_periods(hall), now or self.clock(), hall.timezone)

    def ticket_status(self, ref: str) -> TicketView | None:
        """Look a ticket up by its QR payload, its id, or today's display number (e.g. B012)."""
        ref = ref.strip()
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            scanned = ticket_from_scan(ref)
            if scanned is not None:
                ref = scanned[1]
            t = s.get(Ticket, ref)
            if t is None and len(ref) >= 2 and ref[0].isalpha() and ref[1:].isdigit():
                t = s.scalars(
                    select(Ticket).where(
                        Ticket.hall_id == hall.id,
                        Ticket.service_day == rd.today(hall, self.clock()),
                        Ticket.prefix == ref[0].upper(),
                        Ticket.number == int(ref[1:]),
                    )
                ).first()
            if t is None or t.hall_id != hall.id:
                return None
            return rd.ticket_view(s, hall, t)
