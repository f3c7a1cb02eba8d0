"""`onewindow bench queue --json`: issue and call-next latency with 5,000 tickets waiting, and the raw floor.

The raw floor is a bare sqlite3 INSERT + COMMIT on the same disk with the same durability
(WAL, synchronous=FULL): the cost no queue implementation on this machine can go below. The same-SQL replay
(bench/sql_replay.py) runs the statements each call sent with bare sqlite3: the ratio to it is our own
overhead, the rest is the work SQLite does for those rows (indexes, the people-ahead count, fsync).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.sql_replay import SqlRecorder, replay, snapshot

WAITING = 5000
SAMPLES = 400


def _percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": round(q[49], 3), "p99_ms": round(q[98], 3), "max_ms": round(ordered[-1], 3), "n": len(ordered)}


def raw_floor(directory: Path, samples: int = SAMPLES) -> dict[str, float]:
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for i in range(samples):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES (?)", (f"row {i}",))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return _percentiles(times)


def _calls(q: Any, samples: int, recorder: SqlRecorder | None = None) -> tuple[list[float], list[float]]:
    """`samples` issues, then `samples` call-nexts (each followed by an unmeasured start); with `recorder`, the SQL
    each sends is recorded (in a pass that is not the measured one: a listener on every statement costs time)."""

    def op(measured: bool) -> Any:
        return recorder.op(measured) if recorder is not None else contextlib.nullcontext()

    prefixes, windows = "BCG", (2, 3, 6)
    issue_ms, call_ms = [], []
    for i in range(samples):
        with op(True):
            start = time.perf_counter()
            q.issue_ticket(prefixes[i % 3], source="staff")
            issue_ms.append((time.perf_counter() - start) * 1000)
    for i in range(samples):
        with op(True):
            start = time.perf_counter()
            q.call_next(windows[i % 3])
            call_ms.append((time.perf_counter() - start) * 1000)
        with op(False):
            q.start(windows[i % 3])  # served, so the next call-next finishes it (a called-only ticket is refused)
    return issue_ms, call_ms


def run(samples: int = SAMPLES, waiting: int = WAITING) -> dict[str, object]:
    from sqlalchemy import select

    from app.services.hall import create_sample_hall
    from app.services.queue import QueueService
    from app.store.database import Database
    from app.store.models import Category, Hall

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        db = Database(f"sqlite:///{directory / 'hall.db'}", device_id="bench")
        db.upgrade()
        create_sample_hall(db)
        with db.write() as s:  # a big city hall: four-digit numbers so 5,000 tickets fit in three lines
            for cat in s.scalars(select(Category)):
                cat.number_end = 9999
            hall = s.scalars(select(Hall)).one()  # every call is measured, so no double-press guard
            hall.settings = {**hall.settings, "min_call_interval_s": 0}
        now = [datetime(2026, 11, 23, 1, 0, tzinfo=UTC)]

        def clock() -> datetime:
            now[0] += timedelta(milliseconds=50)
            return now[0]

        q = QueueService(db, clock=clock)
        for i in range(waiting):
            q.issue_ticket("BCG"[i % 3], source="staff")
        for window in (2, 3, 6):
            q.open_window(window, None)
        q.issue_ticket("B", source="staff")  # warm: the cached hall row and compiled statements
        for name in ("recorded.db", "replay.db"):  # the same hall, twice, for the same-SQL replay
            snapshot(directory / "hall.db", directory / name)
        started = now[0]
        issue_ms, call_ms = _calls(q, samples)
        db.dispose()

        # The same calls again on a copy, recording their SQL; then that SQL with bare sqlite3 on another copy.
        now[0] = started
        recorded = Database(f"sqlite:///{directory / 'recorded.db'}", device_id="bench")
        recorder = SqlRecorder(recorded.write_engine, recorded.read_engine)
        with recorder.recording():
            _calls(QueueService(recorded, clock=clock), samples, recorder)
        recorded.dispose()
        replayed = replay(directory / "replay.db", recorder.ops)
        floor = raw_floor(directory, samples)

    issue, call = _percentiles(issue_ms), _percentiles(call_ms)
    same_issue, same_call = _percentiles(replayed[:samples]), _percentiles(replayed[samples:])
    return {
        "benchmark": "queue",
        "backend": "sqlite (WAL, synchronous=FULL)",
        "tickets_waiting": waiting,
        "issue": issue,
        "call_next": call,
        "raw_floor_insert_commit": floor,
        "issue_p99_vs_floor_p99": round(issue["p99_ms"] / floor["p99_ms"], 2),
        "call_next_p99_vs_floor_p99": round(call["p99_ms"] / floor["p99_ms"], 2),
        "same_sql_bare_sqlite3": {"issue": same_issue, "call_next": same_call},
        "issue_p99_vs_same_sql_p99": round(issue["p99_ms"] / same_issue["p99_ms"], 2),
        "call_next_p99_vs_same_sql_p99": round(call["p99_ms"] / same_call["p99_ms"], 2),
        "same_sql_issue_p99_vs_floor_p99": round(same_issue["p99_ms"] / floor["p99_ms"], 2),
        "targets": {"p99_ms": 5.0, "vs_floor": 3.0},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onewindow bench queue")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--samples", type=int, default=SAMPLES)
    args = parser.parse_args(argv)
    result = run(args.samples)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
