"""Alarms about the hall's equipment and its windows: the kiosk printer's paper, and staffed windows whose
staff client went silent (no heartbeat)."""

from __future__ import annotations

import pytest

from app.domain.errors import RuleViolation
from app.services.alarms import AlarmService
from app.services.device_status import DeviceStatusService
from app.services.hall_settings import HallSettingsService
from app.services.queue import QueueService


def _printer_alarms(alarms: AlarmService) -> list[tuple[str, str, str]]:
    return [(a.kind, a.severity, a.subject) for a in alarms.evaluate() if a.kind.startswith("printer")]


def test_printer_paper_alarms_escalate_and_clear(hall_db, clock, supervisor):
    HallSettingsService(hall_db).set("alarm_printer_critical_seconds", 300, actor=supervisor)
    devices, alarms = DeviceStatusService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    devices.report_printer("kiosk-1", "ok")
    assert _printer_alarms(alarms) == []
    devices.report_printer("kiosk-1", "paper_near_end")
    assert _printer_alarms(alarms) == [("printer_paper_low", "warning", "printer:kiosk-1")]
    clock.advance(minutes=10)
    out = devices.report_printer("kiosk-1", "paper_out")
    assert out.since == clock()
    [warning] = [a for a in alarms.evaluate() if a.kind.startswith("printer")]  # near-end is over: out is new
    assert (warning.kind, warning.severity) == ("printer", "warning") and "缺纸" in warning.message_zh
    clock.advance(minutes=4)
    devices.report_printer("kiosk-1", "paper_out")  # the kiosk restarted and says it again: the clock goes on
    assert _printer_alarms(alarms) == [("printer", "warning", "printer:kiosk-1")]
    clock.advance(minutes=2)  # out of paper for 6 minutes > 300 s
    [critical] = [a for a in alarms.evaluate() if a.kind == "printer"]
    assert critical.severity == "critical" and "已 6 分钟" in critical.message_zh
    devices.report_printer("kiosk-1", "ok")
    assert _printer_alarms(alarms) == []
    history = [a for a in alarms.history() if a.kind.startswith("printer")]
    assert len(history) == 3 and all(a.cleared_at is not None for a in history)


def test_offline_or_silent_printer_and_bad_reports(hall_db, clock):
    devices, alarms = DeviceStatusService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    devices.report_printer("kiosk-1", "offline")
    devices.report_printer("kiosk-2", "unknown")
    clock.advance(minutes=3)  # past the default of 120 s
    found = {(a.subject, a.severity): a.message_zh for a in alarms.evaluate() if a.kind == "printer"}
    assert set(found) == {("printer:kiosk-1", "critical"), ("printer:kiosk-2", "critical")}
    assert "脱机" in found[("printer:kiosk-1", "critical")] and "无响应" in found[("printer:kiosk-2", "critical")]
    with pytest.raises(RuleViolation):
        devices.report_printer("kiosk-1", "on fire")
    with pytest.raises(RuleViolation):
        devices.report_printer(" ", "ok")
    assert {p.device_id: p.state for p in devices.printers()} == {"kiosk-1": "offline", "kiosk-2": "unknown"}


def test_staffed_window_without_heartbeat(hall_db, clock, clerk, supervisor):
    q, alarms = QueueService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    q.open_window(3, clerk)
    q.open_window(4, None)  # open with nobody: the older "unattended" rule, not this one

    def silent() -> list[tuple[str, str]]:
        return [(a.severity, a.subject) for a in alarms.evaluate() if a.kind == "no_heartbeat"]

    for _ in range(5):  # a live client beats every minute: never alarmed
        clock.advance(minutes=1)
        q.heartbeat(3)
        assert silent() == []
    clock.advance(minutes=3, seconds=1)  # the client died: just over the default 3 minutes
    assert silent() == [("warning", "window:3")]
    [a] = [a for a in alarms.active() if a.kind == "no_heartbeat"]
    assert "王芳" in a.message_zh and "3 分钟" in a.message_zh
    clock.advance(minutes=7)
    assert silent() == [("critical", "window:3")]
    q.heartbeat(3)  # it came back
    assert silent() == []
    HallSettingsService(hall_db).set("alarm_unattended_warning_minutes", 1, actor=supervisor)
    clock.advance(minutes=1, seconds=30)
    assert silent() == [("warning", "window:3")]


def test_a_supervisors_remote_action_is_not_the_clerks_heartbeat(hall_db, clock, clerk, supervisor):
    from app.services.remote_control import RemoteControl

    q, alarms = QueueService(hall_db, clock=clock), AlarmService(hall_db, clock=clock)
    q.open_window(3, clerk)
    clock.advance(minutes=4)
    RemoteControl(hall_db, clock=clock).set_window(3, "pause", actor=supervisor)
    kinds = {a.kind for a in alarms.evaluate()}
    assert "no_heartbeat" in kinds
    q.close_window(3, actor=clerk)
    assert "no_heartbeat" not in {a.kind for a in alarms.evaluate()}  # a closed window is nobody's
