"""The hall's sync bookkeeping: enrolment, cursor, epoch, last success. Written in short local transactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.services.hall import load_hall
from app.store.database import Database
from app.store.models import Outbox
from app.store.models_sync import SyncState


@dataclass(frozen=True)
class SyncSettings:
    hall_id: str
    hall_code: str
    server_url: str
    device_id: str
    device_secret: str
    cursor: str
    feed_epoch: str
    snapshot_needed: bool
    snapshot_progress: str = ""

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.device_id)


def state_row(session: Session, hall_id: str) -> SyncState:
    row = session.get(SyncState, hall_id)
    if row is None:
        row = SyncState(
            hall_id=hall_id,
            server_url="",
            device_id="",
            device_secret="",
            cursor="",
            feed_epoch="",
            snapshot_needed=False,
            snapshot_progress="",
            pulled_rows=0,
        )
        session.add(row)
        session.flush()
    return row


def load_settings(db: Database) -> SyncSettings:
    with db.read() as s:
        hall = load_hall(s)
        row = s.get(SyncState, hall.id)
        if row is None:
            return SyncSettings(hall.id, hall.code, "", "", "", "", "", False)
        return SyncSettings(
            hall.id,
            hall.code,
            row.server_url,
            row.device_id,
            row.device_secret,
            row.cursor,
            row.feed_epoch,
            row.snapshot_needed,
            row.snapshot_progress,
        )


def save_enrolment(db: Database, hall_id: str, server_url: str, device_id: str, secret: str, epoch: str) -> None:
    with db.write() as s:
        row = state_row(s, hall_id)
        row.server_url, row.device_id, row.device_secret = server_url.rstrip("/"), device_id, secret
        # The outbox holds every change never pushed; only a hall that already pushed (and pruned) elsewhere
        # must send a snapshot of what it holds. Either way it reads the feed from the start.
        pushed_before = s.scalar(select(Outbox.seq).where(Outbox.pushed_at.is_not(None)).limit(1)) is not None
        row.cursor, row.feed_epoch, row.snapshot_needed, row.snapshot_progress = "", epoch, pushed_before, ""


def mark(db: Database, hall_id: str, *, success: bool, error: str | None = None) -> None:
    with db.write() as s:
        row = state_row(s, hall_id)
        now = datetime.now(UTC)
        row.last_attempt_at = now
        if success:
            row.last_success_at, row.last_error = now, None
        else:
            row.last_error = error


def require_reset(db: Database, hall_id: str, epoch: str) -> None:
    """The feed was reset: re-push a snapshot of everything, then pull from the start of the new epoch."""
    with db.write() as s:
        row = state_row(s, hall_id)
        row.snapshot_needed, row.cursor, row.feed_epoch, row.snapshot_progress = True, "", epoch, ""


def save_snapshot_progress(db: Database, hall_id: str, progress: str, done: bool = False) -> None:
    with db.write() as s:
        row = state_row(s, hall_id)
        row.snapshot_progress = "" if done else progress
        if done:
            row.snapshot_needed = False


def schema_version(db: Database) -> int:
    """The hall's Alembic revision as a number (revisions are 0001, 0002, ...)."""
    with db.read() as s:
        rev = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    digits = "".join(c for c in str(rev or "0") if c.isdigit())
    return int(digits or 0)
