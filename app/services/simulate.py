"""Realistic hall activity through the real services (`onewindow simulate`): arrivals over the opening hours,
windows calling, serving and missing tickets, intake cases with generated scans checked for real, ratings
and appointments. For demos, sync tests and benchmarks: every row is written exactly as a clerk's would be."""

from __future__ import annotations

import heapq
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.applicant import Applicant, ApplicantKind
from app.domain.calendar import OpeningPeriod
from app.domain.errors import UserError
from app.services.appointments import AppointmentService
from app.services.blobs import BlobStore, hall_blob_store
from app.services.catalogue import CatalogueService
from app.services.hall import current_hall
from app.services.intake import IntakeService
from app.services.intake_checks import run_check_job
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.services.views import StaffView, TicketView
from app.store.database import Database

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"


@dataclass
class SimClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class SimulationReport:
    days: int = 0
    open_days: int = 0
    tickets: int = 0
    served: int = 0
    no_shows: int = 0
    cases: int = 0
    files: int = 0
    ratings: int = 0
    appointments: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


def _ric(rng: random.Random) -> str:
    from stdnum.cn import ric

    born = date(1984, 1, 1) + timedelta(days=rng.randrange(365 * 20))  # 西湖区 has been 330106 since 1983
    body = f"330106{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


WINDOWS = range(1, 7)


def _scan_dpi() -> int:
    """The resolution the material checks ask for: a simulated clerk scans as the hall's instructions say, so
    the pages pass the resolution check and a simulated month shows accepted cases."""
    from app.checks.config import CheckConfig

    config = CheckConfig()
    return round(max(config.analysis_dpi, config.dpi.warn_below))


SCAN_DPI = _scan_dpi()


class Simulator:
    def __init__(
        self,
        db: Database,
        seed: int = 1,
        tickets_per_day: int = 90,
        cases_per_day: int = 4,
        blobs: BlobStore | None = None,
    ) -> None:
        self.db, self.rng = db, random.Random(seed)
        self.tickets_per_day, self.cases_per_day = tickets_per_day, cases_per_day
        self.clock = SimClock(datetime.now(UTC))
        self.queue = QueueService(db, clock=self.clock)
        self.ratings = RatingService(db, clock=self.clock)
        self.blobs = blobs or hall_blob_store()
        catalogue = CatalogueService(db, clock=self.clock)
        catalogue.ensure_sample()
        self.intake = IntakeService(db, catalogue, blobs=self.blobs, clock=self.clock)
        hall = current_hall(db)
        self.tz = ZoneInfo(hall.timezone)
        self.hours = self._opening_hours(db)
        self.prefixes = [c.prefix for c in self.queue.list_categories()]
        self.report = SimulationReport()
        self.clerks = self._clerks(db)  # window number → the clerk signed in there, who presses its keys
        self._scans = Path(tempfile.mkdtemp(prefix="onewindow-sim-"))

    @staticmethod
    def _clerks(db: Database) -> dict[int, StaffView]:
        from app.services.hall import list_staff

        clerks = [st for st in list_staff(db) if st.role == "clerk"]
        # One clerk, one window (app.services.window_actor): windows beyond the staff list work unattended.
        return dict(zip(WINDOWS, clerks, strict=False))

    @staticmethod
    def _opening_hours(db: Database) -> list[OpeningPeriod]:
        from app.services.hall import load_hall, opening_periods

        with db.read() as s:
            return opening_periods(load_hall(s))  # the hall's one reading of them: a bad row is one line

    def run(
        self, days: int, end: date | None = None, progress: Callable[[int, int], None] | None = None
    ) -> SimulationReport:
        last = end or datetime.now(self.tz).date() - timedelta(days=1)
        for i in range(days):
            self._day(last - timedelta(days=days - 1 - i))
            if progress:
                progress(i + 1, days)
        return self.report

    # ---- one day ---------------------------------------------------------------------------------------------

    def _spans(self, day: date) -> list[tuple[datetime, datetime]]:
        if not self.hours:  # a hall open at all hours: simulate a working day anyway
            spans = [(time(8, 30), time(17, 30))]
        else:
            spans = [(p.opens, p.closes) for p in self.hours if p.weekday == day.weekday()]
        return [
            (datetime.combine(day, a, self.tz).astimezone(UTC), datetime.combine(day, b, self.tz).astimezone(UTC))
            for a, b in spans
        ]

    def _day(self, day: date) -> None:
        self.report.days += 1
        spans = self._spans(day)
        if not spans:
            return
        self.report.open_days += 1
        opening, closing = spans[0][0], spans[-1][1]
        seconds = (closing - opening).total_seconds()
        events: list[tuple[datetime, int, str, object]] = []
        n = 0
        for _ in range(max(1, int(self.rng.gauss(self.tickets_per_day, self.tickets_per_day * 0.15)))):
            at = opening + timedelta(seconds=self.rng.uniform(0, seconds * 0.92))
            heapq.heappush(events, (at, n := n + 1, "arrive", self.rng.choice(self.prefixes)))
        windows = list(WINDOWS)
        self.clock.now = opening
        for w in windows:
            self._try(partial(self.queue.open_window, w, self.clerks.get(w)))
            heapq.heappush(events, (opening + timedelta(minutes=1), n := n + 1, "free", w))
        case_budget = self.cases_per_day
        while events:
            at, _, kind, arg = heapq.heappop(events)
            if at > closing + timedelta(minutes=30):
                break
            self.clock.now = max(self.clock.now, at)
            if kind == "arrive":
                source = self.rng.choice(("kiosk", "staff"))
                if self._try(partial(self.queue.issue_ticket, str(arg), source=source)):
                    self.report.tickets += 1
                continue
            # spread the day's cases over its B and G tickets (about a third of all tickets)
            with_case = case_budget > 0 and self.rng.random() < min(1.0, 6 * self.cases_per_day / self.tickets_per_day)
            free_at, made_case = self._serve(int(str(arg)), at, with_case)
            case_budget -= made_case
            heapq.heappush(events, (free_at, n := n + 1, "free", arg))
        for w in windows:
            self._try(partial(self.queue.close_window, w, actor=self.clerks.get(w)))
        self._appointments(day)

    def _serve(self, window: int, at: datetime, with_case: bool) -> tuple[datetime, bool]:
        """Call, then serve or miss, one ticket; returns when the window is free again and whether a case was made."""
        clerk = self.clerks.get(window)
        ticket = self._try(partial(self.queue.call_next, window, actor=clerk))
        if not isinstance(ticket, TicketView):
            return at + timedelta(minutes=2), False
        self.clock.now += timedelta(seconds=self.rng.uniform(20, 90))
        if self.rng.random() < 0.07:
            self._try(partial(self.queue.skip, window, actor=clerk))  # nobody came: 过号
            self.report.no_shows += 1
            return self.clock.now, False
        self._try(partial(self.queue.start, window, actor=clerk))
        made_case = with_case and ticket.category_prefix in ("B", "G")
        if made_case:
            self._case(ticket.id, window)
        self.clock.now = max(self.clock.now, at + timedelta(minutes=max(1.5, self.rng.gauss(7, 3))))
        finished = self._try(partial(self.queue.finish, window, actor=clerk))
        if isinstance(finished, TicketView):
            self.report.served += 1
            if self.rng.random() < 0.3:
                self._rate(finished.id)
        return self.clock.now + timedelta(seconds=30), made_case

    def _try(self, action: Callable[[], object]) -> object | None:
        try:
            return action() or True
        except UserError as exc:  # a rule refused it (hall closed, nobody waiting...): a real hall has those too
            self.report.skipped[exc.code] = self.report.skipped.get(exc.code, 0) + 1
            return None

    def _rate(self, ticket_id: str) -> None:
        level = self.rng.choices((5, 4, 3, 2, 1), weights=(70, 18, 7, 3, 2))[0]
        reasons = ("wait",) if level <= 2 else ()
        try:
            self.ratings.submit("ticket", ticket_id, level, reasons, channel="window_pad")
            self.report.ratings += 1
        except UserError as exc:
            self.report.skipped[exc.code] = self.report.skipped.get(exc.code, 0) + 1

    def _case(self, ticket_id: str, window: int) -> None:
        from PIL import Image

        from app.checks.synthetic import PageSpec, draw_page

        clerk = self.clerks.get(window)
        try:
            view = self.intake.start_case(["G003"], ticket_id=ticket_id, window_number=window, actor=clerk)
            person = Applicant(
                ApplicantKind.PERSON, _name(self.rng), _ric(self.rng), f"138{self.rng.randrange(10**8):08d}"
            )
            view = self.intake.set_applicant(view.id, person, actor=clerk)
            for item in view.items:
                if item.material.key == "marriage_cert":
                    view = self.intake.set_disposition(view.id, item.id, "not_applicable", actor=clerk)
                    continue
                for side in range(max(1, item.material.sides)):  # an ID card: front and back, one scan each
                    path = self._scans / f"{view.id}-{item.material.key}-{side}.png"
                    page = draw_page(PageSpec(dpi=SCAN_DPI, seed=self.rng.randrange(10**6), lines=12))
                    Image.fromarray(page).save(path)
                    attached = self.intake.attach_file(view.id, item.id, path, actor=clerk)
                    outcome = run_check_job(attached.job)
                    view = self.intake.record_check(outcome.file_id, outcome.report)
                    self.report.files += 1
            if view.readiness.can_accept:
                self.intake.accept(view.id, clerk)
            elif view.readiness.can_accept_with_deficiency:
                self.intake.accept_with_deficiency(view.id, actor=clerk)
            else:
                self.intake.refuse(view.id, "材料不齐全，已一次性告知", clerk)
            self.report.cases += 1
        except UserError as exc:
            self.report.skipped[exc.code] = self.report.skipped.get(exc.code, 0) + 1

    def _appointments(self, day: date) -> None:
        service = AppointmentService(self.db, clock=self.clock)
        nxt = day + timedelta(days=1)
        for _ in range(self.rng.randrange(0, 4)):
            slot = self.rng.choice(("09:00-09:30", "10:00-10:30", "14:00-14:30"))
            book = partial(service.book, self.rng.choice(self.prefixes), nxt, slot, name=_name(self.rng))
            if self._try(book):
                self.report.appointments += 1
