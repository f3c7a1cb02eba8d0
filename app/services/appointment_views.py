"""Plain frozen results of the appointment service, for the kiosk, the staff screens and the command line."""

from dataclasses import dataclass
from datetime import date, datetime

from app.services.views import TicketView


@dataclass(frozen=True)
class AppointmentView:
    id: str
    code: str
    qr_payload: str
    hall_code: str
    service_day: date
    slot: str  # "09:00-09:30", hall local time
    slot_start: datetime
    slot_end: datetime
    check_in_opens: datetime
    check_in_closes: datetime
    category_prefix: str
    category_name_zh: str
    category_name_en: str
    matter_code: str | None
    person_masked: str  # 张* — never the full name, never the ID number
    status: str
    source: str
    booked_at: datetime
    checked_in_at: datetime | None
    ticket_id: str | None
    ticket_number: str | None


@dataclass(frozen=True)
class CheckInResult:
    appointment: AppointmentView
    ticket: TicketView
