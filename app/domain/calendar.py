"""Service days and opening hours in the hall's own time zone."""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"


def service_day(now: datetime, tz: str = DEFAULT_TZ) -> date:
    """The local calendar day a ticket belongs to; numbering restarts every service day."""
    return now.astimezone(ZoneInfo(tz)).date()


def hall_time(moment: datetime, tz: str = DEFAULT_TZ) -> datetime:
    """`moment` (stored in UTC) on the hall's clock, as staff read it on the wall."""
    return moment.astimezone(ZoneInfo(tz))


def hall_time_text(moment: datetime, tz: str = DEFAULT_TZ, *, seconds: bool = False) -> str:
    """Hall-local time for people to read, with its offset so it cannot be taken for UTC:
    `2026-12-01 09:30 +08:00`."""
    local = hall_time(moment, tz)
    offset = local.strftime("%z")  # +0800
    shown = local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return f"{shown} {offset[:3]}:{offset[3:]}"


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
