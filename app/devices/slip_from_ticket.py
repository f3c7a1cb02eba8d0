"""Turns a queue TicketView into the printable TicketSlip, in the hall's local time (Qt-free: CLI and screens)."""

from zoneinfo import ZoneInfo

from app.devices.ticket_slip import TicketSlip
from app.services.views import TicketView


def slip_for(ticket: TicketView, tz: str = "Asia/Shanghai") -> TicketSlip:
    return TicketSlip(
        hall_name=ticket.hall_name,
        category_name=ticket.category_name_zh,
        display_number=ticket.display_number,
        issued_at=ticket.issued_at.astimezone(ZoneInfo(tz)),
        people_ahead=ticket.people_ahead,
        estimated_wait_minutes=ticket.estimated_wait_minutes,
        qr_payload=ticket.qr_payload,
    )
