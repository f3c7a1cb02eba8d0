"""Rating (好差评) rules: five levels, reasons for the bad ones, and the follow-up loop (回访 → 整改 → 闭环).

One rating per ticket or case: a second one is refused, never replaces the first. A bad rating opens a
follow-up task that a supervisor must close; letting a later rating overwrite it would let anyone erase
a complaint from the record (and sync would have to ship the retraction), so the first word stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from app.domain.cases import is_receipt_number, receipt_from_scan
from app.domain.errors import UserError
from app.domain.ticket_ref import ticket_from_scan

MAX_COMMENT = 500
MIN_NOTE = 4  # a follow-up step says what was done: "已回访" alone is not a record
DEFAULT_RATING_DAYS = 7  # a ticket may be rated up to this many days after its service day
DEFAULT_FOLLOW_UP_WORKDAYS = 15  # working days to close a follow-up (hall setting follow_up_workdays)

_TICKET_NUMBER = re.compile(r"^[A-Z]{1,4}\d{1,4}$")


class RatingError(UserError):
    code = "rating"


class RatingLevel(IntEnum):
    VERY_SATISFIED = 5
    SATISFIED = 4
    BASICALLY_SATISFIED = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1

    @property
    def is_bad(self) -> bool:
        return self <= RatingLevel.DISSATISFIED

    @property
    def name_zh(self) -> str:
        return LEVEL_NAMES[self][0]

    @property
    def name_en(self) -> str:
        return LEVEL_NAMES[self][1]


LEVEL_NAMES: dict[RatingLevel, tuple[str, str]] = {
    RatingLevel.VERY_SATISFIED: ("非常满意", "Very satisfied"),
    RatingLevel.SATISFIED: ("满意", "Satisfied"),
    RatingLevel.BASICALLY_SATISFIED: ("基本满意", "Basically satisfied"),
    RatingLevel.DISSATISFIED: ("不满意", "Dissatisfied"),
    RatingLevel.VERY_DISSATISFIED: ("非常不满意", "Very dissatisfied"),
}

# The keys the kiosk and the window pad send (kiosk/screens/rating.py REASON_KEYS), with their words.
REASONS: dict[str, tuple[str, str]] = {
    "wait": ("等候时间长", "Long wait"),
    "attitude": ("服务态度差", "Poor attitude"),
    "notice": ("材料没有一次性告知", "Missing materials not all told at once"),
    "trips": ("多次跑腿", "Had to come back several times"),
    "system": ("系统或设备故障", "System or equipment failure"),
    "other": ("其他", "Other"),
}


class TargetKind(StrEnum):
    TICKET = "ticket"
    CASE = "case"


class Channel(StrEnum):
    KIOSK = "kiosk"
    WINDOW_PAD = "window_pad"


@dataclass(frozen=True)
class ValidRating:
    level: RatingLevel
    reasons: tuple[str, ...]
    comment: str


def validate_rating(level: int, reasons: Iterable[str], comment: str = "") -> ValidRating:
    """The rating as stored, or a RatingError naming what is wrong."""
    try:
        lv = RatingLevel(int(level))
    except ValueError:
        raise RatingError(
            "请选择评价等级（1 到 5）", "Choose a rating level from 1 to 5", code="invalid_rating"
        ) from None
    keys = tuple(dict.fromkeys(str(r).strip() for r in reasons if str(r).strip()))
    unknown = [k for k in keys if k not in REASONS]
    if unknown:
        raise RatingError(
            f"未知的评价原因：{'、'.join(unknown)}", f"Unknown reason: {', '.join(unknown)}", code="invalid_rating"
        )
    if lv.is_bad and not keys:
        raise RatingError("请选择不满意的原因（至少一项）", "Choose at least one reason", code="reason_required")
    if not lv.is_bad and keys:
        # The reasons are all complaints: a good level with one is a mis-tap, not something to file.
        raise RatingError(
            "满意评价无需选择不满意原因", "Reasons are only for a dissatisfied rating", code="invalid_rating"
        )
    text = unicodedata.normalize("NFC", comment or "").strip()
    if len(text) > MAX_COMMENT:
        raise RatingError(
            f"留言请不超过 {MAX_COMMENT} 字", f"Keep the comment under {MAX_COMMENT} characters", code="invalid_rating"
        )
    return ValidRating(lv, keys, text)


def reasons_zh(keys: Iterable[str]) -> str:
    return "、".join(REASONS[k][0] for k in keys if k in REASONS)


def reasons_en(keys: Iterable[str]) -> str:
    return ", ".join(REASONS[k][1] for k in keys if k in REASONS)


@dataclass(frozen=True)
class Reference:
    """What a scanned or typed reference points at: kind of key and the key itself."""

    kind: str  # "ticket_id" | "ticket_number" | "receipt"
    value: str
    hall_code: str | None = None


def parse_reference(text: str) -> Reference:
    """Ticket QR ``OW1:T:<hall>:<id>``, receipt QR ``OW1:R:<receipt>``, a receipt number, today's ticket
    number (B012), or a bare ticket id."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    upper = raw.upper()
    scanned = ticket_from_scan(raw)
    if scanned is not None:
        return Reference("ticket_id", scanned[1], scanned[0])
    receipt = receipt_from_scan(raw)
    if receipt is not None:
        return Reference("receipt", receipt)
    compact = upper.replace(" ", "")
    if is_receipt_number(compact):
        return Reference("receipt", compact)
    if _TICKET_NUMBER.match(compact):
        return Reference("ticket_number", compact)
    if raw:
        return Reference("ticket_id", raw)
    raise RatingError("请输入号码或扫描二维码", "Type a number or scan the QR code", code="rating_target")


def split_ticket_number(number: str) -> tuple[str, int]:
    """'B012' -> ('B', 12)."""
    digits = len(number) - len(number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return number[:digits], int(number[digits:])


# ---- follow-up of bad ratings (差评回访 / 整改) ------------------------------------------------------------


class FollowUpStatus(StrEnum):
    OPEN = "open"  # 待回访
    ASSIGNED = "assigned"  # 已分派
    CONTACTED = "contacted"  # 已回访
    RECTIFIED = "rectified"  # 已整改
    CLOSED = "closed"  # 已办结 (闭环)
    APPEALED = "appealed"  # 申诉复核中: the rating is said to be mistaken; a second supervisor decides


FOLLOW_UP_NAMES: dict[FollowUpStatus, tuple[str, str]] = {
    FollowUpStatus.OPEN: ("待回访", "Open"),
    FollowUpStatus.ASSIGNED: ("已分派", "Assigned"),
    FollowUpStatus.CONTACTED: ("已回访", "Contacted"),
    FollowUpStatus.RECTIFIED: ("已整改", "Rectified"),
    FollowUpStatus.CLOSED: ("已办结", "Closed"),
    FollowUpStatus.APPEALED: ("申诉复核中", "Under appeal"),
}

# Contacted -> closed without rectification: the check found nothing to correct (e.g. a mis-tap the
# citizen confirms on the phone). The note must say so; the record keeps it. An appeal leaves the loop
# until a second supervisor decides it (app.services.follow_ups): upheld closes it, refused returns it.
FOLLOW_UP_NEXT: dict[FollowUpStatus, tuple[FollowUpStatus, ...]] = {
    FollowUpStatus.OPEN: (FollowUpStatus.ASSIGNED, FollowUpStatus.CONTACTED, FollowUpStatus.APPEALED),
    FollowUpStatus.ASSIGNED: (FollowUpStatus.ASSIGNED, FollowUpStatus.CONTACTED, FollowUpStatus.APPEALED),
    FollowUpStatus.CONTACTED: (FollowUpStatus.RECTIFIED, FollowUpStatus.CLOSED, FollowUpStatus.APPEALED),
    FollowUpStatus.RECTIFIED: (FollowUpStatus.CLOSED,),
    FollowUpStatus.CLOSED: (),
    FollowUpStatus.APPEALED: (),
}
OPEN_FOLLOW_UPS = (
    FollowUpStatus.OPEN,
    FollowUpStatus.ASSIGNED,
    FollowUpStatus.CONTACTED,
    FollowUpStatus.RECTIFIED,
    FollowUpStatus.APPEALED,
)
DEFAULT_CONTACT_WORKDAYS = 1  # 回访 within 1 working day (hall setting follow_up_contact_workdays)
DEFAULT_RECTIFY_WORKDAYS = 5  # 整改 within 5 working days (hall setting follow_up_rectify_workdays)


def check_follow_up_step(current: FollowUpStatus | str, target: FollowUpStatus | str, note: str) -> str:
    """The cleaned note when ``current -> target`` is allowed; a RatingError otherwise."""
    cur, tgt = FollowUpStatus(current), FollowUpStatus(target)
    if tgt not in FOLLOW_UP_NEXT[cur]:
        raise RatingError(
            f"差评处理不能从“{FOLLOW_UP_NAMES[cur][0]}”改为“{FOLLOW_UP_NAMES[tgt][0]}”",
            f"A follow-up cannot go from {cur.value} to {tgt.value}",
            code="rule",
        )
    text = (note or "").strip()
    if len(text) < MIN_NOTE:
        raise RatingError(
            "请写明回访或整改情况", "Write down what was done (contact, rectification)", code="note_required"
        )
    return text[:2000]
