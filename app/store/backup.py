"""Backups of the hall database: SQLite's online backup API, or pg_dump for PostgreSQL.

A backup is written to a temporary file next to its target and renamed into place, so a crash or a full disk
never leaves a half-written file that looks like a backup. A damaged SQLite database is refused (checked with
`PRAGMA quick_check` first): backing it up would push the last good copy out of the rotation.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.errors import DatabaseError, FileProblem

DEFAULT_KEEP = 14


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    method: str  # "sqlite-backup-api" | "pg_dump"
    removed: tuple[str, ...] = ()  # older backups rotated out


def backups_dir() -> Path:
    from app import settings

    return settings.paths().data_dir / "backups"


def _stem(url: str) -> str:
    from app.store.errors import sqlite_path

    path = sqlite_path(url)
    return path.stem if path is not None else "postgresql"


def default_target(url: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = ".db" if url.startswith("sqlite") else ".dump"
    return backups_dir() / f"{_stem(url)}-{stamp}{suffix}"


def backup(url: str, to: Path | None = None, keep: int | None = None) -> BackupResult:
    """Back the database at `url` up to `to` (default: backups/ in the data folder, rotated to `keep` files)."""
    target = _checked_target(url, to) if to is not None else default_target(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        method = _sqlite_backup(url, tmp) if url.startswith("sqlite") else _pg_dump(url, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    removed = _rotate(url, keep) if to is None and keep else ()
    return BackupResult(target, target.stat().st_size, method, removed)


def _checked_target(url: str, to: Path) -> Path:
    """`--to` may not be a folder, nor the live database or its -wal/-shm files: replacing the hall's file with
    a copy while its write-ahead log stays beside it would lose or mangle the latest changes."""
    from app.store.errors import sqlite_path
    from app.userfiles import output_file

    target = output_file(to)
    live = sqlite_path(url)
    if live is not None:
        own = {live.resolve(), *(live.with_name(live.name + s).resolve() for s in ("-wal", "-shm", "-journal"))}
        if target.resolve() in own:
            raise FileProblem(
                f"不能备份到大厅数据库文件本身（{target}），请给出另一个文件名",
                f"Cannot back up onto the hall database itself ({target}): give another file name",
            )
    return target


def _sqlite_backup(url: str, tmp: Path) -> str:
    from app.store.errors import corrupt, sqlite_path

    path = sqlite_path(url)
    if path is None or not path.is_file():
        raise DatabaseError(f"没有数据库文件 {path}，无法备份", f"There is no database file {path} to back up")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = source.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise corrupt(url, str(verdict))
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)  # page by page; writers go on working meanwhile
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dest.close()
    finally:
        source.close()
    return "sqlite-backup-api"


def _pg_dump(url: str, tmp: Path) -> str:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise DatabaseError(
            "找不到 pg_dump；请安装 PostgreSQL 客户端（sudo apt-get install -y postgresql-client）后再备份",
            "pg_dump was not found: install the PostgreSQL client (sudo apt-get install -y postgresql-client)",
        )
    libpq_url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    done = subprocess.run(
        [exe, "--format=custom", "--no-password", f"--file={tmp}", libpq_url],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:240] or f"exit {done.returncode}"
        raise DatabaseError(f"pg_dump 备份失败：{detail}", f"pg_dump failed: {detail}")
    return "pg_dump"


def _rotate(url: str, keep: int) -> tuple[str, ...]:
    found = sorted(backups_dir().glob(f"{_stem(url)}-*"), key=lambda p: p.stat().st_mtime)
    old = found[:-keep] if len(found) > keep else []
    for path in old:
        path.unlink(missing_ok=True)
    return tuple(str(p) for p in old)
