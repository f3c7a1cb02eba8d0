"""Hall settings the supervisor may change: declared once, typed, with defaults; unknown keys are an error.

They live in the hall's `settings` JSON (synced, last writer wins per hall). A change goes through
`HallSettingsService.set`, which checks the role and is audited by app.store.audit.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from app.domain.errors import RuleViolation
from app.domain.ratings import DEFAULT_CONTACT_WORKDAYS, DEFAULT_RECTIFY_WORKDAYS
from app.domain.roles import Permission
from app.services.auth import authorise
from app.services.hall import load_hall
from app.services.views import StaffView
from app.store.database import Database

DEFAULT_WEIGHTS = {"served": 30, "service_level": 20, "satisfaction": 30, "no_overdue": 10, "no_returned": 10}


@dataclass(frozen=True)
class SupervisionSettings:
    follow_up_contact_workdays: int = DEFAULT_CONTACT_WORKDAYS
    follow_up_rectify_workdays: int = DEFAULT_RECTIFY_WORKDAYS
    target_wait_minutes: int = 20  # service level: share served within this wait (per category below)
    target_wait_by_category: dict[str, int] | None = None
    alarm_wait_warning_factor: float = 1.0  # a waiting ticket past target × factor
    alarm_wait_critical_factor: float = 2.0
    alarm_queue_warning: int = 15  # people waiting in one category
    alarm_queue_critical: int = 30
    alarm_queue_by_category: dict[str, int] | None = None  # warning level per prefix; critical is twice it
    alarm_paused_warning_minutes: int = 15  # a window paused this long
    alarm_paused_critical_minutes: int = 30
    alarm_service_factor: float = 3.0  # a service running this many times the category average
    alarm_unattended_warning_minutes: int = 3  # a staffed window whose staff client sent no heartbeat this long
    alarm_unattended_critical_minutes: int = 10
    alarm_printer_critical_seconds: int = 120  # a kiosk printer out of paper or not answering this long
    assessment_weights: dict[str, int] | None = None  # 窗口考核 weights, see DEFAULT_WEIGHTS

    def target_wait(self, prefix: str) -> int:
        return int((self.target_wait_by_category or {}).get(prefix, self.target_wait_minutes))

    def queue_limits(self, prefix: str) -> tuple[int, int]:
        """(warning, critical) people waiting for this category."""
        own = (self.alarm_queue_by_category or {}).get(prefix)
        return (int(own), 2 * int(own)) if own is not None else (self.alarm_queue_warning, self.alarm_queue_critical)

    def weights(self) -> dict[str, int]:
        return dict(self.assessment_weights or DEFAULT_WEIGHTS)


SUPERVISION_KEYS = {f.name: f for f in fields(SupervisionSettings)}
# Settings the queue and intake already read, with their types (a supervisor may change these too).
OTHER_KEYS: dict[str, type] = {
    "max_recalls": int,
    "window_login_required": bool,
    "daily_tickets_per_person": int,
    "announce_repeat": int,
    "rongque_days": int,
    "rating_days": int,
    "follow_up_workdays": int,
    "notice_zh": str,
    "notice_en": str,
    "phone": str,
}


def supervision_settings(settings: dict[str, Any]) -> SupervisionSettings:
    """The typed view of a hall's settings JSON (keys not about supervision are ignored here)."""
    values = {k: v for k, v in settings.items() if k in SUPERVISION_KEYS}
    return SupervisionSettings(**values)


def _coerce(key: str, value: Any) -> Any:
    if key in OTHER_KEYS:
        kind: Any = OTHER_KEYS[key]
    elif key in SUPERVISION_KEYS:
        default = SUPERVISION_KEYS[key].default
        kind = dict if default is None else type(default)
    else:
        known = ", ".join(sorted([*SUPERVISION_KEYS, *OTHER_KEYS]))
        raise RuleViolation(f"未知的大厅设置“{key}”", f"Unknown hall setting '{key}' (known: {known})")
    try:
        if kind is dict:
            if not isinstance(value, dict):
                raise TypeError
            return {str(k): int(v) for k, v in value.items()}
        result = kind(value)
    except (TypeError, ValueError):
        raise RuleViolation(f"设置“{key}”的值不正确", f"Setting '{key}' needs a {kind.__name__}") from None
    if isinstance(result, int | float) and result < 0:
        raise RuleViolation(f"设置“{key}”不能为负数", f"Setting '{key}' cannot be negative")
    return result


class HallSettingsService:
    def __init__(self, db: Database, hall_code: str | None = None) -> None:
        self.db, self.hall_code = db, hall_code

    def supervision(self) -> SupervisionSettings:
        with self.db.read() as s:
            return supervision_settings(load_hall(s, self.hall_code).settings)

    def set(self, key: str, value: Any, *, actor: StaffView | None) -> dict[str, Any]:
        """Change one setting (supervisor or admin); the audit trail keeps the old and the new value."""
        clean = _coerce(key, value)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            authorise(s, hall, actor, Permission.SETTINGS)
            hall.settings = {**(hall.settings or {}), key: clean}  # a new dict: JSON changes in place are unseen
            s.flush()
            return dict(hall.settings)
