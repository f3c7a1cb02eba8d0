"""The audit trail: every audited change writes its AuditEntry in the same flush, and no flush may change one.

Hooked on the Session's before_flush (installed before the outbox hook, so the new entries are stamped and
queued for sync like any other row): no service can forget to record, and no code path can edit or delete
the record. What is audited is decided here, from the rows being written:

- a new CaseEvent: every change of a case (intake decisions, status moves, owed materials, pickup, overrides);
- a new QueueEvent of kind `transferred`, or any queue event a supervisor made from afar (`detail.remote`);
- a CaseFinding whose override changes;
- a RatingFollowUp opened or moved one step;
- the hall's settings;
- an Alarm acknowledged;
- a staff account added, given a new PIN, enabled or disabled, or unlocked after wrong PINs, by a staff member
  (app.services.staff_accounts; the accounts `hall init` creates have nobody acting and are the hall's creation);
- a supervisor's or administrator's account recovered by the database owner (app.services.staff_recovery): one
  `staff.recovered` entry per account, with no staff member acting and the host user name in its detail.

Who: the staff member the service authorised in this transaction (app.services.auth puts it on the session),
else the staff id on the event itself, else the database owner (role `database owner`) when the session carries
one (`as_database_owner`). From where: the database's device id. Rows pulled from the central
server (session.info["applying_remote"]) are applied as they are: they carry their own audit rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.domain.errors import RuleViolation
from app.domain.ids import new_id
from app.store.models import Base, Hall, QueueEvent, Staff, Ticket
from app.store.models_audit import Alarm, AuditEntry, LoginAttempt
from app.store.models_intake import CaseEvent, CaseFinding, IntakeCase
from app.store.models_visits import Rating, RatingFollowUp

ACTOR_KEY = "acting_staff"
OWNER_KEY = "database_owner"
OWNER_ROLE = "database owner"  # in the entry's role column; no staff login, so nobody is mistaken for a clerk
REMOTE_KEY = "applying_remote"


@dataclass(frozen=True)
class ActingStaff:
    id: str
    login: str
    role: str


@dataclass(frozen=True)
class DatabaseOwner:
    """Whoever holds the hall database itself, acting outside the application's logins (on this host, as this
    operating-system user)."""

    host_user: str


def as_database_owner(session: Session, owner: DatabaseOwner) -> None:
    """The changes of this transaction are the database owner's: staff rows changed in it are audited as
    `staff.recovered` (the marker ends with the transaction)."""
    session.info[OWNER_KEY] = owner


class AuditTamperError(RuleViolation):
    code = "audit_readonly"

    def __init__(self) -> None:
        super().__init__("操作日志只能追加，不能修改或删除", "The audit trail is append-only: it cannot be changed")


def _changed(obj: Base, attr: str) -> bool:
    return bool(inspect(obj).attrs[attr].history.has_changes())


def _from_session(session: Session, cls: type[Base], key: str | None) -> Any:
    if not key:
        return None
    with session.no_autoflush:
        return session.get(cls, key)


class _Recorder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.actor: ActingStaff | None = session.info.get(ACTOR_KEY)
        self.owner: DatabaseOwner | None = session.info.get(OWNER_KEY)
        self.device = str(session.info.get("device_id", ""))
        self.entries: list[AuditEntry] = []

    def add(
        self,
        hall_id: str,
        action: str,
        entity: str,
        entity_id: str,
        *,
        at: datetime | None = None,
        staff_id: str | None = None,
        role: str = "",
        reference: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        who = self.actor
        if who is not None and staff_id in (None, who.id):
            staff_id, login, role = who.id, who.login, who.role
        else:
            staff = _from_session(self.session, Staff, staff_id)
            login, role = (staff.login, role or staff.role) if staff is not None else ("", role)
        self.entries.append(
            AuditEntry(
                hall_id=hall_id,
                at=at or datetime.now(UTC),
                staff_id=staff_id,
                staff_login=login,
                role=role,
                device=self.device,
                action=action,
                entity=entity,
                entity_id=entity_id,
                reference=reference[:48],
                detail=_jsonable(detail or {}),
            )
        )

    # ---- what is audited ---------------------------------------------------------------------------------

    def case_event(self, e: CaseEvent) -> None:
        case = _from_session(self.session, IntakeCase, e.case_id)
        detail = {"from": e.from_status, "to": e.to_status, **(e.detail or {})}
        reference = (case.receipt_number or "") if case is not None else ""
        self.add(
            e.hall_id, f"case.{e.kind}", "case", e.case_id, at=e.at, staff_id=e.staff_id, role=e.role,
            reference=reference, detail=detail,
        )  # fmt: skip

    def queue_event(self, e: QueueEvent) -> None:
        if not audits_queue_event(e.kind, e.detail):
            return
        ticket = _from_session(self.session, Ticket, e.ticket_id)
        reference = f"{ticket.prefix}{ticket.number:03d}" if ticket is not None else ""
        entity, entity_id = ("ticket", e.ticket_id) if e.ticket_id else ("window", e.window_id or "")
        self.add(
            e.hall_id, f"queue.{e.kind}", entity, entity_id, at=e.at, staff_id=e.staff_id, reference=reference,
            detail=dict(e.detail or {}),
        )  # fmt: skip

    def finding(self, x: CaseFinding) -> None:
        if not _changed(x, "override_reason"):
            return
        self.add(
            x.hall_id, "finding.override", "case_finding", x.id, at=x.override_at, staff_id=x.override_by,
            reference=x.check_id, detail={"case": x.case_id, "reason": x.override_reason},
        )  # fmt: skip

    def follow_up(self, f: RatingFollowUp, new: bool) -> None:
        if not new and not _changed(f, "status") and not _changed(f, "assigned_to"):
            return
        if f.id is None:
            f.id = new_id()  # the outbox hook would give it one later in this flush; the entry needs it now
        rating = _from_session(self.session, Rating, f.rating_id)
        last = (f.notes or [{}])[-1] if f.notes else {}
        detail = {"status": f.status, "note": last.get("note", ""), "step": last.get("step", "opened")}
        self.add(
            f.hall_id, f"follow_up.{'opened' if new else last.get('step', f.status)}", "rating_follow_up", f.id,
            reference=rating.reference if rating is not None else "", detail=detail,
        )  # fmt: skip

    def hall(self, h: Hall) -> None:
        history = inspect(h).attrs["settings"].history
        if not history.has_changes():
            return
        old = history.deleted[0] if history.deleted else None
        before = dict(old) if isinstance(old, dict) else {}  # a hand-edited non-object is replaced whole
        after = dict(h.settings or {})
        changed = {k: {"from": before.get(k), "to": after.get(k)} for k in sorted(set(before) | set(after))
                   if before.get(k) != after.get(k) and k != "person_salt"}  # fmt: skip
        if changed:
            self.add(h.id, "hall.settings", "hall", h.id, reference=h.code, detail={"changed": changed})

    def alarm(self, a: Alarm) -> None:
        if _changed(a, "acked_at") and a.acked_at is not None:
            self.add(
                a.hall_id, "alarm.ack", "alarm", a.id, at=a.acked_at, staff_id=a.acked_by, reference=a.subject,
                detail={"kind": a.kind, "note": a.ack_note},
            )  # fmt: skip

    def staff(self, row: Staff, new: bool) -> None:
        if self.actor is None:
            return
        if new:
            if row.id is None:
                row.id = new_id()  # as for a follow-up: the entry needs it before the outbox hook gives it one
            self.add(row.hall_id, "staff.added", "staff", row.id, reference=row.login, detail={"role": row.role})
            return
        if _changed(row, "secret_hash"):
            self.add(row.hall_id, "staff.pin", "staff", row.id, reference=row.login)
        if _changed(row, "active"):
            action = "staff.enabled" if row.active else "staff.disabled"
            self.add(row.hall_id, action, "staff", row.id, reference=row.login)

    def recovered(self, owner: DatabaseOwner, rows: list[tuple[Staff, bool]], cleared: list[LoginAttempt]) -> None:
        """One entry per staff row the database owner added or changed, saying what changed; the lock-out lifted
        in the same flush is part of it (a recovery always sets a new PIN, so it never lifts one on its own)."""
        failures = {(a.hall_id, a.login): a.failures for a in cleared}
        for row, new in rows:
            if new and row.id is None:
                row.id = new_id()  # as for staff.added
            detail = {
                "by": OWNER_ROLE, "host_user": owner.host_user, "role": row.role, "created": new,
                "pin": new or _changed(row, "secret_hash"), "enabled": not new and _changed(row, "active"),
                "unlocked_failures": failures.pop((row.hall_id, row.login), 0),
            }  # fmt: skip
            self.add(row.hall_id, "staff.recovered", "staff", row.id, role=OWNER_ROLE, reference=row.login,
                     detail=detail)  # fmt: skip

    def unlocked(self, attempts: LoginAttempt) -> None:
        if self.actor is None:  # a successful login clears its own count with nobody acting
            return
        with self.session.no_autoflush:
            staff_id = self.session.scalars(
                select(Staff.id).where(Staff.hall_id == attempts.hall_id, Staff.login == attempts.login)
            ).first()
        self.add(
            attempts.hall_id, "staff.unlocked", "staff", staff_id or "", reference=attempts.login,
            detail={"failures": attempts.failures},
        )  # fmt: skip


def audits_queue_event(kind: str, detail: dict[str, Any] | None) -> bool:
    """Whether a queue event of this kind is audited: a transfer, or anything a supervisor did from afar."""
    return kind == "transferred" or bool((detail or {}).get("remote"))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if "hlc" not in session.info:
        return  # migrations and raw sessions: nothing to audit
    remote = bool(session.info.get(REMOTE_KEY))
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and not remote and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTamperError()
    if remote:
        return
    rec = _Recorder(session)
    if rec.owner is not None and rec.actor is None:
        staff = [(o, True) for o in session.new if isinstance(o, Staff)]
        staff += [(o, False) for o in session.dirty if isinstance(o, Staff) and session.is_modified(o)]
        rec.recovered(rec.owner, staff, [o for o in session.deleted if isinstance(o, LoginAttempt)])
    for obj in list(session.new):
        if isinstance(obj, CaseEvent):
            rec.case_event(obj)
        elif isinstance(obj, QueueEvent):
            rec.queue_event(obj)
        elif isinstance(obj, RatingFollowUp):
            rec.follow_up(obj, new=True)
        elif isinstance(obj, Staff):
            rec.staff(obj, new=True)
    for obj in list(session.deleted):
        if isinstance(obj, LoginAttempt):
            rec.unlocked(obj)
    for obj in list(session.dirty):
        if not session.is_modified(obj, include_collections=False):
            continue
        if isinstance(obj, CaseFinding):
            rec.finding(obj)
        elif isinstance(obj, RatingFollowUp):
            rec.follow_up(obj, new=False)
        elif isinstance(obj, Hall):
            rec.hall(obj)
        elif isinstance(obj, Alarm):
            rec.alarm(obj)
        elif isinstance(obj, Staff):
            rec.staff(obj, new=False)
    session.add_all(rec.entries)


def _do_orm_execute(state: Any) -> None:
    """Bulk UPDATE / DELETE statements through the session may not touch the audit trail either."""
    if not (state.is_update or state.is_delete) or state.session.info.get(REMOTE_KEY):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) == AuditEntry.__tablename__:
        raise AuditTamperError()


def _after_end(session: Session, *_args: Any) -> None:
    session.info.pop(ACTOR_KEY, None)
    session.info.pop(OWNER_KEY, None)


def install(session_class: type[Session]) -> None:
    """Install before the outbox hook: the entries added here are then stamped and queued in the same flush."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "do_orm_execute", _do_orm_execute)
        event.listen(session_class, "after_commit", _after_end)
        event.listen(session_class, "after_soft_rollback", _after_end)
