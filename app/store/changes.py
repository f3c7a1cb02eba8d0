"""How screens learn that the hall changed: a number that moves with every committed change.

SQLite (one PC): the hall's ChangeCounter row, bumped as the last statement of each writing transaction;
a poll reads it. Writers are serialised anyway (BEGIN IMMEDIATE), so the row costs nothing in concurrency.

PostgreSQL (several PCs): one counter row per hall would serialise every write of the hall on its row lock.
Each writing transaction sends NOTIFY instead (delivered only on commit, in commit order), and each process
keeps one listening connection that counts what arrives; a poll is one round trip on that connection. A
reader that saw a notification and then reads sees that commit. When the listening connection is (re)opened,
the count moves once: whatever happened while nobody listened is unknown, so screens refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, select, text
from sqlalchemy.dialects import sqlite

from app.store.models import ChangeCounter

log = logging.getLogger("onewindow.store")

CHANNEL = "onewindow_changes"


def _bump_statement(dialect_insert: Any) -> Any:
    stmt = dialect_insert(ChangeCounter).values(hall_id=bindparam("b_hall_id"), n=1)
    return stmt.on_conflict_do_update(index_elements=["hall_id"], set_={"n": ChangeCounter.n + 1})


_BUMP = _bump_statement(sqlite.insert)  # built once: this runs at the end of every writing transaction
_NOTIFY = text(f"SELECT pg_notify('{CHANNEL}', :hall_id)")
COUNTER_SUM = select(func.coalesce(func.sum(ChangeCounter.n), 0))


def announce(conn: Connection, hall_ids: Iterable[str]) -> None:
    """Tell screens these halls changed; call as the transaction's last statement."""
    for hall_id in sorted(hall_ids):  # a fixed order: two transactions never wait on each other in a cycle
        if conn.dialect.name == "postgresql":
            conn.execute(_NOTIFY, {"hall_id": hall_id})
        else:
            conn.execute(_BUMP, {"b_hall_id": hall_id})


class ChangeListener:
    """The process's listening connection on PostgreSQL (see the module docstring). Thread-safe."""

    def __init__(self, engine: Engine) -> None:
        self._dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._lock = threading.Lock()
        self._conn: Any = None
        self._count = 0

    def count(self) -> int:
        import psycopg

        with self._lock:
            try:
                if self._conn is None or self._conn.closed:
                    self._open()
                self._conn.execute("SELECT 1")  # the round trip hands over notifications that have arrived
            except psycopg.OperationalError:
                self.close_locked()
                raise
            return self._count

    def _open(self) -> None:
        import psycopg

        conn = psycopg.connect(self._dsn, autocommit=True)
        conn.add_notify_handler(self._on_notify)
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn
        self._count += 1  # nobody listened until now: changes may have been missed

    def _on_notify(self, _notify: Any) -> None:
        self._count += 1  # called from within count() (holding the lock), while psycopg reads the socket

    def close(self) -> None:
        with self._lock:
            self.close_locked()

    def close_locked(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection: nothing more to do
                log.debug("closing the change listener failed", exc_info=True)
            self._conn = None
