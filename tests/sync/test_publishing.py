"""同源发布: the catalogue and the working-day calendar are published centrally and taken in by every hall."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from app.domain.workdays import CalendarNotCovered
from app.services.catalogue import DEFAULT_CALENDAR, SAMPLE_CATALOGUE, CatalogueService, hall_calendar
from app.sync.agent import SyncAgent
from tests.sync.cases import accepted_case


def test_calendar_published_centrally_extends_the_years_a_hall_can_count(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    with pytest.raises(CalendarNotCovered) as err:
        hall_calendar(db).add_workdays(date(2027, 12, 28), 5)  # runs into 2028: not covered yet
    assert "2028" in err.value.message_zh
    spec = json.loads(DEFAULT_CALENDAR.read_text(encoding="utf-8"))
    spec["covers"] = [2026, 2027, 2028]
    spec["holidays"].append("2028-01-01/2028-01-03")
    path = tmp_path / "calendar-2028.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    central.cli("publish", "calendar", str(path))
    report = SyncAgent(db).run_once()
    assert report.releases == 1
    assert hall_calendar(db).add_workdays(date(2027, 12, 28), 5) == date(2028, 1, 5)  # Mon 3 Jan is a holiday
    bad = tmp_path / "no-covers.json"
    bad.write_text(json.dumps({"holidays": []}), encoding="utf-8")
    import subprocess

    with pytest.raises(subprocess.CalledProcessError) as refused:
        central.cli("publish", "calendar", str(bad))
    assert "covers" in refused.value.stderr and "Traceback" not in refused.value.stderr


def test_a_new_catalogue_reaches_the_hall_and_older_cases_are_flagged(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    accepted_case(db, tmp_path)  # taken under the sample catalogue (local version 1)
    data = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    data["label"] = "2026 年 12 月版"
    newer = tmp_path / "catalogue.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    central.cli("publish", "catalogue", str(newer))
    again = central.cli("publish", "catalogue", str(newer))  # the same content is one version
    assert "already" in again.stdout
    assert SyncAgent(db).run_once().caught_up
    assert CatalogueService(db).current_number() == 2
    con = sqlite3.connect(central.root / "server.db")
    flags = [f for (f,) in con.execute("select flags from record where entity='intake_case'")]
    assert flags == ["old_catalogue"]  # accepted, and flagged for a person
