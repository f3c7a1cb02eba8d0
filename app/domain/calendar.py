"""Service days and opening hours in the hall's own time zone."""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"


def service_day(now: datetime, tz: str = DEFAULT_TZ) -> date:
    """The local calendar day a ticket belongs to; numbering restarts every service day."""
    return now.astimezone(ZoneInfo(tz)).date()


@dataclass(frozen=True)
class OpeningPeriod:
    weekday: int  # 0 = Monday
    opens: time
    closes: time


def parse_hours(spec: dict[str, list[list[str]]]) -> list[OpeningPeriod]:
    """Read {"mon": [["09:00", "12:00"], ["13:30", "17:00"]], ...} from the hall configuration."""
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    periods = []
    for weekday, name in enumerate(names):
        for opens, closes in spec.get(name, []):
            periods.append(OpeningPeriod(weekday, time.fromisoformat(opens), time.fromisoformat(closes)))
    return periods


def is_open(periods: list[OpeningPeriod], now: datetime, tz: str = DEFAULT_TZ) -> bool:
    if not periods:
        return True  # no hours configured: a 24-hour hall
    local = now.astimezone(ZoneInfo(tz))
    t = local.time()
    return any(p.weekday == local.weekday() and p.opens <= t < p.closes for p in periods)
