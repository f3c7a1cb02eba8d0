"""The server restored from an older backup (announced or not), a hall clock a day ahead, an old-schema
outbox after a server upgrade, a hall writing another hall's rows."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from app.domain.hlc import HybridLogicalClock, pack
from app.services.queue import QueueService
from app.store.database import Database
from app.sync import incoming
from app.sync.agent import SyncAgent
from app.sync.client import SyncClient
from app.sync.errors import SchemaTooOld
from app.sync.state import load_settings
from app.sync.status import enrol, verify


def _issue(db, n: int) -> None:  # type: ignore[no-untyped-def]
    q = QueueService(db)
    for _ in range(n):
        q.issue_ticket("B")


def _restore(central, backup) -> None:  # type: ignore[no-untyped-def]
    central.stop()
    db_file = central.root / "server.db"
    for suffix in ("-wal", "-shm"):
        (central.root / f"server.db{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, db_file)
    central.start()


def _backup(central, tmp_path):  # type: ignore[no-untyped-def]
    backup = tmp_path / "server-backup.db"
    _online_backup(central.root / "server.db", backup)
    return backup


def _online_backup(source, target) -> None:  # type: ignore[no-untyped-def]
    """SQLite's online backup, as an operator's nightly job would take it."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


@pytest.mark.parametrize("announced", [True, False])
def test_server_restored_from_an_older_backup_gets_everything_back(make_hall, central, tmp_path, announced):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _issue(db, 5)
    assert SyncAgent(db).run_once().caught_up
    backup = _backup(central, tmp_path)
    _issue(db, 7)
    assert SyncAgent(db).run_once().caught_up
    _restore(central, backup)  # the server lost the last 7 tickets
    if announced:
        central.cli("new-epoch")
    report = SyncAgent(db).run_once()
    assert report.caught_up and report.resets and report.snapshots > 0
    assert report.resets[0] == ("feed_epoch" if announced else "cursor_ahead")
    assert verify(db)["equal"]
    con = sqlite3.connect(central.root / "server.db")
    assert con.execute("select count(*) from record where entity='ticket'").fetchone()[0] == 12
    # and the hall still never reissues a number
    assert QueueService(db).issue_ticket("B").display_number == "B013"


def test_a_restored_hall_database_never_reissues_a_number(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _issue(db, 3)
    SyncAgent(db).run_once()
    hall_file = tmp_path / "H023.db"
    snapshot = tmp_path / "H023-backup.db"
    _online_backup(hall_file, snapshot)
    _issue(db, 4)  # B004..B007 issued and synced after the backup
    SyncAgent(db).run_once()
    db.dispose()
    shutil.copy(snapshot, hall_file)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"H023.db{suffix}").unlink(missing_ok=True)
    restored = Database(f"sqlite:///{hall_file}", device_id="pc-H023")
    restored.upgrade()
    assert SyncAgent(restored).run_once().caught_up  # the feed brings B004..B007 back
    assert QueueService(restored).issue_ticket("B").display_number == "B008"
    assert SyncAgent(restored).run_once().caught_up and verify(restored)["equal"]
    restored.dispose()


def test_a_hall_clock_a_day_ahead_is_flagged_not_followed(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    ahead_ms = 2 * 24 * 3600 * 1000
    skewed = Database(
        f"sqlite:///{tmp_path / 'skewed.db'}",
        device_id="pc-skewed",
        clock=HybridLogicalClock(wall_ms=lambda: time.time_ns() // 1_000_000 + ahead_ms),
    )
    skewed.upgrade()
    from app.services.hall import create_hall
    from tests.sync.conftest import hall_spec

    create_hall(skewed, hall_spec("H031"))
    enrol(skewed, central.url, central.enrol_code("H031"))
    _issue(skewed, 2)
    assert SyncAgent(skewed).run_once().caught_up  # facts are never refused...
    con = sqlite3.connect(central.root / "server.db")
    flags = {f for (f,) in con.execute("select flags from record where entity='ticket'")}
    assert flags == {"clock_ahead"}  # ...but flagged for a person to look at
    skewed.dispose()
    # a hall receiving a row stamped two days ahead applies it but does not drag its clock along
    db = make_hall("H023")
    hall_id = load_settings(db).hall_id
    before = db.hlc.now()
    far = pack(time.time_ns() // 1_000_000 + ahead_ms, 0)
    row = {
        "entity": "category",
        "entity_id": "x" * 36,
        "hall_id": hall_id,
        "version": 1,
        "hlc": far,
        "origin_device": "elsewhere",
        "deleted": False,
        "payload": {"prefix": "Z", "name_zh": "测试", "hall_id": hall_id},
    }
    written, flagged = incoming.apply_page(db, hall_id, [row], "", "")
    assert (written, flagged) == (1, 1)
    assert db.hlc.now() < far and db.hlc.now() > before


def test_old_schema_outbox_foreign_rows_and_central_entities(make_hall, central):  # type: ignore[no-untyped-def]
    h1, h2 = make_hall("H023"), make_hall("H024")
    cfg = load_settings(h1)
    other = load_settings(h2).hall_id
    client = SyncClient(cfg.server_url, cfg.device_id, cfg.device_secret)
    base = {"op": "upsert", "version": 1, "origin_device": "pc", "hlc": pack(time.time_ns() // 1_000_000, 0)}
    old = {
        **base,
        "mutation_id": "m-old",
        "hall_id": cfg.hall_id,
        "entity": "category",
        "entity_id": "c-old",
        "payload": {"hall_id": cfg.hall_id, "prefix": "Y", "name_zh": "旧版本"},
    }  # no `deleted`: schema 3
    foreign = {
        **base,
        "mutation_id": "m-foreign",
        "hall_id": other,
        "entity": "ticket",
        "entity_id": "t-x",
        "payload": {"hall_id": other},
    }
    central_row = {
        **base,
        "mutation_id": "m-cat",
        "hall_id": cfg.hall_id,
        "entity": "catalogue_release",
        "entity_id": "r1",
        "payload": {"hall_id": cfg.hall_id},
    }
    # values the record table cannot hold (PostgreSQL answered the whole batch with 500): refused one by one
    too_big = [
        {**old, "mutation_id": f"m-big-{field}", "entity_id": f"c-big-{field}", field: value}
        for field, value in (("origin_device", "d" * 65), ("hlc", 2**63), ("version", 2**31), ("entity_id", "e" * 65))
    ]
    answer = client.push(3, [old, foreign, central_row, *too_big])
    statuses = {r["mutation_id"]: (r["status"], r["reason"]) for r in answer["results"]}
    assert statuses == {
        "m-old": ("applied", ""),
        "m-foreign": ("rejected", "foreign_hall"),
        "m-cat": ("rejected", "central_owned"),
        **{m["mutation_id"]: ("rejected", "malformed") for m in too_big},
    }
    again = client.push(3, [old, foreign])  # a retry gets the same answers, never a second row
    assert [r["status"] for r in again["results"]] == ["duplicate", "rejected"]
    with pytest.raises(SchemaTooOld):
        client.push(0, [old])
    con = sqlite3.connect(central.root / "server.db")
    assert con.execute("select count(*) from record where hall_id=?", (other,)).fetchone()[0] == 0
    assert SyncAgent(h1).run_once().caught_up and verify(h1)["equal"]
