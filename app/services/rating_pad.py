"""The window rating pad's side of 好差评: which service just ended at a window, and "not rated" when the
citizen walks away (a queue event, so reports count it next to the ratings themselves)."""

from __future__ import annotations

from sqlalchemy import select

from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.store.database import Database
from app.store.models import QueueEvent, Ticket, Window
from app.store.models_visits import Rating


class RatingPadService:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def ended_service(self, ticket_id: str) -> bool:
        """True when the ticket was served to the end (finished) and nobody has rated it yet."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            t = s.get(Ticket, ticket_id)
            if t is None or t.hall_id != hall.id or t.status != "finished":
                return False
            rated = s.scalar(
                select(Rating.id).where(Rating.hall_id == hall.id, Rating.target_kind == "ticket",
                                        Rating.target_id == ticket_id)  # fmt: skip
            )
            return rated is None

    def not_rated(self, ticket_id: str, window_number: int) -> None:
        """The pad timed out: record it, once."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            done = s.scalar(
                select(QueueEvent.id).where(QueueEvent.ticket_id == ticket_id, QueueEvent.kind == "not_rated")
            )
            if done is not None:
                return
            w = s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == window_number)).first()
            s.add(QueueEvent(hall_id=hall.id, kind="not_rated", ticket_id=ticket_id, window_id=w.id if w else None,
                             at=self.clock(), detail={"channel": "window_pad"}))  # fmt: skip
