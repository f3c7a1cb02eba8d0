"""What a queue ticket slip says, independent of how it is printed (Qt image/PDF or ESC/POS).

All printed wording lives here so both renderers print the same words. The slip is handed to
citizens, so Chinese is the default text; an English variant can be added as another template set.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from app.domain.wait_estimate import WaitKind, wait_kind

DEFAULT_NOTICE = "请留意叫号，过号需重新取号"


@dataclass(frozen=True)
class TicketSlip:
    hall_name: str
    category_name: str
    display_number: str  # e.g. "B012"
    issued_at: datetime
    people_ahead: int
    estimated_wait_minutes: int | None
    qr_payload: str
    notice: str = DEFAULT_NOTICE
    window_hint: str | None = None

    def __post_init__(self) -> None:
        if not self.display_number.strip():
            raise ValueError("display_number must not be empty")
        if self.people_ahead < 0:
            raise ValueError("people_ahead must be >= 0")
        if self.estimated_wait_minutes is not None and self.estimated_wait_minutes < 0:
            raise ValueError("estimated_wait_minutes must be >= 0 or None")


# Printed wording, one place for both renderers.
_TEXT = {
    "people_ahead": "前面还有 {n} 人",
    "wait": "预计等待约 {m} 分钟",
    "wait_unknown": "预计等待：暂无估计",
    "no_wait": "无需等待，请留意叫号",
    "issued": "取号时间 {t}",
    "window": "办理窗口：{w}",
    "qr_caption": "扫码查看排队进度",
}
_TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class SlipText:
    """The printable lines of a slip, in print order; optional lines are None when absent."""

    hall: str
    category: str
    number: str
    window: str | None
    people_ahead: str
    wait: str
    issued: str
    qr_caption: str
    notice: str


def clean(text: str) -> str:
    """Drop control characters so a name from the database can never inject printer commands."""
    spaced = "".join(" " if ch in "\t\r\n" else ch for ch in text)
    return "".join(ch for ch in spaced if unicodedata.category(ch)[0] != "C").strip()


def _wait_line(minutes: int | None) -> str:
    kind = wait_kind(minutes)  # the one rule the kiosk and the take-ticket screen use too
    if kind is WaitKind.MINUTES:
        return _TEXT["wait"].format(m=minutes)
    return _TEXT["no_wait"] if kind is WaitKind.NO_WAIT else _TEXT["wait_unknown"]


def slip_text(slip: TicketSlip) -> SlipText:
    wait = slip.estimated_wait_minutes
    return SlipText(
        hall=clean(slip.hall_name),
        category=clean(slip.category_name),
        number=clean(slip.display_number),
        window=_TEXT["window"].format(w=clean(slip.window_hint)) if slip.window_hint else None,
        people_ahead=_TEXT["people_ahead"].format(n=slip.people_ahead),
        wait=_wait_line(wait),
        issued=_TEXT["issued"].format(t=slip.issued_at.strftime(_TIME_FORMAT)),
        qr_caption=_TEXT["qr_caption"],
        notice=clean(slip.notice),
    )
