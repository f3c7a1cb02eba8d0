"""Staff accounts after `hall init`: who may add, re-PIN, unlock and disable whom; every change audited; the
command line says each refusal in one line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.credentials import check_new_pin
from app.domain.errors import AlreadyDone, AuthError, NotFoundError, PermissionDenied, RuleViolation
from app.services.auth import authenticate
from app.services.staff_accounts import StaffAccounts
from app.store.models_audit import AuditEntry
from tests.test_cli import run


@pytest.fixture
def accounts(sqlite_hall):  # type: ignore[no-untyped-def]
    return StaffAccounts(sqlite_hall)


def _lock(db, login: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(db, login, "0000")


def test_a_supervisor_unlocks_a_clerk_who_then_logs_in_at_once(sqlite_hall, accounts):
    admin = authenticate(sqlite_hall, "admin", "8888")
    _lock(sqlite_hall, "wang")
    with pytest.raises(AuthError, match="locked"):
        authenticate(sqlite_hall, "wang", "1234")
    assert accounts.unlock("wang", actor=admin).locked_minutes == 0
    assert authenticate(sqlite_hall, "wang", "1234").login == "wang"
    with pytest.raises(AlreadyDone, match="not locked"):
        accounts.unlock("wang", actor=admin)
    with sqlite_hall.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.unlocked")).one()
    assert (entry.staff_login, entry.reference, entry.detail["failures"]) == ("admin", "wang", 5)


def test_the_list_shows_who_is_locked_and_for_how_long(sqlite_hall):
    now = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC)]
    accounts = StaffAccounts(sqlite_hall, clock=lambda: now[0])
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(sqlite_hall, "li", "0000", clock=lambda: now[0])
    now[0] += timedelta(minutes=3, seconds=30)
    admin = authenticate(sqlite_hall, "admin", "8888", clock=lambda: now[0])
    listed = {a.login: a for a in accounts.list(actor=admin)}
    assert listed["li"].locked_minutes == 7 and listed["wang"].locked_minutes == 0
    assert listed["admin"].role == "supervisor" and all(a.active for a in listed.values())


def test_a_new_pin_replaces_the_old_one_and_lifts_the_lock(sqlite_hall, accounts):
    admin = authenticate(sqlite_hall, "admin", "8888")
    _lock(sqlite_hall, "zhang")
    accounts.set_pin("zhang", "4826", actor=admin)
    with pytest.raises(AuthError, match="Wrong login or PIN"):
        authenticate(sqlite_hall, "zhang", "1234")
    assert authenticate(sqlite_hall, "zhang", "4826").login == "zhang"


def test_anyone_changes_their_own_pin_but_only_managers_change_others(sqlite_hall, accounts):
    wang = authenticate(sqlite_hall, "wang", "1234")
    for current in (None, "0000"):  # a console left signed in must not let a passer-by take the account over
        with pytest.raises(AuthError, match="current PIN is wrong"):
            accounts.set_pin("wang", "5739", actor=wang, current_pin=current)
    accounts.set_pin("wang", "5739", actor=wang, current_pin="1234")
    assert authenticate(sqlite_hall, "wang", "5739").login == "wang"
    with pytest.raises(PermissionDenied, match="may not manage staff accounts"):
        accounts.set_pin("li", "5739", actor=wang)
    for call in (lambda: accounts.list(actor=wang), lambda: accounts.unlock("li", actor=wang)):
        with pytest.raises(PermissionDenied):
            call()
    assert authenticate(sqlite_hall, "li", "1234").login == "li"


def test_a_supervisor_manages_clerks_and_reviewers_not_other_supervisors(sqlite_hall, accounts):
    admin = authenticate(sqlite_hall, "admin", "8888")
    with pytest.raises(PermissionDenied, match="account of a supervisor"):
        accounts.add("deputy", "副主任", "supervisor", "2580", actor=admin)
    with pytest.raises(PermissionDenied, match="account of an administrator"):
        accounts.add("it", "信息科", "admin", "2580", actor=admin)
    added = accounts.add("sun", "孙丽", "reviewer", "2580", actor=admin)
    assert (added.login, added.role, added.active) == ("sun", "reviewer", True)
    assert authenticate(sqlite_hall, "sun", "2580").role == "reviewer"
    with pytest.raises(RuleViolation, match="already exists"):
        accounts.add("sun", "孙丽", "clerk", "2580", actor=admin)


def test_an_administrator_manages_supervisors_but_not_their_own_account_away(sqlite_hall, accounts):
    admin = authenticate(sqlite_hall, "admin", "8888")
    accounts.add("sun", "孙丽", "clerk", "2580", actor=admin)
    with sqlite_hall.write() as s:  # the hall's IT person, as `hall init` would have made them
        from app.store.models import Staff

        s.scalars(select(Staff).where(Staff.login == "sun")).one().role = "admin"
    it = authenticate(sqlite_hall, "sun", "2580")
    assert accounts.set_active("admin", False, actor=it).active is False
    with pytest.raises(AuthError):
        authenticate(sqlite_hall, "admin", "8888")  # a disabled account stops at once
    with pytest.raises(RuleViolation, match="your own account"):
        accounts.set_active("sun", False, actor=it)
    with pytest.raises(AlreadyDone, match="already disabled"):
        accounts.set_active("admin", False, actor=it)
    accounts.set_active("admin", True, actor=it)
    assert authenticate(sqlite_hall, "admin", "8888").login == "admin"
    with sqlite_hall.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "staff")).all()
    assert sorted(actions) == ["staff.added", "staff.disabled", "staff.enabled"]


@pytest.mark.parametrize("pin", ["123", "12a4", "１２３４", "1234567890123", "", " 1234"])
def test_weak_or_malformed_new_pins_are_refused(pin):
    with pytest.raises(RuleViolation, match="4 to 12 digits"):
        check_new_pin(pin)


def test_bad_logins_names_and_unknown_accounts_change_nothing(sqlite_hall, accounts):
    admin = authenticate(sqlite_hall, "admin", "8888")
    before = [a.login for a in accounts.list(actor=admin)]
    for login, name in (("a b", "名字"), ("x" * 65, "名字"), ("王", "名字"), ("ok", " "), ("ok", "a\x1bb")):
        with pytest.raises(RuleViolation):
            accounts.add(login, name, "clerk", "2580", actor=admin)
    with pytest.raises(NotFoundError):
        accounts.unlock("nobody", actor=admin)
    for _ in range(3):  # wrong PINs, but no lock: nothing to unlock (and nothing audited)
        with pytest.raises(AuthError):
            authenticate(sqlite_hall, "li", "0000")
    with pytest.raises(AlreadyDone, match="not locked"):
        accounts.unlock("li", actor=admin)
    assert [a.login for a in accounts.list(actor=admin)] == before


def test_hall_staff_at_the_command_line(capsys, copy_of_sample_hall):
    db = ["--db", str(copy_of_sample_hall)]
    for _ in range(5):
        run(capsys, "audit", "--as", "li", "--pin", "0000", *db)
    code, out, _ = run(capsys, "hall", "staff", "list", "--as", "admin", "--pin", "8888", *db)
    assert code == 0 and "li  李强  clerk" in out and "locked 10 min" in out
    code, out, _ = run(capsys, "hall", "staff", "unlock", "li", "--as", "admin", "--pin", "8888", *db)
    assert code == 0 and "unlocked" in out
    as_admin = ("--as", "admin", "--pin", "8888")
    code, out, err = run(capsys, "hall", "staff", "pin", "li", "--new-pin", "123", *as_admin, *db)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "新密码" in err and "PIN" in err
    code, out, _ = run(
        capsys, "hall", "staff", "add", "sun", "--name", "孙丽", "--new-pin", "2580", "--as", "admin", "--pin", "8888",
        "--json", *db,
    )  # fmt: skip
    assert code == 0 and '"login": "sun"' in out and '"role": "clerk"' in out
    code, _out, err = run(capsys, "hall", "staff", "disable", "li", "--as", "wang", "--pin", "1234", *db)
    assert code == 1 and "窗口人员无权管理工作人员账号" in err


def test_own_pin_at_the_command_line_is_checked_against_the_pin_given(capsys, copy_of_sample_hall):
    db = ["--db", str(copy_of_sample_hall)]
    as_wang = ("--as", "wang", "--pin", "1234")
    code, out, _ = run(capsys, "hall", "staff", "pin", "wang", "--new-pin", "2580", *as_wang, *db)
    assert code == 0 and "new PIN set" in out
    with pytest.raises(SystemExit) as refused:
        run(capsys, "hall", "staff", "pin", "wang", "--new-pin", "1\x1b9", "--as", "wang", "--pin", "2580", *db)
    err = capsys.readouterr().err
    assert refused.value.code == 2 and "PIN" in err and "1\x1b9" not in err and "1\\x1b9" not in err


def test_hall_init_config_applies_the_same_login_name_and_pin_rules(capsys, tmp_path):
    import json

    spec = json.loads((__import__("pathlib").Path("resources/sample/hall.json")).read_text(encoding="utf-8"))
    for field, value, said in (
        ("pin", "1", "4 to 12 digits"), ("login", "x" * 70, "A login is 1 to 64"),
        ("name", "王\u202e芳", "control characters"),
    ):  # fmt: skip
        bad = json.loads(json.dumps(spec))
        bad["staff"][0][field] = value
        path = tmp_path / f"{field}.json"
        path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
        code, _out, err = run(capsys, "hall", "init", "--config", str(path), "--db", str(tmp_path / f"{field}.db"))
        assert code != 0 and said in err and "staff 1" in err, err
