"""The same SQL without the Python around it: record what the queue sends to SQLite, replay it with bare sqlite3.

`bench queue` compares issue and call-next with a bare insert+commit (the disk's floor). That floor writes one
row into a two-column table; an issue writes four rows into indexed tables and counts the people ahead. The
replay runs the very statements (and parameters) one call sent, on a copy of the database taken before the
calls, with the same transactions: what is left between the call and its replay is the application's own cost
(SQLAlchemy, the services, building the view).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

Statement = tuple[str, Any, bool]  # SQL text, parameters, executemany


class SqlRecorder:
    """Records the statements each operation sends through the given engines, in order."""

    def __init__(self, *engines: Engine) -> None:
        self.engines = engines
        self.ops: list[tuple[bool, list[Statement]]] = []  # (measured?, statements)

    def _on_execute(self, _conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        if self.ops:
            self.ops[-1][1].append((statement, params, many))

    @contextmanager
    def op(self, measured: bool) -> Iterator[None]:
        self.ops.append((measured, []))
        yield

    @contextmanager
    def recording(self) -> Iterator[SqlRecorder]:
        for engine in self.engines:
            event.listen(engine, "before_cursor_execute", self._on_execute)
        try:
            yield self
        finally:
            for engine in self.engines:
                event.remove(engine, "before_cursor_execute", self._on_execute)


def replay(database: Path, ops: list[tuple[bool, list[Statement]]]) -> list[float]:
    """Run every recorded operation on `database` (a copy taken before them) with bare sqlite3, with the
    hall's durability (WAL, synchronous=FULL); returns the milliseconds of each measured one."""
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    times = []
    for measured, statements in ops:
        start = time.perf_counter()
        for sql, params, many in statements:
            if sql.startswith("BEGIN") and conn.in_transaction:
                conn.execute("COMMIT")  # the service's previous transaction (e.g. the write before its reads)
            if many:
                conn.executemany(sql, params)
            else:
                conn.execute(sql, params).fetchall()
        if conn.in_transaction:
            conn.execute("COMMIT")
        if measured:
            times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def snapshot(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (online backup API)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
