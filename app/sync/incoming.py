"""Applying a page of the central feed: rows written as received (no outbox, no restamping), the hall's
private values kept, the cursor saved in the same transaction, numbering counters never behind the rows."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.sync_rules import GLOBAL_SCOPE, RULES, keep_private
from app.store.database import Database
from app.store.models import TicketCounter
from app.store.outbox import applying_remote_changes
from app.store.synced import row_from_payload, synced_models, table_of
from app.sync import faultpoints
from app.sync.state import state_row

log = logging.getLogger("onewindow.sync")
_CHUNK = 400


def _local(session: Session, entity: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    table = table_of(entity)
    rule = RULES.get(entity)
    names = ["id", "updated_hlc", *(rule.private if rule else ()), *(rule.private_keys if rule else ())]
    cols = [table.c[n] for n in names if n in table.c]
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), _CHUNK):
        for row in session.execute(select(*cols).where(table.c.id.in_(ids[i : i + _CHUNK]))):
            out[row.id] = dict(row._mapping)
    return out


def _rebuild_counters(session: Session, tickets: list[dict[str, Any]]) -> None:
    """A restored hall must never reissue a number: the counter is at least the largest number it now holds."""
    best: dict[tuple[str, date, str], int] = {}
    for t in tickets:
        key = (t["hall_id"], t["service_day"], t["prefix"])
        best[key] = max(best.get(key, 0), int(t["number"]))
    conn = session.connection()
    ins = (sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert)(TicketCounter)
    stmt = ins.values(
        hall_id=bindparam("h"), service_day=bindparam("d"), prefix=bindparam("p"), last_number=bindparam("n")
    )
    larger = func.max if conn.dialect.name == "sqlite" else func.greatest  # SQLite's two-argument max()
    stmt = stmt.on_conflict_do_update(
        index_elements=["hall_id", "service_day", "prefix"],
        set_={"last_number": larger(TicketCounter.last_number, stmt.excluded.last_number)},
    )
    conn.execute(stmt, [{"h": h, "d": d, "p": p, "n": n} for (h, d, p), n in best.items()])


def apply_page(db: Database, hall_id: str, rows: list[dict[str, Any]], cursor: str, epoch: str) -> tuple[int, int]:
    """Apply one pulled page and store its cursor in one transaction. Returns (rows written, clock-ahead flags)."""
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["entity"] in RULES and r["hall_id"] in (hall_id, GLOBAL_SCOPE):
            by_entity[r["entity"]].append(r)
    written = flagged = 0
    with db.write() as s, applying_remote_changes(s, hall_id):
        if s.connection().dialect.name == "sqlite":
            s.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # checked at commit, not per row
        tickets: list[dict[str, Any]] = []
        for entity in sorted(by_entity, key=lambda e: RULES[e].rank):
            if entity not in synced_models():
                continue  # a central entity this hall version does not store
            table = table_of(entity)
            local = _local(s, entity, [r["entity_id"] for r in by_entity[entity]])
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for r in by_entity[entity]:
                mine = local.get(r["entity_id"])
                if mine is not None and int(mine["updated_hlc"]) >= int(r["hlc"]):
                    continue  # we hold this state or a later one (our own change, echoed back)
                if mine is None and r["deleted"]:
                    continue  # a tombstone for a row we never had
                if db.hlc.observe(int(r["hlc"])) is False:
                    flagged += 1
                    log.warning("row %s/%s stamped more than the allowed drift ahead", entity, r["entity_id"])
                values = row_from_payload(entity, keep_private(entity, r["payload"], mine))
                values.update(
                    id=r["entity_id"],
                    version=r["version"],
                    updated_hlc=r["hlc"],
                    origin_device=r["origin_device"],
                    deleted=bool(r["deleted"]),
                )
                (inserts if mine is None else updates).append(values)
                if entity == "ticket":
                    tickets.append(values)
            groups: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
            for values in _fill_private(entity, inserts):
                groups[frozenset(values)].append(values)  # payloads of older schemas may lack newer fields
            for group in groups.values():
                s.connection().execute(table.insert(), group)
            for values in updates:
                s.connection().execute(table.update().where(table.c.id == values["id"]).values(**values))
            written += len(inserts) + len(updates)
        if tickets:
            _rebuild_counters(s, tickets)
        faultpoints.reached("mid_pull_apply")  # rows written, cursor not yet, nothing committed
        state = state_row(s, hall_id)
        state.cursor, state.feed_epoch = cursor, epoch
        state.pulled_rows = (state.pulled_rows or 0) + written
    return written, flagged


def _fill_private(entity: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A row new to this hall arrives without the fields that never leave a hall (e.g. a staff PIN hash):
    they start empty, so such a login must be given a new PIN before it works."""
    rule = RULES.get(entity)
    if rule is None:
        return rows
    table = table_of(entity)
    for row in rows:
        for name in rule.private:
            if name in table.c and row.get(name) is None and not table.c[name].nullable:
                row[name] = ""
    return rows
