"""Remote window control, moving waiting tickets, the marquee broadcast, and 电子监察 yellow/red cards."""

from __future__ import annotations

import pytest

from app.domain.errors import PermissionDenied, RuleViolation
from app.services.audit_trail import AuditTrail
from app.services.board import QueueBoard
from app.services.case_supervision import CaseSupervision
from app.services.queue import QueueService
from app.services.remote_control import RemoteControl
from tests.intake.test_cases_service import accepted_case


def test_supervisor_controls_windows_moves_tickets_and_broadcasts(hall_db, clock, clerk, supervisor):
    remote, q = RemoteControl(hall_db, clock=clock), QueueService(hall_db, clock=clock)
    with pytest.raises(PermissionDenied):
        remote.set_window(2, "pause", actor=clerk)
    assert remote.set_window(2, "open", actor=supervisor) == "open"
    assert remote.set_window(2, "pause", actor=supervisor, reason="系统维护") == "paused"
    q.issue_ticket("B")
    q.call_next(1)
    with pytest.raises(RuleViolation):
        remote.set_window(1, "close", actor=supervisor)  # serving
    for _ in range(3):
        q.issue_ticket("G")
    assert remote.move_waiting("G", "B", actor=supervisor, limit=2) == 2
    assert {c.prefix: c.waiting for c in q.list_categories()}["B"] == 2
    remote.broadcast("  今日 17:00 后暂停取号  ", actor=supervisor)
    assert QueueBoard(hall_db, clock=clock).display_snapshot().notice == "今日 17:00 后暂停取号"
    actions = [e.action for e in AuditTrail(hall_db).entries(actor=supervisor)]
    assert actions.count("queue.transferred") == 2 and "queue.paused" in actions and "hall.settings" in actions


def test_yellow_and_red_cards(hall_db, intake, person, tmp_path, clock, reviewer):
    case_id = accepted_case(intake, person, tmp_path)  # Monday; promised Tuesday (1 working day)
    cards = CaseSupervision(hall_db, clock=clock)
    [card] = cards.cards()
    assert (card.card, card.step, card.workdays_left) == ("yellow", "promised", 1)
    assert cards.cards(window=9) == [] and cards.cards(clerk="nobody") == []
    clock.advance(days=2)  # Wednesday: past the promise
    [card] = cards.cards(department=card.department_zh[:2])
    assert card.card == "red" and card.workdays_left < 0
    from app.services.cases import CaseService

    for status in ("in_review", "approved"):
        CaseService(hall_db, clock=clock).move(case_id, status, actor=reviewer)
    assert cards.cards() == []  # concluded: no more cards (the report counts it as overdue)
