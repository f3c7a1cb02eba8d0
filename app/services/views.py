"""Plain frozen results handed to the UI, the kiosk and the command line."""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


def to_jsonable(obj: Any) -> Any:
    """asdict + ISO dates, for `--json` output."""
    data = asdict(obj) if hasattr(obj, "__dataclass_fields__") else obj
    return _convert(data)


def _convert(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _convert(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_convert(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class TicketView:
    id: str
    display_number: str
    category_prefix: str
    category_name_zh: str
    category_name_en: str
    status: str
    priority: str
    source: str
    service_day: date
    issued_at: datetime
    called_at: datetime | None
    window_number: int | None
    recall_count: int
    people_ahead: int
    estimated_wait_minutes: int | None
    qr_payload: str
    hall_code: str
    hall_name: str
    hall_timezone: str  # the slip and the screens show issued_at (UTC) as the hall's wall clock
    matters: tuple[str, ...] = ()


@dataclass(frozen=True)
class CategoryView:
    prefix: str
    name_zh: str
    name_en: str
    waiting: int
    open_windows: int
    estimated_wait_minutes: int | None


@dataclass(frozen=True)
class WaitingRow:
    ticket_id: str
    display_number: str
    category_prefix: str
    category_name_zh: str
    priority: str
    issued_at: datetime
    target_window_number: int | None
    category_name_en: str = ""


@dataclass(frozen=True)
class WindowCounts:
    called: int
    finished: int
    no_show: int
    transferred: int
    avg_service_minutes: float | None


@dataclass(frozen=True)
class WindowView:
    number: int
    name: str
    status: str
    staff_name: str | None
    categories: tuple[str, ...]
    current: TicketView | None
    parked: tuple[TicketView, ...]
    counts: WindowCounts
    waiting_for_me: int
    hall_timezone: str  # times on the window's screen are the hall's wall clock
    display_speech: bool | None = None  # what the calling display last reported; None: no display seen


@dataclass(frozen=True)
class CallRecord:
    window_number: int
    display_number: str
    at: datetime
    kind: str  # "called" or "recalled"
    event_id: str


@dataclass(frozen=True)
class DisplaySnapshot:
    hall_name: str
    notice: str
    current_calls: tuple[CallRecord, ...]
    recent_calls: tuple[CallRecord, ...]
    categories: tuple[CategoryView, ...]
    change_counter: int
    unattended_windows: tuple[int, ...] = ()  # open or paused, but no live staff client


@dataclass(frozen=True)
class StaffView:
    id: str
    login: str
    name: str
    role: str


@dataclass(frozen=True)
class HallView:
    id: str
    code: str
    name_zh: str
    name_en: str
    timezone: str
    settings: dict[str, Any] = field(default_factory=dict)
