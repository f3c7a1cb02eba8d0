"""Hostile input through the real command line: one bilingual line on stderr, a non-zero exit, nothing changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str) -> str:
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and " / " in lines[0]  # Chinese / English
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hall(copy_of_sample_hall: Path) -> Path:
    return copy_of_sample_hall


def test_a_file_that_is_not_a_database(capsys, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.db"
    path.write_text("meeting notes, not a database\n" * 40, encoding="utf-8")
    before = digest(path)
    for argv in (["ticket", "issue", "--category", "B"], ["ticket", "status", "B001"], ["hall", "init", "--sample"]):
        line = one_line_error(*run(capsys, *argv, "--db", str(path))[::2])
        assert "not a hall database" in line and "不是大厅数据库" in line and str(path) in line
    assert digest(path) == before


def test_a_truncated_hall_database_says_so_and_is_never_written(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.db"
    broken.write_bytes(hall.read_bytes()[:20_000])
    before = digest(broken)
    for argv in (["ticket", "issue", "--category", "B"], ["ticket", "call-next", "--window", "1"], ["rating", "list"]):
        line = one_line_error(*run(capsys, *argv, "--db", str(broken))[::2])
        assert "damaged" in line and "已损坏" in line and "backup" in line
    assert digest(broken) == before


def test_unknown_url_scheme(capsys):  # type: ignore[no-untyped-def]
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", "mysql://u@h/x")[::2])
    assert "mysql://u@h/x" in line and "postgresql://" in line


def test_postgresql_server_down(capsys):  # type: ignore[no-untyped-def]
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://clerk:secret@127.0.0.1:{port}/hall"
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", url)[::2])
    assert "Cannot reach the hall database" in line and "连接不上" in line and "secret" not in line


def test_ticket_issue_on_a_new_file_creates_nothing_and_names_the_path(capsys, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "typo" / "hal.db"
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(path))[::2])
    assert f"onewindow hall init --sample --db {path}" in line
    assert not path.exists() and not path.parent.exists()


def _chattr(flag: str, *paths: Path) -> bool:
    exe = shutil.which("chattr")
    return exe is not None and subprocess.run([exe, flag, *map(str, paths)], capture_output=True).returncode == 0


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Really read-only, also for root (who ignores permission bits): chmod, plus the immutable flag as root."""
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(modes[p] & ~0o222)
    immutable = os.geteuid() == 0 and _chattr("+i", *paths)
    try:
        probe = paths[-1] / "probe" if paths[-1].is_dir() else paths[-1]
        try:
            with open(probe, "ab"):
                pass
            writable = True
        except OSError:
            writable = False
        if writable:
            pytest.skip("cannot make a file read-only here (root without chattr)")
        yield
    finally:
        if immutable:
            _chattr("-i", *paths)
        for p, mode in modes.items():
            p.chmod(mode)


def test_read_only_folder_existing_and_new_file(capsys, hall):  # type: ignore[no-untyped-def]
    before = digest(hall)
    new = hall.parent / "new.db"
    with read_only(hall, hall.parent):
        for argv in (
            ["ticket", "issue", "--category", "B", "--db", str(hall)],
            ["ticket", "status", "B001", "--db", str(hall)],
        ):
            line = one_line_error(*run(capsys, *argv)[::2])
            assert "read-only" in line and "只读" in line
        line = one_line_error(*run(capsys, "hall", "init", "--sample", "--db", str(new))[::2])
        assert "read-only" in line and str(hall.parent) in line
    assert digest(hall) == before and not new.exists()


def test_read_only_file_in_a_writable_folder(capsys, hall):  # type: ignore[no-untyped-def]
    before = digest(hall)
    with read_only(hall):
        line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[::2])
        assert "read-only" in line
    assert digest(hall) == before


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b'{"label": "v2", "matters": [{"code": "A1", "name', "not valid JSON"),  # truncated
        (b"[1, 2, 3]", "invalid"),  # wrong shape: a list
        (b'{"matters": 5}', "invalid"),
        (b'{"matters": [5]}', "wrong shape"),
        (b'{"matters": [{"code": "X", "materials": "abc"}]}', "invalid"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "not a text file"),  # binary
        (b"", "not valid JSON"),  # empty
    ],
)
def test_catalogue_import_of_bad_files(capsys, hall, tmp_path, content, expect):  # type: ignore[no-untyped-def]
    path = tmp_path / "catalogue.json"
    path.write_bytes(content)
    before = digest(hall)
    line = one_line_error(*run(capsys, "catalogue", "import", str(path), "--db", str(hall))[::2])
    assert expect in line
    assert digest(hall) == before and path.read_bytes() == content


def test_catalogue_import_of_a_missing_file_or_a_folder(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    before = digest(hall)
    line = one_line_error(*run(capsys, "catalogue", "import", str(tmp_path / "nope.json"), "--db", str(hall))[::2])
    assert "does not exist" in line and "找不到" in line
    line = one_line_error(*run(capsys, "catalogue", "import", str(tmp_path), "--db", str(hall))[::2])
    assert "is a folder" in line
    assert digest(hall) == before


def test_hall_init_with_a_bad_config_creates_nothing(capsys, tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "hall.db"
    for content in (b'{"code": "H1"}', b'{"code": "H1", "name_zh": "x", "categories": [{"prefix": 1}]}', b"{"):
        config = tmp_path / "hall.json"
        config.write_bytes(content)
        one_line_error(*run(capsys, "hall", "init", "--config", str(config), "--db", str(db))[::2])
        assert not db.exists()


def test_an_empty_file_or_another_programs_database_is_left_alone(capsys, tmp_path):  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(empty))[::2])
    assert f"onewindow hall init --sample --db {empty}" in line and empty.read_bytes() == b""
    foreign = tmp_path / "contacts.db"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE contacts (id INTEGER, name TEXT)")
    con.close()
    before = digest(foreign)
    for argv in (["hall", "init", "--sample"], ["ticket", "status", "B001"], ["hall", "backup", "--nightly"]):
        line = one_line_error(*run(capsys, *argv, "--db", str(foreign))[::2])
        assert "another program's database" in line and "contacts" in line
    assert digest(foreign) == before and sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db", "empty.db"]


def test_a_database_from_a_newer_version_is_not_touched(capsys, hall):  # type: ignore[no-untyped-def]
    with sqlite3.connect(hall) as con:
        con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.close()
    before = digest(hall)
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[::2])
    assert "newer than this program" in line and "0099" in line
    assert digest(hall) == before


def test_more_hostile_arguments(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    before = digest(hall)
    db = ["--db", str(hall)]
    line = one_line_error(*run(capsys, "catalogue", "import", "/dev/zero", *db)[::2])
    assert "not a regular file" in line
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in one_line_error(*run(capsys, "catalogue", "import", str(deep), *db)[::2])
    for argv in (
        ["ticket"],
        ["nonsense"],
        ["appointment", "list", "--date", "2026-13-01"],
        ["ticket", "call-next", "--window", "9" * 30],  # a window number is 1 to 9999
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        one_line_error(2, capsys.readouterr().err)
    assert digest(hall) == before


def test_ticket_print_to_a_place_that_does_not_exist(capsys, hall, tmp_path):  # type: ignore[no-untyped-def]
    assert main(["ticket", "issue", "--category", "B", "--db", str(hall)]) == 0
    capsys.readouterr()
    for flag in ("--escpos", "--pdf", "--png"):
        target = tmp_path / "missing" / "out"
        line = one_line_error(*run(capsys, "ticket", "print", "B001", flag, str(target), "--db", str(hall))[::2])
        assert str(target) in line and "Cannot use the file" in line


def test_without_db_the_hint_names_no_path(capsys):  # type: ignore[no-untyped-def]
    from app import settings

    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B")[::2])
    assert "run `onewindow hall init --sample` first" in line
    assert not (settings.paths().data_dir / "hall.db").exists()


def _sample_with(change):  # type: ignore[no-untyped-def]
    import json

    spec = json.loads((Path(__file__).parent.parent / "resources/sample/hall.json").read_text(encoding="utf-8"))
    change(spec)
    return spec


@pytest.mark.parametrize(
    ("change", "expect"),
    [
        (lambda d: d.update(timezone="Mars/Olympus"), "not a known time zone"),
        (lambda d: d["windows"].append(dict(d["windows"][0])), "window number 1 appears twice"),
        (lambda d: d["staff"].append(dict(d["staff"][0])), "staff login 'wang' appears twice"),
        (lambda d: d["staff"][0].update(role="god"), "role must be one of"),
        (lambda d: d["windows"][0].update(number=-3), "number must be 1 to 9999"),
        (lambda d: d["categories"].append(dict(d["categories"][0])), "appears twice"),
    ],
)
def test_hall_init_refuses_a_config_that_would_break_later(capsys, tmp_path, change, expect):  # type: ignore[no-untyped-def]
    import json

    path = tmp_path / "hall.json"
    path.write_text(json.dumps(_sample_with(change), ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "hall.db"
    code, out, err = run(capsys, "hall", "init", "--config", str(path), "--db", f"sqlite:///{db}")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert expect in err and "大厅配置文件" in err
    assert not db.exists()  # checked before anything is written
