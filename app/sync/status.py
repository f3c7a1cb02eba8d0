"""What a person (or the supervisor's alarm) needs to know about sync, and the verify comparison."""

from __future__ import annotations

import platform
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.domain.sync_rules import summarise
from app.services.hall import load_hall
from app.store.database import Database
from app.store.models_sync import SyncState
from app.store.synced import synced_models
from app.sync import blob_upload, outgoing, state
from app.sync.client import SyncClient, check_server_url
from app.sync.errors import SyncError


@dataclass(frozen=True)
class SyncView:
    """Where this hall's sync stands, typed, for screens; `as_json` is what `sync status --json` prints."""

    hall: str
    hall_timezone: str  # screens show last_success on the hall's clock
    enrolled: bool
    server: str | None
    pending: int
    oldest_pending_s: int | None
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    blobs_pending: int
    cursor: str
    feed_epoch: str
    snapshot_needed: bool

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        del out["hall_timezone"]  # the JSON's fields are a contract; its times stay UTC
        for key in ("last_success", "last_attempt"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def sync_view(db: Database, now: datetime | None = None) -> SyncView:
    cfg = state.load_settings(db)
    now = now or datetime.now(UTC)
    pending, oldest = outgoing.pending_summary(db, cfg.hall_id)
    with db.read() as s:
        row = s.get(SyncState, cfg.hall_id)
        timezone = load_hall(s, cfg.hall_code or None).timezone
    return SyncView(
        hall=cfg.hall_code,
        hall_timezone=timezone,
        enrolled=cfg.enrolled,
        server=cfg.server_url or None,
        pending=pending,
        oldest_pending_s=None if oldest is None else max(0, int((now - oldest).total_seconds())),
        last_success=row.last_success_at if row else None,
        last_attempt=row.last_attempt_at if row else None,
        last_error=row.last_error if row else None,
        blobs_pending=blob_upload.count_pending(db, cfg.hall_id),
        cursor=cfg.cursor,
        feed_epoch=cfg.feed_epoch,
        snapshot_needed=cfg.snapshot_needed,
    )


def sync_status(db: Database, now: datetime | None = None) -> dict[str, Any]:
    """`sync status --json`: the view with its times in UTC ISO form."""
    return sync_view(db, now).as_json()


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
