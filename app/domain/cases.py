"""The case (办件) life cycle, who may move it, receipt numbers and overdue rules.

前台综合受理、后台分类审批、综合窗口出件: the window takes a case in (draft -> received), the back-office
department moves it through review, and a window hands the result out (delivered). Every move is
checked here, so the back-office screen, the sync feed and the window all obey the same table.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from app.domain.errors import PermissionDenied, RuleViolation
from app.domain.roles import ROLE_NAMES, Role
from app.domain.ticket_ref import QR_SCHEME  # receipts share the ticket QR scheme

_RECEIPT_NUMBER = re.compile(r"^[A-Z0-9]{1,16}-\d{8}-\d{4}$")
_RECEIPT_QR = (f"{QR_SCHEME}:R:", "OW:R:")  # the current scheme first; "OW:" as on the oldest slips


class CaseStatus(StrEnum):
    DRAFT = "draft"  # intake in progress at the window
    NOTIFIED = "notified"  # intake ended with a one-time notice (一次性告知): the citizen comes back later
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    RECEIVED = "received"  # 已受理
    WITH_DEPARTMENT = "with_department"  # 已流转至部门
    IN_REVIEW = "in_review"  # 审查中
    NEEDS_SUPPLEMENT = "needs_supplement"  # 需补正
    APPROVED = "approved"  # 准予许可 / 办结
    REJECTED = "rejected"  # 不予许可
    READY_FOR_PICKUP = "ready_for_pickup"  # 待领取
    DELIVERED = "delivered"  # 已出件


STATUS_ZH = {
    CaseStatus.DRAFT: "受理中",
    CaseStatus.NOTIFIED: "已一次性告知",
    CaseStatus.NOT_ACCEPTED: "不予受理",
    CaseStatus.RECEIVED: "已受理",
    CaseStatus.WITH_DEPARTMENT: "已流转部门",
    CaseStatus.IN_REVIEW: "审查中",
    CaseStatus.NEEDS_SUPPLEMENT: "需补正",
    CaseStatus.APPROVED: "准予许可",
    CaseStatus.REJECTED: "不予许可",
    CaseStatus.READY_FOR_PICKUP: "待领取",
    CaseStatus.DELIVERED: "已出件",
}


class Decision(StrEnum):
    ACCEPT = "accept"  # 受理
    ACCEPT_WITH_DEFICIENCY = "accept_with_deficiency"  # 容缺受理
    REFUSE = "refuse"  # 不予受理


# Statuses after which the department has decided (办结): the promised date is met or missed by then.
CONCLUDED = frozenset({CaseStatus.APPROVED, CaseStatus.REJECTED, CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED})
# Statuses the back office works on, i.e. where a case can run late.
OPEN = frozenset({CaseStatus.RECEIVED, CaseStatus.WITH_DEPARTMENT, CaseStatus.IN_REVIEW, CaseStatus.NEEDS_SUPPLEMENT})
ENDED_AT_INTAKE = frozenset({CaseStatus.NOTIFIED, CaseStatus.NOT_ACCEPTED})

_BACK_OFFICE = frozenset({Role.REVIEWER, Role.SUPERVISOR})
_WINDOW = frozenset({Role.CLERK, Role.SUPERVISOR})

# (from, to) -> roles allowed to make the move after intake
TRANSITIONS: dict[tuple[CaseStatus, CaseStatus], frozenset[Role]] = {
    (CaseStatus.RECEIVED, CaseStatus.WITH_DEPARTMENT): _BACK_OFFICE | _WINDOW,
    (CaseStatus.WITH_DEPARTMENT, CaseStatus.IN_REVIEW): _BACK_OFFICE,
    (CaseStatus.RECEIVED, CaseStatus.IN_REVIEW): _BACK_OFFICE,
    (CaseStatus.IN_REVIEW, CaseStatus.APPROVED): _BACK_OFFICE,
    (CaseStatus.IN_REVIEW, CaseStatus.REJECTED): _BACK_OFFICE,
    (CaseStatus.IN_REVIEW, CaseStatus.NEEDS_SUPPLEMENT): _BACK_OFFICE,
    (CaseStatus.NEEDS_SUPPLEMENT, CaseStatus.IN_REVIEW): _BACK_OFFICE | _WINDOW,  # the supplement arrived
    (CaseStatus.APPROVED, CaseStatus.READY_FOR_PICKUP): _BACK_OFFICE,
    (CaseStatus.REJECTED, CaseStatus.READY_FOR_PICKUP): _BACK_OFFICE,  # the written decision is handed out too
    (CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED): _WINDOW,
}


def next_statuses(current: CaseStatus, role: Role) -> tuple[CaseStatus, ...]:
    return tuple(to for (frm, to), roles in TRANSITIONS.items() if frm == current and role in roles)


def check_role_may_move_to(target: CaseStatus, role: Role) -> None:
    """Refuse a role that may never move a case to `target`, whatever its status: the role is checked before
    the life cycle, so whoever may not do it hears "no permission", not a rule about a status they cannot set."""
    if not any(role in roles for (_frm, to), roles in TRANSITIONS.items() if to == target):
        raise PermissionDenied(
            f"{ROLE_NAMES[role][0]}无权把办件改为“{STATUS_ZH[target]}”",
            f"A {ROLE_NAMES[role][1]} may not move a case to {target.value}",
        )


def check_transition(current: CaseStatus, target: CaseStatus, role: Role) -> None:
    check_role_may_move_to(target, role)
    roles = TRANSITIONS.get((current, target))
    if roles is None:
        raise RuleViolation(
            f"办件状态不能从“{STATUS_ZH[current]}”改为“{STATUS_ZH[target]}”",
            f"A case cannot move from {current.value} to {target.value}",
        )
    if role not in roles:
        raise PermissionDenied(
            f"{ROLE_NAMES[role][0]}无权把办件改为“{STATUS_ZH[target]}”",
            f"A {ROLE_NAMES[role][1]} may not move a case to {target.value}",
        )


def decision_status(decision: Decision) -> CaseStatus:
    return CaseStatus.NOT_ACCEPTED if decision is Decision.REFUSE else CaseStatus.RECEIVED


def is_overdue(status: CaseStatus, promised: date | None, today: date, concluded_on: date | None = None) -> bool:
    """Late against the promised date (超期): still open after it, or concluded after it."""
    if promised is None:
        return False
    if status in CONCLUDED:
        return concluded_on is not None and concluded_on > promised
    return status in OPEN and today > promised


def receipt_number(hall_code: str, day: date, n: int) -> str:
    """H023-20261122-0042: unique per hall and day without coordination (the counter is per hall)."""
    return f"{hall_code}-{day:%Y%m%d}-{n:04d}"


def is_receipt_number(text: str) -> bool:
    """H023-20261122-0042 (a one-time notice's H023-20261122-G003 is not a receipt)."""
    return _RECEIPT_NUMBER.match(text) is not None


def receipt_qr_payload(number: str) -> str:
    """What the receipt slip's QR code says."""
    return f"{_RECEIPT_QR[0]}{number}"


def receipt_from_scan(text: str) -> str | None:
    """The receipt number in a scanned receipt QR code, None for any other text."""
    upper = (text or "").strip().upper()
    for prefix in _RECEIPT_QR:
        if upper.startswith(prefix):
            return upper.removeprefix(prefix)
    return None


def receipt_reference(text: str) -> str:
    """A typed receipt number or a scanned receipt QR code -> the receipt number as stored."""
    return receipt_from_scan(text) or (text or "").strip().upper()


def notice_number(hall_code: str, day: date, n: int) -> str:
    """H023-20261122-G003: one-time notices (告知) have their own series beside receipts."""
    return f"{hall_code}-{day:%Y%m%d}-G{n:03d}"
