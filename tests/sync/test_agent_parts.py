"""Small parts of the agent: the HLC after a restart, outbox pruning, the command line with a dead server."""

from __future__ import annotations

import json
import signal
from datetime import UTC, datetime, timedelta

from app.cli import main
from app.domain.hlc import HybridLogicalClock, pack, unpack
from app.services.queue import QueueService
from app.store.database import Database
from app.store.models import Outbox
from app.sync.agent import SyncAgent
from app.sync.outgoing import prune_pushed


def test_hlc_restarts_after_the_largest_stored_time_never_from_zero(make_hall, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H030", enrolled=False)
    future = pack(unpack(db.hlc.now())[0] + 3_600_000, 7)  # a row stamped an hour ahead (a clock set back since)
    t = QueueService(db).issue_ticket("B")
    from app.store.models import Ticket

    with db.write() as s:  # a plain UPDATE: the outbox hook would restamp an ORM change
        s.execute(Ticket.__table__.update().where(Ticket.__table__.c.id == t.id).values(updated_hlc=future))
    s_url = db.url
    db.dispose()
    restarted = Database(s_url, device_id="pc-H030", clock=HybridLogicalClock())
    QueueService(restarted).issue_ticket("B")
    with restarted.read() as s:
        newest = max(s.scalars(Ticket.__table__.select().with_only_columns(Ticket.updated_hlc)))
    assert newest > future  # the new write is ordered after everything already stored
    restarted.dispose()


def test_pushed_outbox_rows_are_kept_30_days_then_pruned(make_hall):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    QueueService(db).issue_ticket("B")
    SyncAgent(db).run_once()
    with db.read() as s:
        pushed = s.query(Outbox).filter(Outbox.pushed_at.is_not(None)).count()
    assert pushed > 0
    assert prune_pushed(db, now=datetime.now(UTC) + timedelta(days=29)) == 0
    assert prune_pushed(db, now=datetime.now(UTC) + timedelta(days=31)) == pushed
    QueueService(db).issue_ticket("B")
    assert prune_pushed(db, now=datetime.now(UTC) + timedelta(days=400)) == 0  # never an unpushed row


def test_command_line_status_and_a_dead_server(make_hall, central, tmp_path, capsys):  # type: ignore[no-untyped-def]
    make_hall("H023")
    url = f"sqlite:///{tmp_path / 'H023.db'}"
    assert main(["sync", "status", "--db", url, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    for field in ("pending", "oldest_pending_s", "last_success", "blobs_pending", "cursor", "feed_epoch"):
        assert field in status
    assert status["pending"] > 0
    assert main(["sync", "--once", "--db", url, "--json"]) == 0
    assert main(["sync", "verify", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["equal"] is True
    assert main(["sync", "status", "--db", url]) == 0  # people read the hall's clock; JSON keeps UTC
    assert "+08:00" in capsys.readouterr().out
    assert main(["sync", "status", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["last_success"].endswith("+00:00")
    assert central.stop(signal.SIGTERM) == 0  # a clean stop on SIGTERM
    code = main(["sync", "--once", "--db", url])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "Traceback" not in err[0] and "127.0.0.1" in err[0]
    code = main(["sync", "enrol", "--server", "http://127.0.0.1:9", "--code", "X", "--db", url])
    assert code != 0 and "Traceback" not in capsys.readouterr().err
