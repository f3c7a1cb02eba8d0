"""Findings from the user trial: the assignee records their follow-up, a second alarm ack is refused, an
ambiguous id prefix says so, one clerk one window, the role before the case rule. Service and command line."""

from __future__ import annotations

import json

import pytest

from app.domain.errors import AlreadyDone, AmbiguousId, NotFoundError, PermissionDenied, RuleViolation
from app.services.alarms import AlarmService
from app.services.auth import trusted_actor
from app.services.follow_ups import FollowUpService
from app.services.id_prefix import resolve_id_prefix
from app.services.queue import QueueService
from app.store.database import Database
from app.store.models_audit import Alarm
from tests.intake.test_cases_service import accepted_case
from tests.supervision.test_assign import _bad_rating
from tests.test_cli import run

# ---- 1. the assigned clerk records the call-back ----------------------------------------------------------


def test_the_assigned_clerk_records_callback_and_rectification(hall_db, clock, clerk, supervisor):
    fid = _bad_rating(hall_db, clock)
    service = FollowUpService(hall_db, clock=clock)
    other = trusted_actor(hall_db, "li")
    with pytest.raises(PermissionDenied):
        service.callback(fid, "已电话回访", 3, actor=clerk)  # not assigned yet: still refused
    service.assign(fid, "wang", actor=supervisor)
    assert [f.id for f in service.mine(actor=clerk)] == [fid] and service.mine(actor=other) == []
    with pytest.raises(PermissionDenied) as refused:
        service.callback(fid, "已电话回访", 3, actor=other)  # another clerk
    assert "没有指派给您" in refused.value.message_zh and "not assigned to you" in refused.value.message_en
    row = service.callback(fid, "已电话回访，市民接受说明", 4, actor=clerk)
    assert row.status == "contacted" and row.notes[-1]["staff_id"] == clerk.id
    row = service.rectify(fid, "窗口服务用语再培训", actor=clerk)
    assert row.status == "rectified"
    with pytest.raises(PermissionDenied) as closing:
        service.close(fid, "闭环", actor=clerk)  # closing the loop stays with a supervisor
    assert "窗口人员无权" in closing.value.message_zh
    assert service.close(fid, "整改完成，闭环", actor=supervisor).status == "closed"


def test_the_assigned_clerk_records_the_callback_from_the_command_line(capsys, tmp_path, monkeypatch, clock):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    db = Database(url)
    fid = _bad_rating(db, clock)
    db.dispose()
    code, _o, err = run(capsys, "rating", "assign", fid, "--to", "wang", "--as", "admin", "--pin", "8888", "--db", url)
    assert code == 0, err
    code, _o, err = run(capsys, "rating", "follow-up", "callback", fid, "--note", "已电话回访", "--satisfaction", "3",
                        "--as", "li", "--pin", "1234", "--db", url)  # fmt: skip
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not assigned to you" in err
    code, out, err = run(capsys, "rating", "follow-up", "callback", fid, "--note", "已电话回访", "--satisfaction",
                         "3", "--as", "wang", "--pin", "1234", "--db", url, "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["status"] == "contacted"


# ---- 2. a second acknowledgement ---------------------------------------------------------------------------


def test_a_second_ack_is_refused_and_changes_nothing(hall_db, clock, clerk, supervisor, second_supervisor):
    alarms = AlarmService(hall_db, clock=clock)
    QueueService(hall_db, clock=clock).open_window(3, clerk)
    call = alarms.help_call(3, actor=clerk)
    first = alarms.acknowledge(call.id, "值班主任已到窗口", actor=supervisor)
    clock.advance(minutes=5)
    with pytest.raises(AlreadyDone) as again:
        alarms.acknowledge(call.id, "我也去了", actor=second_supervisor)
    assert "值班主任" in again.value.message_zh and "admin" in again.value.message_en
    assert "+08:00" in again.value.message_en  # the hall's time, with its offset
    [after] = [a for a in alarms.history() if a.id == call.id]
    assert (after.acked_at, after.ack_note, after.acked_by) == (first.acked_at, "值班主任已到窗口", "值班主任")


# ---- 3. an ambiguous id prefix ----------------------------------------------------------------------------


def _two_alarms(db: Database, clock, ids: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    from app.store.models import Hall

    with db.write() as s:
        hall = s.query(Hall).one()
        for alarm_id in ids:
            s.add(Alarm(id=alarm_id, hall_id=hall.id, kind="queue", severity="warning", subject=f"category:{alarm_id}",
                        message_zh="等候过多", message_en="too many waiting", raised_at=clock(), last_seen_at=clock(),
                        ack_note="", detail={}))  # fmt: skip


def test_an_ambiguous_prefix_lists_the_candidates(hall_db, clock, supervisor):
    ids = ("0193aaaa-0000-7000-8000-000000000001", "0193aaaa-0000-7000-8000-000000000002")
    _two_alarms(hall_db, clock, ids)
    alarms = AlarmService(hall_db, clock=clock)
    with pytest.raises(AmbiguousId) as err:
        alarms.acknowledge("0193aaaa", "已处理", actor=supervisor)
    assert all(i in err.value.message_en for i in ids) and "多条告警" in err.value.message_zh
    with pytest.raises(NotFoundError):
        alarms.acknowledge("ffff", "已处理", actor=supervisor)
    assert alarms.acknowledge(ids[1][:-1] + "2", "已处理", actor=supervisor).id == ids[1]  # whole id
    assert alarms.acknowledge(ids[0], "已处理", actor=supervisor).id == ids[0]


def test_at_most_five_candidates_are_listed(hall_db, clock):
    ids = tuple(f"0193bbbb-0000-7000-8000-00000000000{n}" for n in range(7))
    _two_alarms(hall_db, clock, ids[:2])
    _two_alarms(hall_db, clock, ids[2:4])
    _two_alarms(hall_db, clock, ids[4:6])
    with hall_db.read() as s, pytest.raises(AmbiguousId) as err:
        resolve_id_prefix(s, Alarm.id, "0193BBBB", [], what=("告警", "alarm"))  # typed in capitals
    assert err.value.message_en.count("0193bbbb-") == 5 and err.value.message_en.endswith(", …")


def test_ambiguous_prefix_on_the_command_line(capsys, tmp_path, clock):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    db = Database(url)
    ids = ("0193cccc-0000-7000-8000-000000000001", "0193cccc-0000-7000-8000-000000000002")
    _two_alarms(db, clock, ids)
    fid = _bad_rating(db, clock)
    db.dispose()
    code, out, err = run(capsys, "alarm", "ack", "0193cccc", "--note", "已处理", "--as", "admin", "--pin", "8888",
                         "--db", url)  # fmt: skip
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "more than one alarm" in err and ids[0] in err and ids[1] in err
    code, out, err = run(capsys, "alarm", "ack", ids[0], "--note", "已处理", "--as", "admin", "--pin", "8888",
                         "--db", url)  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "alarm", "ack", ids[0], "--note", "再确认", "--as", "admin", "--pin", "8888",
                         "--db", url)  # fmt: skip
    assert code == 1 and len(err.strip().splitlines()) == 1 and "already acknowledged by admin" in err
    code, out, err = run(capsys, "rating", "follow-up", "close", fid[:1] + "zz", "--note", "闭环", "--as", "admin",
                         "--pin", "8888", "--db", url)  # fmt: skip
    assert code == 1 and "No follow-up with id" in err


# ---- 4. one clerk, one window; help for one's own window ----------------------------------------------------


def test_a_clerk_signs_in_at_one_window_only(hall_db, clock, clerk, supervisor):
    q = QueueService(hall_db, clock=clock)
    q.open_window(3, clerk)
    with pytest.raises(RuleViolation) as err:
        q.open_window(5, clerk)
    assert "3 号窗口" in err.value.message_zh and "window 3" in err.value.message_en
    q.issue_ticket("B")
    with pytest.raises(RuleViolation):
        q.call_next(2, actor=clerk)  # calling at a window nobody signed in to would sign them in there too
    assert q.call_next(3, actor=clerk) is not None
    q.open_window(5, supervisor)  # a supervisor may still act anywhere
    q.pause_window(3, "午休", actor=supervisor)  # remotely too
    q.resume_window(3, actor=clerk)
    q.start(3, actor=clerk)
    q.finish(3, actor=clerk)
    q.close_window(3, actor=clerk)  # signed out at 3: may sign in elsewhere
    q.open_window(4, clerk)


def test_help_only_for_ones_own_window(hall_db, clock, clerk, supervisor):
    alarms, q = AlarmService(hall_db, clock=clock), QueueService(hall_db, clock=clock)
    with pytest.raises(PermissionDenied) as err:
        alarms.help_call(3, actor=clerk)  # not signed in there
    assert "3 号窗口" in err.value.message_zh
    q.open_window(2, clerk)
    with pytest.raises(PermissionDenied):
        alarms.help_call(3, actor=clerk)
    assert alarms.help_call(2, actor=clerk).subject == "window:2"
    assert alarms.help_call(4, actor=supervisor).subject == "window:4"  # a supervisor may call for any window


# ---- 5. the role before the rule -----------------------------------------------------------------------------


def test_a_clerk_hears_no_permission_not_the_rule(capsys, hall_db, intake, cases, person, tmp_path, clerk):
    case_id = accepted_case(intake, person, tmp_path)  # received: received -> approved is no move at all
    with pytest.raises(PermissionDenied) as err:
        cases.move(case_id, "approved", actor=clerk)
    assert "窗口人员无权" in err.value.message_zh
    receipt = cases.row(case_id).receipt_number
    code, _o, err_text = run(capsys, "case", "move", receipt, "--to", "ready_for_pickup", "--as", "wang", "--pin",
                             "1234", "--db", hall_db.url)  # fmt: skip
    assert code == 1 and "窗口人员无权" in err_text and "cannot move from" not in err_text


# ---- 7. hall-local times for people, explicit UTC in JSON -----------------------------------------------------


def test_audit_and_alarms_print_hall_time_and_json_says_utc(capsys, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    monkeypatch.setenv("ONEWINDOW_PIN", "8888")
    code, _o, err = run(capsys, "help", "--window", "3", "--as", "admin", "--db", url)
    assert code == 0, err
    code, out, err = run(capsys, "alarms", "--db", url)
    assert code == 0 and " +08:00  " in out, err  # the sample hall is in Asia/Shanghai
    code, out, _e = run(capsys, "alarms", "--db", url, "--json")
    [alarm] = json.loads(out)["alarms"]
    assert alarm["raised_at"].endswith("+00:00")
    code, _o, err = run(capsys, "alarm", "ack", alarm["id"], "--note", "已到窗口", "--as", "admin", "--db", url)
    assert code == 0, err  # an audited change
    code, out, err = run(capsys, "audit", "--as", "admin", "--db", url)
    assert code == 0 and out.splitlines()[0][19:26] == " +08:00", out
    code, out, _e = run(capsys, "audit", "--as", "admin", "--db", url, "--json")
    assert all(e["at"].endswith("+00:00") for e in json.loads(out)["entries"])


def test_hall_time_text_shows_the_offset():
    from datetime import UTC, datetime

    from app.domain.calendar import hall_time_text

    moment = datetime(2026, 12, 1, 1, 30, 5, tzinfo=UTC)
    assert hall_time_text(moment, "Asia/Shanghai") == "2026-12-01 09:30 +08:00"
    assert hall_time_text(moment, "Asia/Shanghai", seconds=True) == "2026-12-01 09:30:05 +08:00"
    assert hall_time_text(moment, "UTC") == "2026-12-01 01:30 +00:00"
