"""The `onewindow` command: the stable surface used by operators, tests and benchmarks."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import cli_supervision
from app.cli_args import (
    BilingualParser,
    code,
    gui_role,
    int_between,
    iso_day,
    note,
    reference,
    seconds_between,
    server_url,
    window_number,
)


def _db(args: argparse.Namespace, create: bool = False):  # type: ignore[no-untyped-def]
    """The hall database named by --db; only `hall init` may create a new SQLite file."""
    from app import settings
    from app.store.database import Database

    db = Database(settings.db_url(args.db), device_id=settings.device_id(), create=create)
    _opened.append(db)  # closed by main, whatever happens
    db.check_integrity()  # a damaged file is refused before the upgrade could write to it
    db.upgrade()
    return db


_opened: list[Any] = []


def _print(obj: object, as_json: bool, text: str) -> None:
    from app.services.views import to_jsonable

    print(json.dumps(to_jsonable(obj), ensure_ascii=False) if as_json else text)


def cmd_hall_init(args: argparse.Namespace) -> int:
    from app.services.hall import create_hall, create_sample_hall, read_hall_file

    if not args.sample and not args.config:
        print("错误 / error: 请给出 --sample 或 --config FILE / give --sample or --config FILE", file=sys.stderr)
        return 2
    spec = read_hall_file(args.config) if args.config and not args.sample else None  # checked before any write
    db = _db(args, create=True)
    if spec is None:
        from app.services.catalogue import CatalogueService

        hall = create_sample_hall(db)
        CatalogueService(db).ensure_sample()  # intake needs a service catalogue
    else:
        hall = create_hall(db, spec)
    _print(hall, args.json, f"大厅已就绪 / hall ready: {hall.code} {hall.name_zh}")
    return 0


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.services.catalogue import CatalogueService, read_catalogue_file

    data = read_catalogue_file(Path(args.file))  # read and checked before the database is opened
    version = CatalogueService(_db(args)).import_catalogue(data)
    _print(version, args.json, f"事项清单已导入 / catalogue imported: {version}")
    return 0


def _known_matters(db: Any, codes: list[str] | None) -> tuple[str, ...]:
    """Matter codes typed on the command line, each checked against the hall's current catalogue (the kiosk and
    the windows only offer codes from it)."""
    from app.services.catalogue import CatalogueService

    if codes:
        catalogue = CatalogueService(db)
        for matter_code in codes:
            catalogue.matter(matter_code)  # CatalogueError naming an unknown code
    return tuple(codes or ())


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from app.services.queue import QueueService

    db = _db(args)
    t = QueueService(db).issue_ticket(
        args.category, source=args.source, priority=args.priority, matters=_known_matters(db, args.matter)
    )
    wait = "—" if t.estimated_wait_minutes is None else f"{t.estimated_wait_minutes} 分钟/min"
    _print(t, args.json, f"{t.display_number}  {t.category_name_zh}  前面 {t.people_ahead} 人 / ahead  等待 {wait}")
    return 0


def cmd_ticket_call_next(args: argparse.Namespace) -> int:
    from app.services.queue import QueueService
    from app.services.views import to_jsonable

    db = _db(args)
    t = QueueService(db).call_next(args.window, actor=cli_supervision.optional_actor(db, args))
    if args.json:
        print(json.dumps({"window": args.window, "ticket": to_jsonable(t) if t else None}, ensure_ascii=False))
    elif t is None:
        print(f"{args.window} 号窗口没有等待的号 / nobody waiting for window {args.window}")
    else:
        print(f"请 {t.display_number} 号 到 {args.window} 号窗口办理")
    return 0


def cmd_ticket_status(args: argparse.Namespace) -> int:
    from app.services.queue import QueueService

    t = QueueService(_db(args)).ticket_status(args.ref)
    if t is None:
        print(f"错误 / error: 没有找到 {args.ref} / not found", file=sys.stderr)
        return 1
    _print(t, args.json, ticket_status_line(t))
    return 0


def ticket_status_line(t: Any) -> str:
    """`B012  等待中 / waiting  前面 3 人 / 3 ahead`: the state by its Chinese name (app.domain.ticket_rules)."""
    from app.domain.ticket_rules import TicketStatus, status_zh

    line = f"{t.display_number}  {t.category_name_zh}  {status_zh(t.status)} / {TicketStatus(t.status).value}"
    if t.status == TicketStatus.WAITING:
        line += f"  前面 {t.people_ahead} 人 / {t.people_ahead} ahead"
    elif t.window_number is not None and t.status in (TicketStatus.CALLED, TicketStatus.SERVING):
        line += f"  {t.window_number} 号窗口 / window {t.window_number}"
    return line


def cmd_ticket_print(args: argparse.Namespace) -> int:
    """Print (or re-print) a ticket: ESC/POS bytes to a printer device or file, and/or PDF/PNG."""
    from pathlib import Path

    from app.devices.escpos_ticket import ticket_escpos_bytes
    from app.devices.slip_from_ticket import slip_for
    from app.services.queue import QueueService
    from app.userfiles import append_to_device, output_file

    db = _db(args)
    t = QueueService(db).ticket_status(args.ref)
    if t is None:
        print(f"错误 / error: 没有找到 {args.ref} / ticket not found", file=sys.stderr)
        return 1
    for target in (args.pdf, args.png):
        if target:
            output_file(target)  # a folder or an impossible place is one line, before anything is rendered
    slip = slip_for(t)
    written = []
    if args.escpos:
        append_to_device(args.escpos, ticket_escpos_bytes(slip))  # a device such as /dev/usb/lp0, or a file
        written.append(args.escpos)
    if args.pdf or args.png:
        from app.ui.qt_check import require_qt

        require_qt()
        from app.ui.app_setup import make_app
        from app.ui.printing.ticket_render import render_ticket_pdf, render_ticket_png

        make_app([sys.argv[0], "-platform", "offscreen"])
        if args.pdf:
            written.append(str(render_ticket_pdf(slip, Path(args.pdf))))
        if args.png:
            written.append(str(render_ticket_png(slip, Path(args.png))))
    if not written:
        print("错误 / error: 请给出 --escpos、--pdf 或 --png / give --escpos, --pdf or --png", file=sys.stderr)
        return 2
    _print({"ticket": t.display_number, "written": written}, args.json, "已输出 / written: " + ", ".join(written))
    return 0


def cmd_appointment_book(args: argparse.Namespace) -> int:
    from app.services.appointments import AppointmentService

    db = _db(args)
    matter = _known_matters(db, [args.matter] if args.matter else None)
    a = AppointmentService(db).book(
        args.category, args.date, args.slot, matter_code=matter[0] if matter else None, name=args.name or "",
        id_number=args.id_number,
    )  # fmt: skip
    _print(a, args.json, f"预约成功 / booked: {a.service_day} {a.slot} {a.category_name_zh}  预约码 / code {a.code}")
    return 0


def cmd_appointment_check_in(args: argparse.Namespace) -> int:
    from app.services.appointments import AppointmentService

    r = AppointmentService(_db(args)).check_in(args.code)
    t = r.ticket
    _print(r, args.json, f"签到成功 / checked in: {t.display_number} {t.category_name_zh} 前面 {t.people_ahead} 人")
    return 0


def cmd_appointment_list(args: argparse.Namespace) -> int:
    from app.services.appointments import AppointmentService
    from app.services.views import to_jsonable

    rows = AppointmentService(_db(args)).list_for_day(args.date)
    lines = [f"{a.slot}  {a.code}  {a.category_prefix}  {a.person_masked or '—'}  {a.status}" for a in rows]
    text = "\n".join(lines) or "当天没有预约 / no appointments"
    _print({"appointments": [to_jsonable(a) for a in rows]}, args.json, text)
    return 0


def cmd_rating_list(args: argparse.Namespace) -> int:
    from app.services.ratings import RatingService
    from app.services.views import to_jsonable

    rows = RatingService(_db(args)).list_ratings(bad_only=args.bad)
    lines = [
        f"{r.service_day}  {r.reference}  {r.level_zh}  {r.reasons_zh}  {r.follow_up_status or ''}".rstrip()
        for r in rows
    ]
    _print({"ratings": [to_jsonable(r) for r in rows]}, args.json, "\n".join(lines) or "没有评价 / no ratings")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.checks.cli import run

    options = ["--json"] if args.json else []
    options += ["--show-personal"] if args.show_personal else []
    for flag, value in (
        ("--material", args.material),
        ("--expected-id", args.expected_id),
        ("--config", args.config),
        ("--expected-name", args.expected_name),
    ):
        if value:
            options += [flag, value]
    return run([*options, "--", *args.files])  # "--": a file named like "-x.png" is still a file


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "queue" and args.postgres:
        from bench.bench_queue_pg import main as pg_main

        options = ["--windows", str(args.windows or 200), "--clients", str(args.clients)]
        return int(pg_main([*options, "--seconds", str(args.seconds)] + (["--json"] if args.json else [])) or 0)
    if args.windows is not None:
        print("--windows 只用于 bench queue --postgres / --windows is for bench queue --postgres", file=sys.stderr)
        return 2
    if args.what == "queue":
        from bench.bench_queue import main as bench_main
    elif args.what == "checks":
        from bench.bench_checks import main as bench_main
    elif args.what == "sync":
        from bench.bench_sync import main as bench_main
    elif args.what == "ocr":
        from bench.bench_ocr import main as bench_main
    else:
        print(f"bench {args.what}: not available yet / 尚未提供", file=sys.stderr)
        return 2
    return int(bench_main(["--json"] if args.json else []) or 0)


def _gui(role: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.ui.launch import launch

        return launch(role, args)

    return run


def build_parser() -> argparse.ArgumentParser:
    p = BilingualParser(prog="onewindow", description="OneWindow 一窗通 — service hall software")
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--db", help="hall database URL (default: SQLite file in the user data directory)")
        return sp

    demo_help = "staff window, take-ticket screen and display on a sample hall"
    demo = gui_role(with_db(sub.add_parser("demo", help=demo_help)))
    demo.set_defaults(func=_gui("demo"), window=3, demo=True)
    for role in ("staff", "display", "intake", "backoffice"):
        sp = gui_role(with_db(sub.add_parser(role, help=f"the {role} screen")))
        sp.add_argument("--window", type=window_number, default=1)
        sp.add_argument("--demo", action="store_true", help="create the sample hall if missing; windowed")
        if role == "backoffice":
            sp.add_argument(
                "--server", type=server_url, help="review on the central server, e.g. http://127.0.0.1:8600"
            )
        sp.set_defaults(func=_gui(role))
    # `onewindow kiosk ...` is handed whole to the kiosk's own parser (see main); listed here for --help.
    sub.add_parser("kiosk", help="the locked-down self-service kiosk (onewindow kiosk --help for its options)")

    hall = sub.add_parser("hall", help="hall configuration").add_subparsers(dest="hall_cmd", required=True)
    init = with_db(hall.add_parser("init", help="create the hall database"))
    init.add_argument("--sample", action="store_true", help="load the sample hall (7 categories, 6 windows)")
    init.add_argument("--config", help="a hall JSON file like resources/sample/hall.json")
    init.add_argument("--json", action="store_true")
    init.set_defaults(func=cmd_hall_init)
    from app.cli_hall import register as register_hall

    register_hall(hall, with_db)

    catalogue = sub.add_parser("catalogue", help="service catalogue (事项清单)").add_subparsers(
        dest="catalogue_cmd", required=True
    )
    cat_import = with_db(catalogue.add_parser("import", help="publish a new catalogue version from a JSON file"))
    cat_import.add_argument("file")
    cat_import.add_argument("--json", action="store_true")
    cat_import.set_defaults(func=cmd_catalogue_import)

    ticket = sub.add_parser("ticket", help="queue tickets").add_subparsers(dest="ticket_cmd", required=True)
    issue = with_db(ticket.add_parser("issue", help="issue a ticket"))
    issue.add_argument("--category", type=code, required=True, help="category prefix, e.g. B")
    issue.add_argument(
        "--priority", default="normal", choices=["normal", "appointment", "elderly", "disability", "green_channel"]
    )
    issue.add_argument("--source", default="staff", choices=["kiosk", "staff", "appointment"])
    issue.add_argument("--matter", type=code, action="append", help="matter code (repeatable)")
    issue.add_argument("--json", action="store_true")
    issue.set_defaults(func=cmd_ticket_issue)
    call = with_db(ticket.add_parser("call-next", help="call the next ticket for a window"))
    call.add_argument("--window", type=window_number, required=True)
    call.add_argument("--json", action="store_true")
    cli_supervision.acting_args(call, required=False, json_flag=False)
    call.set_defaults(func=cmd_ticket_call_next)
    status = with_db(ticket.add_parser("status", help="look a ticket up by QR payload, id or number"))
    status.add_argument("ref", type=reference)
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_ticket_status)

    tprint = with_db(ticket.add_parser("print", help="print a ticket (ESC/POS, PDF or PNG)"))
    tprint.add_argument("ref", type=reference, help="QR payload, id, or today's number such as B012")
    tprint.add_argument("--escpos", help="printer device or file for ESC/POS bytes, e.g. /dev/usb/lp0")
    tprint.add_argument("--pdf", help="write an 80 mm PDF")
    tprint.add_argument("--png", help="write a 203-dpi PNG")
    tprint.add_argument("--json", action="store_true")
    tprint.set_defaults(func=cmd_ticket_print)

    appt = sub.add_parser("appointment", help="appointments (预约)").add_subparsers(
        dest="appointment_cmd", required=True
    )
    book = with_db(appt.add_parser("book", help="book a time slot"))
    book.add_argument("--category", type=code, required=True, help="category prefix, e.g. B")
    book.add_argument("--date", required=True, type=iso_day, help="YYYY-MM-DD")
    book.add_argument("--slot", type=code, required=True, help="HH:MM-HH:MM, hall local time")
    book.add_argument("--matter", type=code, help="matter code from the catalogue")
    book.add_argument("--name", type=note, help="the citizen's name (stored masked)")
    book.add_argument("--id-number", type=code, help="resident ID number (only a salted hash is stored)")
    book.add_argument("--json", action="store_true")
    book.set_defaults(func=cmd_appointment_book)
    check_in = with_db(appt.add_parser("check-in", help="check an appointment in: issues its priority ticket"))
    check_in.add_argument("code", type=reference, help="the 6-digit code or the QR payload OW1:A:...")
    check_in.add_argument("--json", action="store_true")
    check_in.set_defaults(func=cmd_appointment_check_in)
    appt_list = with_db(appt.add_parser("list", help="a day's appointments"))
    appt_list.add_argument("--date", type=iso_day, help="YYYY-MM-DD (default: today)")
    appt_list.add_argument("--json", action="store_true")
    appt_list.set_defaults(func=cmd_appointment_list)

    rating = sub.add_parser("rating", help="ratings (好差评)").add_subparsers(dest="rating_cmd", required=True)
    rating_list = with_db(rating.add_parser("list", help="ratings, newest first"))
    rating_list.add_argument("--bad", action="store_true", help="only 不满意 and 非常不满意")
    rating_list.add_argument("--json", action="store_true")
    rating_list.set_defaults(func=cmd_rating_list)
    cli_supervision.register(sub, with_db, rating=rating, gui=_gui)

    from app.domain.catalogue import MATERIAL_KINDS

    check = sub.add_parser("check", help="scanned-material checks")
    check.add_argument("files", nargs="+")
    check.add_argument(
        "--material", choices=MATERIAL_KINDS, metavar="KIND", help=f"material kind: {', '.join(MATERIAL_KINDS)}"
    )
    check.add_argument("--expected-id", help="ID number the clerk entered, compared with the document")
    check.add_argument("--config", help="JSON file overriding check thresholds")
    check.add_argument("--json", action="store_true")
    check.add_argument("--show-personal", action="store_true", help="OCR fields unmasked")
    check.add_argument("--expected-name", help="name the clerk entered, compared with the name read by OCR")
    check.set_defaults(func=cmd_check)

    from app import cli_sync
    from server import cli as server_cli

    cli_sync.register(sub, with_db, _db)
    cli_sync.register_simulate(sub, with_db, _db)
    server_cli.register(sub)

    from app import cli_doctor

    cli_doctor.register(sub, with_db)
    bench = sub.add_parser("bench", help="benchmarks (print JSON)")
    bench.add_argument("what", choices=["queue", "checks", "sync", "ocr"])
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--postgres", action="store_true", help="queue: many windows on a throwaway PostgreSQL")
    bench.add_argument(
        "--windows", type=int_between(1, 10_000), default=None, help="queue --postgres: windows (default 200)"
    )
    bench.add_argument("--clients", type=int_between(1, 1_000), default=20, help="queue --postgres: client processes")
    bench.add_argument(
        "--seconds", type=seconds_between(0.1, 86_400), default=30.0, help="queue --postgres: how long to run"
    )
    bench.set_defaults(func=cmd_bench)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    _escape_what_stdout_cannot_show()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:  # Ctrl+C: each step is one transaction, so the one in progress was rolled back
        print(
            "错误 / error: 已中断（Ctrl+C）；已完成的操作保留，进行中的操作已撤销 / interrupted (Ctrl+C): "
            "finished steps are kept, the one in progress was rolled back",
            file=sys.stderr,
        )
        return 130


_SECRET_OPTIONS = ("--pin", "--new-pin")  # their values (type `secret`) are never shown, not even mistyped


def _main(argv: list[str]) -> int:
    for i, arg in enumerate(argv):  # bytes that are not UTF-8 arrive as lone surrogates and would fail deep inside
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            after_option = i > 0 and argv[i - 1] in _SECRET_OPTIONS
            secret = after_option or arg.startswith(tuple(f"{o}=" for o in _SECRET_OPTIONS))
            shown = "(PIN)" if secret else arg.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            print(
                f"错误 / error: 参数含有非 UTF-8 字符，请检查 / an argument is not valid UTF-8: {shown}",
                file=sys.stderr,
            )
            return 2
    if argv[:1] == ["kiosk"]:
        from app.ui.qt_check import require_display, require_qt

        require_qt()
        if not {"-h", "--help"} & set(argv):
            require_display()
        from kiosk.main import run as run_kiosk

        return run_kiosk(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `onewindow report ... | head`: the reader has gone, which is not an error
        _quiet_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - every failure becomes one line; bugs are logged in full
        if _caused_by_ctrl_c(exc):
            raise KeyboardInterrupt from None
        from app.store.errors import as_user_error

        known = as_user_error(exc, _url_of(args))
        if known is None:
            from app.logs import log_crash

            where = log_crash(exc)
            print(
                f"错误 / error: 意外错误，详情已记录在 {where} / unexpected error ({type(exc).__name__}), "
                f"details logged in {where}",
                file=sys.stderr,
            )
            return 70
        print(f"错误 / error: {known.bilingual()}", file=sys.stderr)
        return 1
    finally:
        while _opened:
            _opened.pop().dispose()


def _caused_by_ctrl_c(exc: BaseException) -> bool:
    """An error raised while handling Ctrl+C (SQLAlchemy invalidates the connection it interrupted, and the next
    statement of a migration then fails with PendingRollbackError): an interruption, not a bug."""
    seen: BaseException | None = exc
    for _ in range(20):  # a chain is short; the bound only guards against a cycle
        if seen is None:
            return False
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _escape_what_stdout_cannot_show() -> None:
    """Chinese on a stdout that cannot encode it (PYTHONIOENCODING=ascii, a latin-1 terminal) is printed as
    escapes like stderr's, not a UnicodeEncodeError after the ticket was already issued."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # absent when a test or caller swapped stdout
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not raise BrokenPipeError again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _url_of(args: argparse.Namespace) -> str | None:
    if not hasattr(args, "db"):
        return None
    from app import settings
    from app.store.database import normalise_url

    given = settings.db_url(args.db)
    try:
        if getattr(args, "command", None) == "server" and args.db is None:  # the server's own default database
            from server.config import ServerSettings

            given = ServerSettings().db_url()
        return normalise_url(given)
    except Exception:  # noqa: BLE001 - only naming the database in a message: the given text will do
        return given


if __name__ == "__main__":
    sys.exit(main())
