"""Statements on the queue's hot paths (issue, call-next), built once with bound parameters.

Building a SQLAlchemy expression costs more than SQLite takes to run it; building these once
and only binding values per call keeps ticket issue and call-next close to the disk's own floor.
Parameter names carry a `b_` prefix because UPDATE reserves plain column names for its SET clause.
"""

from functools import cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, literal, or_, select, union_all
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.ticket_rules import ACTIVE_AT_WINDOW, TicketStatus
from app.store.models import Category, Hall, Ticket, TicketCounter, Window, WindowCategory


def _b(name: str) -> Any:
    return bindparam(f"b_{name}")


FIRST_HALL = select(Hall).order_by(Hall.code).limit(1)
HALL_BY_CODE = select(Hall).where(Hall.code == _b("code"))
# What the queue's cached hall row is checked against: version and HLC move with every change to it.
_H = Hall.__table__.c
FIRST_HALL_STAMP = select(_H.id, _H.version, _H.updated_hlc).order_by(_H.code).limit(1)
HALL_STAMP_BY_CODE = select(_H.id, _H.version, _H.updated_hlc).where(_H.code == _b("code"))

# Core forms (plain rows, no ORM objects) for the hot paths.
_C, _T, _W, _WC = Category.__table__.c, Ticket.__table__.c, Window.__table__.c, WindowCategory.__table__.c
CATEGORY_ROW_BY_PREFIX = select(*_C).where(_C.hall_id == _b("hall_id"), _C.prefix == _b("prefix"), _C.active)
CATEGORY_ROW = select(*_C).where(_C.id == _b("id"))
# The window row is the lock that serialises one window's actions across PCs (on SQLite BEGIN IMMEDIATE does).
WINDOW_ROW_BY_NUMBER = (
    select(*_W).where(_W.hall_id == _b("hall_id"), _W.number == _b("number")).with_for_update(of=Window.__table__)
)
CURRENT_ROW_AT_WINDOW = (
    select(*_T).where(_T.window_id == _b("window_id"), _T.status.in_(tuple(ACTIVE_AT_WINDOW))).limit(1)
)
TICKET_ROW = select(*_T).where(_T.id == _b("id"))
WINDOW_LINK_ROWS = select(_WC.category_id, _WC.order, _WC.weight).where(_WC.window_id == _b("window_id"))

CATEGORY_BY_PREFIX = select(Category).where(
    Category.hall_id == _b("hall_id"), Category.prefix == _b("prefix"), Category.active
)
PERSON_TICKETS_TODAY = select(func.count()).where(
    Ticket.hall_id == _b("hall_id"), Ticket.service_day == _b("day"), Ticket.person_key == _b("key")
)


def _counter_upsert(dialect_insert: Any) -> Any:
    """Take the next number in one statement: insert 1 for the day's first ticket, else add 1."""
    stmt = dialect_insert(TicketCounter).values(
        hall_id=_b("hall_id"), service_day=_b("day"), prefix=_b("prefix"), last_number=1
    )
    return stmt.on_conflict_do_update(
        index_elements=[TicketCounter.hall_id, TicketCounter.service_day, TicketCounter.prefix],
        set_={"last_number": TicketCounter.last_number + 1},
    ).returning(TicketCounter.last_number)


NEXT_NUMBER = {"sqlite": _counter_upsert(sqlite.insert), "postgresql": _counter_upsert(postgresql.insert)}

_WAITING_IN_LINE = and_(
    Ticket.hall_id == _b("hall_id"),
    Ticket.service_day == _b("day"),
    Ticket.status == TicketStatus.WAITING,
    Ticket.category_id == _b("category_id"),
    Ticket.target_window_id.is_(None),
)
PEOPLE_AHEAD = select(func.count()).where(
    _WAITING_IN_LINE,
    or_(Ticket.sort_at < _b("sort_at"), and_(Ticket.sort_at == _b("sort_at"), Ticket.number < _b("number"))),
)
RECENT_SERVICE_TIMES = (
    select(Ticket.started_at, Ticket.finished_at)
    .where(
        Ticket.hall_id == _b("hall_id"),
        Ticket.service_day == _b("day"),
        Ticket.category_id == _b("category_id"),
        Ticket.status == TicketStatus.FINISHED,
    )
    .order_by(Ticket.finished_at.desc())
    .limit(20)
)
OPEN_WINDOWS_FOR_CATEGORY = (
    select(func.count(func.distinct(Window.id)))
    .join(WindowCategory, WindowCategory.window_id == Window.id)
    .where(Window.hall_id == _b("hall_id"), Window.status == "open", WindowCategory.category_id == _b("category_id"))
)
WINDOW_NUMBER = select(_W.number).where(_W.id == _b("window_id"))

WINDOW_BY_NUMBER = select(Window).where(Window.hall_id == _b("hall_id"), Window.number == _b("number"))
CURRENT_AT_WINDOW = (
    select(Ticket).where(Ticket.window_id == _b("window_id"), Ticket.status.in_(tuple(ACTIVE_AT_WINDOW))).limit(1)
)
WINDOW_LINKS = select(WindowCategory).where(WindowCategory.window_id == _b("window_id"))
CALLS_TODAY_BY_CATEGORY = (
    select(Ticket.category_id, func.count())
    .where(Ticket.hall_id == _b("hall_id"), Ticket.service_day == _b("day"), Ticket.window_id == _b("window_id"))
    .group_by(Ticket.category_id)
)


@cache
def line_heads(categories: int) -> Select[Any]:
    """The earliest waiting ticket sent to the window, and the head of each of its `categories` lines.

    On PostgreSQL each head is claimed (FOR UPDATE SKIP LOCKED): a head another window is calling right now
    is passed over for the next in its line instead of waited for, so windows never queue on one another.
    SQLite ignores the clause (BEGIN IMMEDIATE serialises writers)."""
    waiting = (Ticket.hall_id == _b("hall_id"), Ticket.service_day == _b("day"), Ticket.status == TicketStatus.WAITING)
    order = (Ticket.sort_at, Ticket.number)
    parts = [
        select(Ticket.id, Ticket.category_id, Ticket.sort_at, literal(True).label("direct"))
        .where(*waiting, Ticket.target_window_id == _b("window_id"))
        .order_by(*order)
        .limit(1)
        .with_for_update(skip_locked=True)
        .subquery()
    ]
    for i in range(categories):
        parts.append(
            select(Ticket.id, Ticket.category_id, Ticket.sort_at, literal(False).label("direct"))
            .where(*waiting, Ticket.category_id == _b(f"c{i}"), Ticket.target_window_id.is_(None))
            .order_by(*order)
            .limit(1)
            .with_for_update(skip_locked=True)
            .subquery()
        )
    return union_all(*(select(*p.c) for p in parts))  # type: ignore[return-value]


def params(**values: Any) -> dict[str, Any]:
    return {f"b_{k}": v for k, v in values.items()}
