"""Rating use cases on SQLite and PostgreSQL: targets, one rating per target, follow-ups, outbox."""

import multiprocessing as mp

import pytest
from sqlalchemy import func, select

from app.domain.errors import NotFoundError
from app.domain.ratings import RatingError
from app.services.auth import trusted_actor
from app.store.models import Outbox
from app.store.models_visits import Rating, RatingFollowUp
from tests.visits import workers
from tests.visits.conftest import RECEIPT, make_case, served, staff_id


def test_ticket_rating_records_window_and_staff(ratings, queue, hall_db):
    wang = staff_id(hall_db)
    queue.open_window(3, trusted_actor(hall_db, "wang"))
    t = queue.issue_ticket("B")
    queue.call_next(3, actor=trusted_actor(hall_db, "wang"))
    for ref in (t.qr_payload, "B001"):  # called, not served yet: nothing to rate
        with pytest.raises(RatingError) as err:
            ratings.resolve_target(ref)
        assert err.value.code == "rating_not_served" if ref != "B001" else err.value.code == "rating_proof"
    queue.start(3, actor=trusted_actor(hall_db, "wang"))
    queue.finish(3, actor=trusted_actor(hall_db, "wang"))
    target = ratings.resolve_target(t.qr_payload)
    assert (target.kind, target.reference, target.window_number) == ("ticket", "B001", 3)
    assert "B001" in target.description_zh and "3 号窗口" in target.description_zh
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(" b001 ")  # a number read off the display proves nothing
    assert err.value.code == "rating_proof" and "二维码" in err.value.message_zh
    r = ratings.submit(target.kind, target.target_id, 5, channel="window_pad")
    assert (r.level, r.level_zh, r.window_number, r.staff_id, r.staff_name) == (5, "非常满意", 3, wang, "王芳")
    assert r.follow_up_id is None and r.channel == "window_pad"
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(t.qr_payload)  # the citizen hears it before choosing stars
    assert err.value.code == "already_rated"
    with pytest.raises(RatingError) as err:
        ratings.submit("ticket", t.id, 1, ["wait"])
    assert err.value.code == "already_rated" and "已经评价" in err.value.message_zh


def test_bad_case_rating_opens_a_follow_up_in_the_same_transaction(ratings, hall_db, clock):
    case_id = make_case(hall_db, clock)
    target = ratings.resolve_target(f"OW1:R:{RECEIPT}")
    assert (target.kind, target.target_id, target.window_number) == ("case", case_id, 2)
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(RECEIPT)  # a typed receipt number needs the last 4 ID characters
    assert err.value.code == "rating_proof" and "后4位" in err.value.message_zh
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(RECEIPT, id_last4="1234")
    assert err.value.code == "rating_target"  # the same answer as an unknown receipt
    assert ratings.resolve_target(RECEIPT.lower(), id_last4="002x").target_id == case_id
    r = ratings.rate(RECEIPT, 1, ["notice", "trips"], comment="  材料没有一次说清，跑了三趟 ", id_last4="002X")
    assert r.staff_name == "李强" and r.reasons_zh == "材料没有一次性告知、多次跑腿"
    assert r.comment == "材料没有一次说清，跑了三趟" and r.follow_up_status == "open"
    with hall_db.read() as s:
        rating_row = s.get_one(Rating, r.id)
        follow_up = s.scalars(select(RatingFollowUp)).one()
        outbox = s.scalars(select(Outbox).where(Outbox.entity.in_(("rating", "rating_follow_up")))).all()
    assert rating_row.level == 1 and follow_up.rating_id == r.id
    assert sorted(o.entity for o in outbox) == ["rating", "rating_follow_up"]
    assert {o.hlc for o in outbox} == {rating_row.updated_hlc, follow_up.updated_hlc}
    assert [x.id for x in ratings.list_ratings(bad_only=True)] == [r.id]
    assert [x.id for x in ratings.list_ratings(day=clock().date())] == [r.id]


class _BrokenCalendar:
    def add_workdays(self, start, days):  # type: ignore[no-untyped-def]
        raise RuntimeError("calendar file unreadable")


def test_no_bad_rating_is_stored_without_its_follow_up(ratings, queue, hall_db):
    t = served(queue)
    ratings.calendar = _BrokenCalendar()  # the follow-up cannot be opened...
    with pytest.raises(RuntimeError):
        ratings.rate(t.qr_payload, 1, ["attitude"])
    with hall_db.read() as s:  # ...so the rating is not stored either, and nothing is queued to sync
        assert s.scalar(select(func.count()).select_from(Rating)) == 0
        assert s.scalar(select(func.count()).select_from(Outbox).where(Outbox.entity == "rating")) == 0
    assert ratings.rate(t.qr_payload, 4).follow_up_id is None  # a good one needs no calendar


def test_follow_up_loop_to_closed(ratings, queue, hall_db, clock):
    t = served(queue, "C")
    r = ratings.rate(t.qr_payload, 2, ["wait"])
    ratings.rate(served(queue, "C").qr_payload, 3)  # 基本满意: no follow-up
    open_ = ratings.open_follow_ups()
    assert [f.rating_id for f in open_] == [r.id]
    f = open_[0]
    assert f.status == "open" and f.status_zh == "待回访" and f.next_statuses == ("assigned", "contacted", "appealed")  # noqa: E501
    assert f.due_date.isoformat() == "2026-12-14" and not f.overdue  # 15 working days
    supervisor = trusted_actor(hall_db, "admin")
    with pytest.raises(RatingError):
        ratings.advance_follow_up(f.id, "closed", "直接关闭试试", actor=supervisor)
    ratings.advance_follow_up(f.id, "contacted", "已电话回访，市民反映等候超过一小时", actor=supervisor)
    clock.advance(days=30)
    assert ratings.follow_up(f.id).overdue
    ratings.advance_follow_up(f.id, "rectified", "午间增开一个窗口", actor=supervisor)
    done = ratings.advance_follow_up(f.id, "closed", "再次回访，市民满意", actor=supervisor)
    assert done.status == "closed" and not done.overdue and done.closed_at == clock()
    assert done.notes[0].staff_id == supervisor.id
    assert [(n.from_status, n.to_status) for n in done.notes] == [
        ("open", "contacted"),
        ("contacted", "rectified"),
        ("rectified", "closed"),
    ]
    assert ratings.open_follow_ups() == [] and ratings.open_follow_ups(["closed"])[0].id == f.id
    with pytest.raises(NotFoundError):
        ratings.advance_follow_up("no-such-id", "contacted", "无此记录", actor=supervisor)
    with hall_db.read() as s:
        versions = s.scalars(select(Outbox.version).where(Outbox.entity_id == f.id).order_by(Outbox.seq)).all()
    assert versions == [1, 2, 3, 4]


def test_targets_that_cannot_be_rated(ratings, queue, hall_db, clock):
    waiting = queue.issue_ticket("B")
    with pytest.raises(RatingError) as err:
        ratings.rate(waiting.qr_payload, 5)  # typing or scanning a waiting ticket rates nothing
    assert err.value.code == "rating_not_served" and "办结后" in err.value.message_zh
    t = served(queue)
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(t.qr_payload.replace(":H023:", ":H999:"))
    assert "H999" in err.value.message_zh
    for ref in ("OW1:R:H023-20990101-0001", "OW1:T:H023:nothing"):
        with pytest.raises(RatingError) as err:
            ratings.resolve_target(ref)
        assert err.value.code == "rating_target"
    with pytest.raises(RatingError) as err:
        ratings.resolve_target("H023-20990101-0001", id_last4="1234")
    assert err.value.code == "rating_target"
    with pytest.raises(RatingError) as err:
        ratings.rate(t.qr_payload, 1, [])  # reasons are required
    assert err.value.code == "reason_required"
    clock.advance(days=8)
    with pytest.raises(RatingError) as err:
        ratings.resolve_target(t.qr_payload)  # older than the hall's 7 rating days
    assert err.value.code == "rating_expired"
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Rating)) == 0


def test_kiosk_and_pad_rating_at_once_store_one(ratings, queue, clock, hall_db, db_url):
    t = served(queue)
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=workers.rate, args=(db_url, t.id, clock(), lv, barrier, out)) for lv in (1, 4, 5)]
    for p in procs:
        p.start()
    results = sorted(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    assert [kind for kind, _ in results] == ["rated", "refused", "refused"]
    assert {code for kind, code in results if kind == "refused"} == {"already_rated"}
    with hall_db.read() as s:
        assert s.scalars(select(Rating.id)).all() == [results[0][1]]
        bad = s.get_one(Rating, results[0][1]).level <= 2
        assert s.scalar(select(func.count()).select_from(RatingFollowUp)) == (1 if bad else 0)
