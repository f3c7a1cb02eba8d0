"""Engine and session factory for the hall database (SQLite file or PostgreSQL by URL)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import NoHallDatabase
from app.domain.hlc import HybridLogicalClock
from app.store import audit, changes, outbox

log = logging.getLogger("onewindow.store")


class HallSession(Session):
    """A Session whose flushes write audit rows and outbox rows (see app.store.audit, app.store.outbox)."""


audit.install(HallSession)  # first: the audit rows it adds are then queued by the outbox hook
outbox.install(HallSession)


def _sqlite_pragmas(dbapi_connection: Any, create: bool) -> None:
    # We issue BEGIN ourselves (below), so turn off the driver's own transaction handling.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        # Switching to WAL rewrites the file header: only for a hall database, or a new one we may create;
        # never for another program's database (or a damaged file) that --db pointed at by mistake.
        tables = {r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" in tables or (create and not tables):
            cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before we print the ticket, so a power cut cannot reissue a number.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _make_sqlite_engine(url: str, immediate: bool, create: bool = True) -> Engine:
    def stored_json(text: str) -> Any:
        # SQLite keeps JSON as text that anyone can edit by hand; PostgreSQL checks it on the way in
        try:
            return json.loads(text)
        except ValueError:
            from app.store.errors import corrupt

            raise corrupt(
                url, "存储的 JSON 值无效，可能被手工修改过", "a stored JSON value is not valid JSON: edited by hand?"
            ) from None

    engine = create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False}, json_deserializer=stored_json
    )
    event.listen(engine, "connect", lambda dbapi_connection, _record: _sqlite_pragmas(dbapi_connection, create))
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction upgrading to a writer can
        # fail with SQLITE_BUSY without waiting, which would surface as a spurious error to a clerk.
        conn.exec_driver_sql(begin_sql)

    return engine


def make_engines(url: str) -> tuple[Engine, Engine]:
    """(writer, reader) for a normalised URL (the central server's database): SQLite gets WAL, durable commits
    and BEGIN IMMEDIATE writers like a hall's."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return _make_sqlite_engine(url, immediate=True), _make_sqlite_engine(url, immediate=False)
    engine = create_engine(url, pool_pre_ping=True)
    return engine, engine


def read_only_engine(path: Path) -> Engine:
    """An engine that can only read the SQLite file at `path`. Every refusal (damaged, not a hall, a newer schema)
    is decided through it: when the last read-write connection to a file closes, SQLite checkpoints a leftover
    -wal file into it, and a -wal file that belongs to another database would then overwrite this one."""
    import sqlite3
    from urllib.parse import quote

    from sqlalchemy.pool import NullPool

    uri = f"file:{quote(str(path))}?mode=ro"
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False), poolclass=NullPool
    )


def engine_for_looking(url: str) -> Engine:
    """An engine for a normalised URL that only looks (the doctor): read-only on an existing SQLite file."""
    from app.store.errors import sqlite_path

    path = sqlite_path(url)
    return read_only_engine(path) if path is not None and path.exists() else create_engine(url)


@contextmanager
def sqlite_preflight(url: str) -> Iterator[Engine | None]:
    """A read-only engine on the SQLite file behind `url`; None for PostgreSQL or a file not yet made."""
    from app.store.errors import sqlite_path

    path = sqlite_path(url)
    if path is None or not path.exists():
        yield None
        return
    engine = read_only_engine(path)
    try:
        yield engine
    finally:
        engine.dispose()


def check_sqlite_integrity(engine: Engine, url: str) -> None:
    """DatabaseCorrupt (naming the last backup) for a damaged SQLite file, read through `engine` (from
    sqlite_preflight).

    SQLite notices damage only on the pages a statement touches, so without this a command could print half a
    hall or append to it. `quick_check` reads every page once (about a second per gigabyte): done once per
    command, role start or server start, never per transaction. PostgreSQL checks its own pages."""
    from sqlalchemy import text

    from app.store.errors import corrupt

    with engine.connect() as conn:
        rows = [str(r[0]) for r in conn.execute(text("PRAGMA quick_check(3)"))]
    if rows != ["ok"]:
        lines = [line for row in rows for line in row.splitlines() if line and not line.startswith("***")]
        raise corrupt(url, "; ".join(lines)[:160])


KNOWN_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for what the user gave (a path or a URL); BadDatabaseUrl for anything we cannot open.

    The URL is parsed here, once, so that a malformed one (`postgresql://u@[::1`, an empty --db) is a user error
    before any engine exists, not a ValueError deep inside SQLAlchemy or Alembic."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from app.store.errors import bad_url, not_a_file

    given = url
    if not url.strip():
        raise bad_url(given)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    elif "://" not in url:  # a bare path means an SQLite file
        path = Path(url)
        try:
            path = path.expanduser()
        except RuntimeError:  # `~nosuchuser/hall.db` stays a literal name, as in the shell
            pass
        try:
            url = f"sqlite:///{path.resolve()}"
        except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13, OSError after
            raise not_a_file(given, symlink_loop=True) from None
        return _refuse_special_file(url, given)
    if url.split("://", 1)[0] not in KNOWN_SCHEMES:
        raise bad_url(given)
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - parsing the port raises for `host:abc`
    except (ArgumentError, ValueError):
        raise bad_url(given) from None
    # An in-memory SQLite database would be a different, empty one for each of our two engines.
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise bad_url(given)
    return _refuse_special_file(url, given)


def _refuse_special_file(url: str, given: str) -> str:
    """`url`, unless it names a device or a pipe (/dev/null, a FIFO): SQLite would report a "disk I/O error"
    there, or a pipe could block, and `hall init` would be advised onto it."""
    import stat

    from app.store.errors import not_a_file, sqlite_path

    path = sqlite_path(url)
    try:
        mode = path.stat().st_mode if path is not None else None
    except OSError:
        return url  # missing, or unreachable: SQLite's own error says which
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder has its own message
        raise not_a_file(given)
    return url


def _no_hall_file(given: str, path: Path | str) -> NoHallDatabase:
    from app import settings

    default = given == settings.paths().default_db_url  # the user gave no --db: do not make them type one
    command = "onewindow hall init --sample" + ("" if default else f" --db {given}")
    return NoHallDatabase(
        f"{path} 还不是大厅数据库；请先运行 {command}（或用 --db 指向已有的大厅数据库）",
        f"There is no hall database at {path}: run `{command}` first (or point --db at an existing hall database)",
    )


class Database:
    """The hall database. `create=False` refuses to make a new SQLite file (a command that only uses a hall
    must not leave an empty database behind when the user mistyped the path)."""

    def __init__(
        self, url: str, device_id: str = "local", clock: HybridLogicalClock | None = None, *, create: bool = True
    ) -> None:
        from app.store.errors import sqlite_path

        self.url = normalise_url(url)
        self.given_url, self.create = url, create
        self.device_id = device_id
        self.hlc = clock or HybridLogicalClock()
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            path = sqlite_path(self.url)
            if path is not None and not path.exists():
                if not create:
                    raise _no_hall_file(url, path)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except PermissionError as exc:
                    from app.store.errors import as_user_error

                    raise (as_user_error(exc, self.url) or exc) from None
            self.write_engine = _make_sqlite_engine(self.url, immediate=True, create=create)
            self.read_engine = _make_sqlite_engine(self.url, immediate=False, create=create)
        else:
            self.write_engine = create_engine(self.url, pool_pre_ping=True)
            self.read_engine = self.write_engine
        self._listener = None if self.is_sqlite else changes.ChangeListener(self.write_engine)
        self._clock_seeded = False
        info = {"hlc": self.hlc, "device_id": self.device_id}
        self._writer = sessionmaker(self.write_engine, class_=HallSession, expire_on_commit=False, info=info)
        self._reader = sessionmaker(self.read_engine, class_=HallSession, expire_on_commit=False, info=info)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction that commits on success and rolls back on any error."""
        if not self._clock_seeded:
            self._seed_clock()
        with self._writer() as session, session.begin():
            yield session

    def _seed_clock(self) -> None:
        from app.store.synced import largest_stored_hlc

        try:
            with self._reader() as session, session.begin():
                self.hlc.restart_from(largest_stored_hlc(session))
        except (OperationalError, ProgrammingError):
            return  # no tables yet (before the first upgrade): nothing stored to continue from
        self._clock_seeded = True

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def change_count(self) -> int:
        """Moves with every committed change in the hall database (see app.store.changes): screens poll it and
        refresh only when it moved."""
        if self._listener is not None:
            return self._listener.count()
        with self.read() as s:
            return int(s.scalar(changes.COUNTER_SUM) or 0)

    def upgrade(self) -> bool:
        """Migrate to the newest schema; reads the revision first and locks only when an upgrade is due."""
        from app.store.migrate import upgrade_to_head

        with self._hall_errors():
            return upgrade_to_head(self.write_engine, self.read_engine, create=self.create)

    def check_integrity(self) -> None:
        """Refuse, read-only, a damaged SQLite file (see check_sqlite_integrity), another program's database or
        one of a newer schema, before anything could write to it."""
        from app.store.migrate import refuse_unusable

        with sqlite_preflight(self.url) as engine:
            if engine is not None:
                check_sqlite_integrity(engine, self.url)
                with self._hall_errors():
                    refuse_unusable(engine, self.create)

    def require_hall(self) -> None:
        """Refuse, without writing, a database that is not a hall database (for commands that never migrate)."""
        from app.store.migrate import refuse_non_hall

        with sqlite_preflight(self.url) as engine, self._hall_errors():
            refuse_non_hall(engine or self.read_engine)

    @contextmanager
    def _hall_errors(self) -> Iterator[None]:
        from app.store.errors import shown_url
        from app.store.migrate import NotAHall, UnmigratedDatabase

        try:
            yield
        except UnmigratedDatabase:
            raise _no_hall_file(self.given_url, shown_url(self.url)) from None
        except NotAHall as exc:
            from app.store.errors import foreign_database

            raise foreign_database(self.url, exc.tables) from None

    def dispose(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
