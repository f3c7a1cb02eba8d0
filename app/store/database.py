"""Engine and session factory for the hall database (SQLite file or PostgreSQL by URL)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.domain.hlc import HybridLogicalClock
from app.store import audit, outbox

log = logging.getLogger("onewindow.store")


class HallSession(Session):
    """A Session whose flushes write audit rows and outbox rows (see app.store.audit, app.store.outbox)."""


audit.install(HallSession)  # first: the audit rows it adds are then queued by the outbox hook
outbox.install(HallSession)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # We issue BEGIN ourselves (below), so turn off the driver's own transaction handling.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before we print the ticket, so a power cut cannot reissue a number.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _make_sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction upgrading to a writer can
        # fail with SQLITE_BUSY without waiting, which would surface as a spurious error to a clerk.
        conn.exec_driver_sql(begin_sql)

    return engine


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    if "://" not in url:  # a bare path means an SQLite file
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


class Database:
    def __init__(self, url: str, device_id: str = "local", clock: HybridLogicalClock | None = None) -> None:
        self.url = normalise_url(url)
        self.device_id = device_id
        self.hlc = clock or HybridLogicalClock()
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            path = self.url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.write_engine = _make_sqlite_engine(self.url, immediate=True)
            self.read_engine = _make_sqlite_engine(self.url, immediate=False)
        else:
            self.write_engine = create_engine(self.url, pool_pre_ping=True)
            self.read_engine = self.write_engine
        info = {"hlc": self.hlc, "device_id": self.device_id}
        self._writer = sessionmaker(self.write_engine, class_=HallSession, expire_on_commit=False, info=info)
        self._reader = sessionmaker(self.read_engine, class_=HallSession, expire_on_commit=False, info=info)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction that commits on success and rolls back on any error."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def upgrade(self) -> None:
        from app.store.migrate import upgrade_to_head

        upgrade_to_head(self.write_engine)

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
