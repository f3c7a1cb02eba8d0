"""Issuing a ticket: the number, elderly priority, the per-person daily limit, the hall's opening hours; one
write transaction, the wait estimate read after it. A part of QueueService (app.services.queue)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from app.domain import calendar
from app.domain.errors import CategoryFullError, DailyLimitError, HallClosedError, NotFoundError
from app.domain.person import is_elderly, person_key
from app.domain.queue_policy import Priority, sort_key_for
from app.domain.settings_schema import HallSettings
from app.domain.ticket_rules import TicketSource, TicketStatus
from app.services import queue_read as rd
from app.services import queue_sql as sq
from app.services import queue_write as qw
from app.services.clock import Clock
from app.services.hall import load_hall, opening_periods
from app.services.views import TicketView
from app.store.database import Database
from app.store.models import Hall

log = logging.getLogger("onewindow.queue")


class TicketIssuing:
    db: Database
    clock: Clock
    hall_code: str | None
    _cached_hall: tuple[tuple[Any, ...], Hall] | None

    # ---- issuing -------------------------------------------------------------------------------------------

    def issue_ticket(
        self,
        prefix: str,
        *,
        source: str = TicketSource.KIOSK,
        priority: str = Priority.NORMAL,
        matters: tuple[str, ...] = (),
        person_id: str | None = None,
    ) -> TicketView:
        source, priority = TicketSource(source), Priority(priority)
        with self.db.write() as s:
            hall = self._hall(s)
            now = self.clock()
            day = rd.today(hall, now)
            cat = self._category(s, hall, prefix)
            if source is TicketSource.KIOSK and not calendar.is_open(
                opening_periods(hall), now, hall.timezone
            ):
                raise HallClosedError("现在不是办公时间，暂停取号", "The hall is closed: tickets cannot be taken now")
            key = None
            if person_id:
                key = person_key(person_id, HallSettings.of(hall.settings).person_salt or hall.id, day)
                if priority is Priority.NORMAL and is_elderly(person_id, day):
                    priority = Priority.ELDERLY
                self._check_daily_limit(s, hall, day, key)
            number = self._next_number(s, hall.id, day, cat)
            t = qw.insert_ticket(
                s,
                dict(
                    hall_id=hall.id, service_day=day, category_id=cat.id, prefix=cat.prefix, number=number,
                    source=source, priority=priority, status=TicketStatus.WAITING, person_key=key,
                    matters=list(matters), issued_at=now, sort_at=sort_key_for(now, priority),
                ),
            )  # fmt: skip
            detail = {"source": source, "priority": priority}
            qw.insert_event(s, hall.id, "issued", now, ticket_id=t.id, detail=detail)
            view = rd.view_of(hall, t, cat, None)
        # People ahead and the wait estimate are read after the commit: they need no write lock.
        with self.db.read() as s:
            view = rd.with_wait(s, view, t, cat)
        log.info("issued %s (%s, %s)", view.display_number, source, priority)
        return view

    def _hall(self, s: Session) -> Hall:
        """The hall row, kept between calls and read again only when its version or HLC stamp moved (a settings
        change made here, on another PC or pulled by sync): the hot paths then check one small row instead of
        loading the hall with its settings. The cached object is detached and only read from."""
        stamp_q = sq.HALL_STAMP_BY_CODE if self.hall_code else sq.FIRST_HALL_STAMP
        stamp = s.connection().execute(stamp_q, sq.params(code=self.hall_code)).first()
        cached = self._cached_hall
        if stamp is not None and cached is not None and cached[0] == tuple(stamp):
            return cached[1]
        hall = load_hall(s, self.hall_code)
        if stamp is not None:
            s.expunge(hall)  # a rollback of this transaction must not expire the copy we keep
            self._cached_hall = (tuple(stamp), hall)
        return hall

    def _category(self, s: Session, hall: Hall, prefix: str) -> Row[Any]:
        keys = sq.params(hall_id=hall.id, prefix=prefix.upper())
        cat = s.connection().execute(sq.CATEGORY_ROW_BY_PREFIX, keys).first()
        if cat is None:
            raise NotFoundError(f"没有业务类别“{prefix}”", f"No service category '{prefix}'")
        return cat

    def _check_daily_limit(self, s: Session, hall: Hall, day: Any, key: str) -> None:
        limit = HallSettings.of(hall.settings).daily_tickets_per_person
        taken = s.scalar(sq.PERSON_TICKETS_TODAY, sq.params(hall_id=hall.id, day=day, key=key))
        if (taken or 0) >= limit:
            raise DailyLimitError(
                f"您今天已取号 {taken} 次，达到每日上限，请到咨询台求助",
                f"You have taken {taken} tickets today, the daily limit; please ask at the help desk",
            )

    def _next_number(self, s: Session, hall_id: str, day: Any, cat: Row[Any]) -> int:
        """Gapless per hall, day and prefix: the counter moves in this transaction or not at all."""
        keys = sq.params(hall_id=hall_id, day=day, prefix=cat.prefix)
        conn = s.connection()
        last = conn.execute(sq.NEXT_NUMBER[conn.dialect.name], keys).scalar_one()
        number = cat.number_start + last - 1
        if number > cat.number_end:
            raise CategoryFullError(
                f"“{cat.name_zh}”今日号码已发完", f"All of today's numbers for {cat.name_en or cat.prefix} are taken"
            )
        return int(number)
