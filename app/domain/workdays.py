"""Working-day calendar (工作日): time limits of matters are counted in working days.

Public holidays and the weekend days worked in exchange (调休上班) change every year by State Council
notice, so they come from configuration (resources/catalogue/calendar.json), never from code.
Counting follows the usual rule for administrative time limits: the day of acceptance is not counted,
counting starts on the next working day (受理次日起算).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.domain.errors import UserError

# A calendar with no working day for this long is a configuration error, not a long holiday.
_MAX_SCAN_DAYS = 366


def _dates(items: Iterable[str]) -> frozenset[date]:
    """Read ["2026-10-01", "2026-10-01/2026-10-07", ...] (a range is inclusive at both ends)."""
    out: set[date] = set()
    for item in items:
        first, _, last = str(item).partition("/")
        start = date.fromisoformat(first.strip())
        end = date.fromisoformat(last.strip()) if last else start
        if end < start:
            raise ValueError(f"date range {item!r} ends before it starts")
        out.update(start + timedelta(days=i) for i in range((end - start).days + 1))
    return frozenset(out)


class CalendarNotCovered(UserError):
    """A deadline in a year the calendar does not cover: an error the clerk sees, never a silent guess."""

    code = "calendar_not_covered"


@dataclass(frozen=True)
class WorkdayCalendar:
    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()  # weekend days worked in exchange for a long holiday
    weekend: frozenset[int] = field(default_factory=lambda: frozenset({5, 6}))  # date.weekday(): 5 = Saturday
    # Years whose holidays are known (the State Council notice is out). Empty: no check (tests, old files).
    covers: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        both = self.holidays & self.makeup_workdays
        if both:
            raise ValueError(f"dates both holiday and make-up workday: {sorted(both)}")

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> WorkdayCalendar:
        weekend = spec.get("weekend")
        return cls(
            holidays=_dates(spec.get("holidays", [])),
            makeup_workdays=_dates(spec.get("makeup_workdays", [])),
            weekend=frozenset(int(d) for d in weekend) if weekend is not None else frozenset({5, 6}),
            covers=frozenset(int(y) for y in spec.get("covers", [])),
        )

    def _check_covered(self, day: date) -> None:
        if self.covers and day.year not in self.covers:
            years = "、".join(str(y) for y in sorted(self.covers))
            raise CalendarNotCovered(
                f"工作日历只包含 {years} 年，无法计算 {day.year} 年的期限："
                "请发布新一年的节假日安排（onewindow server publish calendar）",
                f"The working-day calendar covers {years} only and cannot count days in {day.year}: "
                "publish the new year's holidays (onewindow server publish calendar)",
            )

    def is_workday(self, day: date) -> bool:
        self._check_covered(day)
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() not in self.weekend

    def next_workday(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        for i in range(_MAX_SCAN_DAYS):
            candidate = day + timedelta(days=i)
            if self.is_workday(candidate):
                return candidate
        raise ValueError("the working-day calendar has no working day within a year")

    def add_workdays(self, start: date, days: int) -> date:
        """The date on which a limit of `days` working days, accepted on `start`, runs out.

        0 days (即办件) is the day itself. Otherwise the day of acceptance is not counted, even when
        it is a working day, so 1 working day accepted on a Friday ends on Monday.
        """
        if days < 0:
            raise ValueError("a time limit cannot be negative")
        day, left = start, days
        while left > 0:
            day = self.next_workday(day + timedelta(days=1))
            left -= 1
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(days=i)))
