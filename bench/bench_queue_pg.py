"""`onewindow bench queue --postgres [--windows 200] --json`: call-next on a shared PostgreSQL hall database.

A throwaway cluster (fsync on, as a hall server runs) holds a hall with `windows` windows over ten lines
and enough waiting tickets. `clients` real processes each drive windows/clients windows; every window calls
next about every 2.5 s (uniform 0.5-4.5 s between calls), then starts service so its next call finishes
the ticket. Latency is the call-next call as the clerk's client sees it. Afterwards the database is asked
whether any ticket was called by more than one window (`called_twice`, must be 0).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import time
from typing import Any

PREFIXES = "ABCDEFGHJK"
MEAN_INTERVAL_S = 2.5


def _hall_spec(windows: int) -> dict[str, Any]:
    cats = [{"prefix": p, "name_zh": f"业务{p}", "number_end": 9999} for p in PREFIXES]
    rows = []
    for n in range(1, windows + 1):  # three lines per window, overlapping with its neighbours'
        lines = [[PREFIXES[(n + k) % len(PREFIXES)], 1 + k % 2] for k in range(3)]
        rows.append({"number": n, "name": f"{n} 号窗口", "mode": "weight" if n % 2 else "order", "categories": lines})
    settings = {"min_call_interval_s": 0}  # the clients call on a timer: no double-press guard
    return {"code": "B200", "name_zh": "压测大厅", "categories": cats, "windows": rows, "settings": settings}


def _seed(url: str, windows: int, tickets: int) -> None:
    from app.services.hall import create_hall
    from app.services.queue import QueueService
    from app.store.database import Database

    db = Database(url, device_id="bench-seed")
    db.upgrade()
    create_hall(db, _hall_spec(windows))
    q = QueueService(db)
    for i in range(tickets):
        q.issue_ticket(PREFIXES[i % len(PREFIXES)], source="staff")
    db.dispose()


def _client(url: str, window_numbers: list[int], seconds: float, seed: int, barrier: Any, out: Any) -> None:
    from app.domain.errors import RuleViolation
    from app.services.queue import QueueService
    from app.store.database import Database

    rng = random.Random(seed)
    db = Database(url, device_id=f"bench-client-{seed}")
    q = QueueService(db)
    barrier.wait()
    start = time.monotonic()
    due = {w: start + rng.uniform(0, 2 * MEAN_INTERVAL_S) for w in window_numbers}
    samples: list[float] = []
    called: list[str] = []
    late: list[float] = []
    refused = 0
    while True:
        window = min(due, key=due.__getitem__)
        at = due[window]
        if at - start > seconds:
            break
        time.sleep(max(0.0, at - time.monotonic()))
        t0 = time.monotonic()
        late.append((t0 - at) * 1000)
        try:
            t = q.call_next(window)
        except RuleViolation:
            refused += 1
            t = None
        samples.append((time.monotonic() - t0) * 1000)
        if t is not None:
            called.append(t.id)
            q.start(window)  # served: the next call-next finishes it
        due[window] = at + rng.uniform(MEAN_INTERVAL_S - 2, MEAN_INTERVAL_S + 2)
    elapsed = time.monotonic() - start
    db.dispose()
    out.put({"samples": samples, "called": called, "late": late, "refused": refused, "elapsed": elapsed})


def _called_twice(url: str) -> tuple[int, int]:
    """(tickets called by more than one window, tickets called) from the database's own events."""
    from sqlalchemy import func, select

    from app.store.database import Database
    from app.store.models import QueueEvent

    db = Database(url, device_id="bench-check")
    with db.read() as s:
        per_ticket = (
            select(QueueEvent.ticket_id, func.count(func.distinct(QueueEvent.window_id)).label("windows"))
            .where(QueueEvent.kind == "called")
            .group_by(QueueEvent.ticket_id)
            .subquery()
        )
        twice = s.scalar(select(func.count()).select_from(per_ticket).where(per_ticket.c.windows > 1)) or 0
        total = s.scalar(select(func.count()).select_from(per_ticket)) or 0
    db.dispose()
    return int(twice), int(total)


def _pct(values: list[float], q: int) -> float:
    return round(statistics.quantiles(sorted(values), n=100, method="inclusive")[q - 1], 1)


def run(windows: int = 200, clients: int = 20, seconds: float = 30.0) -> dict[str, Any]:
    from bench.pg_cluster import PgCluster, unavailable_reason

    reason = unavailable_reason()
    if reason:
        raise SystemExit(f"bench queue --postgres: {reason}")
    cluster = PgCluster().start(durable=True, max_connections=clients + 20)
    try:
        url = cluster.new_database()
        calls_expected = windows * seconds / MEAN_INTERVAL_S
        _seed(url, windows, int(calls_expected * 1.3) + 200)
        ctx = mp.get_context("spawn")
        barrier, out = ctx.Barrier(clients), ctx.Queue()
        numbers = list(range(1, windows + 1))
        procs = [
            ctx.Process(target=_client, args=(url, numbers[i::clients], seconds, i, barrier, out))
            for i in range(clients)
        ]
        for p in procs:
            p.start()
        results = [out.get(timeout=seconds + 300) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        twice, distinct_called = _called_twice(url)
    finally:
        cluster.stop()
    samples = [x for r in results for x in r["samples"]]
    called = [t for r in results for t in r["called"]]
    late = [x for r in results for x in r["late"]]
    elapsed = max(r["elapsed"] for r in results)  # clients that fall behind schedule take longer than `seconds`
    return {
        "benchmark": "queue_postgres",
        "backend": "postgresql (throwaway cluster, fsync on)",
        "windows": windows,
        "clients": clients,
        "seconds": seconds,
        "elapsed_s": round(elapsed, 1),
        "calls": len(samples),
        "calls_per_s": round(len(samples) / elapsed, 1),
        "offered_calls_per_s": round(windows / MEAN_INTERVAL_S, 1),
        "p50_ms": _pct(samples, 50),
        "p99_ms": _pct(samples, 99),
        "max_ms": round(max(samples), 1),
        "client_late_p99_ms": _pct(late, 99),  # how far behind schedule the clients fell
        "refused": sum(r["refused"] for r in results),
        "tickets_called": len(called),
        "called_twice": twice + (len(called) - len(set(called))),
        "called_in_db": distinct_called,
        "targets": {"p99_ms": 250},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onewindow bench queue --postgres")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--windows", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    result = run(args.windows, args.clients, args.seconds)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
