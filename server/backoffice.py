"""Back-office review on the central server (后台分类审批): list received cases, move them through review.

Every move is authorised here from the reviewer's own role (never from what a client says) and checked
against the same transition table the hall uses (app.domain.cases). The new status and a case event travel
back to the hall through the feed, where the kiosk shows 可领取 and a window hands the result out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import service_day
from app.domain.cases import CONCLUDED, OPEN, CaseStatus, Role, check_transition, is_overdue, next_statuses
from app.domain.errors import NotFoundError, RuleViolation, UserError
from app.domain.hlc import HybridLogicalClock
from app.domain.ids import new_id
from app.domain.masking import mask_applicant
from app.domain.workdays import WorkdayCalendar
from app.services.catalogue import load_calendar
from server.auth import Principal
from server.blobstore import BlobStoreBackend
from server.feed import write_records
from server.models import Record, RegisteredHall

REVIEWER_ROLES = {"reviewer": Role.REVIEWER, "supervisor": Role.SUPERVISOR}


def _hall_codes(session: Session) -> dict[str, str]:
    return {h.hall_id: h.code for h in session.scalars(select(RegisteredHall)) if h.hall_id}


def _calendar(session: Session) -> WorkdayCalendar:
    from server.releases import latest

    release = latest(session, "calendar")
    if release is not None:
        return WorkdayCalendar.from_dict(release.payload["content"])
    return load_calendar()


def _row(
    rec: Record,
    codes: dict[str, str],
    files: list[str],
    blobs: BlobStoreBackend,
    cal: WorkdayCalendar,
    today: date,
    role: Role,
) -> dict[str, Any]:
    p = rec.payload
    status = CaseStatus(str(p.get("status")))
    promised = date.fromisoformat(p["promised_date"]) if p.get("promised_date") else None
    concluded = datetime.fromisoformat(p["concluded_at"]).date() if p.get("concluded_at") else None
    left = None
    if promised is not None and status in OPEN:
        try:
            left = cal.workdays_between(today, promised)
        except UserError:
            left = None  # a year the calendar does not cover: shown as unknown, never guessed
    return {
        "id": rec.entity_id,
        "hall_id": rec.hall_id,
        "hall_code": codes.get(rec.hall_id, ""),
        "case_id": rec.entity_id,
        "receipt_number": p.get("receipt_number"),
        "title_zh": p.get("title_zh", ""),
        "department_zh": p.get("department_zh", ""),
        "status": status.value,
        "applicant_masked": mask_applicant(str(p.get("applicant_name", "")), p.get("applicant_kind") == "company"),
        "applicant_id_number": p.get("applicant_id_number", ""),  # masked by the hall before it left
        "decided_at": p.get("decided_at"),
        "promised_date": p.get("promised_date"),
        "deficiency_deadline": p.get("deficiency_deadline"),
        "deficiency_open": bool(p.get("deficiency_open")),
        "overdue": is_overdue(status, promised, today, concluded),
        "workdays_left": left,
        "next_statuses": [s.value for s in next_statuses(status, role)],
        "files": len(files),
        # a case may arrive before its scans: its materials stay pending until the files do
        "files_pending": sum(not blobs.exists(s) for s in files),
        "flags": rec.flags,
    }


def list_cases(
    session: Session, blobs: BlobStoreBackend, who: Principal, status: str | None = None
) -> list[dict[str, Any]]:
    role = _role(who)
    codes = _hall_codes(session)
    files: dict[str, list[str]] = {}
    for rec in session.scalars(select(Record).where(Record.entity == "case_file", Record.deleted.is_(False))):
        files.setdefault(str(rec.payload.get("case_id")), []).append(str(rec.payload.get("sha256")))
    cal, today = _calendar(session), service_day(datetime.now(UTC))  # the central side works on China time (DEFAULT_TZ)
    out = []
    for rec in session.scalars(select(Record).where(Record.entity == "intake_case", Record.deleted.is_(False))):
        p = rec.payload
        if not p.get("receipt_number") or p.get("status") in ("draft", "notified", "not_accepted"):
            continue
        if status and p.get("status") != status:
            continue
        out.append(_row(rec, codes, files.get(rec.entity_id, []), blobs, cal, today, role))
    return sorted(out, key=lambda c: (c["promised_date"] is None, c["promised_date"] or "", c["receipt_number"]))


def history(session: Session, case_id: str) -> list[dict[str, Any]]:
    events = [
        rec.payload
        for rec in session.scalars(select(Record).where(Record.entity == "case_event", Record.deleted.is_(False)))
        if rec.payload.get("case_id") == case_id
    ]
    return sorted(events, key=lambda e: str(e.get("at")))


def find_case(session: Session, case_id: str) -> Record:
    rec = session.scalars(select(Record).where(Record.entity == "intake_case", Record.entity_id == case_id)).first()
    if rec is None or rec.deleted:
        raise NotFoundError("没有找到这个办件", "No such case")
    return rec


def _role(who: Principal) -> Role:
    role = REVIEWER_ROLES.get(who.role)
    if role is None:
        raise RuleViolation("只有审批人员可以办理", "Only reviewers may see and move cases")
    return role


def move_case(
    session: Session,
    who: Principal,
    case_id: str,
    target: str,
    reason: str,
    clock: HybridLogicalClock,
    blobs: BlobStoreBackend,
) -> dict[str, Any]:
    role = _role(who)
    rec = find_case(session, case_id)
    hall_id = rec.hall_id
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
    changed_case = {
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
    write_records(session, hall_id, [event_row], [changed_case])
    session.expire_all()  # the records were rewritten by Core statements: read them afresh
    return case_row(session, blobs, who, case_id)


def case_row(session: Session, blobs: BlobStoreBackend, who: Principal, case_id: str) -> dict[str, Any]:
    rec = find_case(session, case_id)
    files = [
        str(f.payload.get("sha256"))
        for f in session.scalars(
            select(Record).where(Record.hall_id == rec.hall_id, Record.entity == "case_file", Record.deleted.is_(False))
        )
        if f.payload.get("case_id") == case_id
    ]
    today = service_day(datetime.now(UTC))  # the central side works on China time (DEFAULT_TZ)
    return _row(rec, _hall_codes(session), files, blobs, _calendar(session), today, _role(who))
