"""Hall tables. Every table that syncs carries hall_id, a UUIDv7 id, version, updated_hlc, origin_device."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain.ids import new_id
from app.store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Synced:
    """Columns the sync protocol needs; filled in by the outbox hook, never by hand."""

    __sync_entity__: str = ""

    hall_id: Mapped[str] = mapped_column(String(36), index=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    origin_device: Mapped[str] = mapped_column(String(64), default="")
    # A tombstone: synced rows are never hard-deleted, so a delete reaches every copy like any other change.
    deleted: Mapped[bool] = mapped_column(default=False, server_default=false())


class Hall(Synced, Base):
    __tablename__ = "hall"
    __sync_entity__ = "hall"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(16), default="county")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    opening_hours: Mapped[dict[str, Any]] = mapped_column(default=dict)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Category(Synced, Base):
    __tablename__ = "category"
    __sync_entity__ = "category"
    __table_args__ = (UniqueConstraint("hall_id", "prefix"),)
    prefix: Mapped[str] = mapped_column(String(4))
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    number_start: Mapped[int] = mapped_column(Integer, default=1)
    number_end: Mapped[int] = mapped_column(Integer, default=999)
    default_service_minutes: Mapped[int] = mapped_column(Integer, default=6)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Staff(Synced, Base):
    __tablename__ = "staff"
    __sync_entity__ = "staff"
    __table_args__ = (UniqueConstraint("hall_id", "login"),)
    login: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), default="clerk")
    secret_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Window(Synced, Base):
    __tablename__ = "window"
    __sync_entity__ = "window"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(8), default="order")
    status: Mapped[str] = mapped_column(String(8), default="closed")
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    status_since: Mapped[datetime | None] = mapped_column(default=None)


class WindowCategory(Synced, Base):
    __tablename__ = "window_category"
    __sync_entity__ = "window_category"
    __table_args__ = (UniqueConstraint("window_id", "category_id"),)
    window_id: Mapped[str] = mapped_column(ForeignKey("window.id"))
    category_id: Mapped[str] = mapped_column(ForeignKey("category.id"))
    order: Mapped[int] = mapped_column(Integer, default=0)
    weight: Mapped[int] = mapped_column(Integer, default=1)


class Ticket(Synced, Base):
    __tablename__ = "ticket"
    __sync_entity__ = "ticket"
    __table_args__ = (
        UniqueConstraint("hall_id", "service_day", "prefix", "number"),
        # Covers a line (one category, not sent to a window) in call order, so the head of a line and
        # "people ahead" are answered from the index alone.
        Index(
            "ix_ticket_line",
            "hall_id",
            "service_day",
            "status",
            "category_id",
            "target_window_id",
            "sort_at",
            "number",
        ),
        Index("ix_ticket_direct", "target_window_id", "status", "sort_at"),
        Index("ix_ticket_person", "hall_id", "service_day", "person_key"),
        Index("ix_ticket_window", "hall_id", "service_day", "window_id", "status"),
    )
    service_day: Mapped[date] = mapped_column(Date)
    category_id: Mapped[str] = mapped_column(ForeignKey("category.id"))
    prefix: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    person_key: Mapped[str | None] = mapped_column(String(64), default=None)
    matters: Mapped[list[Any]] = mapped_column(default=list)
    issued_at: Mapped[datetime]
    sort_at: Mapped[datetime]
    target_window_id: Mapped[str | None] = mapped_column(ForeignKey("window.id"), default=None)
    window_id: Mapped[str | None] = mapped_column(ForeignKey("window.id"), default=None)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    called_at: Mapped[datetime | None] = mapped_column(default=None)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)


class QueueEvent(Synced, Base):
    """Every state change of a ticket or window: the raw data for waiting time, service time and KPIs."""

    __tablename__ = "queue_event"
    __sync_entity__ = "queue_event"
    __table_args__ = (Index("ix_queue_event_ticket", "ticket_id"), Index("ix_queue_event_at", "hall_id", "at"))
    kind: Mapped[str] = mapped_column(String(24))
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("ticket.id"), default=None)
    window_id: Mapped[str | None] = mapped_column(ForeignKey("window.id"), default=None)
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    at: Mapped[datetime]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class TicketCounter(Base):
    """Local numbering state (not synced): the last number issued per hall, day and prefix.

    Incremented in the same transaction that inserts the ticket, so a rollback or crash leaves no gap.
    """

    __tablename__ = "ticket_counter"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class ChangeCounter(Base):
    """Local (not synced): grows by one with every committed change in the hall, in commit order (SQLite).

    Screens poll it to know when to refresh. It is bumped as the last statement of each writing
    transaction (a row lock), so a reader never sees a later change before an earlier one. On PostgreSQL
    the transactions send NOTIFY instead of bumping one hot row (see app.store.changes).
    """

    __tablename__ = "change_counter"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)


class Outbox(Base):
    """Mutations waiting to be pushed to the central server, written in the same transaction as the change."""

    __tablename__ = "outbox"
    # The sync agent scans for what is still to push, oldest first; pruning scans pushed_at.
    __table_args__ = (Index("ix_outbox_pending", "pushed_at", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    hall_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[int] = mapped_column(BigInteger)
    origin_device: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime]
    pushed_at: Mapped[datetime | None] = mapped_column(default=None)
    result: Mapped[str | None] = mapped_column(String(32), default=None)
