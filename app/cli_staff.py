"""`onewindow hall staff list|add|pin|unlock|disable|enable`: staff accounts after `hall init`
(app.services.staff_accounts decides who may do what); `onewindow hall staff recover`: the database owner's way
back in when no supervisor or administrator can log in (app.services.staff_recovery, reached from here only).
A new PIN comes from --new-pin, --new-pin-stdin, ONEWINDOW_NEW_PIN or a prompt typed twice, never echoed."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from app.cli_args import login, secret, text
from app.domain.errors import RuleViolation


def register(hall_sub: argparse._SubParsersAction, with_db) -> None:  # type: ignore[no-untyped-def]
    from app.cli_supervision import acting_args

    actions = hall_sub.add_parser(
        "staff",
        help="staff accounts: list, add, new PIN, unlock after wrong PINs, disable, enable; recover",
        description=RECOVER_NOTE,
    ).add_subparsers(dest="staff_cmd", required=True)

    def action(name: str, help_text: str, with_login: bool = True) -> argparse.ArgumentParser:
        sp = acting_args(with_db(actions.add_parser(name, help=help_text)))
        if with_login:
            sp.add_argument("login", type=login, help="the account's login (工号)")
        return sp

    action("list", "every account with its role, state and lock-out (supervisor or admin)", with_login=False)
    add = action("add", "a new account (supervisors add clerks and reviewers; admins anyone)")
    add.add_argument("--name", type=text(100, "姓名", "name"), required=True)
    add.add_argument("--role", choices=["clerk", "reviewer", "supervisor", "admin"], default="clerk")
    pin = action("pin", "a new PIN (one's own, or an account one manages); also unlocks")
    action("unlock", "lift a wrong-PIN lock-out now")
    action("disable", "stop an account from logging in (it keeps its history)")
    action("enable", "let a disabled account log in again")
    recover = with_db(
        actions.add_parser(
            "recover",
            help="database owner, no --as: a new PIN for a supervisor or administrator, enabled and unlocked; "
            "or a first administrator (--name)",
            description=RECOVER_NOTE,
        )
    )
    recover.add_argument("login", type=login, help="the supervisor's or administrator's login (工号)")
    recover.add_argument(
        "--name", type=text(100, "姓名", "name"), help="create LOGIN as the hall's administrator (only if it has none)"
    )
    recover.add_argument("--json", action="store_true")
    for sp in (add, pin, recover):
        given = sp.add_mutually_exclusive_group()
        given.add_argument("--new-pin", type=secret, help="the new PIN (else ONEWINDOW_NEW_PIN, else a prompt)")
        given.add_argument("--new-pin-stdin", action="store_true", help="read the new PIN from stdin's first line")
    actions.choices["list"].set_defaults(func=cmd_staff_list)
    for name in ("add", "pin", "unlock", "disable", "enable"):
        actions.choices[name].set_defaults(func=cmd_staff_change)
    recover.set_defaults(func=cmd_staff_recover)


RECOVER_NOTE = (
    "No supervisor or administrator can log in (PIN forgotten, disabled, locked out)? Whoever holds the hall "
    "database (can write its SQLite file, or holds the PostgreSQL credentials) runs `onewindow hall staff recover "
    "LOGIN` on the command line, without --as: a new PIN for that supervisor or administrator, who is enabled and "
    "unlocked; `--name NAME` creates LOGIN as the administrator of a hall that has none. Audited as staff.recovered "
    "(database owner, host user). Clerks and reviewers are not recovered: their manager uses pin, unlock, enable."
)


def cmd_staff_list(args: argparse.Namespace) -> int:
    import json

    from app.cli import _db
    from app.cli_supervision import _actor
    from app.services.staff_accounts import StaffAccounts
    from app.services.views import to_jsonable

    db = _db(args)
    accounts = StaffAccounts(db).list(actor=_actor(db, args))
    if args.json:
        print(json.dumps([to_jsonable(a) for a in accounts], ensure_ascii=False))
        return 0
    for a in accounts:
        print(_line(a))
    return 0


def cmd_staff_change(args: argparse.Namespace) -> int:
    from app.cli import _db
    from app.cli_supervision import _emit, actor_and_pin
    from app.services.staff_accounts import StaffAccounts

    db = _db(args)
    actor, pin = actor_and_pin(db, args)
    accounts = StaffAccounts(db)
    command = args.staff_cmd
    if command == "add":
        account = accounts.add(args.login, args.name, args.role, _new_pin(args), actor=actor)
    elif command == "pin":
        account = accounts.set_pin(args.login, _new_pin(args), actor=actor, current_pin=pin)  # own: the PIN just given
    elif command == "unlock":
        account = accounts.unlock(args.login, actor=actor)
    else:
        account = accounts.set_active(args.login, command == "enable", actor=actor)
    done = {"add": "已添加 / added", "pin": "已更换密码 / new PIN set", "unlock": "已解锁 / unlocked",
            "disable": "已停用 / disabled", "enable": "已启用 / enabled"}[command]  # fmt: skip
    _emit(account, args.json, f"{done}: {_line(account)}")
    return 0


def cmd_staff_recover(args: argparse.Namespace) -> int:
    from app.cli import _db
    from app.cli_supervision import _emit
    from app.services.staff_recovery import recover_manager

    db = _db(args)  # refuses a damaged, foreign or newer database before anything is asked or written
    done = recover_manager(db, args.login, _new_pin(args), host_user=_host_user(), name=args.name)
    what = ["新建系统管理员 / new administrator"] if done.created else ["新密码已设置 / new PIN set"]
    what += ["已启用 / enabled"] * done.enabled + ["已解锁 / unlocked"] * done.unlocked
    _emit(
        done, args.json,
        f"已恢复 / recovered: {_line(done.account)} — {', '.join(what)} "
        f"(数据库所有者 / database owner: {done.host_user}; 已记入操作日志 / audited)",
    )  # fmt: skip
    return 0


def _host_user() -> str:
    """Who is at this machine, for the audit entry: the operating-system user name."""
    import getpass

    try:
        return getpass.getuser()[:64]
    except (OSError, KeyError):  # no LOGNAME/USER and no passwd entry (a container's arbitrary uid)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _line(a: Any) -> str:
    state = "启用 / active" if a.active else "停用 / disabled"
    locked = f"  锁定 {a.locked_minutes} 分钟 / locked {a.locked_minutes} min" if a.locked_minutes else ""
    return f"{a.login}  {a.name}  {a.role}  {state}{locked}"


def _new_pin(args: argparse.Namespace) -> str:
    if args.new_pin_stdin and not sys.stdin.isatty():  # for scripts: nothing on the command line or in the
        return sys.stdin.readline().rstrip("\r\n")  # environment; the service checks it (a terminal would echo it)
    pin = None if args.new_pin_stdin else args.new_pin or os.environ.get("ONEWINDOW_NEW_PIN")
    if pin:
        return str(pin)
    if not sys.stdin.isatty():
        raise RuleViolation(
            "请用 --new-pin、--new-pin-stdin 或环境变量 ONEWINDOW_NEW_PIN 给出新密码",
            "Give the new PIN with --new-pin, --new-pin-stdin or ONEWINDOW_NEW_PIN",
        )
    import getpass

    pin = getpass.getpass(f"{args.login} 的新密码 / new PIN: ")
    if pin != getpass.getpass("再输一次 / repeat: "):
        raise RuleViolation("两次输入的新密码不同", "The two new PINs differ")
    return pin
