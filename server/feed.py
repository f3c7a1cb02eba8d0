"""The change feed: records written with their place in their scope's sequence, read back by cursor, hashed.

A cursor is "<feed_epoch>:<hall seq>:<global seq>". The epoch changes when the server is restored from a
backup (`onewindow server new-epoch`): every hall then re-pushes what it holds and reads from the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.ids import new_id
from app.domain.sync_rules import GLOBAL_SCOPE, summarise
from server.auth import meta_value
from server.models import FeedCounter, Meta, Record

EPOCH_KEY = "feed_epoch"


class FeedReset(Exception):
    """The client must start again: re-push a snapshot, then pull from the start (HTTP 410)."""

    def __init__(self, reason: str, epoch: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.epoch = epoch


@dataclass(frozen=True)
class Cursor:
    epoch: str
    hall_seq: int
    global_seq: int

    def text(self) -> str:
        return f"{self.epoch}:{self.hall_seq}:{self.global_seq}"

    @staticmethod
    def parse(text: str, epoch: str) -> Cursor:
        if not text:
            return Cursor(epoch, 0, 0)
        try:
            e, h, g = text.rsplit(":", 2)
            return Cursor(e, int(h), int(g))
        except ValueError:
            raise FeedReset("bad_cursor", epoch) from None


def feed_epoch(session: Session) -> str:
    return meta_value(session, EPOCH_KEY, default=new_id())


def new_epoch(session: Session) -> str:
    row = session.get(Meta, EPOCH_KEY)
    value = new_id()
    if row is None:
        session.add(Meta(key=EPOCH_KEY, value=value))
    else:
        row.value = value
    return value


def _counter_stmt(dialect: str) -> Any:
    ins = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(FeedCounter)
    stmt = ins.values(scope=bindparam("s"), n=bindparam("k"))
    return stmt.on_conflict_do_update(index_elements=["scope"], set_={"n": FeedCounter.n + stmt.excluded.n}).returning(
        FeedCounter.n
    )


_COUNTER = {"sqlite": _counter_stmt("sqlite"), "postgresql": _counter_stmt("postgresql")}


def take_seqs(session: Session, scope: str, k: int) -> int:
    """Reserve k sequence numbers in `scope`; returns the last. Locks the scope's counter row until commit."""
    conn = session.connection()
    return int(conn.execute(_COUNTER[conn.dialect.name], {"s": scope, "k": k}).scalar_one())


def counter_value(session: Session, scope: str) -> int:
    return int(session.scalar(select(FeedCounter.n).where(FeedCounter.scope == scope)) or 0)


def write_records(
    session: Session, scope: str, new: Sequence[dict[str, Any]], changed: Sequence[dict[str, Any]]
) -> None:
    """Insert `new` and overwrite `changed` records, numbering them in the scope's feed (as the final writes)."""
    total = len(new) + len(changed)
    if not total:
        return
    last = take_seqs(session, scope, total)
    seq = last - total
    now = datetime.now(UTC)
    for row in (*new, *changed):
        seq += 1
        row["seq"] = seq
        row["updated_at"] = now
        row["scope"] = scope
    if new:
        session.execute(insert(Record), list(new))
    if changed:
        stmt = (
            update(Record)
            .where(Record.hall_id == bindparam("k_hall"), Record.entity == bindparam("k_entity"))
            .where(Record.entity_id == bindparam("k_id"))
        )
        rows = [{**r, "k_hall": r["hall_id"], "k_entity": r["entity"], "k_id": r["entity_id"]} for r in changed]
        for r in rows:
            del r["hall_id"], r["entity"], r["entity_id"]
        session.connection().execute(stmt, rows)


def pull(session: Session, hall_id: str, cursor_text: str, limit: int) -> tuple[Cursor, list[Record], bool]:
    epoch = feed_epoch(session)
    cursor = Cursor.parse(cursor_text, epoch)
    if cursor.epoch != epoch:
        raise FeedReset("feed_epoch", epoch)
    if cursor.hall_seq > counter_value(session, hall_id) or cursor.global_seq > counter_value(session, GLOBAL_SCOPE):
        # The hall has read further than this feed goes: the server was restored and nobody said so.
        raise FeedReset("cursor_ahead", epoch)
    rows: list[Record] = []
    more = False
    seqs = [cursor.hall_seq, cursor.global_seq]
    for i, scope in enumerate((hall_id, GLOBAL_SCOPE)):
        page = list(
            session.scalars(
                select(Record).where(Record.scope == scope, Record.seq > seqs[i]).order_by(Record.seq).limit(limit)
            )
        )
        if page:
            seqs[i] = page[-1].seq
            more = more or len(page) == limit
        rows.extend(page)
    return Cursor(epoch, seqs[0], seqs[1]), rows, more


def verify(session: Session, hall_id: str) -> dict[str, dict[str, Any]]:
    pairs = session.execute(
        select(Record.entity, Record.entity_id, Record.hlc).where(Record.hall_id == hall_id, Record.deleted.is_(False))
    )
    return summarise((e, i, int(h)) for e, i, h in pairs)


def hall_row_count(session: Session, hall_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(Record).where(Record.hall_id == hall_id)) or 0)
