"""The base of services that count working days (case deadlines, rating and follow-up windows, 电子监察 cards):
they all count with the hall's published calendar (app.services.catalogue.hall_calendar), unless a test or a
caller that already has it passes one."""

from __future__ import annotations

from app.domain.workdays import WorkdayCalendar
from app.services.catalogue import hall_calendar
from app.services.clock import Clock, system_clock
from app.store.database import Database


class WorkdayService:
    def __init__(
        self,
        db: Database,
        *,
        calendar: WorkdayCalendar | None = None,
        clock: Clock = system_clock,
        hall_code: str | None = None,
    ) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code
        self.calendar = calendar or hall_calendar(db, hall_code)
