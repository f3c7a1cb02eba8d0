"""`onewindow server ...`: run the central server, make enrolment codes, add reviewers, start a new epoch."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli_args import code as code_arg
from app.cli_args import host_name, int_between, login, note, secret
from server.config import ServerSettings


def _settings(args: argparse.Namespace) -> ServerSettings:
    from pydantic import ValidationError

    from app.domain.errors import UserError

    given: dict[str, Any] = {}
    for name in ("db", "host", "port", "blobs"):
        value = getattr(args, name, None)
        if value is not None:
            given[name] = value
    try:
        return ServerSettings(**given)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise UserError(f"服务器设置有误：{problem}", f"Invalid server setting: {problem}") from None


def _database(args: argparse.Namespace, *, create: bool = True):  # type: ignore[no-untyped-def]
    """The server's database; `create=False` for commands that only make sense on an existing one (a revoke on a
    mistyped path must not leave an empty server database behind)."""
    from app.cli import _opened
    from server.main import open_database

    db = open_database(_settings(args), create=create)
    _opened.append(db)  # disposed by app.cli.main when the command ends (a PostgreSQL connection is not left open)
    return db


def cmd_serve(args: argparse.Namespace) -> int:
    from server.main import serve

    return serve(_settings(args))


def cmd_enrol_code(args: argparse.Namespace) -> int:
    from server.auth import new_enrol_code

    settings = _settings(args)
    db = _database(args)
    with db.write() as s:
        code = new_enrol_code(s, args.hall_code, settings.enrol_code_ttl_h, args.name or "")
    hours = settings.enrol_code_ttl_h
    if args.json:
        print(json.dumps({"code": code, "hall_code": args.hall_code.upper(), "expires_in_h": hours}))
    else:
        print(
            f"大厅 {args.hall_code.upper()} 的注册码 / enrolment code: {code}  ({hours} 小时内有效 / valid {hours} h)"
        )
    return 0


def cmd_reviewer_add(args: argparse.Namespace) -> int:
    from server.auth import add_reviewer

    with _database(args).write() as s:
        add_reviewer(s, args.login, args.name, args.pin, args.role)
    print(f"审批人员已保存 / reviewer saved: {args.login}")
    return 0


def cmd_reviewer_unlock(args: argparse.Namespace) -> int:
    from app.domain.errors import AlreadyDone
    from server.auth import forget_attempts

    if not forget_attempts(_database(args, create=False), args.login):
        raise AlreadyDone(f"“{args.login}”没有输错密码的记录", f"{args.login!r} has no wrong PINs to forget")
    print(f"已解锁 / unlocked: {args.login}")
    return 0


def cmd_new_epoch(args: argparse.Namespace) -> int:
    from server.feed import new_epoch

    with _database(args, create=False).write() as s:
        epoch = new_epoch(s)
    print(
        f"新的同步纪元 / new feed epoch: {epoch}  (每个大厅将重新上传其全部数据 / every hall re-pushes what it holds)"
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from server.auth import revoke_device

    with _database(args, create=False).write() as s:
        revoke_device(s, args.device)
    print(f"设备已撤销 / device revoked: {args.device}")
    return 0


def register(sub: Any) -> None:
    server = sub.add_parser("server", help="the central server (FastAPI): run it, or manage halls and reviewers")
    server.add_argument("--db", help="server database URL (default: server.db in the data directory)")
    server.add_argument("--host", type=host_name, help="address to listen on (default 127.0.0.1)")
    server.add_argument("--port", type=int_between(1, 65535), help="port (default 8600)")
    server.add_argument("--blobs", help="directory for scanned files (default: server-blobs in the data directory)")
    server.set_defaults(func=cmd_serve)
    actions = server.add_subparsers(dest="server_cmd")

    def child(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help="server database URL")
        return p

    code = child("enrol-code", "register a hall if new and print a one-time enrolment code (24 h)")
    code.add_argument("--hall-code", type=code_arg, required=True)
    code.add_argument("--name", type=note, help="the hall's name, for the register")
    code.add_argument("--json", action="store_true")
    code.set_defaults(func=cmd_enrol_code)

    reviewer = actions.add_parser("reviewer", help="back-office reviewer accounts").add_subparsers(
        dest="reviewer_cmd", required=True
    )
    add = reviewer.add_parser("add", help="add or update a reviewer (argon2-hashed PIN)")
    add.add_argument("--db", default=argparse.SUPPRESS)
    add.add_argument("--login", type=login, required=True)
    add.add_argument("--name", type=note, required=True)
    add.add_argument("--pin", type=secret, required=True)
    add.add_argument("--role", default="reviewer", choices=["reviewer", "supervisor"])
    add.set_defaults(func=cmd_reviewer_add)
    unlock = reviewer.add_parser("unlock", help="lift a wrong-PIN lock-out now (the PIN stays)")
    unlock.add_argument("--db", default=argparse.SUPPRESS)
    unlock.add_argument("--login", type=login, required=True)
    unlock.set_defaults(func=cmd_reviewer_unlock)

    epoch = child("new-epoch", "after restoring a backup: every hall re-pushes what it holds")
    epoch.set_defaults(func=cmd_new_epoch)

    revoke = child("revoke", "revoke a device: it can no longer sync (it keeps its local data)")
    revoke.add_argument("--device", type=code_arg, required=True)
    revoke.set_defaults(func=cmd_revoke)
    register_publish(actions)


def cmd_publish(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sqlalchemy import func, select

    from app.domain.hlc import HybridLogicalClock
    from app.userfiles import read_json_object
    from server.models import Record
    from server.releases import publish, validate

    what = ("事项清单", "catalogue") if args.kind == "catalogue" else ("工作日历", "working-day calendar")
    content = read_json_object(Path(args.file), *what)
    validate(args.kind, content)  # before the database is opened (or created)
    with _database(args).write() as s:
        clock = HybridLogicalClock()
        clock.restart_from(int(s.scalar(select(func.max(Record.hlc))) or 0))
        result = publish(s, args.kind, content, args.label or "", clock)
    if args.json:
        print(json.dumps(result))
    else:
        state = "已发布 / published" if result["created"] else "已是现行版本 / already published"
        print(f"{state}: {args.kind} #{result['number']} ({result['sha256'][:12]})")
        print("各大厅同步后生效 / every hall takes it on its next sync")
    return 0


def register_publish(actions: Any) -> None:
    pub = actions.add_parser("publish", help="publish a catalogue or working-day calendar to every hall (同源发布)")
    pub.add_argument("kind", choices=["catalogue", "calendar"])
    pub.add_argument("file", help="JSON file like resources/catalogue/catalogue.json or calendar.json")
    pub.add_argument("--label", type=note, help="a name for this version")
    pub.add_argument("--db", default=argparse.SUPPRESS)
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(func=cmd_publish)
