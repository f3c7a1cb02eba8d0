"""What the kiosk screens need from the hall, as one narrow Protocol.

Screens only ever talk to a ``KioskBackend``. ``QueueKioskBackend`` (kiosk/queue_backend.py) serves it from
the real hall services, in production, in the demo and in the tests (over a temporary hall database).
Everything returned is a frozen dataclass so nothing on screen holds a database session.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, runtime_checkable

# Re-exported for the Protocol's users: the one 好差评 scale, and views the services return that the kiosk shows
# as they are (the dataclasses below are what it shows differently).
from app.domain.ratings import RatingLevel
from app.services.rating_views import RatingTargetView
from app.services.views import CategoryView


@dataclass(frozen=True)
class Ticket:
    id: str
    display_number: str
    category_prefix: str
    category_name_zh: str
    category_name_en: str
    priority: str
    issued_at: datetime
    people_ahead: int
    estimated_wait_minutes: int | None  # None: no estimate (no open window serves the category)
    qr_payload: str
    window_number: int | None = None
    hall_name: str = ""  # printed on the slip
    hall_timezone: str = "Asia/Shanghai"  # the slip shows issued_at (UTC) as the hall's wall clock (from TicketView)


class CaseStatus(enum.StrEnum):
    RECEIVED = "received"  # 受理中
    IN_REVIEW = "in_review"  # 审批中
    NEEDS_SUPPLEMENT = "needs_supplement"  # 需补正
    READY = "ready"  # 可领取
    COLLECTED = "collected"  # 已领取
    REJECTED = "rejected"  # 不予受理 / 不予许可


@dataclass(frozen=True)
class CaseProgress:
    receipt_number: str
    matter_name_zh: str
    matter_name_en: str
    status: CaseStatus
    applicant_masked: str  # already masked by the backend: never the full name or ID
    id_masked: str
    accepted_on: date | None  # the hall's calendar day
    promised_by: date | None
    pickup_window: int | None = None


class MatterKind(enum.StrEnum):
    IMMEDIATE = "immediate"  # 即办件
    PROMISED = "promised"  # 承诺件


@dataclass(frozen=True)
class MatterSummary:
    code: str
    name_zh: str
    name_en: str
    department_zh: str
    department_en: str
    category_prefix: str


@dataclass(frozen=True)
class Material:
    name_zh: str
    name_en: str
    copies: int = 1
    exempt_by_licence: bool = False  # 电子证照可替代, 免提交


@dataclass(frozen=True)
class MatterGuide:
    summary: MatterSummary
    kind: MatterKind
    legal_days: int
    promised_days: int
    fee_fen: int  # in fen, shown by the app's one money format
    materials: tuple[Material, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    pending_uploads: int
    last_sync_at: datetime | None
    # No sync agent is configured: the hall works on its own database only (本地模式，未连接中心服务器).
    # ``online`` is then False and ``pending_uploads`` is not counted.
    local_only: bool = False


@runtime_checkable
class KioskBackend(Protocol):
    """Everything the kiosk screens need. Known failures raise app.domain.errors.UserError, as everywhere."""

    def hall_name(self) -> tuple[str, str]:
        """(zh, en) name of the hall shown on the home screen."""
        ...

    def hall_open(self) -> bool: ...

    def list_categories(self) -> list[CategoryView]: ...

    def issue_ticket(
        self,
        prefix: str,
        *,
        person_id: str | None = None,
        matters: tuple[str, ...] = (),
    ) -> Ticket: ...

    def check_in_appointment(self, code: str) -> Ticket: ...

    def case_progress(self, receipt_number: str, id_last4: str) -> CaseProgress: ...

    def search_matters(self, query: str) -> list[MatterSummary]: ...

    def matter_guide(self, code: str) -> MatterGuide: ...

    def rating_target(self, reference: str, id_last4: str = "") -> RatingTargetView: ...

    def submit_rating(self, target: RatingTargetView, level: RatingLevel, reasons: tuple[str, ...]) -> None: ...

    def sync_status(self) -> SyncStatus: ...

    def report_printer(self, state: str) -> None:
        """Tell the hall this kiosk's printer state (kiosk.printer.PrinterState values), for the supervisor."""
        ...
