"""`onewindow hall backup`: what a nightly cron job or systemd timer runs (resources/deploy/onewindow-backup.*)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DEFAULT_KEEP = 14


def register(hall_sub: argparse._SubParsersAction, with_db) -> None:  # type: ignore[type-arg, no-untyped-def]
    sp = with_db(hall_sub.add_parser("backup", help="back the hall database up (SQLite backup API or pg_dump)"))
    sp.add_argument("--to", metavar="FILE", help="where to write (default: backups/ in the data folder, rotated)")
    sp.add_argument(
        "--nightly",
        action="store_true",
        help="the timer's run: does nothing when the hall setting backup_nightly is false",
    )
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_hall_backup)


def _hall_settings(url: str) -> dict[str, object]:
    from app.services.hall import current_hall
    from app.store.database import Database

    db = Database(url, create=False)
    try:
        db.upgrade()
        return dict(current_hall(db).settings)
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
    keep = DEFAULT_KEEP
    if args.nightly:
        hall = _hall_settings(url)
        if not hall.get("backup_nightly", True):
            print("大厅设置 backup_nightly 为 false，未备份 / nightly backups are off (hall setting backup_nightly)")
            return 0
        keep = int(hall.get("backup_keep", DEFAULT_KEEP))  # type: ignore[call-overload]
    result = backup(url, Path(args.to) if args.to else None, keep=keep)
    if args.json:
        data = {**to_jsonable(result), "path": str(result.path)}
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"已备份 / backed up: {result.path} ({result.size_bytes} bytes, {result.method})")
    return 0
