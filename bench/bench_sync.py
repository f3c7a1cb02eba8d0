"""`onewindow bench sync --json`: how fast a backlog converges on loopback, and what it costs in memory.

- week_hall_s: one hall's 7-day backlog (simulated through the real services) pushed, uploaded and pulled
  until caught up, against `onewindow server` (SQLite, durable) on 127.0.0.1;
- fifty_halls_s: fifty halls, each with a day's backlog, syncing at once (10 agents in parallel);
- ninety_day_peak_rss_mb: peak RSS of `onewindow sync --once` (a child process) on a 90-day backlog;
- mutations_per_s, and raw_insert_ratio: sync time over the time to insert the same rows into a bare SQLite
  table with the same durability (what no sync on this disk can beat).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.domain.ids import new_id


def _template(workdir: Path, name: str, days: int, tickets_per_day: int) -> Path:
    """A simulated hall, generated on tmpfs (generation is not what is measured), then copied to disk."""
    from app.services.hall import create_sample_hall
    from app.services.simulate import Simulator
    from app.store.database import Database

    scratch = Path(tempfile.mkdtemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    db = Database(f"sqlite:///{scratch / 'hall.db'}", device_id="bench-pc")
    db.upgrade()
    create_sample_hall(db)
    Simulator(db, seed=7, tickets_per_day=tickets_per_day, cases_per_day=3).run(days)
    db.dispose()
    target = workdir / f"{name}.db"
    _copy_db(scratch / "hall.db", target)
    shutil.rmtree(scratch, ignore_errors=True)
    return target


def _copy_db(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _clone(template: Path, target: Path, code: str) -> None:
    """The template as another hall: new hall id and code, fresh mutation ids (each hall's own outbox)."""
    _copy_db(template, target)
    con = sqlite3.connect(target)
    old = con.execute("select id from hall").fetchone()[0]
    new = new_id()
    tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
    for table in tables:
        cols = [r[1] for r in con.execute(f"pragma table_info('{table}')")]
        if "hall_id" in cols and table != "outbox":
            con.execute(f"update '{table}' set hall_id=? where hall_id=?", (new, old))
    con.execute("update hall set id=?, code=? where id=?", (new, code, old))
    rows = con.execute("select seq, payload from outbox").fetchall()
    con.executemany(
        "update outbox set hall_id=?, mutation_id=?, payload=? where seq=?",
        [(new, str(uuid.uuid4()), p.replace(old, new), seq) for seq, p in rows],
    )
    con.commit()
    con.close()


def _enrol(db_path: Path, server):  # type: ignore[no-untyped-def]
    from app.services.hall import current_hall
    from app.store.database import Database
    from app.sync.status import enrol

    db = Database(f"sqlite:///{db_path}", device_id=f"bench-{db_path.stem}")
    db.upgrade()
    enrol(db, server.url, server.enrol_code(current_hall(db).code))
    return db


def _pending(db) -> int:  # type: ignore[no-untyped-def]
    from app.sync.outgoing import pending_summary
    from app.sync.state import load_settings

    return pending_summary(db, load_settings(db).hall_id)[0]


def _sync(db) -> float:  # type: ignore[no-untyped-def]
    from app.sync.agent import SyncAgent

    start = time.perf_counter()
    report = SyncAgent(db).run_once()
    if not report.caught_up:
        raise RuntimeError("sync did not catch up")
    return time.perf_counter() - start


def _raw_insert_s(directory: Path, n: int) -> float:
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE r (hall_id TEXT, entity TEXT, entity_id TEXT, payload TEXT,"
        " PRIMARY KEY (hall_id, entity, entity_id))"
    )
    rows = [
        ("h", "ticket", str(uuid.uuid4()), json.dumps({"n": i, "status": "finished", "prefix": "B"})) for i in range(n)
    ]
    start = time.perf_counter()
    for i in range(0, n, 1000):  # the same batch size as a push
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO r VALUES (?,?,?,?)", rows[i : i + 1000])
        conn.execute("COMMIT")
    return time.perf_counter() - start


def _peak_rss_child(db_path: Path) -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork and exec, so a child started by a big parent
    # would report the parent's peak. VmHWM belongs to the child's own address space (kB).
    code = (
        "import sys\n"
        "from app.cli import main\n"
        "rc = main(['sync', '--once', '--db', sys.argv[1]])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "print(hwm)\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def run(quick: bool = False) -> dict[str, object]:
    from server.process import CentralServer

    work = Path(tempfile.mkdtemp(prefix="onewindow-bench-sync-"))
    os.environ["ONEWINDOW_DATA_DIR"] = str(work / "data")
    result: dict[str, object] = {}
    server = CentralServer(work).start()
    try:
        week = _template(work, "week", 7, 110)  # about 5,600 mutations
        db = _enrol(week, server)
        mutations = _pending(db)
        week_s = _sync(db)
        db.dispose()
        raw_s = _raw_insert_s(work, mutations)
        result.update(
            week_hall_s=round(week_s, 3),
            week_mutations=mutations,
            mutations_per_s=round(mutations / week_s),
            raw_insert_s=round(raw_s, 3),
            raw_insert_ratio=round(week_s / raw_s, 2),
        )
        halls = 10 if quick else 50
        day = _template(work, "day", 1, 90)
        dbs = []
        for i in range(halls):
            target = work / f"hall{i:02d}.db"
            _clone(day, target, f"T{i:03d}")
            dbs.append(_enrol(target, server))
        total = sum(_pending(d) for d in dbs)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=10) as pool:
            list(pool.map(_sync, dbs))
        result.update(
            {
                "fifty_halls_s" if not quick else "ten_halls_s": round(time.perf_counter() - start, 3),
                "halls": halls,
                "halls_mutations": total,
            }
        )
        for d in dbs:
            d.dispose()
        if not quick:
            ninety = _template(work, "ninety", 90, 70)
            _clone(ninety, work / "ninety-hall.db", "N001")
            ninety = work / "ninety-hall.db"
            db = _enrol(ninety, server)
            result["ninety_day_mutations"] = _pending(db)
            db.dispose()
            result["ninety_day_peak_rss_mb"] = round(_peak_rss_child(ninety), 1)
        result["bench_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except Exception:
        err = work / "server.err"
        if err.exists():
            print(err.read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onewindow bench sync")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="ten halls, no 90-day backlog")
    args = parser.parse_args(argv)
    result = run(args.quick)
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
