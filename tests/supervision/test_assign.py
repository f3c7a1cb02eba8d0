"""Giving a bad-rating follow-up to a staff member: supervisors only (checked in the service), audited, from
the command line (`onewindow rating assign`) and the service."""

from __future__ import annotations

import json

import pytest

from app.domain.errors import NotFoundError, PermissionDenied
from app.domain.ratings import RatingError
from app.services.audit_trail import AuditTrail
from app.services.follow_ups import FollowUpService
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.database import Database
from tests.test_cli import run


def _bad_rating(db: Database, clock) -> str:  # type: ignore[no-untyped-def]
    q = QueueService(db, clock=clock)
    q.issue_ticket("B")
    q.call_next(2)
    q.start(2)
    t = q.finish(2)
    RatingService(db, clock=clock).submit("ticket", t.id, 1, ["attitude"], channel="window_pad")
    [f] = FollowUpService(db, clock=clock).list()
    return f.id


def test_assign_is_for_supervisors_and_audited(hall_db, clock, clerk, supervisor):
    fid = _bad_rating(hall_db, clock)
    service = FollowUpService(hall_db, clock=clock)
    assert {s.login for s in service.assignees()} >= {"wang", "li", "admin"}
    with pytest.raises(PermissionDenied):
        service.assign(fid, "nobody", actor=clerk)  # refused before anything is looked up
    with pytest.raises(NotFoundError):
        service.assign(fid, "nobody", actor=supervisor)
    row = service.assign(fid, "li", actor=supervisor)
    assert row.status == "assigned" and row.assigned_to == "李强" and "指派 李强 负责回访" in row.notes[-1]["note"]
    row = service.assign(fid, "wang", "李强休假，改由王芳回访", actor=supervisor)  # reassigned
    assert row.assigned_to == "王芳" and row.notes[-1]["assignee"] == "wang"
    service.callback(fid, "已电话回访，市民接受说明", 3, actor=supervisor)
    with pytest.raises(RatingError):
        service.assign(fid, "li", actor=supervisor)  # called back already: too late to hand it on
    entries = [e for e in AuditTrail(hall_db).entries(actor=supervisor) if e.action == "follow_up.assign"]
    assert len(entries) == 2 and all(e.staff_login == "admin" for e in entries)


def test_rating_assign_command(capsys, tmp_path, monkeypatch, clock):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    db = Database(url)
    fid = _bad_rating(db, clock)
    db.dispose()
    code, out, err = run(capsys, "rating", "assign", fid[:13], "--to", "li", "--as", "wang", "--pin", "1234",
                         "--db", url)  # fmt: skip
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "无权" in err and "follow-up" in err
    monkeypatch.setenv("ONEWINDOW_PIN", "8888")
    code, out, err = run(capsys, "rating", "assign", fid[:13], "--to", "li", "--as", "admin", "--db", url, "--json")
    assert code == 0, err
    assert json.loads(out)["assigned_to"] == "李强" and json.loads(out)["status"] == "assigned"
    code, out, err = run(capsys, "rating", "assign", fid[:13], "--to", "ghost", "--as", "admin", "--db", url)
    assert code == 1 and "ghost" in err and len(err.strip().splitlines()) == 1
