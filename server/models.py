"""Central server tables. Every sync table is keyed by hall first (hall_id), so the database can be
distributed by hall (Citus) when one PostgreSQL is not enough."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.types import UTCDateTime


class ServerBase(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}


class Meta(ServerBase):
    """Server-wide values: the feed epoch (changed after a restore) and the token signing key."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class RegisteredHall(ServerBase):
    __tablename__ = "registered_hall"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    hall_id: Mapped[str | None] = mapped_column(String(36), unique=True, default=None)  # bound at first enrolment
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]


class EnrolCode(ServerBase):
    """One-time enrolment codes; only a hash is stored."""

    __tablename__ = "enrol_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(64), default=None)


class Device(ServerBase):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16), index=True)
    hall_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(100), default="")
    secret_hash: Mapped[str] = mapped_column(String(64))  # sha256 of a 256-bit random secret
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)


class Reviewer(ServerBase):
    """Back-office department staff (后台审批), authenticated on the server (argon2)."""

    __tablename__ = "reviewer"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="reviewer")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]


class LoginAttempt(ServerBase):
    """Wrong PINs in a row for a login typed at the server (the sign-in is on the network), and the lock-out they
    led to (app.domain.lockout). Unknown logins get rows too, so the answers do not tell which logins exist; rows a
    day old and not locked are pruned when the next wrong PIN is counted."""

    __tablename__ = "login_attempt"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int]
    locked_until: Mapped[datetime | None]
    last_failure_at: Mapped[datetime] = mapped_column(index=True)  # pruning old rows


class AppliedMutation(ServerBase):
    """Each mutation claimed once, forever (kept at least a year): a retry after a week offline is a duplicate."""

    __tablename__ = "applied_mutation"
    __table_args__ = (Index("ix_applied_mutation_at", "applied_at"),)
    mutation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_id: Mapped[str] = mapped_column(String(36))
    applied_at: Mapped[datetime]
    result: Mapped[str] = mapped_column(String(120))


class Record(ServerBase):
    """The latest state of every synced row, and its place in its scope's change feed."""

    __tablename__ = "record"
    __table_args__ = (Index("ix_record_feed", "scope", "seq"),)
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[int] = mapped_column(BigInteger)
    origin_device: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(default=False)
    payload: Mapped[dict[str, Any]] = mapped_column()
    seq: Mapped[int] = mapped_column(BigInteger)
    flags: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]


class FeedCounter(ServerBase):
    """The feed's sequence per scope. Moved while the writing transaction holds it locked, right before its
    final writes, so sequence numbers become visible in commit order (a bare serial would let a reader skip
    a row committed late with a lower number)."""

    __tablename__ = "feed_counter"
    scope: Mapped[str] = mapped_column(String(36), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, default=0)
