"""`onewindow hall backup`: what a nightly cron job or systemd timer runs (resources/deploy/onewindow-backup.*);
`onewindow hall settings [show | set KEY VALUE --as LOGIN]`: the hall settings (app.domain.settings_schema)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_args import code

if TYPE_CHECKING:
    from app.domain.settings_schema import HallSettings


def register(hall_sub: argparse._SubParsersAction, with_db) -> None:  # type: ignore[no-untyped-def]
    sp = with_db(hall_sub.add_parser("backup", help="back the hall database up (SQLite backup API or pg_dump)"))
    sp.add_argument("--to", metavar="FILE", help="where to write (default: backups/ in the data folder, rotated)")
    sp.add_argument(
        "--nightly",
        action="store_true",
        help="the timer's run: does nothing when the hall setting backup_nightly is false",
    )
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_hall_backup)
    _register_settings(hall_sub, with_db)
    from app.cli_staff import register as register_staff

    register_staff(hall_sub, with_db)


def _register_settings(hall_sub: argparse._SubParsersAction, with_db) -> None:  # type: ignore[no-untyped-def]
    from app.cli_supervision import acting_args

    actions = hall_sub.add_parser("settings", help="show or change the hall settings").add_subparsers(
        dest="settings_cmd", required=True
    )
    show = with_db(actions.add_parser("show", help="every setting with its value (defaults included)"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_settings_show)
    put = acting_args(with_db(actions.add_parser("set", help="change one setting (supervisor or admin; audited)")))
    put.add_argument("key", type=code, help="e.g. max_recalls, target_wait_minutes, notice_zh")
    put.add_argument("value", help='a JSON value (3, true, {"B": 15}) or plain text')
    put.set_defaults(func=cmd_settings_set)


def cmd_settings_show(args: argparse.Namespace) -> int:
    from app.cli import _db
    from app.services.hall_settings import HallSettingsService

    service = HallSettingsService(_db(args))
    stored = service.stored()
    values = service.current().model_dump(mode="json")  # InvalidSettings for a hand-edited hall: says which key
    values.pop("person_salt", None)  # a secret of the hall: never printed
    if args.json:
        print(json.dumps(values, ensure_ascii=False))
    else:
        for key, value in values.items():
            mark = "" if key in stored else "  (默认 / default)"
            print(f"{key} = {json.dumps(value, ensure_ascii=False)}{mark}")
        for key in sorted(stored.keys() - values.keys() - {"person_salt"}):  # from a newer version of OneWindow
            value = json.dumps(stored[key], ensure_ascii=False)
            print(f"{key} = {value}  (本版本不认识，已忽略 / unknown here, ignored)")
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    from app.cli import _db
    from app.cli_supervision import _actor
    from app.services.hall_settings import HallSettingsService

    try:
        value = json.loads(args.value)
    except (ValueError, RecursionError):
        value = args.value  # plain text, e.g. a notice
    db = _db(args)
    settings = HallSettingsService(db).set(args.key, value, actor=_actor(db, args))
    shown = json.dumps(settings[args.key], ensure_ascii=False)
    if args.json:
        print(json.dumps({args.key: settings[args.key]}, ensure_ascii=False))
    else:
        print(f"已设置 / set: {args.key} = {shown}")
    return 0


def _hall_settings(url: str) -> HallSettings:
    from app.domain.settings_schema import HallSettings
    from app.services.hall import current_hall
    from app.store.database import Database

    db = Database(url, create=False)
    try:
        db.upgrade()
        return HallSettings.of(current_hall(db).settings)
    finally:
        db.dispose()


def cmd_hall_backup(args: argparse.Namespace) -> int:
    from app import settings
    from app.services.views import to_jsonable
    from app.store.backup import backup
    from app.store.database import Database, normalise_url

    given = settings.db_url(args.db)
    url = normalise_url(given)
    db = Database(given, create=False)  # a missing file or another program's database: the usual clear message
    try:
        db.require_hall()
    finally:
        db.dispose()
    hall = _hall_settings(url)  # how many backups to keep is the hall's setting, for a manual run too
    if args.nightly and not hall.backup_nightly:
        print("大厅设置 backup_nightly 为 false，未备份 / nightly backups are off (hall setting backup_nightly)")
        return 0
    keep = hall.backup_keep
    result = backup(url, Path(args.to) if args.to else None, keep=keep)
    if args.json:
        data = {**to_jsonable(result), "path": str(result.path)}
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"已备份 / backed up: {result.path} ({result.size_bytes} bytes, {result.method})")
    return 0
