"""The one place that turns database and input-file failures into user errors (Chinese and English, what to do).

Every entry point (the CLI's `main`, the GUI roles' start-up, the service runner) passes an unexpected exception
through `as_user_error`; what it recognises is shown as one line or one dialog, anything else is a bug and goes to
the crash handler. Recognising happens here, by the driver's own error class and message, so that a new kind of
failure is added once for every role.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from app.domain.errors import (
    BadDatabaseUrl,
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseReadOnly,
    DatabaseUnreachable,
    FileProblem,
    NoHallDatabase,
    NotADatabase,
    UserError,
)

BACKUP_HINT_ZH = "请从备份恢复（onewindow hall backup 写入数据目录的 backups/）"
BACKUP_HINT_EN = "restore it from a backup (onewindow hall backup writes them to backups/ in the data folder)"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (None for PostgreSQL or an in-memory database)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path.removeprefix("file:"))


def shown_url(url: str) -> str:
    """The database as a person would name it: the file path, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given
        return url


def last_backup(url: str) -> Path | None:
    """The newest backup of this database in the data folder's backups/ (see app/store/backup.py)."""
    from app.store.backup import backups_dir

    path = sqlite_path(url)
    stem = path.stem if path is not None else "postgresql"
    folder = backups_dir()
    found = sorted(folder.glob(f"{stem}-*"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    return found[-1] if found else None


def corrupt(url: str, detail: str = "", detail_en: str | None = None) -> DatabaseCorrupt:
    backup = last_backup(url)
    where_zh = f"最近的备份：{backup}" if backup else BACKUP_HINT_ZH
    where_en = f"the last backup is {backup}" if backup else BACKUP_HINT_EN
    name = shown_url(url)
    wal_zh, wal_en = _wal_note(url)
    return DatabaseCorrupt(
        f"数据库 {name} 已损坏（{detail or '格式错误'}），未做任何写入；{where_zh}{wal_zh}",
        f"The database {name} is damaged ({(detail_en or detail) or 'malformed'}); nothing was written to it: "
        f"{where_en}{wal_en}",
    )


def _writable(path: Path) -> bool:
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def _sqlite_error(message: str, url: str) -> UserError | None:
    name, path = shown_url(url), sqlite_path(url)
    text = message.lower()
    if "file is not a database" in text:
        return NotADatabase(
            f"{name} 不是大厅数据库（不是 SQLite 文件），未做任何改动；请检查 --db 的路径",
            f"{name} is not a hall database (not an SQLite file); nothing was changed: check the --db path",
        )
    if "malformed" in text or "corrupt" in text:
        return corrupt(url, message)
    if (
        "readonly" in text
        or "read-only" in text
        or ("unable to open" in text and path is not None and not _writable(path))
    ):
        folder = path.parent if path is not None else name
        return DatabaseReadOnly(
            f"大厅数据库 {name} 或其文件夹 {folder} 是只读的；请给当前用户写权限，或用 --db 指向可写的位置",
            f"The hall database {name} or its folder {folder} is read-only: give this user write access "
            "or point --db at a writable place",
        )
    if "unable to open" in text:
        what_zh, what_en = ("是一个文件夹", "is a folder") if path is not None and path.is_dir() else ("无法打开", "")
        return DatabaseUnreachable(
            f"大厅数据库 {name} {what_zh}；请用 --db 给出一个数据库文件",
            f"The hall database {name} {what_en or 'cannot be opened'}: give a database file with --db",
        )
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            f"大厅数据库 {name} 被其他程序长时间占用；请稍后重试",
            f"The hall database {name} is held by another program for too long: try again in a moment",
        )
    if "disk is full" in text or "disk i/o" in text:
        return DatabaseUnreachable(
            f"无法写入大厅数据库 {name}（{message}）；请检查磁盘空间和磁盘状态",
            f"Cannot write the hall database {name} ({message}): check the disk's free space and health",
        )
    return None


# SQLSTATEs of a value the column cannot hold: string_data_right_truncation, numeric_value_out_of_range,
# character_not_in_repertoire (NUL), untranslatable_character, invalid_datetime_format, datetime_field_overflow.
_VALUE_REFUSED = {"22001", "22003", "22021", "22P05", "22007", "22008"}


def _postgres_error(exc: BaseException, url: str) -> UserError | None:
    import psycopg

    if isinstance(exc, psycopg.DataError) and getattr(exc, "sqlstate", None) in _VALUE_REFUSED:
        # A value PostgreSQL refuses and SQLite would have stored (VARCHAR(n), INTEGER's range, NUL): input should be
        # checked against its column where it is read (app.store.limits); this is the line for one that was not.
        # Other data errors (a division by zero, a bad cast in our own SQL) are bugs: the crash handler logs them.
        first = (str(exc).strip().splitlines() or ["?"])[0][:200]
        return UserError(
            f"数据库无法保存给出的某个值：太长、超出范围，或含有数据库不能保存的字符（{first}）；未做任何改动",
            f"A value given is too long, out of range or holds a character the database cannot store ({first}); "
            "nothing was changed",
            code="bad_value",
        )
    if isinstance(exc, psycopg.OperationalError):
        name = shown_url(url)
        first = (str(exc).strip().splitlines() or ["?"])[0][:200]
        return DatabaseUnreachable(
            f"连接不上大厅数据库 {name}（{first}）；请检查数据库服务器是否运行、网络和地址是否正确",
            f"Cannot reach the hall database {name} ({first}): check that the database server is running "
            "and the address is right",
        )
    return None


def foreign_database(url: str, tables: list[str]) -> NotADatabase:
    name, shown = shown_url(url), ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
    wal_zh, wal_en = _wal_note(url)
    return NotADatabase(
        f"{name} 是其他程序的数据库（含有表 {shown}），不是大厅数据库，未做任何改动；请检查 --db{wal_zh}",
        f"{name} is another program's database (tables {shown}), not a hall database; nothing was changed: "
        f"check --db{wal_en}",
    )


def _wal_note(url: str) -> tuple[str, str]:
    """What SQLite read may have come from a -wal file left beside the database by another one (it cannot tell)."""
    path = sqlite_path(url)
    wal = Path(f"{path}-wal") if path is not None else None
    try:
        if wal is None or wal.stat().st_size == 0:
            return "", ""
    except OSError:
        return "", ""
    zh = f"（旁边的 {wal.name} 文件可能来自另一个数据库）"
    return zh, f" (the file {wal.name} beside it may come from another database)"


def missing_database(url: str, what_zh: str, what_en: str) -> NoHallDatabase:
    name = shown_url(url)
    return NoHallDatabase(
        f"{what_zh} {name} 不存在，未创建任何文件；请检查 --db",
        f"The {what_en} {name} does not exist; nothing was created: check --db",
    )


def unknown_schema(url: str, detail: str) -> NotADatabase:
    """Alembic cannot place the database's recorded revision: another program's, or a newer OneWindow's."""
    name = shown_url(url)
    return NotADatabase(
        f"{name} 的数据库版本无法识别（{detail}）：它属于其他程序或更新版本的 OneWindow，未做任何改动；请检查 --db",
        f"The database {name} has a schema this program does not know ({detail}): it belongs to another program "
        "or a newer OneWindow; nothing was changed: check --db",
    )


def not_a_file(given: str, symlink_loop: bool = False) -> NotADatabase:
    """--db names something that cannot hold a database: a device, a pipe, a symlink loop."""
    why_zh, why_en = ("符号链接循环", "a symlink loop") if symlink_loop else ("是设备或管道", "a device or a pipe")
    return NotADatabase(
        f"{given} 不是普通文件（{why_zh}），不能作为数据库，未做任何改动；请用 --db 给出一个数据库文件",
        f"{given} is not a regular file ({why_en}) and cannot hold a database; nothing was changed: "
        "give a database file with --db",
    )


def bad_url(url: str) -> BadDatabaseUrl:
    shown = url if url.strip() else repr(url)  # an empty --db "" is shown as ''
    return BadDatabaseUrl(
        f"无法识别的数据库地址 {shown}；请用 SQLite 文件路径或 postgresql://用户@主机/库名",
        f"Unknown database address {shown}: give an SQLite file path or postgresql://user@host/dbname",
    )


def as_user_error(exc: BaseException, url: str | None = None) -> UserError | None:
    """The user error `exc` stands for, or None when it is not a known failure (then it is a bug)."""
    if isinstance(exc, UserError):
        return exc
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, sa_exc.NoSuchModuleError | sa_exc.ArgumentError) and url is not None:
        return bad_url(url)
    if isinstance(exc, sa_exc.DBAPIError):
        orig = exc.orig
        url = url or ""
        if isinstance(orig, sqlite3.Error):
            return _sqlite_error(str(orig), url)
        if orig is not None:
            return _postgres_error(orig, url)
    if isinstance(exc, sqlite3.Error):
        return _sqlite_error(str(exc), url or "")
    if isinstance(exc, PermissionError) and url is not None and sqlite_path(url) is not None and not exc.filename:
        return _sqlite_error("readonly", url)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        where = f" {exc.filename}" if exc.filename else ""
        return FileProblem(
            f"磁盘已满，无法写入{where}；请腾出空间后重试",
            f"The disk is full: cannot write{where}; free some space and try again",
        )
    if isinstance(exc, OSError) and exc.filename:
        return file_problem(exc)
    from alembic.util import CommandError

    if isinstance(exc, CommandError) and url is not None:
        return unknown_schema(url, str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__)
    from zoneinfo import ZoneInfoNotFoundError

    if isinstance(exc, ZoneInfoNotFoundError):  # a hall row edited by hand or synced from a broken peer, or no tzdata
        name = str(exc.args[0] if exc.args else exc).removeprefix("No time zone found with key ")
        return UserError(
            f"时区 {name} 在本机未知（大厅设置有误，或本机缺少 tzdata 时区数据）；未做任何改动",
            f"The time zone {name} is not known here (a wrong hall setting, or this machine lacks the tzdata "
            "time-zone data); nothing was changed",
            code="timezone",
        )
    if isinstance(exc, OverflowError):
        return UserError("给出的数字太大", "A number given is too large", code="bad_number")
    return None


def file_problem(exc: OSError) -> FileProblem:
    reason = exc.strerror or type(exc).__name__
    return FileProblem(
        f"无法使用文件 {exc.filename}（{reason}）；请检查路径和权限",
        f"Cannot use the file {exc.filename} ({reason}): check the path and the permissions",
    )
