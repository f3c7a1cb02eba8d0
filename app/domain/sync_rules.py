"""Who owns each synced entity, and what never leaves the hall: one table, used by the hall agent and the server.

| owner   | meaning                                                                                      |
|---------|----------------------------------------------------------------------------------------------|
| hall    | facts the hall writes (tickets, events, intake facts, files, pickups, ratings): never rejected |
| case    | the case row: the hall writes it, but its status after submission belongs to the back office  |
| central | published by the central side (catalogue, calendar): a hall may not write them               |
| shared  | hall settings, windows, staff: last writer by HLC wins                                       |
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.domain.masking import mask_id

Owner = Literal["hall", "case", "central", "shared"]
GLOBAL_SCOPE = "global"


def _drop(_: Any) -> None:
    return None


def _mask_id_number(value: Any) -> Any:
    return mask_id(str(value)) if value else value


@dataclass(frozen=True)
class EntityRule:
    owner: Owner
    # field -> how it leaves the hall (None: removed). The hall keeps its own value when a row comes back.
    private: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    # nested JSON keys removed before leaving the hall (e.g. the person-key salt inside hall settings)
    private_keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # apply order on the receiving side, so parents arrive before children within a page
    rank: int = 50


RULES: dict[str, EntityRule] = {
    "hall": EntityRule("shared", private_keys={"settings": ("person_salt",)}, rank=0),
    "staff": EntityRule("shared", private={"secret_hash": _drop}, rank=1),
    "category": EntityRule("shared", rank=1),
    "window": EntityRule("shared", rank=2),
    "window_category": EntityRule("shared", rank=3),
    "ticket": EntityRule("hall", rank=10),
    "queue_event": EntityRule("hall", rank=11),
    "catalogue_version": EntityRule("hall", rank=5),
    "intake_case": EntityRule(
        "case", private={"applicant_id_number": _mask_id_number, "agent_id_number": _mask_id_number}, rank=20
    ),
    "case_material": EntityRule("hall", rank=21),
    "case_file": EntityRule("hall", rank=22),
    "case_finding": EntityRule("hall", rank=23),
    "case_event": EntityRule("hall", rank=23),
    "case_notice": EntityRule("hall", rank=23),
    "appointment": EntityRule("hall", private={"id_number": _mask_id_number}, rank=12),
    "rating": EntityRule("hall", rank=24),
    "rating_follow_up": EntityRule("hall", rank=25),
    "audit_entry": EntityRule("hall", rank=30),  # append-only at the hall; the centre keeps its copy
    "alarm": EntityRule("hall", rank=30),
    "catalogue_release": EntityRule("central", rank=4),
    "calendar_release": EntityRule("central", rank=4),
}

# Case fields the back office owns once a case is submitted; the hall's copy of them yields to the centre's.
CENTRAL_CASE_FIELDS = ("status", "status_changed_at", "concluded_at")


def rule_for(entity: str) -> EntityRule | None:
    return RULES.get(entity)


def outgoing_payload(entity: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as it may leave the hall: staff secrets dropped, ID numbers masked, the salt removed."""
    rule = RULES.get(entity)
    if rule is None or (not rule.private and not rule.private_keys):
        return payload
    out = dict(payload)
    for name, transform in rule.private.items():
        if name in out:
            value = transform(out[name])
            if value is None:
                del out[name]
            else:
                out[name] = value
    for name, keys in rule.private_keys.items():
        if isinstance(out.get(name), dict):
            out[name] = {k: v for k, v in out[name].items() if k not in keys}
    return out


def keep_private(entity: str, incoming: dict[str, Any], local: Mapping[str, Any] | None) -> dict[str, Any]:
    """An incoming row with the hall's own private values put back (they never left, so the server has none)."""
    rule = RULES.get(entity)
    if rule is None or (not rule.private and not rule.private_keys):
        return incoming
    merged = dict(incoming)
    for name in rule.private:
        if local is not None and name in local:
            merged[name] = local[name]
        elif rule.private[name] is _drop:
            merged.pop(name, None)
    for name, keys in rule.private_keys.items():
        if local is not None and isinstance(local.get(name), dict) and isinstance(merged.get(name), dict):
            merged[name] = {**merged[name], **{k: local[name][k] for k in keys if k in local[name]}}
    return merged


CASE_STAGE = {
    # How far a case has come; the centre's status wins unless the hall has moved the case further (出件).
    "draft": 0,
    "notified": 1,
    "not_accepted": 1,
    "received": 2,
    "with_department": 3,
    "in_review": 4,
    "needs_supplement": 5,
    "approved": 6,
    "rejected": 6,
    "ready_for_pickup": 7,
    "delivered": 8,
}


def merge_case(hall_copy: dict[str, Any], central_copy: dict[str, Any] | None) -> dict[str, Any]:
    """The case row the server keeps when the hall pushes it: the back office's status stands unless the
    hall has taken the case further (handing the result out), so an offline window never undoes a decision."""
    if central_copy is None or not central_copy.get("_central_status"):
        return hall_copy
    if CASE_STAGE.get(hall_copy.get("status", ""), 0) > CASE_STAGE.get(central_copy.get("status", ""), 0):
        return hall_copy
    merged = dict(hall_copy)
    for name in CENTRAL_CASE_FIELDS:
        if name in central_copy:
            merged[name] = central_copy[name]
    merged["_central_status"] = True
    return merged


def row_hash(entity_id: str, hlc: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{entity_id}:{hlc}".encode()).digest()[:8], "big")


def summarise(pairs: Iterable[tuple[str, str, int]]) -> dict[str, dict[str, Any]]:
    """Count and order-independent hash (sum of row hashes mod 2^64) per entity, over live rows."""
    out: dict[str, list[int]] = {}
    for entity, entity_id, hlc in pairs:
        acc = out.setdefault(entity, [0, 0])
        acc[0] += 1
        acc[1] = (acc[1] + row_hash(entity_id, hlc)) % (1 << 64)
    return {e: {"count": c, "hash": f"{h:016x}"} for e, (c, h) in sorted(out.items())}
