"""What a newcomer meets first: readable ticket states, a quiet start-up, a helpful `check --help`."""

from __future__ import annotations

import logging

import pytest

from app.cli import main


def test_ticket_status_names_the_state_in_chinese(capsys, tmp_path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "hall.db")
    assert main(["hall", "init", "--sample", "--db", db]) == 0
    main(["ticket", "issue", "--category", "B", "--db", db])
    main(["ticket", "issue", "--category", "B", "--db", db])
    capsys.readouterr()
    assert main(["ticket", "status", "B002", "--db", db]) == 0
    assert capsys.readouterr().out.split() == [
        "B002",
        "社会事务",
        "等待中",
        "/",
        "waiting",
        "前面",
        "1",
        "人",
        "/",
        "1",
        "ahead",
    ]
    main(["ticket", "call-next", "--window", "3", "--db", db])
    capsys.readouterr()
    main(["ticket", "status", "B001", "--db", db])
    assert "已叫号 / called  3 号窗口 / window 3" in capsys.readouterr().out
    # A called ticket is never finished by the next call (issue 9): the clerk starts and finishes it.
    assert main(["window", "start", "--window", "3", "--db", db]) == 0
    assert main(["window", "finish", "--window", "3", "--db", db]) == 0
    capsys.readouterr()
    main(["ticket", "status", "B001", "--db", db])
    out = capsys.readouterr().out
    assert "已完成 / finished" in out and "ahead" not in out


def test_start_up_logs_no_alembic_info(caplog, tmp_path):  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO)  # the kiosk's root level
    assert main(["hall", "init", "--sample", "--db", str(tmp_path / "hall.db")]) == 0
    assert [r.getMessage() for r in caplog.records if r.name.startswith("alembic")] == []
    assert any(r.name == "onewindow.store" and "upgraded" in r.getMessage() for r in caplog.records)


def test_check_help_lists_the_material_kinds(capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for kind in ("resident_id", "business_licence", "application_form", "certificate", "contract", "photo", "other"):
        assert kind in out
