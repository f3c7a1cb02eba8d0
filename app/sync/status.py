"""What a person (or the supervisor's alarm) needs to know about sync, and the verify comparison."""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.domain.sync_rules import summarise
from app.store.database import Database
from app.store.models_sync import SyncState
from app.store.synced import synced_models
from app.sync import blob_upload, outgoing, state
from app.sync.client import SyncClient, check_server_url
from app.sync.errors import SyncError


def sync_status(db: Database, now: datetime | None = None) -> dict[str, Any]:
    cfg = state.load_settings(db)
    now = now or datetime.now(UTC)
    pending, oldest = outgoing.pending_summary(db, cfg.hall_id)
    with db.read() as s:
        row = s.get(SyncState, cfg.hall_id)
    return {
        "hall": cfg.hall_code,
        "enrolled": cfg.enrolled,
        "server": cfg.server_url or None,
        "pending": pending,
        "oldest_pending_s": None if oldest is None else max(0, int((now - oldest).total_seconds())),
        "last_success": row.last_success_at.isoformat() if row and row.last_success_at else None,
        "last_attempt": row.last_attempt_at.isoformat() if row and row.last_attempt_at else None,
        "last_error": row.last_error if row else None,
        "blobs_pending": blob_upload.count_pending(db, cfg.hall_id),
        "cursor": cfg.cursor,
        "feed_epoch": cfg.feed_epoch,
        "snapshot_needed": cfg.snapshot_needed,
    }


def local_summary(db: Database, hall_id: str) -> dict[str, dict[str, Any]]:
    def pairs():  # type: ignore[no-untyped-def]
        with db.read() as s:
            for entity, model in synced_models().items():
                q = select(model.id, model.updated_hlc).where(model.hall_id == hall_id, model.deleted.is_(False))
                for entity_id, hlc in s.execute(q):
                    yield entity, entity_id, int(hlc)

    return summarise(pairs())


def verify(db: Database) -> dict[str, Any]:
    cfg = state.load_settings(db)
    if not cfg.enrolled:
        raise SyncError("本大厅尚未注册到中心服务器", "This hall is not enrolled with a central server")
    remote = SyncClient(cfg.server_url, cfg.device_id, cfg.device_secret).verify()["entities"]
    local = local_summary(db, cfg.hall_id)
    entities = {}
    for name in sorted(set(local) | set(remote)):
        here = local.get(name, {"count": 0, "hash": f"{0:016x}"})
        there = remote.get(name, {"count": 0, "hash": f"{0:016x}"})
        entities[name] = {"local": here, "server": there, "equal": here == there}
    return {"equal": all(e["equal"] for e in entities.values()), "entities": entities}


def enrol(db: Database, server_url: str, code: str) -> dict[str, Any]:
    check_server_url(server_url)
    cfg = state.load_settings(db)
    answer = SyncClient(server_url).enrol(code, cfg.hall_id, cfg.hall_code, platform.node()[:60])
    state.save_enrolment(
        db, cfg.hall_id, server_url, answer["device_id"], answer["device_secret"], answer["feed_epoch"]
    )
    return {"hall": cfg.hall_code, "server": server_url.rstrip("/"), "device_id": answer["device_id"]}
