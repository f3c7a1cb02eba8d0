"""Sync tests: a real central server subprocess and hall databases enrolled with it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.hall import SAMPLE_HALL, create_hall
from app.store.database import Database
from app.sync.status import enrol
from server.process import CentralServer


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    root = tmp_path / "central"
    root.mkdir()
    server = CentralServer(root).start()
    yield server
    server.stop()


def hall_spec(code: str) -> dict:  # type: ignore[type-arg]
    spec = json.loads(SAMPLE_HALL.read_text(encoding="utf-8"))
    spec["code"] = code
    spec["name_zh"] = f"{spec['name_zh']}（{code}）"
    spec["opening_hours"] = {}  # open at any hour the tests run
    return spec


def new_hall(path: Path, code: str, device: str | None = None) -> Database:
    db = Database(f"sqlite:///{path}", device_id=device or f"pc-{code}")
    db.upgrade()
    create_hall(db, hall_spec(code))
    return db


@pytest.fixture
def make_hall(tmp_path: Path, central: CentralServer):  # type: ignore[no-untyped-def]
    made: list[Database] = []

    def make(code: str, enrolled: bool = True) -> Database:
        db = new_hall(tmp_path / f"{code}.db", code)
        if enrolled:
            enrol(db, central.url, central.enrol_code(code))
        made.append(db)
        return db

    yield make
    for db in made:
        db.dispose()
