"""The day at the window: a double press of F1, a called ticket never silently finished, undo, intake starts
service. On SQLite and PostgreSQL."""

import pytest

from app.domain.errors import RuleViolation
from app.services.auth import trusted_actor
from app.services.board import QueueBoard
from app.services.queue import QueueService


@pytest.fixture
def q(hall_db, clock):
    return QueueService(hall_db, clock=clock)


def test_second_call_next_moments_later_is_refused(q, clock):
    first, second = q.issue_ticket("B"), q.issue_ticket("B")
    assert q.call_next(3).id == first.id
    q.start(3)
    clock.advance(seconds=0.06)  # two presses 60 ms apart
    with pytest.raises(RuleViolation) as err:
        q.call_next(3)
    assert err.value.code == "call_too_soon" and first.display_number in err.value.message_zh
    assert "Ctrl+Z" in err.value.message_en
    assert q.ticket_status(first.id).status == "serving"
    assert q.ticket_status(second.id).status == "waiting"
    clock.advance(seconds=10)  # the hall's min_call_interval_s (10 s) has passed
    assert q.call_next(3).id == second.id
    assert q.ticket_status(first.id).status == "finished"


def test_a_called_ticket_is_never_silently_finished(q, hall_db, clock):
    first, second = q.issue_ticket("B"), q.issue_ticket("B")
    q.call_next(3)
    clock.advance(minutes=2)
    with pytest.raises(RuleViolation) as err:
        q.call_next(3)
    assert err.value.code == "called_not_started"
    assert "F3" in err.value.message_zh and "no-show" in err.value.message_en
    assert q.ticket_status(first.id).status == "called"
    q.skip(3)  # the clerk decides: no-show
    assert q.call_next(3).id == second.id
    counts = QueueBoard(hall_db, clock).window_view(3).counts
    assert (counts.finished, counts.no_show, counts.avg_service_minutes) == (0, 1, None)


def test_min_call_interval_is_a_hall_setting(q, hall_db, clock):
    from app.services.hall import load_hall

    with hall_db.write() as s:
        hall = load_hall(s)
        hall.settings = {**hall.settings, "min_call_interval_s": 120}
    q.issue_ticket("B"), q.issue_ticket("B")
    q.call_next(3)
    q.start(3)
    clock.advance(seconds=60)
    with pytest.raises(RuleViolation):
        q.call_next(3)
    clock.advance(seconds=61)
    assert q.call_next(3) is not None


def test_undo_a_wrong_call_next_puts_both_tickets_back(q, hall_db, clock):
    first, second = q.issue_ticket("B"), q.issue_ticket("B")
    q.call_next(3)
    q.start(3)
    clock.advance(minutes=5)
    assert q.call_next(3).id == second.id
    clock.advance(seconds=3)
    undone = q.undo_last(3)
    assert undone.id == second.id and undone.status == "waiting" and undone.window_number is None
    back = q.ticket_status(first.id)
    assert back.status == "serving" and back.window_number == 3
    snap = QueueBoard(hall_db, clock).display_snapshot()
    # The undone call is gone from the display; B001, back at the window, is what window 3 shows.
    assert [c.display_number for c in snap.current_calls] == [first.display_number]
    assert second.display_number not in [c.display_number for c in snap.recent_calls]
    with pytest.raises(RuleViolation) as err:
        q.undo_last(3)  # one step only
    assert err.value.code == "nothing_to_undo"
    counts = QueueBoard(hall_db, clock).window_view(3).counts
    assert (counts.called, counts.finished) == (1, 0)  # the undone call and finish do not count
    clock.advance(minutes=1)
    assert q.call_next(3).id == second.id  # still first in line


def test_undo_no_show_and_expiry(q, clock):
    t = q.issue_ticket("C")
    q.call_next(3)
    q.skip(3)
    assert q.undo_last(3).status == "called"
    q.start(3)
    clock.advance(seconds=61)  # undo_window_s defaults to 60 s
    with pytest.raises(RuleViolation) as err:
        q.undo_last(3)
    assert err.value.code == "undo_expired"
    assert q.ticket_status(t.id).status == "serving"


def test_undo_refused_when_another_window_took_the_ticket(q, hall_db, clock):
    t = q.issue_ticket("B")
    q.call_next(3)
    q.transfer(3, to_window=6, actor=trusted_actor(hall_db, "wang"))  # a transfer is audited: a clerk does it
    assert q.call_next(6).id == t.id
    with pytest.raises(RuleViolation):
        q.undo_last(3)
    assert q.ticket_status(t.id).window_number == 6


def test_intake_starts_service(q, clock):
    t = q.issue_ticket("B")
    q.call_next(3)
    clock.advance(minutes=1)
    assert q.begin_service(3).status == "serving"
    assert q.begin_service(3).status == "serving"  # reopening intake keeps it serving
    clock.advance(minutes=9)
    q.finish(3)
    with q.db.read() as s:
        from app.store.models import Ticket

        row = s.get_one(Ticket, t.id)
        assert (row.finished_at - row.started_at).total_seconds() == 540


def test_calls_expire_from_the_display_and_dead_windows_show_unattended(q, hall_db, clock):
    board = QueueBoard(hall_db, clock)
    b = q.issue_ticket("B")
    q.issue_ticket("G")
    q.call_next(3)
    q.call_next(6)
    snap = board.display_snapshot()
    assert {c.window_number for c in snap.current_calls} == {3, 6} and snap.unattended_windows == ()
    for _ in range(4):  # window 3's client is alive and beats; window 6's was killed
        clock.advance(seconds=60)
        q.heartbeat(3)
    snap = board.display_snapshot()
    assert [c.window_number for c in snap.current_calls] == [3]  # 6 has had no sign of life for 240 s
    assert snap.unattended_windows == (6,)
    clock.advance(seconds=400)  # 640 s after the call: past call_display_s (600)
    q.heartbeat(3)
    snap = board.display_snapshot()
    assert snap.current_calls == () and snap.unattended_windows == (6,)
    assert [c.display_number for c in snap.recent_calls][-1] == b.display_number  # still in the history


def test_heartbeat_is_written_at_most_once_per_interval(q, hall_db, clock):
    from sqlalchemy import func, select

    from app.store.models import QueueEvent

    q.open_window(3, None)
    for _ in range(10):
        clock.advance(seconds=5)
        q.heartbeat(3)
    with hall_db.read() as s:
        n = s.scalar(select(func.count()).select_from(QueueEvent).where(QueueEvent.kind == "heartbeat"))
    assert n == 0  # the window_opened event 50 s ago is sign enough
    clock.advance(seconds=10)
    q.heartbeat(3)
    q.heartbeat(3)
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(QueueEvent).where(QueueEvent.kind == "heartbeat")) == 1


def test_sample_hall_routes_every_intake_category_to_a_comprehensive_window(hall_db):
    import json

    from app.services.hall import SAMPLE_HALL

    catalogue = json.loads((SAMPLE_HALL.parents[1] / "catalogue" / "catalogue.json").read_text(encoding="utf-8"))
    needed = {m["category"] for m in catalogue["matters"]} | {b["category"] for b in catalogue["bundles"]}
    hall = json.loads(SAMPLE_HALL.read_text(encoding="utf-8"))
    comprehensive = [w for w in hall["windows"] if "综合受理" in w["name"]]
    assert comprehensive
    for w in comprehensive:  # 一窗受理: any comprehensive window takes in any matter, 企业开办 (D) included
        assert needed <= {prefix for prefix, _weight in w["categories"]}, w["name"]


def test_unknown_wait_is_none_and_a_category_without_open_window_says_so(q):
    from app.domain.wait_estimate import WaitKind, wait_kind

    t = q.issue_ticket("F")  # every window is still closed: no estimate can be made
    assert t.estimated_wait_minutes is None and wait_kind(t.estimated_wait_minutes) is WaitKind.UNKNOWN
    f = next(c for c in q.list_categories() if c.prefix == "F")
    assert wait_kind(f.estimated_wait_minutes, f.open_windows) is WaitKind.NO_WINDOW
    q.open_window(3, None)  # a comprehensive window serves F too
    f = next(c for c in q.list_categories() if c.prefix == "F")
    assert f.open_windows == 1 and wait_kind(f.estimated_wait_minutes, f.open_windows) is WaitKind.MINUTES
