"""Real processes against one hall database: no duplicate or missing numbers, no ticket called twice."""

import multiprocessing as mp
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.store.models import QueueEvent, Ticket, TicketCounter
from tests.services import concurrency_workers as workers

ROOT = Path(__file__).resolve().parents[2]


def test_four_issuers_and_two_windows_at_once(hall_db, db_url):
    from app.services.hall import load_hall

    with hall_db.write() as s:  # the windows call as fast as they can: no double-press guard here
        hall = load_hall(s)
        hall.settings = {**hall.settings, "min_call_interval_s": 0}
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(6)
    out = ctx.Queue()
    # Windows 2 and 3 both serve B and G: they compete for the same tickets.
    procs = [ctx.Process(target=workers.issuer, args=(db_url, "BG", 40, barrier, out)) for _ in range(4)]
    procs += [ctx.Process(target=workers.caller, args=(db_url, w, 60, barrier, out)) for w in (2, 3)]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    issued = [t for kind, items in results if kind == "issued" for t in items]
    called = [t for kind, items in results if kind == "called" for t in items]
    assert len(issued) == 160
    numbers = Counter(num for _, num in issued)
    assert all(n == 1 for n in numbers.values()), "duplicate ticket numbers"
    for prefix in "BG":
        got = sorted(int(num[1:]) for num in numbers if num.startswith(prefix))
        assert got == list(range(1, 81)), f"gap or duplicate in {prefix}"
    assert len(called) == len(set(called)), "a ticket was called by two windows"
    with hall_db.read() as s:
        events = Counter(s.scalars(select(QueueEvent.ticket_id).where(QueueEvent.kind == "called")).all())
        assert all(n == 1 for n in events.values())
        assert s.scalar(select(func.count()).select_from(Ticket)) == 160


def test_killed_mid_issue_loses_nothing_and_leaves_no_gap(hall_db, db_url):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reported: list[str] = []
    for _ in range(3):
        with subprocess.Popen(
            [sys.executable, "-m", "tests.services.concurrency_workers", db_url],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        ) as proc:
            assert proc.stdout is not None
            for _ in range(15):  # let it get going, then kill it wherever it is
                reported.append(proc.stdout.readline().strip())
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            reported.extend(line.strip() for line in proc.stdout.read().splitlines() if line.strip())
    with hall_db.read() as s:
        numbers = sorted(s.scalars(select(Ticket.number).where(Ticket.prefix == "B")).all())
        counter = s.scalars(select(TicketCounter).where(TicketCounter.prefix == "B")).one()
    assert numbers == list(range(1, len(numbers) + 1)), "gap in numbering after a kill"
    assert counter.last_number == len(numbers)
    stored = {f"B{n:03d}" for n in numbers}
    assert set(reported) <= stored, "a ticket reported as issued was lost"


@pytest.mark.postgres
def test_six_windows_on_postgresql_never_call_one_ticket_twice(pg_cluster):
    """Row-level claims (FOR UPDATE SKIP LOCKED) instead of a hall lock: windows sharing lines at once."""
    from app.services.hall import create_sample_hall, load_hall
    from app.services.queue import QueueService
    from app.store.database import Database

    url = pg_cluster.new_database()
    db = Database(url, device_id="test-device")
    db.upgrade()
    create_sample_hall(db)
    with db.write() as s:
        hall = load_hall(s)
        hall.settings = {**hall.settings, "min_call_interval_s": 0}
    q = QueueService(db)
    waiting = [q.issue_ticket(p, source="staff").id for p in "ABCDEFG" * 12]
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=workers.caller, args=(url, w, 20, barrier, out)) for w in range(1, 7)]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    called = [t for _, items in results for t in items]
    assert len(called) == len(set(called)), "a ticket was called by two windows"
    with db.read() as s:
        events = Counter(s.scalars(select(QueueEvent.ticket_id).where(QueueEvent.kind == "called")).all())
        statuses = dict(s.execute(select(Ticket.id, Ticket.status)).all())
    db.dispose()
    assert all(n == 1 for n in events.values()), "two called events for one ticket"
    assert set(events) == set(called), "every call a window got is in the database, and nothing else"
    assert {t for t, st in statuses.items() if st != "waiting"} == set(called)
    assert set(statuses) == set(waiting)
