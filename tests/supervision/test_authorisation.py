"""Authorisation lives in the services: the role comes from the database, never from the caller."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.domain.errors import AuthError, PermissionDenied, UserError
from app.services.auth import Actor, authenticate
from app.services.hall_settings import HallSettingsService
from app.store.models import Staff
from tests.intake.helpers import as_clerk, finding, item, report, scan
from tests.intake.test_cases_service import accepted_case
from tests.intake.test_intake_service import start_business
from tests.test_cli import run


def test_login_checks_the_argon2_pin(hall_db):
    actor = authenticate(hall_db, "shen", "1234")
    assert isinstance(actor, Actor) and actor.role == "reviewer"
    with pytest.raises(AuthError) as wrong:
        authenticate(hall_db, "shen", "0000")
    with pytest.raises(AuthError) as unknown:
        authenticate(hall_db, "nobody", "1234")
    assert wrong.value.bilingual() == unknown.value.bilingual()  # does not tell which logins exist
    with hall_db.read() as s:
        assert s.scalar(select(Staff.secret_hash).where(Staff.login == "shen")).startswith("$argon2")


def test_wrong_pins_in_a_row_lock_the_login_for_a_while(hall_db):
    """Five wrong PINs lock the login: the right PIN is refused too until the lock-out has run out; a success
    before that ends the run of wrong PINs. Another login is not affected."""
    now = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC)]

    def login(pin: str, who: str = "shen") -> Actor:
        return authenticate(hall_db, who, pin, clock=lambda: now[0])

    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong login or PIN"):
            login("0000")
    assert login("1234").login == "shen"  # the run of wrong PINs ends here
    for _ in range(4):
        with pytest.raises(AuthError, match="Wrong login or PIN"):
            login("0000")
    with pytest.raises(AuthError) as locked:
        login("0000")
    assert "锁定" in locked.value.message_zh and "10 min" in locked.value.message_en
    with pytest.raises(AuthError, match="locked"):
        login("1234")  # the right PIN does not get through a lock-out
    assert login("8888", "admin").login == "admin"
    now[0] += timedelta(minutes=9)
    with pytest.raises(AuthError, match="try again in 1 min"):
        login("1234")
    now[0] += timedelta(minutes=1, seconds=1)
    assert login("1234").login == "shen"
    with pytest.raises(AuthError, match="Wrong login or PIN"):
        login("0000")  # counting starts afresh


def test_a_locked_login_is_one_line_at_the_command_line(capsys, tmp_path):
    """Guessing PINs with `--as/--pin` stops after five: then one bilingual line, exit 1, even for the right PIN."""
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    run(capsys, "hall", "init", "--sample", "--db", url)
    for pin in ("0000", "0001", "0002", "0003"):
        code, _out, err = run(capsys, "audit", "--as", "admin", "--pin", pin, "--db", url)
        assert code == 1 and "工号或密码错误" in err
    code, out, err = run(capsys, "audit", "--as", "admin", "--pin", "0004", "--db", url)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "锁定" in err and "locked" in err
    code, out, err = run(capsys, "audit", "--as", "admin", "--pin", "8888", "--db", url)
    assert code == 1 and "locked" in err


def test_a_clerk_cannot_move_a_case_and_a_claimed_role_does_not_help(intake, cases, person, tmp_path, clerk, reviewer):
    case_id = accepted_case(intake, person, tmp_path)
    cases.move(case_id, "in_review", actor=reviewer)
    with pytest.raises(PermissionDenied) as err:
        cases.move(case_id, "approved", actor=clerk)
    assert "窗口人员无权" in err.value.message_zh and "clerk" in err.value.message_en
    forged = dataclasses.replace(clerk, role="supervisor")  # the role the caller claims is not used
    with pytest.raises(PermissionDenied):
        cases.move(case_id, "approved", actor=forged)
    assert cases.row(case_id).status == "in_review"
    with pytest.raises(PermissionDenied):
        cases.move(case_id, "approved", actor=None)  # type: ignore[arg-type]


def test_a_disabled_account_stops_at_once(hall_db, intake, cases, person, tmp_path, reviewer):
    case_id = accepted_case(intake, person, tmp_path)
    with hall_db.write() as s:
        s.execute(update(Staff).where(Staff.login == "shen").values(active=False))
    with pytest.raises(PermissionDenied):
        cases.move(case_id, "in_review", actor=reviewer)


def test_a_reviewer_cannot_override_a_check_finding(intake, hall_queue, person, tmp_path, reviewer, clerk):
    view, _ = start_business(intake, hall_queue)
    view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
    form = intake.attach_file(view.id, item(view, "enterprise_form").id, scan(tmp_path, "form.png"),
        actor=as_clerk(intake))
    view = intake.record_check(form.file.id, report(finding("image.blur", "warn", "清晰度 32，低于要求的 60")))
    blur = item(view, "enterprise_form").files[0].findings[0]
    with pytest.raises(PermissionDenied) as err:
        intake.override_finding(blur.id, "文字可辨认，原件已核对", reviewer)
    assert "审批人员无权放行" in err.value.message_zh
    assert item(intake.case_view(view.id), "enterprise_form").files[0].findings[0].override_reason is None
    view = intake.override_finding(blur.id, "文字可辨认，原件已核对", clerk)
    assert item(view, "enterprise_form").files[0].findings[0].override_reason == "文字可辨认，原件已核对"


def test_transfer_needs_a_window_role(hall_db, hall_queue, clerk, reviewer):
    hall_queue.issue_ticket("B")
    hall_queue.call_next(1)
    with pytest.raises(PermissionDenied):
        hall_queue.transfer(1, to_prefix="G", actor=reviewer)
    with pytest.raises(PermissionDenied):
        hall_queue.transfer(1, to_prefix="G", actor=None)
    assert hall_queue.transfer(1, to_prefix="G", actor=clerk).category_prefix == "G"


def test_settings_only_by_supervisor_or_admin(hall_db, clerk, supervisor):
    service = HallSettingsService(hall_db)
    with pytest.raises(PermissionDenied):
        service.set("alarm_queue_warning", 10, actor=clerk)
    assert service.set("alarm_queue_warning", "10", actor=supervisor)["alarm_queue_warning"] == 10
    assert service.current().alarm_queue_warning == 10
    with pytest.raises(UserError):  # unknown keys are refused, not stored
        service.set("alarm_queue_warnign", 10, actor=supervisor)


def test_an_unknown_status_is_a_clear_refusal(intake, cases, person, tmp_path, reviewer):
    from app.domain.errors import RuleViolation

    case_id = accepted_case(intake, person, tmp_path)
    with pytest.raises(RuleViolation) as err:
        cases.move(case_id, "finished", actor=reviewer)
    assert "未知的办件状态" in err.value.message_zh and "in_review" in err.value.message_en


def test_intake_steps_need_a_window_role(intake, person, reviewer, clerk):
    with pytest.raises(PermissionDenied):
        intake.start_case(["C006"], actor=reviewer)
    with pytest.raises(PermissionDenied):
        intake.start_case(["C006"], actor=None)
    view = intake.start_case(["C006"], actor=clerk)
    with pytest.raises(PermissionDenied):
        intake.set_applicant(view.id, person, actor=reviewer)
    with pytest.raises(PermissionDenied):
        intake.accept(view.id, reviewer)
    assert intake.set_applicant(view.id, person, actor=clerk).applicant is not None


def test_an_unknown_login_locks_like_a_real_one_and_old_rows_are_pruned(sqlite_hall):
    """Five wrong PINs for a login that does not exist answer exactly what a real login answers (locked), so
    guessing cannot tell which logins exist; a day later its row is gone when the next wrong PIN is counted."""
    from app.store.models_audit import LoginAttempt

    now = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC)]
    answers: dict[str, list[str]] = {"shen": [], "nobody": []}
    for who, said in answers.items():
        for _ in range(6):
            with pytest.raises(AuthError) as refused:
                authenticate(sqlite_hall, who, "0000", clock=lambda: now[0])
            said.append(refused.value.bilingual())
    assert answers["shen"] == answers["nobody"] and "locked" in answers["nobody"][-1]
    with sqlite_hall.read() as s:  # what was typed as an unknown login (often a PIN) is not kept as typed
        stored = set(s.scalars(select(LoginAttempt.login)))
    assert "shen" in stored and "nobody" not in stored and len(stored) == 2
    now[0] += timedelta(days=1, minutes=11)
    with pytest.raises(AuthError, match="Wrong login or PIN"):
        authenticate(sqlite_hall, "wang", "0000", clock=lambda: now[0])
    with sqlite_hall.read() as s:
        assert sorted(s.scalars(select(LoginAttempt.login))) == ["wang"]
