"""Report numbers: a small day computed by hand, and totals that agree across every breakdown (Hypothesis)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.auth import trusted_actor
from app.services.hall import create_sample_hall
from app.services.hall_settings import HallSettingsService
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.services.report_export import COLUMNS, write_xlsx
from app.services.reports import ReportService
from app.store.database import Database
from tests.conftest import FakeClock
from tests.intake.test_cases_service import accepted_case

DAY = date(2026, 11, 23)


def test_a_small_day_by_hand(hall_db, clock, intake, cases, person, tmp_path, reviewer, tmp_path_factory):
    wang, li, admin = (trusted_actor(hall_db, x) for x in ("wang", "li", "admin"))
    HallSettingsService(hall_db).set("target_wait_minutes", 15, actor=admin)
    q, ratings = QueueService(hall_db, clock=clock), RatingService(hall_db, clock=clock)
    q.open_window(1, wang)
    q.open_window(6, li)
    b1, b2, g1 = q.issue_ticket("B"), q.issue_ticket("B"), q.issue_ticket("G")  # 10:00
    clock.advance(minutes=5)
    assert q.call_next(1, actor=wang).id == b1.id  # 10:05, waited 5
    clock.advance(minutes=1)
    q.start(1, actor=wang)  # 10:06
    clock.advance(minutes=10)
    q.finish(1, actor=wang)  # 10:16: served 10
    assert q.call_next(6, actor=li).id == g1.id  # 10:16, waited 16
    clock.advance(minutes=2)
    q.skip(6, actor=li)  # 10:18: no-show
    assert q.call_next(1, actor=wang).id == b2.id  # 10:18, waited 18
    clock.advance(minutes=2)
    q.transfer(1, to_prefix="G", actor=wang)  # 10:20
    assert q.call_next(6, actor=li).id == b2.id  # 10:20
    clock.advance(minutes=10)
    q.finish(6, actor=li)  # 10:30: served 10 (from the last call)
    ratings.rate(b1.qr_payload, 5)  # finished tickets, rated by their QR
    ratings.rate(b2.qr_payload, 2, ["wait"])
    case_id = accepted_case(intake, person, tmp_path)  # promised Tuesday, decided today: early
    for status in ("in_review", "approved"):
        cases.move(case_id, status, actor=reviewer)

    report = ReportService(hall_db, clock=clock).daily(DAY)
    t = report.total
    assert (t.arrived, t.served, t.no_show, t.transfers, t.called) == (3, 2, 1, 1, 3)
    assert (t.avg_wait_min, t.max_wait_min, t.service_level) == (13.0, 18.0, 33.3)
    assert (t.avg_service_min, t.max_service_min, t.served_pct, t.no_show_pct) == (10.0, 10.0, 66.7, 33.3)
    assert t.ratings == {"5": 1, "4": 0, "3": 0, "2": 1, "1": 0} and t.good_rate == 50.0
    assert (t.cases_accepted, t.cases_refused, t.cases_concluded, t.cases_early, t.early_rate) == (1, 0, 1, 1, 100.0)
    cat = {m.key: m for m in report.by_category}
    assert (cat["B"].arrived, cat["B"].served) == (1, 1)  # B002 counts where it ended: G
    assert (cat["G"].arrived, cat["G"].served, cat["G"].no_show, cat["G"].transfers) == (2, 1, 1, 1)
    win = {m.key: m for m in report.by_window}
    assert (win["1"].served, win["1"].transfers, win["6"].served, win["6"].no_show) == (1, 1, 1, 1)
    clerk = {m.key: m for m in report.by_clerk}
    assert (clerk["wang"].name, clerk["wang"].served, clerk["li"].served, clerk["li"].no_show) == ("王芳", 1, 1, 1)
    assert clerk["li"].ratings["2"] == 1 and clerk["wang"].good_rate == 100.0
    assert report.heatmap["walk_in"][0][10] == 3  # Monday, 10:00-11:00

    monthly = ReportService(hall_db, clock=clock).monthly(DAY)
    assert monthly.total.arrived == 3 and monthly.start == date(2026, 11, 1)
    windows = [a for a in monthly.assessment if a.kind == "window"]
    assert [a.rank for a in windows] == list(range(1, len(windows) + 1)) and windows[0].score >= windows[-1].score
    xlsx = write_xlsx(monthly, tmp_path_factory.mktemp("x") / "m.xlsx")
    import zipfile

    with zipfile.ZipFile(xlsx) as z:
        shared, sheets = z.read("xl/sharedStrings.xml").decode(), z.read("xl/workbook.xml").decode()
    for _f, zh, _en in COLUMNS:
        assert zh in shared
    assert "窗口考核" in sheets and "按窗口" in sheets and "考核得分" in shared


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "hall.db"
    db = Database(f"sqlite:///{path}", device_id="t")
    db.upgrade()
    create_sample_hall(db)
    db.dispose()
    return path


ADDITIVE = (
    "arrived", "served", "no_show", "walk_outs", "transfers", "called", "within_target", "rated", "cases_accepted",
)  # fmt: skip
OPS = st.lists(
    st.tuples(
        st.sampled_from(["issue", "call", "finish", "skip", "transfer", "rate"]),
        st.sampled_from([1, 2, 3, 6]),
        st.sampled_from(["A", "B", "C", "G"]),
        st.integers(min_value=1, max_value=5),
    ),
    min_size=5,
    max_size=40,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_totals_agree_across_every_breakdown(template, tmp_path, ops):
    path = tmp_path / f"h{abs(hash(tuple(ops)))}.db"
    shutil.copy(template, path)
    db = Database(f"sqlite:///{path}", device_id="t")
    clock = FakeClock()
    q, ratings = QueueService(db, clock=clock), RatingService(db, clock=clock)
    clerk = trusted_actor(db, "wang")
    issued = []
    try:
        for op, window, prefix, level in ops:
            clock.advance(minutes=3)
            try:
                if op == "issue":
                    issued.append(q.issue_ticket(prefix).qr_payload)
                elif op == "call":
                    q.call_next(window)
                elif op == "finish":
                    q.finish(window)
                elif op == "skip":
                    q.skip(window)
                elif op == "transfer":
                    q.transfer(window, to_prefix=prefix, actor=clerk)
                elif issued:  # by the ticket's QR: refused until that ticket is finished
                    ratings.rate(issued[level % len(issued)], level, ["wait"] if level <= 2 else [])
            except Exception as exc:  # noqa: BLE001 - a refused step (nothing at the window) is part of the game
                if not hasattr(exc, "bilingual"):
                    raise
        report = ReportService(db, clock=clock).daily(DAY)
        t = report.total
        assert t.arrived == sum(1 for op in ops if op[0] == "issue")
        for rows in (report.by_category, report.by_window, report.by_clerk):
            for field in ADDITIVE:
                assert sum(getattr(m, field) for m in rows) == getattr(t, field), field
            for level in "54321":
                assert sum(m.ratings[level] for m in rows) == t.ratings[level]
            waits = [m.max_wait_min for m in rows if m.max_wait_min is not None]
            assert max(waits, default=None) == t.max_wait_min
        assert t.served + t.no_show <= t.arrived and t.called <= t.arrived
        assert sum(map(sum, report.heatmap["walk_in"])) + sum(map(sum, report.heatmap["appointment"])) == t.arrived
    finally:
        db.dispose()


def test_monthly_covers_the_whole_month(hall_db, clock):
    q = QueueService(hall_db, clock=clock)
    q.issue_ticket("B")
    clock.advance(days=7)
    q.issue_ticket("B")
    clock.advance(days=30)  # next month: not counted
    q.issue_ticket("B")
    month = ReportService(hall_db, clock=clock).monthly(DAY + timedelta(days=3)).total
    assert month.arrived == 2 and month.walk_outs == 2  # never called, and their days are over
    week = ReportService(hall_db, clock=clock).weekly(DAY + timedelta(days=9))  # Wednesday of the next week
    assert (week.start, week.end, week.total.arrived) == (date(2026, 11, 30), date(2026, 12, 6), 1)
