"""Appointment (预约) use cases: book, check in at the kiosk (→ a priority ticket), cancel, list, mark missed.

Each call is one transaction. A check-in issues its ticket through QueueService inside the check-in's own
transaction, so the ticket and the appointment's "checked in" commit together or not at all: a crash or a
second kiosk can never produce a ticket without a checked-in appointment, or two tickets for one code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import appointments as rules
from app.domain.appointments import AppointmentError, AppointmentStatus, Slot
from app.domain.calendar import hall_time, service_day
from app.domain.credentials import check_name
from app.domain.errors import NotFoundError
from app.domain.masking import mask_code, mask_name
from app.domain.person import person_key
from app.domain.queue_policy import Priority
from app.domain.settings_schema import HallSettings
from app.domain.ticket_rules import TicketSource
from app.services.appointment_views import AppointmentView, CheckInResult
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall, opening_periods
from app.services.queue import QueueService
from app.services.queue_read import display_number
from app.store.database import Database
from app.store.models import Category, Hall, Ticket
from app.store.models_visits import Appointment

log = logging.getLogger("onewindow.appointments")

_CODE_ATTEMPTS = 50  # random codes tried before giving up (a hall would need ~10**5 bookings a day to need more)
_DEMO = (
    ("100001", "B", "09:00-09:30", "张三"),
    ("100002", "D", "10:00-10:30", "李四"),
    ("100003", "G", "14:00-14:30", "王五"),
)


class _InTransaction(Database):
    """Hands QueueService the caller's open session instead of a new transaction.

    QueueService opens its own transaction per call; here the ticket must commit with the check-in. On
    SQLite a second transaction would even wait for the first's write lock forever. Only ``write``/``read``
    are provided: they are all QueueService uses of its Database.
    """

    def __init__(self, session: Session) -> None:  # deliberately no engines: nothing is opened here
        self._session = session

    @contextmanager
    def write(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session


class AppointmentService:
    def __init__(self, db: Database, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    # ---- booking -------------------------------------------------------------------------------------------

    def book(
        self,
        prefix: str,
        day: date,
        slot: Slot | str,
        *,
        matter_code: str | None = None,
        name: str = "",
        id_number: str | None = None,
        source: str = "staff",
        staff_id: str | None = None,
        code: str | None = None,
    ) -> AppointmentView:
        """Book a slot. ``code`` is for bookings made elsewhere (the central server's online booking)."""
        the_slot = slot if isinstance(slot, Slot) else rules.parse_slot(slot)
        name = check_name(name) if name.strip() else ""  # printed masked on the slip; stored masked, as long
        wanted = rules.normalise_code(code) if code else None
        if wanted is not None and not rules.is_valid_code(wanted):
            raise AppointmentError(
                f"预约码应为 {rules.CODE_LENGTH} 位数字", f"The code must have {rules.CODE_LENGTH} digits", code="rule"
            )
        for attempt in range(3):
            try:
                with self.db.write() as s:
                    hall = load_hall(s, self.hall_code)
                    appt = self._insert(
                        s, hall, prefix, day, the_slot, matter_code, name, id_number, source, staff_id, wanted, True
                    )
                    view = self._view(s, hall, appt)
                break
            except IntegrityError:
                # Another PC drew the same random code for this day at the same moment: draw again.
                if wanted is not None or attempt == 2:
                    raise AppointmentError(
                        "该预约码当天已被使用", "This code is already used on that day", code="rule"
                    ) from None
        log.info("booked %s %s %s (%s)", mask_code(view.code), view.category_prefix, view.slot, view.service_day)
        return view

    def _insert(
        self,
        s: Session,
        hall: Hall,
        prefix: str,
        day: date,
        slot: Slot,
        matter_code: str | None,
        name: str,
        id_number: str | None,
        source: str,
        staff_id: str | None,
        code: str | None,
        check_time: bool,
    ) -> Appointment:
        now = self.clock()
        cat = self._category(s, hall, prefix)
        start, end = rules.slot_bounds(day, slot, hall.timezone)
        if check_time:
            within = rules.slot_within_hours(opening_periods(hall), day, slot)
            days_ahead = HallSettings.of(hall.settings).appointment_days_ahead
            rules.booking_allowed(day, end, now, within, days_ahead=days_ahead, tz=hall.timezone)
        salt = HallSettings.of(hall.settings).person_salt or hall.id
        key = person_key(id_number.strip(), salt, now.date()) if id_number else None
        if key is not None and self._has_booking(s, hall, day, cat.prefix, key):
            raise AppointmentError(
                f"您已预约 {day.month}月{day.day}日 的“{cat.name_zh}”，无需重复预约",
                f"You already have a {cat.name_en or cat.prefix} appointment on {day.isoformat()}",
                code="duplicate_appointment",
            )
        taken = set(
            s.scalars(select(Appointment.code).where(Appointment.hall_id == hall.id, Appointment.service_day == day))
        )
        if code is not None and code in taken:
            raise AppointmentError("该预约码当天已被使用", "This code is already used on that day", code="rule")
        code = code or next((c for c in (rules.new_code() for _ in range(_CODE_ATTEMPTS)) if c not in taken), None)
        if code is None:
            raise AppointmentError("当天预约已满", "No more appointments can be booked for that day", code="rule")
        appt = Appointment(
            hall_id=hall.id,
            service_day=day,
            code=code,
            prefix=cat.prefix,
            category_id=cat.id,
            matter_code=(matter_code or "").strip()[:32] or None,
            slot_start=start.astimezone(UTC),  # stored and compared in UTC like every other time
            slot_end=end.astimezone(UTC),
            person_masked=mask_name(name) if name.strip() else "",
            person_key=key,
            status=str(AppointmentStatus.BOOKED),
            source=source,
            booked_at=now,
            booked_by=staff_id,
        )
        s.add(appt)
        s.flush()
        return appt

    def _category(self, s: Session, hall: Hall, prefix: str) -> Category:
        cat = s.scalars(
            select(Category).where(
                Category.hall_id == hall.id, Category.prefix == prefix.strip().upper(), Category.active
            )
        ).first()
        if cat is None:
            raise NotFoundError(f"没有业务类别“{prefix}”", f"No service category '{prefix}'")
        return cat

    @staticmethod
    def _has_booking(s: Session, hall: Hall, day: date, prefix: str, key: str) -> bool:
        return (
            s.scalars(
                select(Appointment.id).where(
                    Appointment.hall_id == hall.id,
                    Appointment.service_day == day,
                    Appointment.prefix == prefix,
                    Appointment.person_key == key,
                    Appointment.status == AppointmentStatus.BOOKED,
                )
            ).first()
            is not None
        )

    # ---- check-in ------------------------------------------------------------------------------------------

    def check_in(self, code_or_qr_payload: str, now: datetime | None = None) -> CheckInResult:
        """Turn a booked appointment into a priority ticket, once, inside its check-in window."""
        hall_hint, code = rules.parse_reference(code_or_qr_payload)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            at = now or self.clock()
            if hall_hint is not None and hall_hint != hall.code:
                raise AppointmentError(
                    f"这不是本大厅的预约（预约大厅 {hall_hint}），请到预约的大厅签到",
                    f"This appointment is for hall {hall_hint}: please check in there",
                    code="appointment_other_hall",
                )
            appt = self._by_code(s, hall, code, service_day(at, hall.timezone))
            window = self._window(hall, appt)
            ticket_number = self._ticket_number(s, appt)
            rules.check_in_allowed(
                appt.status,
                appt.service_day,
                window,
                at,
                hall.timezone,
                ticket_number=ticket_number,
                checked_in_at=appt.checked_in_at,
            )
            queue = QueueService(_InTransaction(s), clock=lambda: at, hall_code=hall.code)
            ticket = queue.issue_ticket(
                appt.prefix,
                source=TicketSource.APPOINTMENT,
                priority=Priority.APPOINTMENT,
                matters=(appt.matter_code,) if appt.matter_code else (),
            )
            appt.status, appt.ticket_id, appt.checked_in_at = str(AppointmentStatus.CHECKED_IN), ticket.id, at
            s.flush()
            result = CheckInResult(self._view(s, hall, appt), ticket)
        log.info("checked in %s -> %s", mask_code(code), ticket.display_number)
        return result

    def _by_code(self, s: Session, hall: Hall, code: str, today: date) -> Appointment:
        # Today's first, locked: on PostgreSQL a second kiosk checking in the same code waits here and
        # then sees "checked in" (SQLite's BEGIN IMMEDIATE already serialises the two).
        appt = s.scalars(
            select(Appointment)
            .where(Appointment.hall_id == hall.id, Appointment.service_day == today, Appointment.code == code)
            .with_for_update()
        ).first()
        if appt is not None:
            return appt
        # Codes repeat across days: the nearest other day is the one the citizen most likely means.
        others = s.scalars(select(Appointment).where(Appointment.hall_id == hall.id, Appointment.code == code)).all()
        if not others:
            raise AppointmentError(
                "未找到该预约，请核对预约码",
                "No appointment with this code: please check it",
                code="appointment_not_found",
            )
        return min(others, key=lambda a: abs((a.service_day - today).days))

    @staticmethod
    def _window(hall: Hall, appt: Appointment) -> rules.CheckInWindow:
        hs = HallSettings.of(hall.settings)
        before, after = hs.appointment_checkin_before_minutes, hs.appointment_checkin_after_minutes
        return rules.check_in_window(appt.slot_start, appt.slot_end, before, after)

    @staticmethod
    def _ticket_number(s: Session, appt: Appointment) -> str | None:
        if appt.ticket_id is None:
            return None
        row = s.execute(select(Ticket.prefix, Ticket.number).where(Ticket.id == appt.ticket_id)).first()
        return display_number(row[0], row[1]) if row else None

    # ---- other changes -------------------------------------------------------------------------------------

    def cancel(self, appointment_id: str) -> AppointmentView:
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            appt = s.get(Appointment, appointment_id, with_for_update=True)
            if appt is None or appt.hall_id != hall.id:
                raise NotFoundError("没有找到这个预约", "No such appointment")
            rules.cancel_allowed(appt.status)
            appt.status, appt.cancelled_at = str(AppointmentStatus.CANCELLED), self.clock()
            s.flush()
            return self._view(s, hall, appt)

    def mark_missed(self) -> int:
        """Booked appointments whose check-in window has closed become missed (爽约); returns how many.

        For a daily job or the supervisor screen; check-in refuses a closed window with or without it.
        """
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            now = self.clock()
            booked = s.scalars(
                select(Appointment).where(
                    Appointment.hall_id == hall.id,
                    Appointment.status == AppointmentStatus.BOOKED,
                    Appointment.service_day <= service_day(now, hall.timezone),
                )
            ).all()
            missed = [a for a in booked if rules.is_missed(a.status, self._window(hall, a), now)]
            for a in missed:
                a.status = str(AppointmentStatus.MISSED)
            return len(missed)

    # ---- queries -------------------------------------------------------------------------------------------

    def list_for_day(self, day: date | None = None) -> list[AppointmentView]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            wanted = day or service_day(self.clock(), hall.timezone)
            rows = s.scalars(
                select(Appointment)
                .where(Appointment.hall_id == hall.id, Appointment.service_day == wanted)
                .order_by(Appointment.slot_start, Appointment.prefix, Appointment.booked_at)
            ).all()
            return [self._view(s, hall, a) for a in rows]

    def find(self, code_or_qr_payload: str) -> AppointmentView:
        """Staff lookup by code (today's first, else the nearest day), without checking in."""
        _, code = rules.parse_reference(code_or_qr_payload)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return self._view(s, hall, self._by_code(s, hall, code, service_day(self.clock(), hall.timezone)))

    def _view(self, s: Session, hall: Hall, a: Appointment) -> AppointmentView:
        cat = s.get_one(Category, a.category_id)
        window = self._window(hall, a)
        zone = ZoneInfo(hall.timezone)
        return AppointmentView(
            id=a.id,
            code=a.code,
            qr_payload=rules.qr_payload(hall.code, a.code),
            hall_code=hall.code,
            service_day=a.service_day,
            slot=f"{a.slot_start.astimezone(zone):%H:%M}-{a.slot_end.astimezone(zone):%H:%M}",
            slot_start=a.slot_start,
            slot_end=a.slot_end,
            check_in_opens=window.opens,
            check_in_closes=window.closes,
            category_prefix=cat.prefix,
            category_name_zh=cat.name_zh,
            category_name_en=cat.name_en,
            matter_code=a.matter_code,
            person_masked=a.person_masked,
            status=str(a.status),
            source=a.source,
            booked_at=a.booked_at,
            checked_in_at=a.checked_in_at,
            ticket_id=a.ticket_id,
            ticket_number=self._ticket_number(s, a),
        )

    # ---- demo ----------------------------------------------------------------------------------------------

    def seed_demo(self, today: date | None = None) -> list[AppointmentView]:
        """Sample appointments for the demo hall: codes 100001-100003 at fixed times, and on the current day
        100004 in the half hour around now, so a demo can check one in at any hour. Idempotent per day;
        slots outside the hall's opening hours are skipped. Returns the demo appointments of that day."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            now = self.clock()
            day = today or service_day(now, hall.timezone)
            rows = [(code, prefix, rules.parse_slot(text), name) for code, prefix, text, name in _DEMO]
            if day == service_day(now, hall.timezone):
                local = hall_time(now, hall.timezone)
                start = local.hour * 60 + local.minute - local.minute % 30
                end = min(start + 30, 24 * 60 - 1)
                rows.append(("100004", "B", Slot(time(start // 60, start % 60), time(end // 60, end % 60)), "赵六"))
            existing = {
                a.code: a
                for a in s.scalars(
                    select(Appointment).where(Appointment.hall_id == hall.id, Appointment.service_day == day)
                )
            }
            periods = opening_periods(hall)
            demo = []
            for code, prefix, slot, name in rows:
                if code in existing:
                    demo.append(existing[code])
                elif rules.slot_within_hours(periods, day, slot):
                    demo.append(self._insert(s, hall, prefix, day, slot, None, name, None, "demo", None, code, False))
            return [self._view(s, hall, a) for a in demo]
