"""Back-office review on the central server (后台分类审批): list received cases, move them through review.

Every move is authorised here from the reviewer's own role (never from what a client says) and checked
against the same transition table the hall uses (app.domain.cases). The new status and a case event travel
back to the hall through the feed, where the kiosk shows 可领取 and a window hands the result out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cases import CONCLUDED, CaseStatus, Role, check_transition
from app.domain.errors import NotFoundError, RuleViolation
from app.domain.hlc import HybridLogicalClock
from app.domain.ids import new_id
from app.domain.sync_rules import CENTRAL_CASE_FIELDS
from server.auth import Principal
from server.blobstore import BlobStoreBackend
from server.feed import write_records
from server.models import Record, RegisteredHall

REVIEWER_ROLES = {"reviewer": Role.REVIEWER, "supervisor": Role.SUPERVISOR}


def _hall_codes(session: Session) -> dict[str, str]:
    return {h.hall_id: h.code for h in session.scalars(select(RegisteredHall)) if h.hall_id}


def list_cases(session: Session, blobs: BlobStoreBackend, status: str | None = None) -> list[dict[str, Any]]:
    codes = _hall_codes(session)
    files: dict[str, list[str]] = {}
    for rec in session.scalars(select(Record).where(Record.entity == "case_file", Record.deleted.is_(False))):
        files.setdefault(str(rec.payload.get("case_id")), []).append(str(rec.payload.get("sha256")))
    out = []
    for rec in session.scalars(select(Record).where(Record.entity == "intake_case", Record.deleted.is_(False))):
        p = rec.payload
        if not p.get("receipt_number") or (status and p.get("status") != status):
            continue
        shas = files.get(rec.entity_id, [])
        out.append(
            {
                "hall_id": rec.hall_id,
                "hall_code": codes.get(rec.hall_id, ""),
                "case_id": rec.entity_id,
                "receipt_number": p.get("receipt_number"),
                "title_zh": p.get("title_zh", ""),
                "status": p.get("status"),
                "applicant_name": p.get("applicant_name", ""),
                "applicant_id_number": p.get("applicant_id_number", ""),  # masked by the hall before it left
                "promised_date": p.get("promised_date"),
                "files": len(shas),
                # a case may arrive before its scans: its materials stay pending until the files do
                "files_pending": sum(not blobs.exists(s) for s in shas),
            }
        )
    return sorted(out, key=lambda c: str(c["receipt_number"]))


def move_case(
    session: Session,
    who: Principal,
    hall_id: str,
    case_id: str,
    target: str,
    reason: str,
    clock: HybridLogicalClock,
) -> dict[str, Any]:
    role = REVIEWER_ROLES.get(who.role)
    if role is None:
        raise RuleViolation("只有审批人员可以办理", "Only reviewers may move cases")
    rec = session.get(Record, (hall_id, "intake_case", case_id))
    if rec is None or rec.deleted:
        raise NotFoundError("没有找到这个办件", "No such case")
    try:
        to = CaseStatus(target)
        current = CaseStatus(str(rec.payload.get("status")))
    except ValueError:
        raise RuleViolation(f"未知的办件状态：{target}", f"Unknown case status: {target}") from None
    check_transition(current, to, role)
    if to in (CaseStatus.REJECTED, CaseStatus.NEEDS_SUPPLEMENT) and len(reason.strip()) < 4:
        raise RuleViolation("不予许可或需补正时请写明理由", "Give the reason when rejecting or asking for a supplement")
    now = datetime.now(UTC)
    payload = dict(rec.payload)
    payload.update(status=to.value, status_changed_at=now.isoformat(), _central_status=True)
    if to in CONCLUDED and not payload.get("concluded_at"):
        payload["concluded_at"] = now.isoformat()
    hlc = clock.now()
    case_row = {
        "hall_id": hall_id,
        "entity": "intake_case",
        "entity_id": case_id,
        "version": rec.version + 1,
        "hlc": hlc,
        "origin_device": f"central:{who.subject}",
        "deleted": False,
        "payload": payload,
        "flags": rec.flags,
    }
    event_id = new_id()
    event = {
        "id": event_id,
        "hall_id": hall_id,
        "case_id": case_id,
        "kind": "status",
        "at": now.isoformat(),
        "staff_id": None,
        "role": role.value,
        "from_status": current.value,
        "to_status": to.value,
        "detail": {"reviewer": who.subject, "reason": reason.strip(), "where": "central"},
        "version": 1,
        "updated_hlc": clock.now(),
        "origin_device": f"central:{who.subject}",
        "deleted": False,
    }
    event_row = {
        "hall_id": hall_id,
        "entity": "case_event",
        "entity_id": event_id,
        "version": 1,
        "hlc": event["updated_hlc"],
        "origin_device": event["origin_device"],
        "deleted": False,
        "payload": event,
        "flags": "",
    }
    write_records(session, hall_id, [event_row], [case_row])
    return {
        "case_id": case_id,
        "receipt_number": payload.get("receipt_number"),
        "status": to.value,
        "central_fields": {f: payload.get(f) for f in CENTRAL_CASE_FIELDS},
    }
