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


WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class HoursError(ValueError):
    """Opening hours that cannot be read, said in Chinese and English (str() is the English)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def parse_hours(spec: object) -> list[OpeningPeriod]:
    """Read {"mon": [["09:00", "12:00"], ["13:30", "17:00"]], ...} from the hall configuration. A shape or a time
    it cannot read is a HoursError naming it (the hall file is refused when read, not at the first kiosk ticket)."""
    example = '{"mon": [["09:00", "17:00"]]}'
    if not isinstance(spec, dict):
        raise HoursError(f"应为形如 {example} 的对象", f"opening_hours must be an object such as {example}")
    if unknown := sorted(set(spec) - set(WEEKDAY_KEYS)):
        days = ", ".join(WEEKDAY_KEYS)
        day = repr(unknown[0])
        raise HoursError(f"未知的日子 {day}（应为 {days}）", f"unknown day {day}: the days are {days}")
    periods = []
    for weekday, name in enumerate(WEEKDAY_KEYS):
        ranges = spec.get(name, [])
        if not isinstance(ranges, list):
            raise HoursError(f"{name} 应为 [开门, 关门] 时间对的列表", f"{name}: a list of [opens, closes] pairs")
        for pair in ranges:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(t, str) for t in pair)):
                raise HoursError(
                    f"{name}：{pair!r} 不是形如 [\"09:00\", \"12:00\"] 的时间对",
                    f"{name}: {pair!r} is not a pair of times such as [\"09:00\", \"12:00\"]",
                )
            try:
                opens, closes = time.fromisoformat(pair[0]), time.fromisoformat(pair[1])
                if opens.tzinfo or closes.tzinfo:  # "17:00Z": hours are the hall's clock, compared without a zone
                    raise ValueError
            except ValueError:
                raise HoursError(
                    f"{name}：{pair!r} 中有不是 HH:MM 的时间", f"{name}: {pair!r} holds a time that is not HH:MM"
                ) from None
            if opens >= closes:
                span = f"{pair[0]}-{pair[1]}"
                raise HoursError(f"{name}：{span} 关门早于开门", f"{name}: {span} closes before it opens")
            periods.append(OpeningPeriod(weekday, opens, closes))
    return periods


def is_open(periods: list[OpeningPeriod], now: datetime, tz: str = DEFAULT_TZ) -> bool:
    if not periods:
        return True  # no hours configured: a 24-hour hall
    local = now.astimezone(ZoneInfo(tz))
    t = local.time()
    return any(p.weekday == local.weekday() and p.opens <= t < p.closes for p in periods)
