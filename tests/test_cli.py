"""The stable command line: one JSON object per command, errors on stderr with a non-zero exit code."""

import json

import pytest

from app.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'hall.db'}"


def test_hall_init_issue_and_call_next(capsys, db):
    code, out, _ = run(capsys, "hall", "init", "--sample", "--db", db, "--json")
    assert code == 0 and json.loads(out)["code"] == "H023"
    code, out, _ = run(capsys, "hall", "init", "--sample", "--db", db)  # idempotent
    assert code == 0
    code, out, _ = run(capsys, "ticket", "issue", "--category", "B", "--db", db, "--json")
    ticket = json.loads(out)
    assert code == 0 and ticket["display_number"] == "B001" and ticket["qr_payload"].startswith("OW1:T:H023:")
    code, out, _ = run(capsys, "ticket", "call-next", "--window", "3", "--db", db, "--json")
    called = json.loads(out)
    assert called["window"] == 3 and called["ticket"]["id"] == ticket["id"] and called["ticket"]["status"] == "called"
    run(capsys, "ticket", "issue", "--category", "B", "--db", db)
    # A second call-next moments later (a double press) is refused: B001 is not finished, B002 not called.
    code, out, err = run(capsys, "ticket", "call-next", "--window", "3", "--db", db)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "B001" in err and "刚刚叫号" in err and "was called" in err
    code, out, _ = run(capsys, "ticket", "status", "B001", "--db", db, "--json")
    assert json.loads(out)["status"] == "called"
    code, out, _ = run(capsys, "ticket", "status", "B002", "--db", db, "--json")
    assert json.loads(out)["status"] == "waiting"


def test_errors_are_bilingual_on_stderr(capsys, db):
    code, out, err = run(capsys, "ticket", "issue", "--category", "B", "--db", db)
    assert code == 1 and out == "" and "hall init" in err and "大厅" in err
    run(capsys, "hall", "init", "--sample", "--db", db)
    code, out, err = run(capsys, "ticket", "issue", "--category", "Z", "--db", db, "--json")
    assert code == 1 and out == "" and "没有业务类别" in err and "No service category" in err
    code, out, err = run(capsys, "ticket", "call-next", "--window", "99", "--db", db)
    assert code == 1 and "99" in err


def test_ticket_print_escpos_and_pdf(capsys, db, tmp_path):
    run(capsys, "hall", "init", "--sample", "--db", db)
    run(capsys, "ticket", "issue", "--category", "G", "--db", db)
    raw, pdf = tmp_path / "lp0", tmp_path / "t.pdf"
    code, out, err = run(
        capsys, "ticket", "print", "G001", "--db", db, "--escpos", str(raw), "--pdf", str(pdf), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["ticket"] == "G001"
    data = raw.read_bytes()
    assert "医保社保".encode("gb18030") in data and b"G001" in data and b"\x1dV" in data  # text, number, cut
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "ticket", "print", "G999", "--db", db, "--escpos", str(raw))
    assert code == 1 and "not found" in err


def test_window_actions_from_the_command_line(capsys, db):
    run(capsys, "hall", "init", "--sample", "--db", db)
    run(capsys, "ticket", "issue", "--category", "B", "--db", db)
    run(capsys, "ticket", "issue", "--category", "B", "--db", db)
    run(capsys, "ticket", "call-next", "--window", "3", "--db", db)
    code, out, err = run(capsys, "window", "undo", "--window", "3", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["ticket"]["status"] == "waiting"  # the wrong call is taken back
    run(capsys, "ticket", "call-next", "--window", "3", "--db", db)
    code, out, _ = run(capsys, "window", "start", "--window", "3", "--db", db)
    assert code == 0 and "B001" in out and "serving" in out
    code, _, err = run(capsys, "window", "undo", "--window", "3", "--db", db)
    code, _, err = run(capsys, "window", "undo", "--window", "3", "--db", db)
    assert code == 1 and "没有可以撤销的操作" in err
