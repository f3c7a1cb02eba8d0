"""Supervision tables: the audit trail (操作日志), alarms (电子监察告警, help calls) and device health.

The audit trail and alarms are synced like the other hall facts; device health is local (see DeviceStatus).
Audit rows are written only by the audit hook (app.store.audit) and can never be changed or deleted: the hook
refuses such a flush.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, Synced


class AuditEntry(Synced, Base):
    """Who did what, when, from which device: one row per audited change."""

    __tablename__ = "audit_entry"
    __sync_entity__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_at", "hall_id", "at"),
        Index("ix_audit_entry_entity", "hall_id", "entity", "entity_id"),
    )
    at: Mapped[datetime]
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    staff_login: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16), default="")
    device: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    reference: Mapped[str] = mapped_column(String(48), default="")  # B012, a receipt number: safe to show
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Alarm(Synced, Base):
    """An alarm on the supervisor's console: raised by a rule or a clerk's help call, acknowledged with a note.

    One row per episode (same kind and subject while it lasts); `cleared_at` is set when the condition ends.
    Rows are kept: they are the alarm history.
    """

    __tablename__ = "alarm"
    __sync_entity__ = "alarm"
    __table_args__ = (Index("ix_alarm_open", "hall_id", "cleared_at", "kind", "subject"),)
    kind: Mapped[str] = mapped_column(String(24))
    severity: Mapped[str] = mapped_column(String(8))  # warning | critical
    subject: Mapped[str] = mapped_column(String(48))  # "category:B", "window:3", "case:<receipt>", ...
    message_zh: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text, default="")
    raised_at: Mapped[datetime]
    raised_by: Mapped[str | None] = mapped_column(String(36), default=None)
    last_seen_at: Mapped[datetime]
    cleared_at: Mapped[datetime | None] = mapped_column(default=None)
    acked_at: Mapped[datetime | None] = mapped_column(default=None)
    acked_by: Mapped[str | None] = mapped_column(String(36), default=None)
    ack_note: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DeviceStatus(Base):
    """Local (not synced): the last state a hall device reported for one of its parts, and since when.

    The kiosk reports its ticket printer (ok, paper_near_end, paper_out, offline, unknown) when the state
    changes; the alarm rules read how long a bad state has lasted. It is the hall's own equipment health: the
    central server has no use for it, and a paper-out episode still reaches it as an alarm row.
    """

    __tablename__ = "device_status"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    part: Mapped[str] = mapped_column(String(16), primary_key=True)  # "printer"
    state: Mapped[str] = mapped_column(String(16))
    since: Mapped[datetime]  # when this state began (a report of the same state does not move it)
    reported_at: Mapped[datetime]


class LoginAttempt(Base):
    """Local (not synced): wrong PINs in a row for a staff login, and until when it is locked (app.domain.lockout).

    Unknown logins get rows too (locked like real ones, so the answers do not tell which logins exist); rows a day
    old and not locked are pruned when the next wrong PIN is counted. A lock-out is this hall's business: the
    central server keeps its own for reviewers."""

    __tablename__ = "login_attempt"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int]
    locked_until: Mapped[datetime | None]
    last_failure_at: Mapped[datetime]
