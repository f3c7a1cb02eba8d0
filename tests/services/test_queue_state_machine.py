"""Hypothesis state machine: random sequences of issue and window actions keep the queue invariants."""

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from app.domain.errors import RuleViolation
from app.domain.ticket_rules import ACTIVE_AT_WINDOW
from app.services import queue_read as rd
from app.services.auth import trusted_actor
from app.services.hall import create_sample_hall, load_hall
from app.services.queue import QueueService
from app.store.database import Database
from app.store.models import Ticket, TicketCounter, Window

PREFIXES = "ABCDG"
WINDOWS = (1, 2, 3, 6)
PRIORITIES = ("normal", "normal", "normal", "elderly", "appointment", "green_channel")


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "hall.db"
    db = Database(f"sqlite:///{path}", device_id="template")
    db.upgrade()
    create_sample_hall(db)
    db.dispose()
    return path


class QueueMachine(RuleBasedStateMachine):
    template: Path
    workdir: Path

    def __init__(self) -> None:
        super().__init__()
        self.n = getattr(QueueMachine, "_counter", 0) + 1
        QueueMachine._counter = self.n
        path = self.workdir / f"hall-{self.n}.db"
        shutil.copy(self.template, path)
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        self.db = Database(f"sqlite:///{path}", device_id="machine")
        self.q = QueueService(self.db, clock=lambda: self.now)
        self.clerk = trusted_actor(self.db, "wang")
        self.issued: dict[str, int] = {}
        self.called_once: set[str] = set()

    def teardown(self) -> None:
        self.db.dispose()

    @rule(prefix=st.sampled_from(PREFIXES), priority=st.sampled_from(PRIORITIES), minutes=st.integers(0, 5))
    def issue(self, prefix: str, priority: str, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)
        self.q.issue_ticket(prefix, source="staff", priority=priority)
        self.issued[prefix] = self.issued.get(prefix, 0) + 1

    @rule(window=st.sampled_from(WINDOWS))
    def call_next(self, window: int) -> None:
        self.now += timedelta(seconds=30)
        with self.db.read() as s:
            w = s.scalars(select(Window).where(Window.number == window)).one()
            paused = w.status == "paused"
            eligible = self._eligible_heads(s, w)
            current = s.scalars(
                select(Ticket).where(Ticket.window_id == w.id, Ticket.status.in_(tuple(ACTIVE_AT_WINDOW)))
            ).first()
            called_only = current is not None and current.status == "called"
        try:
            t = self.q.call_next(window)
        except RuleViolation:
            assert paused or called_only
            return
        assert not paused and not called_only, "call-next finished a ticket that was never started"
        if t is None:
            assert not eligible, "call-next returned nothing while a ticket was waiting for this window"
        else:
            assert t.id in eligible, "call-next skipped the head of a line"
            assert t.status == "called" and t.window_number == window

    def _eligible_heads(self, s, w: Window) -> set[str]:  # type: ignore[no-untyped-def]
        hall = load_hall(s)
        rows = rd.waiting_rows(s, hall, rd.today(hall, self.now), w)
        direct = [r for r in rows if r.target_window_number == w.number]
        if direct:
            return {direct[0].ticket_id}
        heads: dict[str, str] = {}
        for r in rows:
            if r.target_window_number is None:
                heads.setdefault(r.category_prefix, r.ticket_id)
        return set(heads.values())

    @rule(window=st.sampled_from(WINDOWS), action=st.sampled_from(["recall", "skip", "start", "finish", "park"]))
    def act(self, window: int, action: str) -> None:
        self.now += timedelta(seconds=20)
        try:
            getattr(self.q, action)(window)
        except RuleViolation:
            pass

    @rule(window=st.sampled_from(WINDOWS), data=st.data())
    def resume_parked(self, window: int, data: st.DataObject) -> None:
        with self.db.read() as s:
            w = s.scalars(select(Window).where(Window.number == window)).one()
            parked = s.scalars(select(Ticket.id).where(Ticket.window_id == w.id, Ticket.status == "parked")).all()
        if parked:
            try:
                self.q.resume(window, data.draw(st.sampled_from(sorted(parked))))
            except RuleViolation:
                pass

    @rule(
        window=st.sampled_from(WINDOWS),
        to_window=st.none() | st.sampled_from(WINDOWS),
        to_prefix=st.sampled_from(PREFIXES),
        front=st.booleans(),
    )
    def transfer(self, window: int, to_window: int | None, to_prefix: str, front: bool) -> None:
        try:
            prefix = None if to_window else to_prefix
            self.q.transfer(window, to_prefix=prefix, to_window=to_window, to_front=front, actor=self.clerk)
        except RuleViolation:
            pass

    @rule(window=st.sampled_from(WINDOWS), seconds=st.sampled_from([1, 5, 120]))
    def undo(self, window: int, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)
        try:
            self.q.undo_last(window)
        except RuleViolation:
            pass

    @rule(window=st.sampled_from(WINDOWS), pause=st.booleans())
    def pause_or_resume(self, window: int, pause: bool) -> None:
        (self.q.pause_window if pause else self.q.resume_window)(window)

    @invariant()
    def one_ticket_per_window_and_gapless_numbers(self) -> None:
        with self.db.read() as s:
            active = s.scalars(select(Ticket.window_id).where(Ticket.status.in_(tuple(ACTIVE_AT_WINDOW)))).all()
            assert len(active) == len(set(active)), "two tickets active at one window"
            for prefix, count in self.issued.items():
                numbers = sorted(s.scalars(select(Ticket.number).where(Ticket.prefix == prefix)).all())
                assert numbers == list(range(1, count + 1))
                last = s.scalars(select(TicketCounter.last_number).where(TicketCounter.prefix == prefix)).one()
                assert last == count


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_queue_invariants(template_db: Path, tmp_path: Path) -> None:
    QueueMachine.template = template_db
    QueueMachine.workdir = tmp_path
    run = settings(max_examples=50, stateful_step_count=30, deadline=None, suppress_health_check=list(HealthCheck))(
        QueueMachine
    ).TestCase
    run().runTest()
