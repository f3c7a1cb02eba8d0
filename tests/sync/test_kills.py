"""`onewindow sync --once` killed with SIGKILL at named points, again and again: nothing lost, nothing doubled,
numbers unique and gapless, the outbox drained and verify equal once things settle."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from app.services.queue import QueueService
from app.sync.status import sync_status, verify


def _sync_once(db_path, point: str | None = None) -> int:  # type: ignore[no-untyped-def]
    env = os.environ.copy()
    if point:
        env["ONEWINDOW_FAULT_POINT"] = point
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "sync", "--once", "--json", "--db", str(db_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode


def _numbers(central) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(central.root / "server.db")
    rows = con.execute(
        "select json_extract(payload,'$.prefix'), json_extract(payload,'$.number') from record where entity='ticket'"
    ).fetchall()
    con.close()
    return sorted(rows)


@pytest.mark.parametrize("point", ["after_push_response", "mid_pull_apply"])
def test_killed_again_and_again_during_push_and_pull(make_hall, central, tmp_path, point):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    path = tmp_path / "H023.db"
    q = QueueService(db)
    kills = 0
    for round_ in range(3):
        for _ in range(6):
            q.issue_ticket("B")
        q.call_next(3)
        q.start(3)
        q.finish(3)
        code = _sync_once(path, f"{point}@{round_ % 2 + 1}")
        kills += code == -signal.SIGKILL
    assert kills >= 2  # the fault point was really reached, most rounds
    assert _sync_once(path) == 0
    assert _numbers(central) == [("B", n) for n in range(1, 19)]  # each number once, none missing
    assert sync_status(db)["pending"] == 0 and verify(db)["equal"]


def test_killed_mid_blob_upload_resumes_where_the_server_stopped(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    from app.services.blobs import hall_blob_store

    db = make_hall("H023")
    big = tmp_path / "big-scan.pdf"
    big.write_bytes(os.urandom(3 * (1 << 20) + 12345))  # four chunks of 1 MiB
    stored = hall_blob_store().put_file(big)
    # attach it through the service like a clerk's scan
    from app.services.catalogue import CatalogueService
    from app.services.intake import IntakeService
    from tests.intake.helpers import as_clerk, ok_report

    catalogue = CatalogueService(db)
    catalogue.ensure_sample()
    intake = IntakeService(db, catalogue)
    clerk = as_clerk(intake)
    view = intake.start_case(["G003"], actor=clerk)
    material = view.items[0]
    result = intake.attach_file(view.id, material.id, big, actor=clerk)
    intake.record_check(result.file.id, ok_report())
    assert _sync_once(tmp_path / "H023.db", "after_blob_chunk@2") == -signal.SIGKILL
    partial = central.blobs / "partial" / stored.sha256
    assert partial.exists() and 0 < partial.stat().st_size < big.stat().st_size
    assert _sync_once(tmp_path / "H023.db") == 0
    assert (central.blobs / stored.sha256[:2] / stored.sha256).read_bytes() == big.read_bytes()
    assert sync_status(db)["blobs_pending"] == 0 and verify(db)["equal"]
