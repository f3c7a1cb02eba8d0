"""The window rating pad's side of 好差评: which service just ended at a window, and "not rated" when the
citizen walks away (a queue event, so reports count it next to the ratings themselves).

A service is a ticket served to the end at the window (with the cases accepted or handed out on it, see
app.services.rating_links), or a case accepted or handed out at the window with no ticket in service: a
citizen served without a queue ticket (an appointment handled at the counter, a pickup at a quiet window).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.ratings import TargetKind
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.queue_read import display_number
from app.services.rating_links import (
    ACCEPTED,
    SERVED,
    cases_of_ticket,
    directly_rated,
    rated_through_a_ticket,
    tickets_of_case,
)
from app.store.database import Database
from app.store.models import Hall, QueueEvent, Ticket, Window
from app.store.models_intake import CaseEvent, IntakeCase
from app.store.models_visits import Rating

# A service that ended longer ago than this is not asked about (a pad started late must not ask the next
# citizen about the previous one); the pad notices a change within a second or two.
ASK_WITHIN = timedelta(minutes=2)


@dataclass(frozen=True)
class PadService:
    """What the pad asks the citizen to rate: `kind` and `target_id` go to RatingService.submit."""

    kind: str  # "ticket" | "case"
    target_id: str
    reference: str  # B012, or the receipt number of a case served without a ticket
    receipts: tuple[str, ...]  # the cases the rating covers, to show the citizen
    ended_at: datetime


class RatingPadService:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def to_rate(self, window_number: int) -> PadService | None:
        """The service that ended last at this window, moments ago, if nobody rated it or let it time out."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            w = self._window(s, hall, window_number)
            if w is None:
                return None
            since = self.clock() - ASK_WITHIN
            done = s.execute(
                select(QueueEvent.ticket_id, QueueEvent.detail).where(
                    QueueEvent.window_id == w.id, QueueEvent.kind == "not_rated", QueueEvent.at >= since
                )
            ).all()
            skipped = {tid for tid, _ in done if tid} | {str(d.get("case_id")) for _, d in done if d.get("case_id")}
            found = [*self._tickets(s, hall, w, since), *self._cases(s, hall, w, since)]
            for service in sorted(found, key=lambda x: x.ended_at, reverse=True):
                if service.target_id not in skipped and not self._rated(s, hall, service.kind, service.target_id):
                    return service
            return None

    def _tickets(self, s: Session, hall: Hall, w: Window, since: datetime) -> list[PadService]:
        rows = s.scalars(
            select(Ticket).where(Ticket.window_id == w.id, Ticket.status == "finished", Ticket.finished_at >= since)
        ).all()
        out = []
        for t in rows:
            assert t.finished_at is not None
            served = cases_of_ticket(s, t)
            covered = [c for c in served if c not in directly_rated(s, hall.id, served)]
            out.append(PadService(str(TargetKind.TICKET), t.id, display_number(t.prefix, t.number),
                                  self._receipts(s, covered), t.finished_at))  # fmt: skip
        return out

    def _cases(self, s: Session, hall: Hall, w: Window, since: datetime) -> list[PadService]:
        """Cases accepted at this window, or handed out by its clerk, with no ticket service covering them."""
        events = s.execute(
            select(CaseEvent.case_id, CaseEvent.kind, CaseEvent.staff_id, CaseEvent.at).where(
                CaseEvent.kind.in_(SERVED), CaseEvent.at >= since
            )
        ).all()
        out = []
        for case_id, kind, staff_id, at in events:
            case = s.get(IntakeCase, case_id)
            if case is None or case.hall_id != hall.id or not case.receipt_number:
                continue
            by_clerk = staff_id is not None and staff_id == w.staff_id
            here = by_clerk or (kind in ACCEPTED and case.window_number == w.number)
            if not here or tickets_of_case(s, case) or self._in_a_ticket_service(s, w, staff_id, at):
                continue
            out.append(PadService(str(TargetKind.CASE), case.id, case.receipt_number, (case.receipt_number,), at))
        return out

    @staticmethod
    def _in_a_ticket_service(s: Session, w: Window, staff_id: str | None, at: datetime) -> bool:
        """A ticket still being served at the window: the case is rated with it when it finishes."""
        current = s.scalars(
            select(Ticket.id).where(Ticket.window_id == w.id, Ticket.status.in_(("called", "serving")),
                                    Ticket.called_at <= at)  # fmt: skip
        ).first()
        return current is not None and staff_id == w.staff_id

    @staticmethod
    def _receipts(s: Session, case_ids: list[str]) -> tuple[str, ...]:
        if not case_ids:
            return ()
        rows = s.execute(select(IntakeCase.id, IntakeCase.receipt_number).where(IntakeCase.id.in_(case_ids))).all()
        numbers = {case_id: number for case_id, number in rows}
        return tuple(str(numbers[c]) for c in case_ids if numbers.get(c))

    @staticmethod
    def _rated(s: Session, hall: Hall, kind: str, target_id: str) -> bool:
        found = s.scalar(
            select(Rating.id).where(Rating.hall_id == hall.id, Rating.target_kind == kind,
                                    Rating.target_id == target_id)  # fmt: skip
        )
        if found is not None:
            return True
        if kind == str(TargetKind.CASE):
            case = s.get(IntakeCase, target_id)
            return case is not None and rated_through_a_ticket(s, case)
        return False

    @staticmethod
    def _window(s: Session, hall: Hall, number: int) -> Window | None:
        return s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == number)).first()

    def not_rated(self, target_id: str, window_number: int, kind: str = "ticket") -> None:
        """The pad timed out: record it, once (a case's "not rated" names it in the event's detail)."""
        case = kind == str(TargetKind.CASE)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            w = self._window(s, hall, window_number)
            query = select(QueueEvent.detail).where(QueueEvent.kind == "not_rated", QueueEvent.hall_id == hall.id)
            query = query.where(QueueEvent.ticket_id.is_(None)) if case else query.where(
                QueueEvent.ticket_id == target_id
            )
            if case:
                query = query.where(QueueEvent.window_id == (w.id if w else None))
            if any(not case or d.get("case_id") == target_id for d in s.scalars(query).all()):
                return
            detail = {"channel": "window_pad", **({"case_id": target_id} if case else {})}
            s.add(QueueEvent(hall_id=hall.id, kind="not_rated", ticket_id=None if case else target_id,
                             window_id=w.id if w else None, at=self.clock(), detail=detail))  # fmt: skip
