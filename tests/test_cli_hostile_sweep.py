"""The hostile-input sweep (every command family): one bilingual line, a non-zero exit, the hall file unchanged.
In-process through app.cli.main like tests/test_cli_hostile.py; one sample hall per module, copied per test."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from tests.test_cli_hostile import digest

A = ["--as", "admin", "--pin", "8888"]


def one_bilingual_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_info:  # argparse: usage errors exit 2
        code = int(exit_info.code or 0)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0 and code != 70, (code, err)  # 70 is the crash handler: a known mistake must not reach it
    assert len(lines) == 1 and "Traceback" not in err, err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0]) and any(ch.isascii() and ch.isalpha() for ch in lines[0])
    return code, lines[0]


@pytest.fixture
def hall(copy_of_sample_hall: Path) -> Path:
    return copy_of_sample_hall


@pytest.mark.parametrize(
    "url",
    ["postgresql://u@[::1", "postgresql://u@h:abc/x", "sqlite://", "sqlite:///:memory:", "", "   ", "mysql://u@h/x"],
)
def test_database_addresses_that_cannot_be_used(capsys, url):  # type: ignore[no-untyped-def]
    code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", "B", "--db", url])
    assert code == 1 and "Unknown database address" in line and "无法识别的数据库地址" in line


def test_a_read_only_sqlite_uri_says_read_only(capsys, hall):  # type: ignore[no-untyped-def]
    before = digest(hall)
    _, line = one_bilingual_line(
        capsys, ["ticket", "issue", "--category", "B", "--db", f"sqlite:///file:{hall}?mode=ro&uri=true"]
    )
    assert "read-only" in line and digest(hall) == before


@pytest.fixture
def damaged(hall: Path) -> Path:
    """Pages in the middle overwritten: SQLite only notices on the pages a statement touches."""
    raw = bytearray(hall.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle : middle + 16384] = os.urandom(16384)
    hall.write_bytes(bytes(raw))
    return hall


@pytest.mark.parametrize(
    "argv",
    [
        ["ticket", "status", "B001"],
        ["rating", "list"],
        ["hall", "settings", "show"],
        ["report", "daily", "--date", "2026-11-30"],
        ["server", "enrol-code", "--hall-code", "H1"],
        ["staff", "--window", "1"],
        ["evaluator", "--window", "1"],
    ],
)
def test_a_hall_damaged_in_the_middle_is_refused_by_every_kind_of_command(capsys, damaged, argv):  # type: ignore[no-untyped-def]
    before = digest(damaged)
    _, line = one_bilingual_line(capsys, [*argv, "--db", str(damaged)])
    assert "damaged" in line and "已损坏" in line
    assert digest(damaged) == before


def test_server_commands_on_a_hall_database_or_a_missing_file(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    before = digest(hall)
    _, line = one_bilingual_line(capsys, ["server", "new-epoch", "--db", str(hall)])
    assert "schema this program does not know" in line and digest(hall) == before
    missing = tmp_path / "server.db"
    for argv in (["server", "revoke", "--device", "x"], ["server", "new-epoch"]):
        _, line = one_bilingual_line(capsys, [*argv, "--db", str(missing)])
        assert "does not exist" in line and not missing.exists()
    calendar = tmp_path / "calendar.json"
    calendar.write_text('{"label": "no years"}', encoding="utf-8")
    one_bilingual_line(capsys, ["server", "publish", "calendar", str(calendar), "--db", str(missing)])
    assert not missing.exists()  # the content is checked before the database is created


@pytest.mark.parametrize(
    "argv",
    [
        ["ticket", "call-next", "--window", "0"],
        ["window", "start", "--window", "-1"],
        ["window", "open", "99999", *A],
        ["help", "--window", "nan", *A],
        ["case", "cards", "--window", str(10**30)],
        ["ticket", "issue", "--category", ""],
        ["ticket", "issue", "--category", "   "],
        ["ticket", "issue", "--category", "B", "--matter", "x" * 10_000],
        ["ticket", "status", "B001\x1b[31m"],
        ["appointment", "book", "--category", "B", "--date", "2026-02-30", "--slot", "09:00-09:30"],
        ["appointment", "book", "--category", "B", "--date", "99999-01-01", "--slot", "09:00-09:30"],
        ["appointment", "check-in", "\n"],
        ["case", "move", "H023-20261130-0001", "--to", "approved", "--as", ""],
        ["broadcast", "line one\nline two", *A],
        ["alarm", "ack", "x", "--note", "   ", *A],
        ["rating", "follow-up", "callback", "x", "--note", "n", "--satisfaction", "9", *A],
        ["simulate", "--days", "inf"],
        ["bench", "queue", "--postgres", "--seconds", "nan"],
        ["server", "--port", "70000"],
        ["kiosk", "--demo", "--size", "abc"],
    ],
)
def test_argument_shapes(capsys, hall, argv):  # type: ignore[no-untyped-def]
    before = digest(hall)
    db = [] if argv[0] in ("bench", "server") else ["--db", str(hall)]
    code, line = one_bilingual_line(capsys, [*argv, *db])
    assert code == 2 and "bad arguments" in line
    assert digest(hall) == before


def test_a_gui_role_with_a_bad_database_prints_one_line_and_opens_no_window(capsys, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50, encoding="utf-8")
    for role in (["staff"], ["display"], ["supervisor"], ["evaluator", "--window", "1"]):
        _, line = one_bilingual_line(capsys, [*role, "--db", str(notes)])
        assert "not a hall database" in line
    app = QApplication.instance()
    assert app is None or not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


class _Garbage(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = b"<html><body>captive portal</body></html>" if self.path.endswith("enrol") else b'{"weird": 1}'
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def garbage_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_sync_enrol_against_a_server_answering_html(capsys, hall, garbage_server):  # type: ignore[no-untyped-def]
    before = digest(hall)
    _, line = one_bilingual_line(
        capsys, ["sync", "enrol", "--server", garbage_server, "--code", "ABC", "--db", str(hall)]
    )
    assert "not a OneWindow central server" in line and "text/html" in line
    assert digest(hall) == before


@pytest.mark.parametrize(
    ("content", "zh", "en"),
    [
        (b'{"matters": [{"code": "X", "name_zh": "x"}]}', "缺少字段", "missing field"),
        (b'{"matters": [{"code": "X", "materials": [{"ref": "nope"}]}]}', "没有共用材料", "no shared material"),
    ],
)
def test_catalogue_problems_are_said_in_both_languages(capsys, hall, tmp_path, content, zh, en):  # type: ignore[no-untyped-def]
    path = tmp_path / "catalogue.json"
    path.write_bytes(content)
    _, line = one_bilingual_line(capsys, ["catalogue", "import", str(path), "--db", str(hall)])
    chinese, english = line.split(" / The ", 1)
    assert zh in chinese and en not in chinese and en in english


def test_hall_config_problems_are_said_in_both_languages(capsys, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.json"
    path.write_text('{"code": "H1", "name_zh": "x", "categories": [{"prefix": "B"}]}', encoding="utf-8")
    _, line = one_bilingual_line(capsys, ["hall", "init", "--config", str(path), "--db", str(tmp_path / "h.db")])
    assert "第 1 个业务类别缺少“name_zh”" in line and "category 1 needs 'name_zh'" in line
    assert not (tmp_path / "h.db").exists()


def test_output_paths_that_cannot_be_written(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    """A folder, or the live database itself, as the place to write: one line, nothing written, the hall unchanged
    (the report checks its output before it marks missed appointments)."""
    assert main(["ticket", "issue", "--category", "B", "--db", str(hall)]) == 0
    capsys.readouterr()
    folder = tmp_path / "out"
    folder.mkdir()
    before = digest(hall)
    for argv in (
        ["ticket", "print", "B001", "--pdf", str(folder), "--db", str(hall)],
        ["ticket", "print", "B001", "--png", str(folder), "--db", str(hall)],
        ["report", "daily", "--date", "2026-11-23", "--xlsx", str(folder), "--db", str(hall)],
        ["report", "daily", "--date", "2026-11-23", "--pdf", str(folder), "--db", str(hall)],
        ["hall", "backup", "--to", str(folder), "--db", str(hall)],
    ):
        _code, line = one_bilingual_line(capsys, argv)
        assert "文件夹" in line and "folder" in line, (argv, line)
    _code, line = one_bilingual_line(capsys, ["hall", "backup", "--to", str(hall), "--db", str(hall)])
    assert "数据库文件本身" in line and "onto the hall database itself" in line
    assert digest(hall) == before and list(folder.iterdir()) == []


def test_codes_and_dates_the_hall_does_not_know(capsys, hall):  # type: ignore[no-untyped-def]
    """A matter code not in the catalogue, a booking in 2099: refused with one line, nothing written."""
    before = digest(hall)
    db = ["--db", str(hall)]
    _code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", "B", "--matter", "NOPE", *db])
    assert "NOPE" in line and "catalogue" in line
    argv = ["appointment", "book", "--category", "B", "--date", "2099-01-05", "--slot", "09:00-09:30"]
    _code, line = one_bilingual_line(capsys, [*argv, *db])
    assert "30 days ahead" in line
    _code, line = one_bilingual_line(capsys, [*argv, "--matter", "NOPE", *db])
    assert "NOPE" in line
    assert digest(hall) == before
