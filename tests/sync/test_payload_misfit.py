"""payload_misfit: the server's check that a pushed row is one every hall can apply when it pulls it (one row a hall
cannot write fails the whole page, for every hall of the scope, on SQLite as on PostgreSQL)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.sync_rules import outgoing_payload
from app.services.queue import QueueService
from app.store.database import Database
from app.store.models import Outbox
from app.store.synced import payload_misfit
from app.sync import incoming
from app.sync.state import load_settings
from tests.sync.conftest import new_hall


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Database]:
    db = new_hall(tmp_path / "H023.db", "H023")
    yield db
    db.dispose()


def _wire(db: Database) -> list[tuple[str, dict[str, Any]]]:
    """Every outbox row as the server receives it (JSON, private fields masked)."""
    with db.read() as s:
        rows = [(o.entity, o.payload) for o in s.query(Outbox)]
    return [(entity, json.loads(json.dumps(outgoing_payload(entity, p)))) for entity, p in rows]


def test_what_a_hall_pushes_fits(hall):  # type: ignore[no-untyped-def]
    QueueService(hall).issue_ticket("B")
    pushed = _wire(hall)
    assert {"hall", "staff", "window", "ticket"} <= {entity for entity, _ in pushed}
    assert [(e, payload_misfit(e, p)) for e, p in pushed if payload_misfit(e, p)] == []


BAD = {
    "time without its zone": ("issued_at", "2026-12-01T01:00:00"),
    "number for a time": ("issued_at", 5),
    "true for a time": ("issued_at", True),
    "number for a day": ("service_day", 20261201),
    "list for a day": ("service_day", [2026, 12, 1]),
}


@pytest.mark.parametrize("field, value", list(BAD.values()), ids=list(BAD))
def test_a_value_no_hall_could_apply_is_named(hall, field, value):  # type: ignore[no-untyped-def]
    QueueService(hall).issue_ticket("B")
    ticket = next(p for e, p in _wire(hall) if e == "ticket")
    bad = {**ticket, field: value}
    assert payload_misfit("ticket", bad) == field
    # the reason it must be refused: a hall pulling it could not write the page it arrives in
    hall_id = load_settings(hall).hall_id
    row = {"entity": "ticket", "entity_id": str(uuid.uuid4()), "hall_id": hall_id, "version": 1, "hlc": 1,
           "origin_device": "pc-2", "deleted": False, "payload": bad}  # fmt: skip
    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the driver raises: the page is not written
        incoming.apply_page(hall, hall_id, [row], "", "")
    sent = {**ticket, "number": 99}  # the same row as a hall sends it (another number: the hall has ticket 1)
    assert payload_misfit("ticket", sent) is None
    assert incoming.apply_page(hall, hall_id, [{**row, "payload": sent}], "", "") == (1, 0)
