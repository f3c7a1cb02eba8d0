"""Plain frozen results of the rating service (好差评) and its follow-up loop (差评回访/整改)."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class RatingTargetView:
    """What a citizen is about to rate, resolved from a QR code or a typed number."""

    kind: str  # "ticket" | "case"
    target_id: str
    reference: str  # B012 or a receipt number: safe to show
    description_zh: str
    description_en: str
    service_day: date
    window_number: int | None


@dataclass(frozen=True)
class RatingView:
    id: str
    target_kind: str
    target_id: str
    reference: str
    service_day: date
    level: int  # 5 非常满意 .. 1 非常不满意
    level_zh: str
    level_en: str
    reasons: tuple[str, ...]
    reasons_zh: str
    comment: str
    channel: str
    created_at: datetime
    window_number: int | None
    staff_id: str | None
    staff_name: str | None
    follow_up_id: str | None
    follow_up_status: str | None


@dataclass(frozen=True)
class FollowUpNote:
    at: datetime
    staff_id: str | None
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class FollowUpView:
    id: str
    rating_id: str
    status: str
    status_zh: str
    opened_at: datetime
    due_date: date
    overdue: bool
    reference: str
    target_kind: str
    level: int
    level_zh: str
    reasons_zh: str
    comment: str
    window_number: int | None
    staff_name: str | None
    contacted_at: datetime | None
    rectified_at: datetime | None
    closed_at: datetime | None
    notes: tuple[FollowUpNote, ...]
    next_statuses: tuple[str, ...]
