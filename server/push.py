"""Applying a batch of a hall's outbox mutations: each claimed once by its mutation id, merged by ownership.

Results per mutation: applied | duplicate | rejected(reason) | retry_later(reason). Rejections are answers,
not errors: the hall marks them and moves on, so one bad row never blocks the rows behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session

from app.domain.hlc import HybridLogicalClock
from app.domain.stored_text import nul_in
from app.domain.sync_rules import CENTRAL_CASE_FIELDS, merge_case, rule_for
from app.store.limits import misfit
from app.store.synced import overlong_fields, payload_misfit
from server.auth import Principal
from server.feed import write_records
from server.models import AppliedMutation, Record

_CHUNK = 400  # bound parameters per IN list (SQLite's limit is far above, but keep statements small)


@dataclass(frozen=True)
class Mutation:
    mutation_id: str
    hall_id: str
    entity: str
    entity_id: str
    op: str
    version: int
    hlc: int
    origin_device: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Result:
    mutation_id: str
    status: str  # applied | duplicate | rejected | retry_later
    reason: str = ""


def _chunks(items: Sequence[Any]) -> list[Sequence[Any]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _already_claimed(session: Session, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        for mid, result in session.execute(
            select(AppliedMutation.mutation_id, AppliedMutation.result).where(AppliedMutation.mutation_id.in_(chunk))
        ):
            found[mid] = result
    return found


def _current(session: Session, hall_id: str, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Record]:
    found: dict[tuple[str, str], Record] = {}
    for chunk in _chunks(keys):
        stmt = select(Record).where(Record.hall_id == hall_id, tuple_(Record.entity, Record.entity_id).in_(chunk))
        for rec in session.scalars(stmt):
            found[(rec.entity, rec.entity_id)] = rec
    return found


def _malformed(m: Mutation) -> bool:
    """Values the record table cannot hold (its own column types say which): answered per mutation, so one bad row
    never blocks a hall's queue (PostgreSQL would refuse the whole transaction; SQLite would store them). A NUL in the
    payload is one of them: the JSON column keeps it, but every `->>` on the row then fails (the public page)."""
    return (
        m.version < 0
        or m.hlc < 0
        or not m.entity_id
        or any(
            misfit(column, value)
            for column, value in (
                (Record.version, m.version),
                (Record.hlc, m.hlc),
                (Record.entity_id, m.entity_id),
                (Record.origin_device, m.origin_device),
            )
        )
        or nul_in(m.payload)
        or payload_misfit(m.entity, m.payload) is not None
    )


def _verdict(m: Mutation, principal: Principal) -> str:
    rule = rule_for(m.entity)
    if rule is None:
        return "rejected:unknown_entity"
    if _malformed(m):
        return "rejected:malformed"
    if m.hall_id != principal.hall_id or m.payload.get("hall_id", m.hall_id) != m.hall_id:
        return "rejected:foreign_hall"
    if rule.owner == "central":
        return "rejected:central_owned"
    if m.op not in ("upsert", "delete"):
        return "rejected:unknown_op"
    return "applied"


def apply_batch(
    session: Session, principal: Principal, mutations: Sequence[Mutation], clock: HybridLogicalClock
) -> list[Result]:
    claimed = _already_claimed(session, [m.mutation_id for m in mutations])
    results: list[Result] = []
    winners: dict[tuple[str, str], Mutation] = {}
    claims: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for m in mutations:
        if m.mutation_id in claimed:
            earlier = claimed[m.mutation_id]
            results.append(Result(m.mutation_id, "duplicate" if earlier == "applied" else "rejected", earlier[9:]))
            continue
        verdict = _verdict(m, principal)
        claimed[m.mutation_id] = verdict
        claims.append(
            {"mutation_id": m.mutation_id, "hall_id": principal.hall_id, "applied_at": now, "result": verdict}
        )
        if verdict != "applied":
            results.append(Result(m.mutation_id, "rejected", verdict.removeprefix("rejected:")))
            continue
        results.append(Result(m.mutation_id, "applied"))
        key = (m.entity, m.entity_id)
        if key not in winners or winners[key].hlc < m.hlc:
            winners[key] = m
    new, changed = _merge(session, principal, winners, clock)
    write_records(session, principal.hall_id, new, changed)
    for chunk in _chunks(claims):
        session.execute(insert(AppliedMutation), list(chunk))
    return results


def _merge(
    session: Session, principal: Principal, winners: dict[tuple[str, str], Mutation], clock: HybridLogicalClock
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    current = _current(session, principal.hall_id, list(winners))
    in_batch = {
        m.payload.get("number"): str(m.payload.get("content_sha256"))
        for m in winners.values()
        if m.entity == "catalogue_version"
    }
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for key, m in winners.items():
        rec = current.get(key)
        if rec is not None and rec.hlc >= m.hlc:
            continue  # we already hold a later state of this row: the older fact is recorded, nothing changes
        payload = dict(m.payload)
        payload.setdefault("deleted", m.op == "delete")  # a payload from before tombstones existed
        flags = ""
        hlc = m.hlc
        if clock.too_far_ahead(m.hlc):
            flags = "clock_ahead"  # a hall fact is never refused, but a clock a day ahead is flagged for a person
        else:
            clock.observe(m.hlc)
        if m.entity == "intake_case" and _old_catalogue(session, principal.hall_id, payload, in_batch):
            flags = ",".join(f for f in (flags, "old_catalogue") if f)  # accepted, and flagged for a person
        if overlong_fields(m.entity, payload):
            flags = ",".join(f for f in (flags, "too_long") if f)  # kept whole; halls keep what fits their column
        if m.entity == "intake_case":
            merged = merge_case(payload, rec.payload if rec is not None else None)
            if any(merged.get(f) != payload.get(f) for f in CENTRAL_CASE_FIELDS):
                hlc = clock.now()  # the centre's status stood against the hall's copy: the hall must hear it back
            payload = merged
        row = {
            "hall_id": principal.hall_id,
            "entity": m.entity,
            "entity_id": m.entity_id,
            "version": m.version,
            "hlc": hlc,
            "origin_device": m.origin_device,
            "deleted": bool(payload.get("deleted", False)),
            "payload": payload,
            "flags": flags,
        }
        (new if rec is None else changed).append(row)
    return new, changed


def _old_catalogue(session: Session, hall_id: str, case: dict[str, Any], in_batch: dict[Any, str]) -> bool:
    """Taken under a catalogue other than the newest published one (the hall had not synced it yet)."""
    from server.releases import latest

    newest = latest(session, "catalogue")
    if newest is None or case.get("catalogue_version") is None:
        return False
    if case["catalogue_version"] in in_batch:
        return in_batch[case["catalogue_version"]] != newest.entity_id
    for rec in session.scalars(
        select(Record).where(Record.hall_id == hall_id, Record.entity == "catalogue_version", Record.deleted.is_(False))
    ):
        if rec.payload.get("number") == case.get("catalogue_version"):
            return bool(rec.payload.get("content_sha256") != newest.entity_id)
    return False
