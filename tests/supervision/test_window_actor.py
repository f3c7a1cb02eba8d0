"""The clerk's own window keys check who presses them, in the service (app.services.window_actor)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.errors import PermissionDenied
from app.services.auth import trusted_actor
from app.services.hall_settings import HallSettingsService
from app.store.models import QueueEvent, Staff
from app.store.models_audit import AuditEntry
from tests.test_cli import run


def test_another_clerk_cannot_press_keys_at_a_signed_in_window(hall_queue, hall_db, clerk):
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B", source="staff")
    li = trusted_actor(hall_db, "li")
    with pytest.raises(PermissionDenied) as err:
        hall_queue.call_next(3, actor=li)
    assert "无权" in err.value.message_zh and "control windows remotely" in err.value.message_en
    called = hall_queue.call_next(3, actor=clerk)
    assert called is not None and called.display_number == "B001"
    for key in (hall_queue.recall, hall_queue.start, hall_queue.finish, hall_queue.skip, hall_queue.park):
        with pytest.raises(PermissionDenied):
            key(3, actor=li)
    with pytest.raises(PermissionDenied):
        hall_queue.pause_window(3, actor=li)


def test_a_reviewer_has_no_window_keys(hall_queue, reviewer):
    with pytest.raises(PermissionDenied) as err:
        hall_queue.open_window(2, reviewer)
    assert "审批人员无权窗口叫号操作" in err.value.message_zh
    with pytest.raises(PermissionDenied):
        hall_queue.call_next(2, actor=reviewer)


def test_a_supervisor_acting_at_a_clerks_window_is_audited(hall_queue, hall_db, clerk, supervisor):
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B", source="staff")
    called = hall_queue.call_next(3, actor=supervisor)
    assert called is not None
    with hall_db.read() as s:
        event = s.scalars(select(QueueEvent).where(QueueEvent.kind == "called")).one()
        assert event.detail.get("remote") is True and event.staff_id == supervisor.id
        audited = s.scalars(select(AuditEntry).where(AuditEntry.action == "queue.called")).all()
    assert [(a.staff_login, a.entity_id) for a in audited] == [("admin", called.id)]


def test_a_disabled_clerks_open_window_stops_at_once(hall_queue, hall_db, clerk):
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B", source="staff")
    with hall_db.write() as s:
        s.get_one(Staff, clerk.id).active = False
    with pytest.raises(PermissionDenied) as err:
        hall_queue.call_next(3, actor=clerk)
    assert "已停用" in err.value.message_zh


def test_nobody_acts_in_a_signed_in_clerks_name_without_logging_in(hall_queue, clerk):
    hall_queue.open_window(3, clerk)
    hall_queue.issue_ticket("B", source="staff")
    with pytest.raises(PermissionDenied) as err:
        hall_queue.call_next(3)
    assert "王芳" in err.value.message_zh and "--as" in err.value.message_en
    assert hall_queue.call_next(3, actor=clerk) is not None


def test_a_hall_can_require_a_login_at_every_window(hall_queue, hall_db, clerk, supervisor):
    hall_queue.issue_ticket("B", source="staff")
    HallSettingsService(hall_db).set("window_login_required", True, actor=supervisor)
    with pytest.raises(PermissionDenied) as err:
        hall_queue.call_next(2)
    assert "--as" in err.value.message_zh and "log in" in err.value.message_en
    assert hall_queue.call_next(2, actor=clerk) is not None


def test_command_line_window_keys_take_as(capsys, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    run(capsys, "ticket", "issue", "--category", "B", "--db", url)
    code, out, err = run(capsys, "ticket", "call-next", "--window", "2", "--as", "wang", "--pin", "1234", "--db", url)
    assert code == 0 and "B001" in out, err
    # li may not finish at wang's window; one bilingual line, nothing changed
    code, out, err = run(capsys, "window", "start", "--window", "2", "--as", "li", "--pin", "1234", "--db", url)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "窗口人员无权远程控制窗口" in err and "control windows remotely" in err
    code, out, err = run(capsys, "window", "start", "--window", "2", "--as", "li", "--pin", "9999", "--db", url)
    assert code == 1 and "工号或密码错误" in err
    code, out, err = run(capsys, "window", "no-show", "--window", "2", "--db", url)  # no --as at wang's window
    assert code == 1 and "--as" in err
    monkeypatch.setenv("ONEWINDOW_PIN", "1234")
    code, out, err = run(capsys, "window", "start", "--window", "2", "--as", "wang", "--db", url, "--json")
    assert code == 0, err
    assert '"status": "serving"' in out
