"""`onewindow appointment ...` and `onewindow rating list`: one JSON object, bilingual errors on stderr."""

import json
from datetime import date, timedelta

import pytest

from app.services.appointments import AppointmentService
from app.services.hall import SAMPLE_HALL
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.database import Database
from tests.test_cli import run


@pytest.fixture
def db(tmp_path, capsys) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    return url


def test_book_list_and_check_in(capsys, db):
    # A 24-hour slot on a future Monday: the command line uses the real clock.
    day = date.today() + timedelta(days=7 - date.today().weekday())
    code, out, err = run(capsys, "appointment", "book", "--category", "B", "--date", day.isoformat(),
                         "--slot", "09:00-09:30", "--name", "张三", "--id-number", "11010519491231002X",
                         "--db", db, "--json")
    assert code == 0, err
    booked = json.loads(out)
    assert booked["status"] == "booked" and booked["person_masked"] == "张*" and booked["slot"] == "09:00-09:30"
    assert "11010519491231002X" not in out and booked["qr_payload"] == f"OW1:A:H023:{booked['code']}"
    code, out, _ = run(capsys, "appointment", "list", "--date", day.isoformat(), "--db", db, "--json")
    assert [a["code"] for a in json.loads(out)["appointments"]] == [booked["code"]]
    code, out, err = run(capsys, "appointment", "check-in", booked["code"], "--db", db)
    assert code == 1 and out == "" and "请在预约当天签到" in err and "on that day" in err
    code, out, err = run(capsys, "appointment", "check-in", "99999", "--db", db)
    assert code == 1 and "6 位数字" in err and "6 digits" in err


def test_check_in_today_and_rating_list(capsys, tmp_path):
    # A 24-hour hall (the sample without opening hours): the demo slot around now exists at any hour.
    spec = json.loads(SAMPLE_HALL.read_text(encoding="utf-8")) | {"opening_hours": {}}
    (tmp_path / "hall.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'open.db'}"
    assert run(capsys, "hall", "init", "--config", str(tmp_path / "hall.json"), "--db", db)[0] == 0
    assert "100004" in {a.code for a in AppointmentService(Database(db)).seed_demo()}
    code, out, err = run(capsys, "appointment", "check-in", "100004", "--db", db, "--json")
    assert code == 0, err
    ticket = json.loads(out)["ticket"]
    assert ticket["priority"] == "appointment" and ticket["display_number"] == "B001"
    queue = QueueService(Database(db))
    queue.call_next(2)
    queue.start(2)
    queue.finish(2)
    RatingService(Database(db)).rate(ticket["qr_payload"], 1, ["wait"])
    code, out, _ = run(capsys, "rating", "list", "--bad", "--db", db, "--json")
    [rating] = json.loads(out)["ratings"]
    assert (rating["reference"], rating["level"], rating["follow_up_status"]) == ("B001", 1, "open")
    code, out, _ = run(capsys, "rating", "list", "--db", db)
    assert "B001" in out and "非常不满意" in out
