"""`python bench/bench_report.py [--tickets N]`: build the monthly report over a month of N tickets (default
200,000) and print JSON. The month is written straight into the tables (Core bulk inserts: tickets and their
issued/called/started/finished or no-show events, with transfers) so the bench measures the report, not
the queue service."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from app.domain.ids import new_id
from app.services.hall import create_sample_hall
from app.services.reports import ReportService
from app.store.database import Database
from app.store.models import Category, QueueEvent, Staff, Ticket, Window

MONTH = date(2026, 11, 1)


def populate(db: Database, tickets: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    with db.read() as s:
        cats = s.scalars(select(Category)).all()
        windows = s.scalars(select(Window)).all()
        staff = [x.id for x in s.scalars(select(Staff)) if x.role == "clerk"]
        hall_id = cats[0].hall_id
    days = [MONTH + timedelta(days=i) for i in range(30) if (MONTH + timedelta(days=i)).weekday() < 5]
    per_day = tickets // len(days)
    common = {"hall_id": hall_id, "version": 1, "updated_hlc": 0, "origin_device": "bench", "deleted": False}
    for day in days:
        t_rows: list[dict[str, object]] = []
        e_rows: list[dict[str, object]] = []
        opening = datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC)  # 08:30 Beijing
        for n in range(per_day):
            cat = cats[n % len(cats)]
            tid, issued = new_id(), opening + timedelta(seconds=rnd.randrange(8 * 3600))
            called = issued + timedelta(minutes=rnd.expovariate(1 / 12))
            w, who = rnd.choice(windows), rnd.choice(staff)
            no_show = rnd.random() < 0.05
            t_rows.append({**common, "id": tid, "service_day": day, "category_id": cat.id, "prefix": cat.prefix,
                           "number": n + 1, "source": "appointment" if n % 10 == 0 else "kiosk",
                           "priority": "normal", "status": "no_show" if no_show else "finished", "matters": [],
                           "issued_at": issued, "sort_at": issued})  # fmt: skip

            def ev(kind: str, at: datetime, window: Window | None = w, staff_id: str | None = who,
                   tid: str = tid, e_rows: list[dict[str, object]] = e_rows) -> None:  # fmt: skip
                e_rows.append({**common, "id": new_id(), "kind": kind, "ticket_id": tid, "at": at, "detail": {},
                               "window_id": window.id if window else None, "staff_id": staff_id})  # fmt: skip

            ev("issued", issued, None, None)
            ev("called", called)
            if no_show:
                ev("no_show", called + timedelta(minutes=3))
                continue
            if rnd.random() < 0.03:
                ev("transferred", called + timedelta(minutes=1))
                called += timedelta(minutes=rnd.expovariate(1 / 5))
                ev("called", called)
            ev("started", called + timedelta(seconds=30))
            ev("finished", called + timedelta(minutes=rnd.expovariate(1 / 7)))
        with db.write() as s:
            s.execute(insert(Ticket), t_rows)
            s.execute(insert(QueueEvent), e_rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--tickets", type=int, default=200_000)
    p.add_argument("--json", action="store_true")
    p.add_argument("--keep", help="reuse (or create) this database file instead of a temporary one")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "hall.db"
        fresh = not path.exists()
        db = Database(f"sqlite:///{path}", device_id="bench")
        db.upgrade()
        t0 = time.perf_counter()
        if fresh:
            create_sample_hall(db)
            populate(db, args.tickets)
        populated = time.perf_counter() - t0
        service = ReportService(db, clock=lambda: datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
        runs, cpu = [], []
        for _ in range(3):
            t1, c1 = time.perf_counter(), time.process_time()
            report = service.monthly(MONTH)
            runs.append(time.perf_counter() - t1)
            cpu.append(time.process_time() - c1)
        db.dispose()
    out = {
        "bench": "report_monthly",
        "tickets": report.total.arrived,
        "served": report.total.served,
        "populate_s": round(populated, 1),
        "report_s": [round(x, 2) for x in runs],
        "report_best_s": round(min(runs), 2),
        "report_cpu_s": [round(x, 2) for x in cpu],  # CPU time of this process: wall time on an idle machine
        "load_average_1m": round(os.getloadavg()[0], 1),
        "backend": "sqlite",
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
