"""Intake tables: catalogue versions, cases (办件), their materials, files, check findings, events, notices.

All synced (the outbox carries them to the central server). Rows are never hard-deleted by intake:
a file the clerk removes is only marked removed, so nothing a citizen handed in is ever lost.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.catalogue import BUNDLE_CODE_MAX, LABEL_MAX, MATERIAL_KEY_MAX, TITLE_MAX
from app.store.models import Base, Synced


class CatalogueVersion(Synced, Base):
    """One published catalogue, immutable once written; a change is a new row with the next number."""

    __tablename__ = "catalogue_version"
    __sync_entity__ = "catalogue_version"
    __table_args__ = (UniqueConstraint("hall_id", "number"), UniqueConstraint("hall_id", "content_sha256"))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(LABEL_MAX), default="")
    content_sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column()
    imported_at: Mapped[datetime]


class IntakeCase(Synced, Base):
    __tablename__ = "intake_case"
    __sync_entity__ = "intake_case"
    __table_args__ = (
        UniqueConstraint("hall_id", "receipt_number"),
        Index("ix_intake_case_status", "hall_id", "status", "promised_date"),
        Index("ix_intake_case_ticket", "ticket_id"),
    )
    receipt_number: Mapped[str | None] = mapped_column(String(32), default=None)
    service_day: Mapped[date] = mapped_column(Date)
    catalogue_version: Mapped[int] = mapped_column(Integer)
    matter_codes: Mapped[list[Any]] = mapped_column(default=list)
    matter_names: Mapped[list[Any]] = mapped_column(default=list)  # as named in the case's catalogue version
    bundle_code: Mapped[str | None] = mapped_column(String(BUNDLE_CODE_MAX), default=None)
    title_zh: Mapped[str] = mapped_column(String(TITLE_MAX))
    title_en: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    department_zh: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    matter_kind: Mapped[str] = mapped_column(String(12))
    legal_days: Mapped[int] = mapped_column(Integer, default=0)
    promised_days: Mapped[int] = mapped_column(Integer, default=0)
    fee_fen: Mapped[int] = mapped_column(Integer, default=0)
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("ticket.id"), default=None)
    ticket_number: Mapped[str | None] = mapped_column(String(8), default=None)
    window_number: Mapped[int | None] = mapped_column(Integer, default=None)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    status_changed_at: Mapped[datetime]
    applicant_kind: Mapped[str] = mapped_column(String(12), default="person")
    applicant_name: Mapped[str] = mapped_column(String(200), default="")
    applicant_id_number: Mapped[str] = mapped_column(String(32), default="")
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    agent_id_number: Mapped[str] = mapped_column(String(32), default="")
    agent_authorised: Mapped[bool] = mapped_column(default=False)
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    contact_address: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime]
    decision: Mapped[str | None] = mapped_column(String(32), default=None)
    decision_reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    promised_date: Mapped[date | None] = mapped_column(Date, default=None)
    legal_date: Mapped[date | None] = mapped_column(Date, default=None)
    deficiency_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    deficiency_open: Mapped[bool] = mapped_column(default=False)
    concluded_at: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)


class CaseMaterial(Synced, Base):
    """One checklist row: a snapshot of the material's requirement at intake, plus how it was settled."""

    __tablename__ = "case_material"
    __sync_entity__ = "case_material"
    __table_args__ = (UniqueConstraint("case_id", "key"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    key: Mapped[str] = mapped_column(String(MATERIAL_KEY_MAX))
    position: Mapped[int] = mapped_column(Integer)
    spec: Mapped[dict[str, Any]] = mapped_column()
    disposition: Mapped[str] = mapped_column(String(16), default="pending")
    owed: Mapped[bool] = mapped_column(default=False)  # listed as missing in a 容缺 acceptance
    supplied_at: Mapped[datetime | None] = mapped_column(default=None)


class CaseFile(Synced, Base):
    """A file attached to a material. The bytes live in the blob store under `sha256`."""

    __tablename__ = "case_file"
    __sync_entity__ = "case_file"
    __table_args__ = (Index("ix_case_file_material", "material_id", "position"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    material_id: Mapped[str] = mapped_column(ForeignKey("case_material.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(16), default="import")
    position: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[datetime]
    added_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    check_state: Mapped[str] = mapped_column(String(12), default="pending")
    detected_type: Mapped[str | None] = mapped_column(String(8), default=None)
    page_count: Mapped[int | None] = mapped_column(Integer, default=None)
    worst_severity: Mapped[str | None] = mapped_column(String(8), default=None)
    checked_at: Mapped[datetime | None] = mapped_column(default=None)
    check_ms: Mapped[float | None] = mapped_column(Float, default=None)


class CaseFinding(Synced, Base):
    __tablename__ = "case_finding"
    __sync_entity__ = "case_finding"
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    check_id: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(8))
    page: Mapped[int | None] = mapped_column(Integer, default=None)
    message_zh: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text, default="")
    measured: Mapped[str | None] = mapped_column(String(100), default=None)
    threshold: Mapped[str | None] = mapped_column(String(100), default=None)
    override_reason: Mapped[str | None] = mapped_column(Text, default=None)
    override_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    override_at: Mapped[datetime | None] = mapped_column(default=None)


class CaseEvent(Synced, Base):
    """Every step of a case: intake actions, decisions, status moves, pickup. The audit trail."""

    __tablename__ = "case_event"
    __sync_entity__ = "case_event"
    __table_args__ = (Index("ix_case_event_case", "case_id", "at"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"))
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    role: Mapped[str] = mapped_column(String(16), default="clerk")
    from_status: Mapped[str | None] = mapped_column(String(20), default=None)
    to_status: Mapped[str | None] = mapped_column(String(20), default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CaseNotice(Synced, Base):
    """A one-time notice (一次性告知书) as handed to the citizen: its number and every listed item."""

    __tablename__ = "case_notice"
    __sync_entity__ = "case_notice"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("intake_case.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[datetime]
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    items: Mapped[list[Any]] = mapped_column(default=list)


class CaseCounter(Base):
    """Local numbering state (not synced): last receipt (series R) or notice (series G) number per hall and day.

    Moved in the same transaction as the decision it numbers, so a rollback or a crash leaves no gap.
    """

    __tablename__ = "case_counter"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    series: Mapped[str] = mapped_column(String(2), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
