"""Local sync bookkeeping (never synced itself): the hall's credential, feed cursor and blob uploads."""

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class SyncState(Base):
    """One row per hall: where the central server is, who this device is there, and how far the feed was read.

    The cursor is written in the same transaction as the pulled rows it covers, so a crash between
    applying a page and saving the cursor cannot happen.
    """

    __tablename__ = "sync_state"
    hall_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500), default="")
    device_id: Mapped[str] = mapped_column(String(64), default="")
    device_secret: Mapped[str] = mapped_column(String(200), default="")
    cursor: Mapped[str] = mapped_column(String(200), default="")
    feed_epoch: Mapped[str] = mapped_column(String(64), default="")
    # Set when the server's feed was reset (new epoch, 410, or a cursor ahead of the feed): the hall
    # re-pushes a snapshot of everything it holds before it pulls from the start.
    snapshot_needed: Mapped[bool] = mapped_column(default=False)
    # "<entity>:<last id sent>": a snapshot cut short by a broken link resumes here instead of starting over
    snapshot_progress: Mapped[str] = mapped_column(String(120), default="")
    last_success_at: Mapped[datetime | None] = mapped_column(default=None)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    pulled_rows: Mapped[int] = mapped_column(BigInteger, default=0)


class BlobUpload(Base):
    """A scanned file the server has confirmed (by its own re-hash); anything not here is still to upload."""

    __tablename__ = "blob_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    uploaded_at: Mapped[datetime | None] = mapped_column(default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
