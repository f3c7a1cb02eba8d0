"""电子监察 for cases: a yellow card one working day before a deadline, a red card once it has passed.

Per case (the promised completion date) and per step (the date by which materials owed under 容缺 must be
supplied). The supervisor filters the list by department, window and clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.calendar import service_day
from app.domain.cases import OPEN, STATUS_ZH, CaseStatus
from app.domain.workdays import WorkdayCalendar
from app.services.hall import load_hall
from app.services.workday_service import WorkdayService
from app.store.models import Staff
from app.store.models_intake import IntakeCase

YELLOW, RED = "yellow", "red"


@dataclass(frozen=True)
class CaseCard:
    card: str  # yellow | red
    step: str  # "promised" (办结时限) | "supplement" (容缺补正)
    step_zh: str
    receipt_number: str
    title_zh: str
    department_zh: str
    window_number: int | None
    clerk: str | None
    status: str
    status_zh: str
    due: date
    workdays_left: int  # negative once overdue


def card_for(calendar: WorkdayCalendar, today: date, due: date) -> tuple[str | None, int]:
    left = calendar.workdays_between(today, due)
    if today > due:
        return RED, left
    return (YELLOW if left <= 1 else None), left


class CaseSupervision(WorkdayService):
    def cards(
        self, *, department: str | None = None, window: int | None = None, clerk: str | None = None
    ) -> list[CaseCard]:
        """Open cases with a yellow or red card, red first, then the nearest deadline."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            today = service_day(self.clock(), hall.timezone)
            query = select(IntakeCase, Staff.login, Staff.name).outerjoin(Staff, Staff.id == IntakeCase.staff_id)
            query = query.where(IntakeCase.hall_id == hall.id, IntakeCase.status.in_([str(x) for x in OPEN]))
            if department:
                query = query.where(IntakeCase.department_zh.contains(department))
            if window is not None:
                query = query.where(IntakeCase.window_number == window)
            if clerk:
                query = query.where(Staff.login == clerk)
            rows = s.execute(query).all()
        out: list[CaseCard] = []
        for c, _login, name in rows:
            steps = [("promised", "办结时限", c.promised_date)]
            if c.deficiency_open:
                steps.append(("supplement", "容缺补正", c.deficiency_deadline))
            for step, step_zh, due in steps:
                if due is None:
                    continue
                card, left = card_for(self.calendar, today, due)
                if card is None:
                    continue
                out.append(
                    CaseCard(card, step, step_zh, c.receipt_number or "", c.title_zh, c.department_zh,
                             c.window_number, name, c.status, STATUS_ZH[CaseStatus(c.status)], due, left)  # fmt: skip
                )
        return sorted(out, key=lambda x: (x.card != RED, x.due, x.receipt_number))
