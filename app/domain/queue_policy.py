"""Which ticket a window calls next.

Ordering: every waiting ticket has a `sort_at` key = issue time minus a bounded head start for its
priority. Priority tickets therefore go ahead of recent normal tickets, but a normal ticket can only be
overtaken by tickets issued at most `max boost` after it: it cannot starve however many priority
tickets arrive (aging with a cap). Transfers "to the front" set an early key; "to the back" set now.

Between categories a window uses either strict order (first category in its list with someone waiting)
or weights (smooth weighted share of today's calls).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Priority(StrEnum):
    NORMAL = "normal"
    APPOINTMENT = "appointment"
    ELDERLY = "elderly"
    DISABILITY = "disability"
    GREEN_CHANNEL = "green_channel"


PRIORITY_BOOST_MINUTES: dict[Priority, int] = {
    Priority.NORMAL: 0,
    Priority.APPOINTMENT: 20,
    Priority.ELDERLY: 30,
    Priority.DISABILITY: 30,
    Priority.GREEN_CHANNEL: 45,
}
MAX_BOOST_MINUTES = max(PRIORITY_BOOST_MINUTES.values())
ELDERLY_AGE = 70


def sort_key_for(issued_at: datetime, priority: Priority | str) -> datetime:
    return issued_at - timedelta(minutes=PRIORITY_BOOST_MINUTES[Priority(priority)])


def front_of_line_key(earliest_waiting: datetime | None, now: datetime) -> datetime:
    base = earliest_waiting if earliest_waiting is not None and earliest_waiting < now else now
    return base - timedelta(seconds=1)


class ServeMode(StrEnum):
    ORDER = "order"
    WEIGHT = "weight"


@dataclass(frozen=True)
class ServedCategory:
    category_id: str
    order: int
    weight: int


@dataclass(frozen=True)
class Candidate:
    """The head of one category's line (or a ticket sent to this window specifically)."""

    ticket_id: str
    category_id: str
    sort_at: datetime
    for_this_window: bool = False


def choose_next(
    mode: ServeMode | str,
    served: list[ServedCategory],
    heads: list[Candidate],
    calls_today: dict[str, int],
) -> Candidate | None:
    """Pick the next ticket from the head of each line.

    `heads` holds at most one candidate per category (its earliest sort_at) plus any tickets
    transferred to this very window, which always come first.
    """
    direct = [c for c in heads if c.for_this_window]
    if direct:
        return min(direct, key=lambda c: c.sort_at)
    by_category = {c.category_id: c for c in heads if not c.for_this_window}
    available = [s for s in served if s.category_id in by_category]
    if not available:
        return None
    if ServeMode(mode) is ServeMode.ORDER:
        first = min(available, key=lambda s: s.order)
        return by_category[first.category_id]

    # Weighted: the category furthest below its share of today's calls goes next; ties by who waited longest.
    def deficit(s: ServedCategory) -> tuple[float, datetime]:
        return (calls_today.get(s.category_id, 0) / max(s.weight, 1), by_category[s.category_id].sort_at)

    return by_category[min(available, key=deficit).category_id]
