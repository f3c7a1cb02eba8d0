"""Working days: weekends, configured holidays, make-up working days, counting from the next day."""

from datetime import date

import pytest

from app.domain.workdays import WorkdayCalendar
from app.services.catalogue import load_calendar


@pytest.fixture
def cal() -> WorkdayCalendar:
    return load_calendar()


def test_weekend_and_plain_weeks():
    cal = WorkdayCalendar()
    friday = date(2026, 11, 20)
    assert cal.is_workday(friday) and not cal.is_workday(date(2026, 11, 21))
    assert cal.add_workdays(friday, 0) == friday  # 即办件: the same day
    assert cal.add_workdays(friday, 1) == date(2026, 11, 23)  # the day of acceptance does not count
    assert cal.add_workdays(friday, 5) == date(2026, 11, 27)
    assert cal.add_workdays(date(2026, 11, 21), 1) == date(2026, 11, 23)  # accepted on a Saturday
    assert cal.workdays_between(friday, date(2026, 11, 27)) == 5
    assert cal.workdays_between(date(2026, 11, 27), friday) == -5


def test_national_day_holiday_and_make_up_days(cal):
    assert not cal.is_workday(date(2026, 10, 1)) and not cal.is_workday(date(2026, 10, 7))
    assert cal.is_workday(date(2026, 10, 10))  # a Saturday worked in exchange (调休上班)
    assert cal.is_workday(date(2026, 9, 20))  # a Sunday worked in exchange
    # accepted on Wednesday 30 Sep with 3 working days: 7-day holiday, then Thu 8, Fri 9, Sat 10 (make-up)
    assert cal.add_workdays(date(2026, 9, 30), 3) == date(2026, 10, 10)


def test_spring_festival(cal):
    assert cal.add_workdays(date(2026, 2, 13), 1) == date(2026, 2, 14)  # make-up Saturday before the holiday
    assert cal.add_workdays(date(2026, 2, 14), 1) == date(2026, 2, 24)


def test_configuration_errors():
    with pytest.raises(ValueError):
        WorkdayCalendar.from_dict({"holidays": ["2026-10-01"], "makeup_workdays": ["2026-10-01"]})
    with pytest.raises(ValueError):
        WorkdayCalendar.from_dict({"holidays": ["2026-10-07/2026-10-01"]})
    with pytest.raises(ValueError):
        WorkdayCalendar(weekend=frozenset(range(7))).next_workday(date(2026, 1, 1))
    with pytest.raises(ValueError):
        WorkdayCalendar().add_workdays(date(2026, 1, 5), -1)


def test_hall_extra_closing_days():
    cal = load_calendar(extra={"holidays": ["2026-11-24"]})
    assert cal.add_workdays(date(2026, 11, 23), 1) == date(2026, 11, 25)
