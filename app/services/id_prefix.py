"""The one way a typed id prefix becomes a row id (`onewindow alarm ack 0193f2…`, `rating follow-up … ID`).

Listings print the first characters of an id; UUIDv7 ids made in the same moment share a long beginning, so
a prefix can fit several rows. Then the user is told so, with the candidates, instead of "not found"
(which sends them looking for a row that exists). An exact id always wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.errors import AmbiguousId, NotFoundError

SHOWN = 5  # how many candidates an ambiguous prefix lists


def resolve_id_prefix(
    s: Session,
    column: InstrumentedAttribute[Any],
    given: str,
    where: Sequence[ColumnElement[bool]],
    *,
    what: tuple[str, str],  # ("告警", "alarm"): the kind of row, for the messages
) -> str:
    """The one id in `column` that is `given` or starts with it, among the rows `where` selects."""
    prefix = given.strip().lower()
    zh, en = what
    if not prefix:
        raise NotFoundError(f"请给出{zh}编号", f"Give the {en} id")
    if s.scalar(select(column).where(*where, column == prefix)) is not None:
        return prefix
    query = select(column).where(*where, column.startswith(prefix, autoescape=True)).order_by(column)
    found = [str(x) for x in s.scalars(query.limit(SHOWN + 1))]
    if not found:
        raise NotFoundError(f"没有找到编号为 {prefix} 的{zh}", f"No {en} with id {prefix}")
    if len(found) > 1:
        listed = ", ".join(found[:SHOWN]) + (", …" if len(found) > SHOWN else "")
        raise AmbiguousId(
            f"编号 {prefix} 对应多条{zh}，请多输入几位：{listed}",
            f"{prefix} fits more than one {en}; type more of the id: {listed}",
        )
    return found[0]
