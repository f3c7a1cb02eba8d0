"""`onewindow case move`, `onewindow rating follow-ups|follow-up ...`, `onewindow audit`, `onewindow report ...`
and the supervisor's GUI roles. Changing commands act for a person: `--as LOGIN`, PIN from `--pin`, the
ONEWINDOW_PIN variable or a prompt; the service then checks that person's role and refuses with one
bilingual line (printed by app.cli.main) when it may not.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from app.cli_args import code, gui_role, int_between, iso_day, login, note, secret, window_number
from app.domain.errors import AuthError

WithDb = Callable[[argparse.ArgumentParser], argparse.ArgumentParser]


def _db(args: argparse.Namespace) -> Any:
    from app.cli import _db as open_db

    db = open_db(args)
    args.opened_db = db  # closed by _closing when the command ends (PostgreSQL connections are not left open)
    return db


def _closing(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        finally:
            db = getattr(args, "opened_db", None)
            if db is not None:
                db.dispose()

    return run


def _jsonable(obj: Any) -> Any:
    from app.services.views import to_jsonable

    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    return to_jsonable(obj)


def _emit(obj: Any, as_json: bool, text: str) -> None:
    print(json.dumps(_jsonable(obj), ensure_ascii=False) if as_json else text)


def _actor(db: Any, args: argparse.Namespace) -> Any:
    """Log `--as LOGIN` in with the PIN from --pin, ONEWINDOW_PIN or a prompt on the terminal."""
    return actor_and_pin(db, args)[0]


def actor_and_pin(db: Any, args: argparse.Namespace) -> tuple[Any, str]:
    """The `--as` staff member and the PIN they logged in with (a command changing their own PIN needs it)."""
    from app.services.auth import authenticate

    pin = args.pin or os.environ.get("ONEWINDOW_PIN")
    if not pin:
        if not sys.stdin.isatty():
            raise AuthError("请用 --pin 或环境变量 ONEWINDOW_PIN 给出密码", "Give the PIN with --pin or ONEWINDOW_PIN")
        import getpass

        pin = getpass.getpass(f"{args.as_login} 的密码 / PIN: ")
    return authenticate(db, args.as_login, pin), pin


def acting_args(
    sp: argparse.ArgumentParser, *, required: bool = True, json_flag: bool = True
) -> argparse.ArgumentParser:
    help_as = "the staff member acting" if required else "the clerk acting (default: the one signed in at the window)"
    sp.add_argument("--as", type=login, dest="as_login", required=required, metavar="LOGIN", help=help_as)
    sp.add_argument("--pin", type=secret, help="PIN (else ONEWINDOW_PIN, else a prompt)")
    if json_flag:
        sp.add_argument("--json", action="store_true")
    return sp


def optional_actor(db: Any, args: argparse.Namespace) -> Any:
    """The `--as` staff member when given, else None: the service then acts as the clerk signed in at the
    window and refuses if the hall requires a login (app.services.window_actor)."""
    return _actor(db, args) if getattr(args, "as_login", None) else None


# ---- case move -------------------------------------------------------------------------------------------


def cmd_case_move(args: argparse.Namespace) -> int:
    from app.services.cases import CaseService

    db = _db(args)
    actor = _actor(db, args)
    cases = CaseService(db)
    row = cases.move(cases.case_id(args.receipt), args.to, actor=actor, note=args.note or "")
    _emit(row, args.json, f"{row.receipt_number}: {row.status}  ({actor.name})")
    return 0


# ---- rating follow-ups -----------------------------------------------------------------------------------


def _follow_up_line(f: Any) -> str:
    due = f"{f.step_due}" if f.step_due else "—"
    flag = "  超期/OVERDUE" if f.overdue else ""
    who = f"  → {f.assigned_to}" if f.assigned_to else ""
    return f"{f.id[:13]}  {f.reference:<18} {f.level_zh:<5} {f.status_zh:<6} 期限/due {due}{flag}{who}  {f.reasons_zh}"


def cmd_follow_ups(args: argparse.Namespace) -> int:
    from app.services.follow_ups import FollowUpService

    rows = FollowUpService(_db(args)).list(open_only=args.open, overdue_only=args.overdue)
    text = "\n".join(_follow_up_line(f) for f in rows) or "没有差评处理记录 / no follow-ups"
    _emit({"follow_ups": rows, "overdue": sum(1 for f in rows if f.overdue)}, args.json, text)
    return 0


def cmd_follow_up_step(args: argparse.Namespace) -> int:
    from app.services.follow_ups import FollowUpService

    db = _db(args)
    actor = _actor(db, args)
    service = FollowUpService(db)
    step = args.step
    if step == "assign":
        row = service.assign(args.id, args.to, args.note or "", actor=actor)
    elif step == "callback":
        row = service.callback(args.id, args.note, args.satisfaction, actor=actor)
    elif step == "rectify":
        row = service.rectify(args.id, args.note, actor=actor)
    elif step == "close":
        row = service.close(args.id, args.note, actor=actor)
    elif step == "appeal":
        row = service.appeal(args.id, args.note, actor=actor)
    else:
        row = service.decide_appeal(args.id, args.decision == "uphold", args.note, actor=actor)
    _emit(row, args.json, _follow_up_line(row))
    return 0


# ---- audit trail -----------------------------------------------------------------------------------------


JSON_TIMES = "one JSON object; its times are ISO 8601 in UTC with an explicit offset (+00:00)"


def _hall_tz(db: Any) -> str:
    """The hall's time zone: people read times on the hall's clock (with the offset shown), as on the console."""
    from app.services.hall import current_hall

    return str(current_hall(db).timezone)


def cmd_audit(args: argparse.Namespace) -> int:
    from app.domain.calendar import hall_time_text
    from app.services.audit_trail import AuditTrail

    db = _db(args)
    rows = AuditTrail(db).entries(actor=_actor(db, args), action_prefix=args.action, limit=args.limit)
    tz = _hall_tz(db)
    lines = [
        f"{hall_time_text(e.at, tz, seconds=True)}  {e.staff_login or e.role or '—':<8} {e.device:<14} {e.action:<24} "
        f"{e.reference}"
        for e in rows
    ]
    _emit({"entries": rows}, args.json, "\n".join(lines) or "没有记录 / no entries")
    return 0


# ---- alarms, help calls, remote control, 电子监察 ------------------------------------------------------------


def cmd_alarms(args: argparse.Namespace) -> int:
    from app.domain.calendar import hall_time_text
    from app.services.alarms import AlarmService

    db = _db(args)
    service = AlarmService(db)
    rows = service.evaluate() if not args.history else service.history(limit=args.limit)
    tz = _hall_tz(db)
    lines = [
        f"{a.id[:13]}  {hall_time_text(a.raised_at, tz)}  {a.severity:<8} {a.kind:<10} {a.message_zh}"
        + ("  ✓" if a.acked_at else "")
        for a in rows
    ]
    _emit({"alarms": rows}, args.json, "\n".join(lines) or "没有告警 / no alarms")
    return 0


def cmd_alarm_ack(args: argparse.Namespace) -> int:
    from app.services.alarms import AlarmService

    db = _db(args)
    a = AlarmService(db).acknowledge(args.id, args.note, actor=_actor(db, args))  # the service reads the prefix
    _emit(a, args.json, f"已确认 / acknowledged: {a.message_zh}")
    return 0


def cmd_help_call(args: argparse.Namespace) -> int:
    from app.services.alarms import AlarmService

    db = _db(args)
    a = AlarmService(db).help_call(args.window, actor=_actor(db, args), note=args.note or "")
    _emit(a, args.json, f"已呼叫大厅管理 / help requested: {a.message_zh}")
    return 0


def cmd_window_remote(args: argparse.Namespace) -> int:
    from app.services.remote_control import RemoteControl

    db = _db(args)
    status = RemoteControl(db).set_window(args.number, args.action, actor=_actor(db, args), reason=args.reason or "")
    _emit({"window": args.number, "status": status}, args.json, f"{args.number} 号窗口 / window: {status}")
    return 0


def cmd_move_waiting(args: argparse.Namespace) -> int:
    from app.services.remote_control import RemoteControl

    db = _db(args)
    n = RemoteControl(db).move_waiting(args.from_prefix, args.to_prefix, actor=_actor(db, args), limit=args.limit)
    _emit({"moved": n}, args.json, f"已转移 {n} 个号 / moved {n} tickets")
    return 0


def cmd_broadcast(args: argparse.Namespace) -> int:
    from app.services.remote_control import RemoteControl

    db = _db(args)
    line = RemoteControl(db).broadcast(args.text, actor=_actor(db, args))
    _emit({"marquee": line}, args.json, f"叫号屏滚动字幕 / marquee: {line}")
    return 0


def cmd_case_cards(args: argparse.Namespace) -> int:
    from app.services.case_supervision import CaseSupervision

    rows = CaseSupervision(_db(args)).cards(department=args.department, window=args.window, clerk=args.clerk)
    lines = [
        f"{'红牌' if c.card == 'red' else '黄牌'}  {c.receipt_number}  {c.step_zh} {c.due}  {c.status_zh}  "
        f"{c.department_zh}  {c.window_number or '—'} {c.clerk or '—'}  {c.title_zh}"
        for c in rows
    ]
    _emit({"cards": rows}, args.json, "\n".join(lines) or "没有黄牌或红牌 / no yellow or red cards")
    return 0


def _register_supervision(sub: Any, with_db: WithDb, case: Any) -> None:
    cards = with_db(case.add_parser("cards", help="电子监察: yellow and red cards of open cases"))
    cards.add_argument("--department", type=code)
    cards.add_argument("--window", type=window_number)
    cards.add_argument("--clerk", type=code, help="login")
    cards.add_argument("--json", action="store_true")
    cards.set_defaults(func=_closing(cmd_case_cards))
    alarms = with_db(sub.add_parser("alarms", help="evaluate and list active alarms (or --history)"))
    alarms.description = "Times are the hall's local time with its offset, e.g. 2026-12-01 09:30 +08:00."
    alarms.add_argument("--history", action="store_true")
    alarms.add_argument("--limit", type=int_between(1, 100_000), default=200)
    alarms.add_argument("--json", action="store_true", help=JSON_TIMES)
    alarms.set_defaults(func=_closing(cmd_alarms))
    alarm = sub.add_parser("alarm", help="act on an alarm").add_subparsers(dest="alarm_cmd", required=True)
    ack = acting_args(with_db(alarm.add_parser("ack", help="acknowledge an alarm or answer a help call")))
    ack.add_argument("id", type=code, help="alarm id (or its first characters)")
    ack.add_argument("--note", type=note, required=True)
    ack.set_defaults(func=_closing(cmd_alarm_ack))
    help_call = acting_args(with_db(sub.add_parser("help", help="call the supervisor to a window")))
    help_call.add_argument("--window", type=window_number, required=True)
    help_call.add_argument("--note", type=note)
    help_call.set_defaults(func=_closing(cmd_help_call))
    window = sub.add_parser(
        "window",
        help="window actions: the clerk's start|recall|finish|no-show|park|undo, the supervisor's open|pause|close",
    ).add_subparsers(dest="window_cmd", required=True)
    from app import cli_window

    cli_window.register(window, with_db)
    for action in ("open", "pause", "close"):
        sp = acting_args(with_db(window.add_parser(action, help=f"{action} a window")))
        sp.add_argument("number", type=window_number)
        sp.add_argument("--reason", type=note)
        sp.set_defaults(func=_closing(cmd_window_remote), action=action)
    move = acting_args(with_db(window.add_parser("move-waiting", help="move waiting tickets to another category")))
    move.add_argument("from_prefix", type=code)
    move.add_argument("to_prefix", type=code)
    move.add_argument("--limit", type=int_between(0, 100_000), default=0, help="how many, oldest first (0 = all)")
    move.set_defaults(func=_closing(cmd_move_waiting))
    cast = acting_args(with_db(sub.add_parser("broadcast", help="a line on the calling display's marquee")))
    cast.add_argument("text", type=note)
    cast.set_defaults(func=_closing(cmd_broadcast))


# ---- reports ---------------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from app.services.appointments import AppointmentService
    from app.services.reports import ReportService
    from app.userfiles import output_file

    db = _db(args)
    for target in (args.xlsx, args.pdf):
        if target:
            output_file(target)  # a folder or an impossible place: one line, before anything is counted or written
    AppointmentService(db).mark_missed()  # appointments whose check-in window has closed count as missed
    service = ReportService(db)
    build = {"daily": service.daily, "weekly": service.weekly, "monthly": service.monthly}[args.period]
    report = build(args.date)
    written = []
    if args.xlsx:
        from app.services.report_export import write_xlsx

        written.append(str(write_xlsx(report, args.xlsx)))
    if args.pdf:
        from app.ui.qt_check import require_qt

        require_qt()
        from app.ui.supervisor.report_pdf import write_pdf

        written.append(str(write_pdf(report, args.pdf)))
    if args.json:
        from app.services.views import to_jsonable

        data = to_jsonable(report)
        if written:
            data["written"] = written
        print(json.dumps(data, ensure_ascii=False))
    else:
        from app.services.report_export import text_summary

        print(text_summary(report) + ("\n已输出 / written: " + ", ".join(written) if written else ""))
    return 0


def register(sub: Any, with_db: WithDb, *, rating: Any, gui: Callable[[str], Any]) -> None:
    case = sub.add_parser("case", help="cases after intake (办件)").add_subparsers(dest="case_cmd", required=True)
    move = acting_args(with_db(case.add_parser("move", help="move a case to another status (role checked)")))
    move.add_argument("receipt", type=code, help="receipt number, e.g. H023-20261122-0042")
    move.add_argument(
        "--to", type=code, required=True, help="target status, e.g. in_review, approved, ready_for_pickup"
    )
    move.add_argument("--note", type=note, help="what needs supplementing, or a remark")
    move.set_defaults(func=_closing(cmd_case_move))
    _register_supervision(sub, with_db, case)

    fus = with_db(rating.add_parser("follow-ups", help="bad-rating follow-ups (差评回访整改)"))
    fus.add_argument("--open", action="store_true", help="only those not closed")
    fus.add_argument("--overdue", action="store_true", help="only those with an overdue step")
    fus.add_argument("--json", action="store_true")
    fus.set_defaults(func=_closing(cmd_follow_ups))
    assign = acting_args(with_db(rating.add_parser("assign", help="give a follow-up to a staff member (supervisor)")))
    assign.add_argument("id", type=code, help="follow-up id (or its first characters)")
    assign.add_argument("--to", type=code, required=True, metavar="LOGIN", help="the staff member who calls back")
    assign.add_argument("--note", type=note, help="a remark (default: who was given it)")
    assign.set_defaults(func=_closing(cmd_follow_up_step), step="assign")
    fu = rating.add_parser("follow-up", help="take one follow-up step (supervisor)").add_subparsers(
        dest="step", required=True
    )
    for step, text in (
        ("assign", "assign to a staff member (--to LOGIN)"),
        ("callback", "回访: the result of the call (--note) and satisfaction (--satisfaction 1-5)"),
        ("rectify", "整改: what changed (--note)"),
        ("close", "close the loop (--note)"),
        ("appeal", "申诉: the rating was mistaken (--note says why)"),
        ("decide-appeal", "复核 by a second supervisor (--uphold or --refuse)"),
    ):
        sp = acting_args(with_db(fu.add_parser(step, help=text)))
        sp.add_argument("id", type=code, help="follow-up id (or its first characters)")
        sp.add_argument("--note", type=note, required=True)
        if step == "assign":
            sp.add_argument("--to", type=code, required=True, metavar="LOGIN")
        if step == "callback":
            sp.add_argument("--satisfaction", type=int, required=True, choices=range(1, 6))
        if step == "decide-appeal":
            group = sp.add_mutually_exclusive_group(required=True)
            group.add_argument("--uphold", dest="decision", action="store_const", const="uphold")
            group.add_argument("--refuse", dest="decision", action="store_const", const="refuse")
        sp.set_defaults(func=_closing(cmd_follow_up_step), step=step)

    audit = acting_args(with_db(sub.add_parser("audit", help="the audit trail (supervisor)")), json_flag=False)
    audit.add_argument("--json", action="store_true", help=JSON_TIMES)
    audit.add_argument("--action", type=code, help="only actions starting with this, e.g. case. or follow_up.")
    audit.add_argument("--limit", type=int_between(1, 100_000), default=200)
    audit.description = "Times are the hall's local time with its offset, e.g. 2026-12-01 09:30:05 +08:00."
    audit.set_defaults(func=_closing(cmd_audit))

    report = sub.add_parser("report", help="daily and monthly reports, 窗口考核").add_subparsers(
        dest="period", required=True
    )
    for period in ("daily", "weekly", "monthly"):
        sp = with_db(report.add_parser(period, help=f"the {period} report"))
        sp.add_argument("--date", required=True, type=iso_day, help="YYYY-MM-DD (any day of the month)")
        sp.add_argument("--xlsx", help="write an .xlsx workbook")
        sp.add_argument("--pdf", help="write a PDF")
        sp.add_argument("--json", action="store_true")
        sp.set_defaults(func=_closing(cmd_report))

    sup = gui_role(with_db(sub.add_parser("supervisor", help="the supervisor's console (大厅管理)")))
    sup.add_argument("--demo", action="store_true", help="create the sample hall if missing; simulate arrivals")
    sup.set_defaults(func=gui("supervisor"), window=1)
    ev = gui_role(with_db(sub.add_parser("evaluator", help="the window rating pad (好差评)")))
    ev.add_argument("--window", type=window_number, required=True)
    ev.add_argument("--demo", action="store_true")
    ev.add_argument("--elderly", action="store_true", help="large type (长辈版)")
    ev.set_defaults(func=gui("evaluator"))
