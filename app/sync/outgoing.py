"""What leaves the hall: outbox rows as wire mutations (private fields masked or dropped), their results
recorded, old pushed rows pruned, and a snapshot of every row when the server's feed was reset."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update

from app.domain.sync_rules import RULES, outgoing_payload
from app.store.database import Database
from app.store.models import Outbox
from app.store.outbox import row_payload
from app.store.synced import synced_models

KEEP_PUSHED = timedelta(days=30)
_SNAPSHOT_NS = uuid.UUID("6f1d2c1e-8a51-4c61-9b3c-2f0e5a7d9c11")


def wire(row: Outbox) -> dict[str, Any]:
    return {
        "mutation_id": row.mutation_id,
        "hall_id": row.hall_id,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "op": row.op,
        "version": row.version,
        "hlc": row.hlc,
        "origin_device": row.origin_device,
        "payload": outgoing_payload(row.entity, row.payload),
    }


def pending_batch(db: Database, hall_id: str, limit: int, skip_retry: set[str]) -> list[dict[str, Any]]:
    with db.read() as s:
        rows = s.scalars(
            select(Outbox)
            .where(Outbox.pushed_at.is_(None), Outbox.hall_id == hall_id)
            .order_by(Outbox.seq)
            .limit(limit + len(skip_retry))
        )
        return [wire(r) for r in rows if r.mutation_id not in skip_retry][:limit]


_MARK = (
    update(Outbox)
    .where(Outbox.mutation_id == bindparam("m_id"))
    .values(pushed_at=bindparam("m_at"), result=bindparam("m_result"))
)


def record_results(db: Database, results: list[dict[str, Any]]) -> list[str]:
    """Mark answered mutations pushed (applied, duplicate and rejected are all final); returns retry_later ids."""
    now = datetime.now(UTC)
    done, retry = [], []
    for r in results:
        if r["status"] == "retry_later":
            retry.append(r["mutation_id"])
            continue
        label = r["status"] if r["status"] != "rejected" else f"rejected:{r.get('reason', '')}"[:32]
        done.append({"m_id": r["mutation_id"], "m_at": now, "m_result": label})
    if done:
        with db.write() as s:
            s.connection().execute(_MARK, done)
    return retry


def prune_pushed(db: Database, now: datetime | None = None) -> int:
    cutoff = (now or datetime.now(UTC)) - KEEP_PUSHED
    with db.write() as s:
        result = s.execute(delete(Outbox).where(Outbox.pushed_at.is_not(None), Outbox.pushed_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


def pending_summary(db: Database, hall_id: str) -> tuple[int, datetime | None]:
    with db.read() as s:
        count, oldest = s.execute(
            select(func.count(), func.min(Outbox.created_at)).where(
                Outbox.pushed_at.is_(None), Outbox.hall_id == hall_id
            )
        ).one()
    return int(count or 0), oldest


def snapshot(
    db: Database, hall_id: str, epoch: str, batch: int, resume: str = ""
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Every row the hall holds, as mutations (parents first), each batch with the progress mark to resume from.
    Ids are derived from the epoch and the row's state, so a batch sent twice is answered `duplicate`."""
    models = sorted(synced_models().items(), key=lambda kv: RULES[kv[0]].rank if kv[0] in RULES else 99)
    resume_entity, _, resume_after = resume.partition(":")
    skipping = bool(resume_entity)
    for entity, model in models:
        if skipping and entity != resume_entity:
            continue
        after = resume_after if skipping else ""
        skipping = False
        while True:
            with db.read() as s:
                rows = list(
                    s.scalars(
                        select(model).where(model.hall_id == hall_id, model.id > after).order_by(model.id).limit(batch)
                    )
                )
            if not rows:
                break
            after = rows[-1].id
            yield (
                f"{entity}:{after}",
                [
                    {
                        "mutation_id": str(uuid.uuid5(_SNAPSHOT_NS, f"{epoch}:{entity}:{r.id}:{r.updated_hlc}")),
                        "hall_id": hall_id,
                        "entity": entity,
                        "entity_id": r.id,
                        "op": "upsert",
                        "version": r.version,
                        "hlc": r.updated_hlc,
                        "origin_device": r.origin_device,
                        "payload": outgoing_payload(entity, row_payload(r)),
                    }
                    for r in rows
                ],
            )
