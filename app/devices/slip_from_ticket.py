"""Turns an issued ticket into the printable TicketSlip, in the hall's local time (Qt-free: CLI, screens, kiosk).

One rule for every printer in the hall: the staff and take-ticket screens and the CLI print a queue
TicketView, the kiosk its citizen-facing Ticket; both carry the fields of `IssuedTicket`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.devices.ticket_slip import TicketSlip
from app.domain.calendar import hall_time


class IssuedTicket(Protocol):
    @property
    def hall_name(self) -> str: ...
    @property
    def hall_timezone(self) -> str: ...
    @property
    def display_number(self) -> str: ...
    @property
    def category_name_zh(self) -> str: ...
    @property
    def issued_at(self) -> datetime: ...
    @property
    def people_ahead(self) -> int: ...
    @property
    def estimated_wait_minutes(self) -> int | None: ...
    @property
    def qr_payload(self) -> str: ...
    @property
    def window_number(self) -> int | None: ...


def slip_for(ticket: IssuedTicket) -> TicketSlip:
    return TicketSlip(
        hall_name=ticket.hall_name,
        category_name=ticket.category_name_zh,
        display_number=ticket.display_number,
        issued_at=hall_time(ticket.issued_at, ticket.hall_timezone),  # stored in UTC; printed as the wall clock
        people_ahead=ticket.people_ahead,
        estimated_wait_minutes=ticket.estimated_wait_minutes,
        qr_payload=ticket.qr_payload,
        window_hint=str(ticket.window_number) if ticket.window_number else None,
    )
