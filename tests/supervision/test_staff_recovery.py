"""`onewindow hall staff recover`: the database owner's way back in when no supervisor or administrator can log in.
Through the real command line on a copy of the sample hall; the terminal (getpass, stdin) and the host user name
are the machine's edge and are faked."""

from __future__ import annotations

import io
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import AuthError
from app.services.auth import authenticate
from app.store.database import Database
from app.store.models_audit import AuditEntry
from tests.test_cli import run
from tests.test_cli_hostile import digest, one_line_error


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def hall(copy_of_sample_hall: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("getpass.getuser", lambda: "hall-it")
    monkeypatch.delenv("ONEWINDOW_NEW_PIN", raising=False)
    return copy_of_sample_hall


@dataclass
class Typed:
    answers: list[str]  # what the person types at the hidden prompts, in order (the test fills it)
    prompts: list[str]  # the prompts shown


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Typed:
    seen = Typed([], [])

    def getpass(prompt: str = "") -> str:
        seen.prompts.append(prompt)
        return seen.answers.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr("sys.stdin", _Terminal(""))
    return seen


def _open(path: Path) -> Database:
    return Database(f"sqlite:///{path}", device_id="test-device")


def _recovered(path: Path) -> list[AuditEntry]:
    db = _open(path)
    try:
        with db.read() as s:
            return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.recovered")))
    finally:
        db.dispose()


def _logs_in(path: Path, login: str, pin: str) -> bool:
    db = _open(path)
    try:
        return authenticate(db, login, pin).login == login
    except AuthError:
        return False
    finally:
        db.dispose()


def test_a_forgotten_supervisor_pin_is_replaced_at_the_terminal_and_the_new_one_logs_in(capsys, hall, typed):
    typed.answers += ["4826", "4826"]
    code, out, err = run(capsys, "hall", "staff", "recover", "admin", "--db", str(hall))
    assert (code, err) == (0, "") and len(out.strip().splitlines()) == 1, (out, err)
    assert "已恢复 / recovered: admin" in out and "new PIN set" in out and "database owner: hall-it" in out
    assert len(typed.prompts) == 2 and typed.answers == []  # asked twice, through getpass (which never echoes)
    assert not _logs_in(hall, "admin", "8888")
    code, out, _ = run(capsys, "hall", "staff", "list", "--as", "admin", "--pin", "4826", "--db", str(hall))
    assert code == 0 and "admin  值班主任  supervisor  启用 / active" in out
    [entry] = _recovered(hall)
    assert (entry.staff_id, entry.staff_login, entry.role, entry.reference) == (None, "", "database owner", "admin")
    assert entry.detail == {
        "by": "database owner", "host_user": "hall-it", "role": "supervisor", "created": False, "pin": True,
        "enabled": False, "unlocked_failures": 0,
    }  # fmt: skip
    code, out, _ = run(capsys, "audit", "--action", "staff.", "--as", "admin", "--pin", "4826", "--db", str(hall))
    assert code == 0 and "database owner" in out and "staff.recovered" in out


def test_a_locked_and_disabled_supervisor_is_enabled_and_unlocked(capsys, hall, monkeypatch):
    db = ["--db", str(hall)]
    code, _, _ = run(capsys, "hall", "staff", "recover", "it", "--name", "信息科", "--new-pin", "700700", *db)
    assert code == 0  # the hall had no administrator: the owner makes one
    for _ in range(5):
        assert not _logs_in(hall, "admin", "0000")
    code, _, err = run(capsys, "hall", "staff", "disable", "admin", "--as", "it", "--pin", "700700", *db)
    assert code == 0, err
    code, out, _ = run(capsys, "hall", "staff", "list", "--as", "it", "--pin", "700700", *db)
    assert "admin  值班主任  supervisor  停用 / disabled  锁定 10 分钟" in out
    assert not _logs_in(hall, "admin", "8888")
    monkeypatch.setenv("ONEWINDOW_NEW_PIN", "9999")  # not used: --new-pin-stdin says where the PIN is
    monkeypatch.setattr("sys.stdin", io.StringIO("5173\n"))
    code, out, err = run(capsys, "hall", "staff", "recover", "admin", "--new-pin-stdin", *db)
    assert code == 0 and "new PIN set, 已启用 / enabled, 已解锁 / unlocked" in out, (out, err)
    assert _logs_in(hall, "admin", "5173")
    entries = {e.reference: e.detail for e in _recovered(hall)}
    assert entries["it"]["created"] is True and entries["it"]["role"] == "admin"
    assert (entries["admin"]["enabled"], entries["admin"]["unlocked_failures"]) == (True, 5)


def test_only_a_hall_without_an_administrator_gets_a_new_one(capsys, hall):
    db = ["--db", str(hall)]
    line = one_line_error(*run(capsys, "hall", "staff", "recover", "it", "--new-pin", "700700", *db)[::2])
    assert "no login 'it'" in line and "--name" in line
    assert run(capsys, "hall", "staff", "recover", "it", "--name", "信息科", "--new-pin", "700700", *db)[0] == 0
    line = one_line_error(
        *run(capsys, "hall", "staff", "recover", "it2", "--name", "张三", "--new-pin", "1357", *db)[::2]
    )
    assert "already has an administrator account (it)" in line
    line = one_line_error(
        *run(capsys, "hall", "staff", "recover", "admin", "--name", "王", "--new-pin", "1357", *db)[::2]
    )
    assert "--name is only for creating" in line
    assert not _logs_in(hall, "it2", "1357") and _logs_in(hall, "admin", "8888")


@pytest.mark.parametrize("login", ["wang", "shen"])  # a clerk and a reviewer
def test_clerk_and_reviewer_accounts_are_not_recovered(capsys, hall, login):
    before = digest(hall)
    line = one_line_error(*run(capsys, "hall", "staff", "recover", login, "--new-pin", "4826", "--db", str(hall))[::2])
    assert "Recovery is only for administrator or supervisor accounts" in line and "hall staff pin" in line
    assert digest(hall) == before and _logs_in(hall, login, "1234")


def test_two_different_pins_at_the_prompt_change_nothing(capsys, hall, typed):
    typed.answers += ["4826", "4862"]
    before = digest(hall)
    line = one_line_error(*run(capsys, "hall", "staff", "recover", "admin", "--db", str(hall))[::2])
    assert "两次输入的新密码不同" in line and "differ" in line and "4826" not in line
    assert digest(hall) == before and _recovered(hall) == []


def test_new_pin_stdin_at_a_terminal_asks_at_the_hidden_prompt(capsys, hall, typed):
    """Read as a line from a terminal, the PIN was echoed as it was typed, and typed once."""
    typed.answers += ["4826", "4826"]
    code, out, err = run(capsys, "hall", "staff", "recover", "admin", "--new-pin-stdin", "--db", str(hall))
    assert (code, err) == (0, "") and "new PIN set" in out and "4826" not in out
    assert len(typed.prompts) == 2 and _logs_in(hall, "admin", "4826")


def test_a_weak_pin_or_none_at_all_is_refused_without_repeating_it(capsys, hall, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    line = one_line_error(*run(capsys, "hall", "staff", "recover", "admin", "--new-pin-stdin", "--db", str(hall))[::2])
    assert "4 to 12 digits" in line and "123" not in line
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script that forgot to say where the PIN is
    line = one_line_error(*run(capsys, "hall", "staff", "recover", "admin", "--db", str(hall))[::2])
    assert "--new-pin-stdin" in line
    with pytest.raises(SystemExit) as usage:
        run(capsys, "hall", "staff", "recover", "admin", "--new-pin", "4826", "--new-pin-stdin", "--db", str(hall))
    assert usage.value.code == 2 and _recovered(hall) == []


def test_a_damaged_database_is_refused_in_one_line_before_any_pin_is_asked(capsys, hall, typed):
    raw = bytearray(hall.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle : middle + 16384] = os.urandom(16384)  # pages in the middle: SQLite notices only when it reads them
    hall.write_bytes(bytes(raw))
    before = digest(hall)
    typed.answers += ["4826", "4826"]
    line = one_line_error(*run(capsys, "hall", "staff", "recover", "admin", "--db", str(hall))[::2])
    assert "damaged" in line and "已损坏" in line
    assert digest(hall) == before and typed.prompts == []


def test_a_newer_or_foreign_database_is_not_touched(capsys, hall, tmp_path):
    with sqlite3.connect(hall) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.close()
    foreign = tmp_path / "contacts.db"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE contacts (id INTEGER, name TEXT)")
    con.close()
    for path, said in ((hall, "newer than this program"), (foreign, "another program's database")):
        before = digest(path)
        line = one_line_error(
            *run(capsys, "hall", "staff", "recover", "admin", "--new-pin", "4826", "--db", str(path))[::2]
        )
        assert said in line and digest(path) == before


def test_recovery_on_either_backend_is_one_audited_change(capsys, hall_db, db_url, monkeypatch):
    """On PostgreSQL too (shared halls hold their database there; its columns are checked for length)."""
    monkeypatch.setattr("getpass.getuser", lambda: "hall-it")
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(hall_db, "admin", "0000")
    code, out, err = run(capsys, "hall", "staff", "recover", "admin", "--new-pin", "246810", "--db", db_url)
    assert code == 0 and "unlocked" in out, err
    assert authenticate(hall_db, "admin", "246810").login == "admin"
    with hall_db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "staff")).all()
    assert [(e.action, e.role, e.detail["unlocked_failures"]) for e in entries] == [
        ("staff.recovered", "database owner", 5)
    ]
