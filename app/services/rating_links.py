"""Which cases a ticket's service covered, and which ticket services covered a case: one rating per service.

A citizen served at a window on a ticket may have a case accepted (受理, 容缺受理) or a result handed out (出件)
in the same visit. The window pad asks once, for the ticket; the rating records those cases (`Rating.case_ids`),
so nobody asks for, or stores, a second rating of the same service. The two functions below apply one rule in
both directions (session helpers, inside the caller's transaction):

- a case accepted on the ticket (`IntakeCase.ticket_id`), or
- a case accepted or handed out by the ticket's clerk while the ticket was being served (called .. finished).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cases import Decision
from app.domain.ticket_rules import TicketStatus
from app.store.models import Ticket
from app.store.models_intake import CaseEvent, IntakeCase
from app.store.models_visits import Rating

ACCEPTED = (str(Decision.ACCEPT), str(Decision.ACCEPT_WITH_DEFICIENCY))
HANDED_OUT = "delivered"  # the case event of 出件
SERVED = (*ACCEPTED, HANDED_OUT)


def cases_of_ticket(s: Session, t: Ticket) -> list[str]:
    """The ids of the cases served on this ticket's service, oldest first."""
    found: dict[str, datetime] = {}
    accepted = s.execute(
        select(IntakeCase.id, IntakeCase.decided_at).where(
            IntakeCase.ticket_id == t.id, IntakeCase.decision.in_(ACCEPTED)
        )
    ).all()
    found.update({case_id: at for case_id, at in accepted if at is not None})
    if t.staff_id is not None and t.called_at is not None:
        query = select(CaseEvent.case_id, CaseEvent.at).where(
            CaseEvent.kind.in_(SERVED), CaseEvent.staff_id == t.staff_id, CaseEvent.at >= t.called_at
        )
        if t.finished_at is not None:
            query = query.where(CaseEvent.at <= t.finished_at)
        found.update({case_id: at for case_id, at in s.execute(query).all() if case_id not in found})
    return [case_id for case_id, _at in sorted(found.items(), key=lambda x: x[1])]


def tickets_of_case(s: Session, case: IntakeCase) -> set[str]:
    """The ids of the ticket services that covered this case (see the rule above)."""
    out: set[str] = set()
    if case.ticket_id is not None and case.decision in ACCEPTED:
        out.add(case.ticket_id)
    handed = s.execute(
        select(CaseEvent.staff_id, CaseEvent.at).where(CaseEvent.case_id == case.id, CaseEvent.kind.in_(SERVED))
    ).all()
    for staff_id, at in handed:
        if staff_id is None:
            continue
        out.update(
            s.scalars(
                select(Ticket.id).where(
                    Ticket.hall_id == case.hall_id,
                    Ticket.staff_id == staff_id,
                    Ticket.status == TicketStatus.FINISHED,
                    Ticket.called_at <= at,
                    Ticket.finished_at >= at,
                )
            ).all()
        )
    return out


def rated_through_a_ticket(s: Session, case: IntakeCase) -> bool:
    """True when a rating of a ticket service already covers this case."""
    tickets = tickets_of_case(s, case)
    if not tickets:
        return False
    rows = s.scalars(
        select(Rating.case_ids).where(
            Rating.hall_id == case.hall_id, Rating.target_kind == "ticket", Rating.target_id.in_(tickets)
        )
    ).all()
    return any(case.id in (ids or ()) for ids in rows)


def directly_rated(s: Session, hall_id: str, case_ids: Iterable[str]) -> set[str]:
    """Which of these cases have a rating of their own (rated at the kiosk by receipt, say)."""
    wanted = list(case_ids)
    if not wanted:
        return set()
    return set(
        s.scalars(
            select(Rating.target_id).where(
                Rating.hall_id == hall_id, Rating.target_kind == "case", Rating.target_id.in_(wanted)
            )
        ).all()
    )
