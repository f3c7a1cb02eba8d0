"""The demo's busy hall goes through the real services: tickets, calls and ratings that reports count."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.calendar import service_day
from app.services.hall import create_sample_hall
from app.services.hall_simulator import HallSimulator
from app.services.reports import ReportService
from app.store.database import Database


def test_simulated_hall_shows_in_the_report(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'demo.db'}", device_id="demo")
    db.upgrade()
    create_sample_hall(db, always_open=True)  # as the demo does: it runs at any time of day
    sim = HallSimulator(db, seed=3)
    totals = {"issued": 0, "called": 0, "rated": 0}
    for _ in range(60):
        for k, v in sim.step().items():
            totals[k] += v
    report = ReportService(db).daily(service_day(datetime.now(UTC), "Asia/Shanghai"))
    assert totals["issued"] > 20 and report.total.arrived >= totals["issued"] - 1  # a tick may straddle midnight
    assert report.total.called >= totals["called"] > 5 and report.total.rated == totals["rated"]
    db.dispose()


def test_a_simulated_month_shows_accepted_cases(tmp_path):
    """The simulator scans at the resolution the material checks ask for, both sides of an ID card, so its
    cases pass the checks and are accepted (it used to scan at 100 dpi and every case was refused)."""
    from datetime import date

    from app.services.simulate import SCAN_DPI, Simulator

    db = Database(f"sqlite:///{tmp_path / 'sim.db'}", device_id="sim")
    db.upgrade()
    create_sample_hall(db)
    assert SCAN_DPI >= 150
    report = Simulator(db, seed=3, tickets_per_day=12, cases_per_day=1).run(1, end=date(2026, 11, 24))  # a Tuesday
    assert report.cases >= 1
    month = ReportService(db).monthly(date(2026, 11, 24))
    assert month.total.cases_accepted >= 1 and month.total.cases_refused == 0
    db.dispose()


def test_stored_opening_hours_nobody_could_keep_are_one_line_for_the_simulator(tmp_path):
    """Before: the simulator read the hours on its own (a second reading of calendar.parse_hours) and a row edited
    by hand was a ValueError for the crash handler, where a kiosk ticket or a booking says one line."""
    from datetime import date

    import pytest
    from sqlalchemy import select

    from app.domain.errors import InvalidSettings
    from app.services.simulate import Simulator
    from app.store.models import Hall

    db = Database(f"sqlite:///{tmp_path / 'sim.db'}", device_id="sim")
    db.upgrade()
    create_sample_hall(db)
    with db.write() as s:
        s.scalars(select(Hall)).one().opening_hours = {"mon": [["9am", "17:00"]]}
    with pytest.raises(InvalidSettings, match="opening hours"):
        Simulator(db, seed=3, tickets_per_day=12, cases_per_day=0).run(1, end=date(2026, 11, 23))  # a Monday
    db.dispose()
