"""Uploading scanned files: HEAD to skip what the server has, resume from its offset, let it re-hash."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from app.services.blobs import BlobStore
from app.store.database import Database
from app.store.models_intake import CaseFile
from app.store.models_sync import BlobUpload
from app.sync import faultpoints
from app.sync.client import SyncClient
from app.sync.errors import SyncError

CHUNK = 1 << 20
MISSING = "missing locally"


def _settled():  # type: ignore[no-untyped-def]
    """Uploaded, or gone from this PC (reported in the status, not retried for ever)."""
    return select(BlobUpload.sha256).where((BlobUpload.uploaded_at.is_not(None)) | (BlobUpload.last_error == MISSING))


def pending_blobs(db: Database, hall_id: str, limit: int = 1000) -> list[str]:
    with db.read() as s:
        done = _settled()
        return list(
            s.scalars(
                select(CaseFile.sha256)
                .where(CaseFile.hall_id == hall_id, CaseFile.sha256.not_in(done))
                .distinct()
                .limit(limit)
            )
        )


def count_pending(db: Database, hall_id: str) -> int:
    with db.read() as s:
        done = _settled()
        return int(
            s.scalar(
                select(func.count(func.distinct(CaseFile.sha256))).where(
                    CaseFile.hall_id == hall_id, CaseFile.sha256.not_in(done)
                )
            )
            or 0
        )


def _record(db: Database, results: dict[str, str | None]) -> None:
    """Each file's outcome (None: the server holds it), all in one local transaction."""
    if not results:
        return
    now = datetime.now(UTC)
    with db.write() as s:
        for sha256, error in results.items():
            row = s.get(BlobUpload, sha256)
            if row is None:
                row = BlobUpload(sha256=sha256, attempts=0)
                s.add(row)
            row.attempts = (row.attempts or 0) + 1
            row.uploaded_at, row.last_error = (now, None) if error is None else (None, error)


def upload_one(client: SyncClient, store: BlobStore, sha256: str) -> bool:
    """True once the server holds the file. A file missing here is reported, never fatal for the others."""
    offset = client.blob_offset(sha256)
    if offset is None:
        return True
    path = store.path_for(sha256)
    total = path.stat().st_size
    with open(path, "rb") as fh:
        for _ in range(total // CHUNK + 3):  # bounded: each round either advances or learns the server's offset
            fh.seek(offset)
            data = fh.read(CHUNK)
            offset, finished = client.blob_append(sha256, offset, total, data)
            faultpoints.reached("after_blob_chunk")
            if finished:
                return True
    return False


def upload_pending(db: Database, client: SyncClient, store: BlobStore, hall_id: str) -> tuple[int, int]:
    """(uploaded, failed). Network errors propagate (the agent retries later); a local problem is recorded."""
    pending = pending_blobs(db, hall_id)
    if not pending:
        return 0, 0
    missing = client.blobs_missing(pending)
    results: dict[str, str | None] = {sha: None for sha in pending if sha not in missing}  # already there
    try:
        for sha256 in pending:
            if sha256 not in missing:
                continue
            try:
                ok = upload_one(client, store, sha256)
            except FileNotFoundError:
                results[sha256] = MISSING
                continue
            except SyncError as exc:
                if exc.code in ("sync_network", "sync_revoked"):
                    raise
                results[sha256] = exc.message_en
                continue
            results[sha256] = None if ok else "incomplete"
    finally:
        _record(db, results)  # what was done before a broken link is kept
    failed = sum(error is not None for error in results.values())
    return len(results) - failed, failed
