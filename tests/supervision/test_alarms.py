"""Alarms: thresholds from hall settings, help calls, acknowledgement with a note, history, escalation."""

from __future__ import annotations

import pytest

from app.domain.errors import PermissionDenied, RuleViolation
from app.services.alarms import AlarmService
from app.services.audit_trail import AuditTrail
from app.services.hall_settings import HallSettingsService
from app.services.queue import QueueService
from app.services.ratings import RatingService


def test_rules_fire_worsen_clear_and_are_acknowledged(hall_db, clock, clerk, supervisor):
    settings = HallSettingsService(hall_db)
    settings.set("alarm_queue_warning", 2, actor=supervisor)
    settings.set("alarm_queue_critical", 4, actor=supervisor)
    q, alarms = QueueService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    for _ in range(3):
        q.issue_ticket("B")
    active = alarms.evaluate()
    assert [(a.kind, a.severity, a.subject) for a in active] == [("queue", "warning", "category:B")]
    assert alarms.evaluate() == active  # nothing new: same alarm, no second row
    with pytest.raises(PermissionDenied):
        alarms.acknowledge(active[0].id, "已安排增开窗口", actor=clerk)
    with pytest.raises(RuleViolation):
        alarms.acknowledge(active[0].id, " ", actor=supervisor)
    done = alarms.acknowledge(active[0].id, "已安排增开窗口", actor=supervisor)
    assert done.acked_by == "值班主任" and done.ack_note == "已安排增开窗口" and not done.active
    assert alarms.evaluate() == []  # acknowledged: silent while it lasts
    for _ in range(2):
        q.issue_ticket("B")
    clock.advance(minutes=45)  # 5 waiting (critical) and the longest wait 45 > 2 x 20 minutes
    kinds = {(a.kind, a.severity) for a in alarms.evaluate()}
    assert kinds == {("queue", "critical"), ("wait", "critical")}
    q.pause_window(1, "午休")
    clock.advance(minutes=16)
    assert ("paused", "warning") in {(a.kind, a.severity) for a in alarms.evaluate()}
    q.resume_window(1)
    for _ in range(5):  # each one served before the next is called (a called ticket is never auto-finished)
        q.call_next(2)
        q.start(2)
        q.finish(2)
    assert not [a for a in alarms.evaluate() if a.kind in ("queue", "paused")]
    history = alarms.history()
    assert len(history) >= 5 and all(a.cleared_at for a in history if a.kind == "paused")
    assert any(e.action == "alarm.ack" for e in AuditTrail(hall_db).entries(actor=supervisor))


def test_queue_thresholds_per_category(hall_db, clock, supervisor):
    HallSettingsService(hall_db).set("alarm_queue_by_category", {"G": 1}, actor=supervisor)
    q, alarms = QueueService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    for prefix in "GGBB":
        q.issue_ticket(prefix)
    assert [(a.kind, a.subject, a.severity) for a in alarms.evaluate()] == [("queue", "category:G", "warning")]


def test_a_service_running_far_over_its_average(hall_db, clock, clerk):
    q, alarms = QueueService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    q.open_window(3, clerk)
    q.issue_ticket("B")
    q.call_next(3, actor=clerk)
    q.start(3, actor=clerk)
    clock.advance(minutes=20)  # B usually takes 8 minutes (the category default; nothing finished yet)
    assert not [a for a in alarms.evaluate() if a.kind == "long_service"]
    clock.advance(minutes=5)  # 25 > 3 x 8
    [a] = [a for a in alarms.evaluate() if a.kind == "long_service"]
    assert a.subject == "window:3" and "已办理 25 分钟" in a.message_zh


def test_help_call_until_answered(hall_db, clock, clerk, reviewer, supervisor):
    alarms = AlarmService(hall_db, clock=clock)
    with pytest.raises(PermissionDenied):
        alarms.help_call(3, actor=reviewer)
    QueueService(hall_db, clock=clock).open_window(3, clerk)  # help comes from the clerk signed in at the window
    call = alarms.help_call(3, actor=clerk, note="群众情绪激动")
    assert alarms.help_call(3, actor=clerk).id == call.id  # pressing again does not add another
    assert [a.id for a in alarms.help_calls()] == [call.id] and "3 号窗口 王芳 请求协助" in call.message_zh
    assert alarms.evaluate()[0].id == call.id  # help calls come first
    alarms.acknowledge(call.id, "值班主任已到窗口", actor=supervisor)
    assert alarms.help_calls() == []


def test_overdue_follow_up_steps_escalate(hall_db, clock, clerk, supervisor):
    q = QueueService(hall_db, clock=clock)
    ticket = q.issue_ticket("B")
    q.open_window(2, clerk)
    q.call_next(2, actor=clerk)
    q.start(2, actor=clerk)
    q.finish(2, actor=clerk)  # only a finished ticket can be rated, and only by its QR
    RatingService(hall_db, clock=clock).rate(ticket.qr_payload, 1, ["attitude"])
    q.close_window(2, actor=clerk)  # the clerk went home (an open window would alarm for its silent client)
    alarms = AlarmService(hall_db, clock=clock)
    assert alarms.evaluate() == []
    clock.advance(days=2)  # Wednesday: 回访 was due Tuesday (1 working day)
    [a] = alarms.evaluate()
    assert a.kind == "follow_up" and a.severity == "warning" and "回访已超期" in a.message_zh
