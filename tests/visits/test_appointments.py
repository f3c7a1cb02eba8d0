"""Appointment use cases on SQLite and PostgreSQL: booking, check-in rules, one ticket per code, outbox."""

import multiprocessing as mp

import pytest
from sqlalchemy import func, select

from app.domain.appointments import AppointmentError
from app.domain.errors import NotFoundError
from app.domain.person import InvalidIdNumber
from app.store.models import Category, Outbox, Ticket
from app.store.models_visits import Appointment
from tests.visits import workers
from tests.visits.conftest import TODAY

ID_NUMBER = "11010519491231002X"


def test_book_then_check_in_gives_a_priority_ticket(appts, queue, clock):
    queue.issue_ticket("B")  # someone already waiting
    a = appts.book("b", TODAY, "10:30-11:00", matter_code="330100-001", name="张三丰", id_number=ID_NUMBER)
    assert (a.status, a.category_prefix, a.slot, a.person_masked) == ("booked", "B", "10:30-11:00", "张**")
    assert len(a.code) == 6 and a.code.isdigit() and a.qr_payload == f"OW1:A:H023:{a.code}"
    result = appts.check_in(a.qr_payload)  # 10:00: inside the window (from 09:30)
    t = result.ticket
    assert (t.display_number, t.priority, t.source) == ("B002", "appointment", "appointment")
    assert t.matters == ("330100-001",)
    assert t.people_ahead == 0  # an appointment goes ahead of a recent walk-in
    assert result.appointment.status == "checked_in" and result.appointment.ticket_number == "B002"
    assert [x.status for x in appts.list_for_day(TODAY)] == ["checked_in"]


def test_second_check_in_is_refused_with_the_ticket_it_already_got(appts, hall_db):
    a = appts.book("G", TODAY, "10:00-10:30")
    first = appts.check_in(a.code)
    with pytest.raises(AppointmentError) as err:
        appts.check_in(f"OW1:A:H023:{a.code}")
    assert err.value.code == "appointment_used" and first.ticket.display_number in err.value.message_zh
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1


def test_check_in_window_and_refusals(appts, clock):
    early = appts.book("B", TODAY, "11:30-12:00")  # window opens 10:30
    clock.advance(hours=-2)  # booked at 08:00, for a slot that is over by 10:00
    late = appts.book("C", TODAY, "08:30-09:00")  # window closed 09:30
    clock.advance(hours=2)
    tomorrow = appts.book("D", TODAY.replace(day=24), "10:00-10:30")
    cancelled = appts.book("F", TODAY, "10:00-10:30")
    appts.cancel(cancelled.id)
    for code, expected in (
        (early.code, "appointment_too_early"),
        (late.code, "appointment_too_late"),
        (tomorrow.code, "appointment_wrong_day"),
        (cancelled.code, "appointment_cancelled"),
        ("000000" if "000000" not in {early.code, late.code, tomorrow.code} else "999999", "appointment_not_found"),
        (f"OW1:A:H999:{early.code}", "appointment_other_hall"),
    ):
        with pytest.raises(AppointmentError) as err:
            appts.check_in(code)
        assert err.value.code == expected, code
        assert err.value.message_zh and err.value.message_en
    clock.advance(minutes=30)  # 10:30: the early one may check in now
    assert appts.check_in(early.code).ticket.display_number == "B001"
    assert appts.mark_missed() == 1  # the 08:30 slot nobody came for
    assert {a.code: a.status for a in appts.list_for_day(TODAY)}[late.code] == "missed"


def test_a_failed_ticket_leaves_the_appointment_booked_and_no_outbox_rows(appts, hall_db):
    a = appts.book("E", TODAY, "10:00-10:30")
    with hall_db.write() as s:
        s.scalars(select(Category).where(Category.prefix == "E")).one().number_end = 0  # no numbers left
    with hall_db.read() as s:
        before = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(Exception, match="号码已发完|taken"):
        appts.check_in(a.code)
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == before
        assert s.get_one(Appointment, a.id).status == "booked"


def test_booking_rules(appts, clock):
    with pytest.raises(AppointmentError) as err:
        appts.book("B", TODAY, "08:30-09:00")  # already over at 10:00
    assert err.value.code == "invalid_slot"
    with pytest.raises(AppointmentError):
        appts.book("B", TODAY, "18:00-18:30")  # after hours
    with pytest.raises(NotFoundError):
        appts.book("Z", TODAY, "11:00-11:30")
    with pytest.raises(InvalidIdNumber):
        appts.book("B", TODAY, "11:00-11:30", id_number="110105194912310021")
    appts.book("B", TODAY, "11:00-11:30", id_number=ID_NUMBER)
    with pytest.raises(AppointmentError) as err:
        appts.book("B", TODAY, "15:00-15:30", id_number=ID_NUMBER)
    assert err.value.code == "duplicate_appointment"
    appts.book("C", TODAY, "15:00-15:30", id_number=ID_NUMBER)  # another category is fine
    given = appts.book("G", TODAY, "16:00-16:30", code="12 34 56")  # an online booking brings its code
    assert given.code == "123456"
    with pytest.raises(AppointmentError):
        appts.book("G", TODAY, "16:30-17:00", code="123456")


def test_outbox_carries_appointments_and_never_the_id_number_or_full_name(appts, hall_db):
    a = appts.book("B", TODAY, "10:00-10:30", name="欧阳娜娜", id_number=ID_NUMBER)
    t = appts.check_in(a.code).ticket
    with hall_db.read() as s:
        rows = s.scalars(select(Outbox).where(Outbox.entity_id == a.id).order_by(Outbox.seq)).all()
        everything = " ".join(str(r.payload) for r in s.scalars(select(Outbox)))
        stored = s.get_one(Appointment, a.id)
    assert [(r.entity, r.version) for r in rows] == [("appointment", 1), ("appointment", 2)]
    assert rows[-1].payload["status"] == "checked_in" and rows[-1].payload["ticket_id"] == t.id
    assert stored.person_key and len(stored.person_key) == 64 and stored.person_masked == "欧***"
    assert ID_NUMBER not in everything and ID_NUMBER[6:14] not in everything and "欧阳娜娜" not in everything


def test_seed_demo_is_idempotent(appts):
    first = appts.seed_demo()
    assert {a.code for a in first} >= {"100001", "100002", "100003", "100004"}
    assert [a.code for a in appts.seed_demo()] == [a.code for a in first]
    now_slot = next(a for a in first if a.code == "100004")
    assert now_slot.slot == "10:00-10:30" and appts.check_in("100004").ticket.priority == "appointment"


def test_two_kiosks_checking_in_one_code_get_one_ticket(appts, clock, hall_db, db_url):
    a = appts.book("B", TODAY, "10:00-10:30")
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=workers.check_in, args=(db_url, a.code, clock(), barrier, out)) for _ in range(3)]
    for p in procs:
        p.start()
    results = sorted(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    assert [kind for kind, _ in results] == ["refused", "refused", "ticket"]
    assert {code for kind, code in results if kind == "refused"} == {"appointment_used"}
    with hall_db.read() as s:
        assert s.scalars(select(Ticket.id)).all() == [results[-1][1]]


def test_the_booking_horizon_counts_the_halls_calendar_days_not_hours():
    """30 days ahead means up to the 30th service day after today, at 00:10 and at 23:50 alike (in Shanghai)."""
    from datetime import UTC, date, datetime

    from app.domain.appointments import AppointmentError, booking_allowed, parse_slot, slot_bounds

    for now in (datetime(2026, 12, 1, 16, 10, tzinfo=UTC), datetime(2026, 12, 2, 15, 50, tzinfo=UTC)):  # 12-02 local
        last, too_far = date(2027, 1, 1), date(2027, 1, 2)
        late = slot_bounds(last, parse_slot("16:30-17:00"), "Asia/Shanghai")[1]
        booking_allowed(last, late, now, True, days_ahead=30)
        with pytest.raises(AppointmentError, match="30 days ahead"):
            early = slot_bounds(too_far, parse_slot("08:30-09:00"), "Asia/Shanghai")[1]
            booking_allowed(too_far, early, now, True, days_ahead=30)
