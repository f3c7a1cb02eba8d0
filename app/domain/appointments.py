"""Appointment (预约) rules: check-in codes, time slots, the check-in window and what a check-in may do.

Pure rules: the service loads the facts and asks these functions whether a booking or a check-in is allowed.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.domain.calendar import DEFAULT_TZ, OpeningPeriod, hall_time
from app.domain.calendar import service_day as service_day_of
from app.domain.errors import UserError
from app.domain.ticket_ref import QR_SCHEME  # appointment codes share the ticket QR scheme

CODE_LENGTH = 6
# Digits only: the kiosk's check-in keypad (kiosk/screens/appointment.py) has digits and nothing else,
# and a code read out over the phone or from an SMS cannot be mistaken when it has no letters at all.
# 10**6 codes per hall and day, so a guessed code is as good as useless.
CODE_ALPHABET = "0123456789"
# What people type when they misread a digit on paper (O for 0, I or l for 1).
_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"})
_SEPARATORS = re.compile(r"[\s\-_.]")
_SLOT = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-~至到]\s*(\d{1,2}:\d{2})\s*$")

DEFAULT_CHECKIN_BEFORE_MINUTES = 60
DEFAULT_CHECKIN_AFTER_MINUTES = 30
# How far ahead a slot may be booked: halls publish a week or a month of slots; a year stops a typo (2099).
DEFAULT_BOOKING_DAYS_AHEAD = 30


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    CANCELLED = "cancelled"
    MISSED = "missed"


class AppointmentError(UserError):
    code = "appointment"


@dataclass(frozen=True)
class Slot:
    start: time
    end: time

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_slot(text: str) -> Slot:
    """'09:00-09:30' (also with ~, 至 or 到) -> Slot; the end must be after the start on the same day."""
    m = _SLOT.match(text or "")
    if m is None:
        raise AppointmentError(
            "预约时段格式应为 HH:MM-HH:MM", "The time slot must look like HH:MM-HH:MM", code="invalid_slot"
        )
    try:
        start, end = (time.fromisoformat(part.zfill(5)) for part in m.groups())
    except ValueError:
        raise AppointmentError(
            "预约时段的时间无效", "The time slot holds an invalid time", code="invalid_slot"
        ) from None
    if end <= start:
        raise AppointmentError(
            "预约时段的结束时间须晚于开始时间", "The slot must end after it starts", code="invalid_slot"
        )
    return Slot(start, end)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """Full-width digits, spaces, dashes and look-alike letters as typed -> the stored code."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return _SEPARATORS.sub("", folded).translate(_LOOKALIKES)


def is_valid_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)


def qr_payload(hall_code: str, code: str) -> str:
    """What the appointment's QR code (SMS, printed confirmation) encodes."""
    return f"{QR_SCHEME}:A:{hall_code}:{code}"


def parse_reference(text: str) -> tuple[str | None, str]:
    """A typed code or a scanned QR payload -> (hall code or None, normalised code)."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if raw.upper().startswith(f"{QR_SCHEME}:A:"):
        parts = raw.split(":")
        if len(parts) == 4:
            return parts[2].upper(), normalise_code(parts[3])
        return None, normalise_code(parts[-1])  # an older payload without the hall code
    code = normalise_code(raw)
    if not is_valid_code(code):
        raise AppointmentError(
            f"预约码应为 {CODE_LENGTH} 位数字，请核对",
            f"An appointment code has {CODE_LENGTH} digits: please check it",
            code="appointment_not_found",
        )
    return None, code


def slot_bounds(day: date, slot: Slot, tz: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(tz)
    return datetime.combine(day, slot.start, zone), datetime.combine(day, slot.end, zone)


@dataclass(frozen=True)
class CheckInWindow:
    opens: datetime
    closes: datetime


def check_in_window(slot_start: datetime, slot_end: datetime, before_minutes: int, after_minutes: int) -> CheckInWindow:
    return CheckInWindow(slot_start - timedelta(minutes=before_minutes), slot_end + timedelta(minutes=after_minutes))


def _hm(moment: datetime, tz: str) -> str:
    return f"{hall_time(moment, tz):%H:%M}"


def check_in_allowed(
    status: AppointmentStatus | str,
    service_day: date,
    window: CheckInWindow,
    now: datetime,
    tz: str,
    *,
    ticket_number: str | None = None,
    checked_in_at: datetime | None = None,
) -> None:
    """Raise the reason a check-in is refused right now, in words the citizen can act on; None when allowed."""
    status = AppointmentStatus(status)
    if status is AppointmentStatus.CHECKED_IN:
        at = _hm(checked_in_at, tz) if checked_in_at else ""
        raise AppointmentError(
            f"该预约已于 {at} 签到，您的号码是 {ticket_number or '—'}，请留意叫号",
            f"This appointment was checked in at {at}: your number is {ticket_number or '—'}",
            code="appointment_used",
        )
    if status is AppointmentStatus.CANCELLED:
        raise AppointmentError(
            "该预约已取消，请重新预约或现场取号",
            "This appointment was cancelled: book again or take a ticket",
            code="appointment_cancelled",
        )
    today = service_day_of(now, tz)
    if service_day != today:
        when_zh, when_en = f"{service_day.month}月{service_day.day}日", service_day.isoformat()
        if service_day > today:
            raise AppointmentError(
                f"您预约的是 {when_zh}，请在预约当天签到",
                f"Your appointment is on {when_en}: please check in on that day",
                code="appointment_wrong_day",
            )
        raise AppointmentError(
            f"您预约的是 {when_zh}，预约已过期，请重新预约或现场取号",
            f"Your appointment was on {when_en}: book again or take a ticket",
            code="appointment_wrong_day",
        )
    if status is AppointmentStatus.MISSED or now > window.closes:
        raise AppointmentError(
            f"已超过签到时间（最晚 {_hm(window.closes, tz)}），请现场取号或重新预约",
            f"Check-in closed at {_hm(window.closes, tz)}: please take a ticket or book again",
            code="appointment_too_late",
        )
    if now < window.opens:
        raise AppointmentError(
            f"还没到签到时间，请于 {_hm(window.opens, tz)} 后签到",
            f"Too early: check-in opens at {_hm(window.opens, tz)}",
            code="appointment_too_early",
        )


def is_missed(status: AppointmentStatus | str, window: CheckInWindow, now: datetime) -> bool:
    """A booked appointment nobody checked in before its window closed."""
    return AppointmentStatus(status) is AppointmentStatus.BOOKED and now > window.closes


def cancel_allowed(status: AppointmentStatus | str) -> None:
    if AppointmentStatus(status) is not AppointmentStatus.BOOKED:
        raise AppointmentError(
            "只有未签到的预约可以取消", "Only an appointment not yet checked in can be cancelled", code="rule"
        )


def slot_within_hours(periods: list[OpeningPeriod], day: date, slot: Slot) -> bool:
    """True when the slot lies inside one opening period (back-to-back periods count as one)."""
    if not periods:
        return True  # no hours configured: a 24-hour hall
    spans: list[list[time]] = []
    for p in sorted((p for p in periods if p.weekday == day.weekday()), key=lambda p: p.opens):
        if spans and p.opens <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], p.closes)
        else:
            spans.append([p.opens, p.closes])
    return any(opens <= slot.start and slot.end <= closes for opens, closes in spans)


def booking_allowed(
    day: date, slot_end: datetime, now: datetime, within_hours: bool, *, days_ahead: int = DEFAULT_BOOKING_DAYS_AHEAD,
    tz: str = DEFAULT_TZ,
) -> None:
    """A slot must still be ahead (its end not passed), on a service day at most `days_ahead` days after today
    (the hall's calendar days, whatever the hour of booking), and fall inside the hall's opening hours."""
    if slot_end <= now:
        raise AppointmentError("该时段已过，不能预约", "This slot has already passed", code="invalid_slot")
    if (day - service_day_of(now, tz)).days > days_ahead:
        raise AppointmentError(
            f"只能预约 {days_ahead} 天内的时段", f"Slots can be booked at most {days_ahead} days ahead",
            code="invalid_slot",
        )
    if not within_hours:
        raise AppointmentError(
            "该时段不在大厅办公时间内", "This slot is outside the hall's opening hours", code="invalid_slot"
        )
