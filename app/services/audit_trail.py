"""Reading the audit trail (操作日志): supervisors only, and only reading — there is nothing to edit here.

Entries are written by the audit hook (app.store.audit) in the transaction of the change itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.domain.roles import Permission
from app.services.auth import authorise
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Staff
from app.store.models_audit import AuditEntry


@dataclass(frozen=True)
class AuditView:
    id: str
    at: datetime
    staff_login: str
    staff_name: str
    role: str
    device: str
    action: str
    entity: str
    entity_id: str
    reference: str
    detail: dict[str, Any]


class AuditTrail:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def entries(
        self,
        *,
        actor: StaffView | None,
        since: datetime | None = None,
        until: datetime | None = None,
        action_prefix: str | None = None,
        entity_id: str | None = None,
        limit: int = 1000,
    ) -> list[AuditView]:
        """The newest first. Reading is itself a supervisor's right, checked here."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            authorise(s, hall, actor, Permission.AUDIT_READ)
            query = select(AuditEntry, Staff.name).outerjoin(Staff, Staff.id == AuditEntry.staff_id)
            query = query.where(AuditEntry.hall_id == hall.id)
            if since is not None:
                query = query.where(AuditEntry.at >= since)
            if until is not None:
                query = query.where(AuditEntry.at < until)
            if action_prefix:
                query = query.where(AuditEntry.action.startswith(action_prefix))
            if entity_id:
                query = query.where(AuditEntry.entity_id == entity_id)
            rows = s.execute(query.order_by(AuditEntry.at.desc(), AuditEntry.updated_hlc.desc()).limit(limit)).all()
            return [
                AuditView(
                    e.id,
                    e.at,
                    e.staff_login,
                    name or "",
                    e.role,
                    e.device,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.reference,
                    dict(e.detail or {}),
                )  # fmt: skip
                for e, name in rows
            ]
