"""Lost requests, lost responses after commit, duplicates, a server killed mid-batch: nothing lost or doubled."""

from __future__ import annotations

import signal
import sqlite3

import pytest

from app.services.queue import QueueService
from app.sync.agent import SyncAgent
from app.sync.errors import NetworkError
from app.sync.status import sync_status, verify
from tests.sync.faults import faulty_session


def _activity(db, n: int) -> None:  # type: ignore[no-untyped-def]
    q = QueueService(db)
    for i in range(n):
        q.issue_ticket("ABC"[i % 3])
        if i % 2:
            q.call_next(3)
            q.start(3)
            q.finish(3)


def _server_tickets(central) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(central.root / "server.db")
    rows = con.execute(
        "select json_extract(payload,'$.prefix'), json_extract(payload,'$.number') from record where entity='ticket'"
    ).fetchall()
    con.close()
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bad_network_loses_and_doubles_nothing(make_hall, central, seed):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _activity(db, 30)
    http, adapter = faulty_session(seed, drop_request=0.2, drop_response=0.25, duplicate=0.2)
    agent = SyncAgent(db, http=http, push_batch=7, pull_limit=11)  # small batches: many requests, many faults
    caught_up = False
    for _ in range(200):  # bounded: each round moves on or fails on an injected fault
        try:
            caught_up = agent.run_once().caught_up
        except NetworkError:
            continue
        if caught_up:
            break
    assert caught_up and sum(adapter.faults.values()) > 0
    tickets = _server_tickets(central)
    assert len(tickets) == len(set(tickets)) == 30  # each number once
    assert verify(db)["equal"] and sync_status(db)["pending"] == 0


def test_server_killed_mid_sync_then_restarted(make_hall, central):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _activity(db, 40)
    central.stop(signal.SIGKILL)
    with pytest.raises(NetworkError) as err:
        SyncAgent(db).run_once()
    assert "重试" in err.value.message_zh and "127.0.0.1" in err.value.message_en
    assert sync_status(db)["pending"] > 0 and sync_status(db)["last_error"]
    central.start()
    assert SyncAgent(db).run_once().caught_up
    assert verify(db)["equal"]
    assert len(_server_tickets(central)) == 40
