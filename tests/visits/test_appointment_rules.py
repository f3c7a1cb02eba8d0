"""Pure appointment rules: slots, codes, QR payloads and the check-in window."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.domain import appointments as rules
from app.domain.appointments import AppointmentError, AppointmentStatus, Slot
from app.domain.calendar import parse_hours

TZ = "Asia/Shanghai"
DAY = date(2026, 11, 23)  # a Monday


def test_slots_parse_and_must_end_after_they_start():
    assert rules.parse_slot("9:00-9:30") == Slot(time(9, 0), time(9, 30))
    assert rules.parse_slot(" 14:00 至 14:30 ").label == "14:00-14:30"
    for bad in ("", "09:00", "09:30-09:00", "25:00-26:00", "9-10"):
        with pytest.raises(AppointmentError) as err:
            rules.parse_slot(bad)
        assert err.value.code == "invalid_slot" and err.value.message_zh and err.value.message_en


def test_codes_are_six_digits_and_typing_slips_are_forgiven():
    codes = {rules.new_code() for _ in range(200)}
    assert all(rules.is_valid_code(c) for c in codes) and len(codes) > 190
    assert rules.normalise_code("１２３ ４５６") == "123456"  # full-width digits from a Chinese IME
    assert rules.normalise_code("l2O-45b") == "120458"  # look-alike letters read off paper
    assert rules.parse_reference("OW1:A:H023:123456") == ("H023", "123456")
    assert rules.parse_reference("ow1:a:h023:123456") == ("H023", "123456")
    assert rules.parse_reference(" 123 456 ") == (None, "123456")
    assert rules.qr_payload("H023", "123456") == "OW1:A:H023:123456"
    with pytest.raises(AppointmentError) as err:
        rules.parse_reference("12345")
    assert err.value.code == "appointment_not_found"


def test_slots_must_fall_in_opening_hours():
    hours = parse_hours({"mon": [["08:30", "12:00"], ["12:00", "17:30"]], "sat": [["09:00", "12:00"]]})
    assert rules.slot_within_hours(hours, DAY, Slot(time(11, 30), time(12, 30)))  # back-to-back periods join
    assert not rules.slot_within_hours(hours, DAY, Slot(time(17, 15), time(17, 45)))
    assert not rules.slot_within_hours(hours, DAY + timedelta(days=6), Slot(time(9), time(10)))  # Sunday
    assert rules.slot_within_hours([], DAY, Slot(time(2), time(3)))  # a 24-hour hall


def _window(before: int = 60, after: int = 30) -> rules.CheckInWindow:
    start, end = rules.slot_bounds(DAY, Slot(time(10), time(10, 30)), TZ)
    return rules.check_in_window(start, end, before, after)


def _at(hh: int, mm: int, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=UTC) - timedelta(hours=8)  # Beijing -> UTC


@pytest.mark.parametrize(
    ("now", "code"),
    [
        (_at(8, 59), "appointment_too_early"),
        (_at(9, 0), None),
        (_at(10, 15), None),
        (_at(11, 0), None),
        (_at(11, 1), "appointment_too_late"),
        (_at(10, 0, DAY - timedelta(days=1)), "appointment_wrong_day"),
        (_at(10, 0, DAY + timedelta(days=1)), "appointment_wrong_day"),
    ],
)
def test_check_in_window(now: datetime, code: str | None):
    if code is None:
        rules.check_in_allowed(AppointmentStatus.BOOKED, DAY, _window(), now, TZ)
        return
    with pytest.raises(AppointmentError) as err:
        rules.check_in_allowed(AppointmentStatus.BOOKED, DAY, _window(), now, TZ)
    assert err.value.code == code


def test_refusals_say_what_to_do():
    with pytest.raises(AppointmentError) as err:
        rules.check_in_allowed("booked", DAY, _window(), _at(8, 0), TZ)
    assert "09:00" in err.value.message_zh and "09:00" in err.value.message_en
    with pytest.raises(AppointmentError) as err:
        rules.check_in_allowed("checked_in", DAY, _window(), _at(10, 0), TZ, ticket_number="B007",
                               checked_in_at=_at(9, 40))
    assert err.value.code == "appointment_used" and "B007" in err.value.message_zh and "09:40" in err.value.message_zh
    with pytest.raises(AppointmentError) as err:
        rules.check_in_allowed("cancelled", DAY, _window(), _at(10, 0), TZ)
    assert err.value.code == "appointment_cancelled"
    with pytest.raises(AppointmentError) as err:
        rules.check_in_allowed("missed", DAY, _window(), _at(10, 0), TZ)
    assert err.value.code == "appointment_too_late"
    assert rules.is_missed("booked", _window(), _at(11, 1)) and not rules.is_missed("booked", _window(), _at(11, 0))
