"""Runs the Alembic migrations shipped inside the package (no alembic.ini needed).

Every process calls `upgrade_to_head` at start-up. The schema revision is read first, in a plain read
transaction that never waits for writers; the write lock (SQLite `BEGIN IMMEDIATE`) is taken only when an
upgrade is really due. So a kiosk restarting while the clerks work starts at once instead of queueing behind
their transactions.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger("onewindow.store")


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        # ConfigParser reads "%" as interpolation: a URL with %-escapes or a query must be stored escaped.
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def compare_type(
    context: Any, inspected_column: Any, metadata_column: Any, inspected_type: Any, metadata_type: Any
) -> bool | None:
    """Alembic's type comparison, except that our UTCDateTime *is* a naive DateTime on disk (no difference).

    Returns False for "the same", None to let alembic compare as usual (types and lengths)."""
    from sqlalchemy import DateTime

    from app.store.types import UTCDateTime

    if isinstance(metadata_type, UTCDateTime) and isinstance(inspected_type, DateTime):
        return False if not inspected_type.timezone else None
    return None


def refuse_non_hall(reader: Engine, create: bool = False) -> None:
    """NotAHall for another program's database; UnmigratedDatabase for an empty one unless `create`."""
    from sqlalchemy import inspect

    if current_revisions(reader):
        return
    tables = sorted(set(inspect(reader).get_table_names()) - {"alembic_version"})
    if tables:
        raise NotAHall(tables)
    if not create:
        raise UnmigratedDatabase()


def refuse_unusable(reader: Engine, create: bool = False, cfg: Config | None = None) -> bool:
    """Whether the database needs an upgrade; NotAHall, UnmigratedDatabase (unless `create`) or DatabaseError
    (a newer revision) when it must not be touched. Only reads: `reader` may be a read-only connection."""
    cfg = cfg or alembic_config()
    current = current_revisions(reader)
    if current == head_revisions(cfg):
        return False
    if not current:
        refuse_non_hall(reader, create)
    else:
        _refuse_unknown(cfg, current)
    return True


def _refuse_unknown(cfg: Config, current: set[str]) -> None:
    from alembic.util import CommandError

    from app.domain.errors import DatabaseError

    script = ScriptDirectory.from_config(cfg)
    for rev in current:
        try:
            script.get_revision(rev)
        except CommandError:
            raise DatabaseError(
                f"大厅数据库的版本 {rev} 比本程序新；请先升级 OneWindow，未做任何改动",
                f"The hall database is at schema {rev}, newer than this program knows: update OneWindow first "
                "(nothing was changed)",
            ) from None


def head_revisions(cfg: Config | None = None) -> set[str]:
    return set(ScriptDirectory.from_config(cfg or alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database is at (empty for a new database), read without any write lock."""
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


class UnmigratedDatabase(Exception):
    """An empty database, and the caller may not turn it into a hall database."""


class NotAHall(Exception):
    """A database that holds someone else's tables: never migrate into it."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(", ".join(tables))
        self.tables = tables


def upgrade_to_head(engine: Engine, read_engine: Engine | None = None, *, create: bool = True) -> bool:
    """Bring the schema to the newest revision; returns whether anything had to be done.

    A database at no revision is made a hall database only when `create` is true and it holds no other
    tables; a revision this program does not know (a newer OneWindow wrote it) is refused, never touched."""
    cfg = alembic_config(engine)
    heads = head_revisions(cfg)
    if not refuse_unusable(read_engine or engine, create, cfg):
        return False
    with engine.begin() as connection:  # the write lock: a concurrent upgrader waits here, then finds nothing to do
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    log.info("hall database upgraded to %s", ", ".join(sorted(heads)))
    return True
