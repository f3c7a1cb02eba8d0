"""`onewindow sync ...`: enrol the hall, sync once or in the background, show status, verify against the server."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from app.cli_args import code, int_between, iso_day, server_url


def _print(obj: dict[str, Any], as_json: bool, text: str) -> None:
    print(json.dumps(obj, ensure_ascii=False) if as_json else text)


def cmd_enrol(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from app.sync.status import enrol

    result = enrol(open_db(args), args.server, args.code)
    _print(
        result,
        args.json,
        f"已注册 / enrolled: 大厅 {result['hall']} → {result['server']}（设备 {result['device_id']}）",
    )
    return 0


def cmd_status(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:

    from app.domain.calendar import hall_time_text
    from app.sync.status import sync_view

    st = sync_view(open_db(args))
    # JSON keeps UTC (+00:00); people read the hall's clock, with its offset
    last = hall_time_text(st.last_success, st.hall_timezone, seconds=True) if st.last_success else "—"
    oldest = "—" if st.oldest_pending_s is None else f"{st.oldest_pending_s} s"
    text = (
        f"服务器 / server: {st.server or '未注册 / not enrolled'}\n"
        f"待上传 / pending: {st.pending}（最早 / oldest {oldest}）  待传文件 / blobs: {st.blobs_pending}\n"
        f"上次成功 / last success: {last}"
        + (f"\n上次错误 / last error: {st.last_error}" if st.last_error else "")
    )
    _print(st.as_json(), args.json, text)
    return 0


def cmd_verify(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from app.sync.status import verify

    result = verify(open_db(args))
    lines = [
        f"{'=' if e['equal'] else '≠'} {name}: 本地 {e['local']['count']} / 服务器 {e['server']['count']}"
        for name, e in result["entities"].items()
    ]
    head = "一致 / equal" if result["equal"] else "不一致 / NOT equal"
    _print(result, args.json, "\n".join([head, *lines]))
    return 0 if result["equal"] else 1


def cmd_sync(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from app.sync.agent import SyncAgent

    agent = SyncAgent(open_db(args))
    if args.once:
        report = agent.run_once()
        text = (
            f"{'已同步 / caught up' if report.caught_up else '未完成 / not caught up'}: 上传 {report.pushed} 条，"
            f"拒绝 {report.rejected}，下载 {report.pulled} 条，文件 {report.blobs_uploaded}"
        )
        _print(asdict(report), args.json, text)
        return 0 if report.caught_up else 3
    stop = threading.Event()
    print("同步进行中，按 Ctrl+C 停止 / syncing in the background, Ctrl+C to stop", file=sys.stderr)
    try:
        agent.run_forever(stop)
    except KeyboardInterrupt:
        stop.set()
    return 0


def register(sub: Any, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser], open_db: Any) -> None:
    def bind(fn: Callable[..., int]) -> Callable[[argparse.Namespace], int]:
        return lambda args: fn(args, open_db)

    sync = with_db(sub.add_parser("sync", help="sync with the central server (push, upload, pull)"))
    sync.add_argument("--once", action="store_true", help="push, upload and pull until caught up, then exit")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(func=bind(cmd_sync))
    actions = sync.add_subparsers(dest="sync_cmd")

    def child(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help="hall database URL")
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
        return p

    enrol = child("enrol", "enrol this hall with the central server using a one-time code")
    enrol.add_argument("--server", type=server_url, required=True, help="e.g. http://127.0.0.1:8600")
    enrol.add_argument("--code", type=code, required=True)
    enrol.set_defaults(func=bind(cmd_enrol))
    child("status", "what is waiting to sync, last success, cursor").set_defaults(func=bind(cmd_status))
    child("verify", "compare counts and hashes with the server").set_defaults(func=bind(cmd_verify))


def cmd_simulate(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:

    from app.services.simulate import Simulator

    db = open_db(args)
    sim = Simulator(db, seed=args.seed, tickets_per_day=args.tickets_per_day, cases_per_day=args.cases_per_day)

    def progress(done: int, total: int) -> None:
        print(f"\r模拟 / simulating: {done}/{total} 天 / days", end="", file=sys.stderr, flush=True)

    report = sim.run(args.days, end=args.end, progress=progress)
    print(file=sys.stderr)
    text = (
        f"{report.days} 天（营业 {report.open_days} 天）/ days: 取号 {report.tickets}，办结 {report.served}，"
        f"过号 {report.no_shows}，受理 {report.cases}（{report.files} 个文件），"
        f"评价 {report.ratings}，预约 {report.appointments}"
    )
    _print(asdict(report), args.json, text)
    return 0


def register_simulate(
    sub: Any, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser], open_db: Any
) -> None:
    sim = with_db(sub.add_parser("simulate", help="realistic hall activity through the real services"))
    sim.add_argument(
        "--days", type=int_between(1, 3660), required=True, help="how many days, ending yesterday (or --end)"
    )
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--end", type=iso_day, help="last simulated day, YYYY-MM-DD (default: yesterday)")
    sim.add_argument("--tickets-per-day", type=int_between(1, 20_000), default=90)
    sim.add_argument("--cases-per-day", type=int_between(0, 1_000), default=4)
    sim.add_argument("--json", action="store_true")
    sim.set_defaults(func=lambda args: cmd_simulate(args, open_db))
