"""Helpers the intake and case services share inside their transactions: load, number, record events."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.calendar import service_day
from app.domain.errors import NotFoundError
from app.store.models import Hall, Staff
from app.store.models_intake import CaseCounter, CaseEvent, IntakeCase

RECEIPT_SERIES = "R"
NOTICE_SERIES = "G"


def local_day(hall: Hall, now: datetime) -> date:
    return service_day(now, hall.timezone)


def load_case(s: Session, hall: Hall, case_id: str, lock: bool = False) -> IntakeCase:
    query = select(IntakeCase).where(IntakeCase.id == case_id, IntakeCase.hall_id == hall.id)
    if lock:
        # On PostgreSQL two PCs deciding the same case queue up here; SQLite writers are serialised anyway.
        query = query.with_for_update()
    case = s.scalars(query).first()
    if case is None:
        raise NotFoundError("没有找到这个办件", "No such case")
    return case


def next_number(s: Session, hall_id: str, day: date, series: str) -> int:
    """Gapless per hall, day and series: the counter moves in the caller's transaction or not at all.

    The UPDATE takes the row lock, so concurrent decisions on several PCs wait for each other
    instead of reading the same last number (the same scheme as ticket numbers).
    """
    dialect_insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    s.execute(
        dialect_insert(CaseCounter)
        .values(hall_id=hall_id, service_day=day, series=series, last_number=0)
        .on_conflict_do_nothing()
    )
    number = s.execute(
        update(CaseCounter)
        .where(CaseCounter.hall_id == hall_id, CaseCounter.service_day == day, CaseCounter.series == series)
        .values(last_number=CaseCounter.last_number + 1)
        .returning(CaseCounter.last_number)
    ).scalar_one()
    return int(number)


def add_event(
    s: Session,
    case: IntakeCase,
    kind: str,
    at: datetime,
    *,
    staff_id: str | None = None,
    role: str = "clerk",
    from_status: str | None = None,
    to_status: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    s.add(
        CaseEvent(
            hall_id=case.hall_id,
            case_id=case.id,
            kind=kind,
            at=at,
            staff_id=staff_id,
            role=role,
            from_status=from_status,
            to_status=to_status,
            detail=detail or {},
        )
    )


def set_status(
    s: Session,
    case: IntakeCase,
    status: str,
    at: datetime,
    *,
    kind: str,
    staff_id: str | None,
    role: str,
    detail: dict[str, Any] | None = None,
) -> None:
    previous = case.status
    case.status, case.status_changed_at = status, at
    add_event(s, case, kind, at, staff_id=staff_id, role=role, from_status=previous, to_status=status, detail=detail)


def staff_name(s: Session, staff_id: str | None) -> str:
    if not staff_id:
        return ""
    staff = s.get(Staff, staff_id)
    return staff.name if staff else ""
