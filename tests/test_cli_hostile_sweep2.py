"""The second hostile-input sweep: what --db, an input file, the environment or Ctrl+C can be besides a mistyped
value. Each case: one bilingual line, a non-zero exit, nothing changed (bytes compared). In-process through
app.cli.main like tests/test_cli_hostile_sweep.py; a subprocess only where the process itself is the subject."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from tests.test_cli_hostile import digest
from tests.test_cli_hostile_sweep import one_bilingual_line

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def hall(copy_of_sample_hall: Path) -> Path:
    return copy_of_sample_hall


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    # /dev/full stands for any device: a regression that replaced the file it was given must not take /dev/null
    # (which PostgreSQL's initdb and every later test need) with it
    return {"fifo": fifo, "device": Path("/dev/full"), "loop": tmp_path / "loop1"}


@pytest.mark.parametrize("what", ["fifo", "device", "loop"])
def test_a_db_that_is_a_pipe_a_device_or_a_symlink_loop(capsys, specials, tmp_path, what):  # type: ignore[no-untyped-def]
    """Before: "disk I/O error, check the disk's free space", advice to `hall init` onto /dev/null, or a crash
    (RuntimeError from the symlink loop)."""
    target = specials[what]
    before = sorted(p.name for p in tmp_path.iterdir())
    for argv in (
        ["ticket", "issue", "--category", "B"],
        ["hall", "init", "--sample"],
        ["hall", "backup"],
        ["server", "new-epoch"],
        ["doctor"],
    ):
        code, line = one_bilingual_line(capsys, [*argv, "--db", str(target)])
        assert code == 1 and "is not a regular file" in line and "不是普通文件" in line, (argv, line)
        assert ("a symlink loop" if what == "loop" else "a device or a pipe") in line
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert what != "fifo" or specials["fifo"].is_fifo()


@pytest.fixture
def hall_with_foreign_wal(hall: Path, tmp_path: Path) -> Path:
    """A -wal file left beside the hall by another database (same page size): SQLite cannot tell it is not
    ours and would copy its pages over the hall when the last read-write connection closes."""
    other = tmp_path / "other" / "notes.db"
    other.parent.mkdir()
    code = (
        "import os, shutil, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute('CREATE TABLE notes(x)')\n"
        "c.executemany('INSERT INTO notes VALUES (?)', [(i,) for i in range(900)])\n"
        "c.commit(); shutil.copy(sys.argv[1] + '-wal', sys.argv[2]); os._exit(0)\n"  # exit without a checkpoint
    )
    subprocess.run([sys.executable, "-c", code, str(other), f"{hall}-wal"], check=True, timeout=60)
    return hall


def test_a_wal_file_from_another_database_is_never_written_into_the_hall(capsys, hall_with_foreign_wal):  # type: ignore[no-untyped-def]
    """Before: the refusal said "nothing was changed" while closing the engines checkpointed the foreign WAL
    over the hall (618 KB became 45 KB); the doctor did the same."""
    hall = hall_with_foreign_wal
    wal = Path(f"{hall}-wal")
    before = digest(hall), digest(wal)
    for argv in (
        ["ticket", "issue", "--category", "B"],
        ["ticket", "status", "B001"],
        ["hall", "init", "--sample"],
        ["hall", "backup"],
        ["server", "new-epoch"],
        ["staff"],
    ):
        _code, line = one_bilingual_line(capsys, [*argv, "--db", str(hall)])
        assert "another program's database (tables notes)" in line and "hall.db-wal beside it" in line, (argv, line)
        assert (digest(hall), digest(wal)) == before, argv
    assert main(["doctor", "--db", str(hall)]) != 0
    capsys.readouterr()
    assert (digest(hall), digest(wal)) == before


def test_the_server_refuses_another_programs_database(capsys, tmp_path):  # type: ignore[no-untyped-def]
    """Before: `server new-epoch` migrated the server's tables into someone's contacts database."""
    foreign = tmp_path / "contacts.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE contacts (id INTEGER, name TEXT)")
    con.commit()
    con.close()
    before = digest(foreign)
    for argv in (["server", "new-epoch"], ["server", "enrol-code", "--hall-code", "H1"]):
        _code, line = one_bilingual_line(capsys, [*argv, "--db", str(foreign)])
        assert "another program's database (tables contacts)" in line
    assert digest(foreign) == before


_TEXT = '{"label": "v9", "matters": [{"code": "M1", "name_zh": "事项"}]}'


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b'{"label": NaN, "matters": []}', "NaN is not a JSON number"),
        (b'{"label": "x", "limit": -Infinity, "matters": []}', "-Infinity is not a JSON number"),
        (b'{"label": "x", "limit": 1e999, "matters": []}', "the number 1e999 is too large"),
        (b'{"label": "a", "matters": [], "label": "b"}', "the key 'label' appears twice"),
        (b'{"label": "x", "limit": ' + b"9" * 5000 + b', "matters": []}', "holds a number too long"),
        (_TEXT.encode("utf-16"), "encoded as UTF-16: save it as UTF-8"),
        (_TEXT.encode("gbk"), "encoded as GBK: save it as UTF-8"),
    ],
)
def test_json_that_python_reads_but_no_person_meant(capsys, hall, tmp_path, content, expect):  # type: ignore[no-untyped-def]
    """Before: NaN, 1e999 (infinity) and a repeated key were silently taken (the last one won), 5000 digits
    crashed (ValueError), and UTF-16 or GBK was "not a text file"."""
    path = tmp_path / "input.json"
    path.write_bytes(content)
    before = digest(hall)
    new = tmp_path / "new.db"
    for argv in (
        ["catalogue", "import", str(path), "--db", str(hall)],
        ["hall", "init", "--config", str(path), "--db", str(new)],
        ["server", "publish", "calendar", str(path), "--db", str(new)],
        ["check", str(ROOT / "resources/sample/hall.json"), "--config", str(path)],
    ):
        _code, line = one_bilingual_line(capsys, argv)
        assert expect in line, (argv, line)
    assert digest(hall) == before and not new.exists() and path.read_bytes() == content


def test_server_addresses_it_cannot_listen_on(capsys, tmp_path):  # type: ignore[no-untyped-def]
    """Before: a name that is not a host said "the port may be in use"; a blank --host listened everywhere."""
    db = ["--db", str(tmp_path / "server.db")]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        _code, line = one_bilingual_line(capsys, ["server", "--port", port, *db])
        assert "the port is in use" in line and "端口已被占用" in line
    _code, line = one_bilingual_line(capsys, ["server", "--host", "bad..host", *db])
    assert "not a known host name or IP address" in line
    code, line = one_bilingual_line(capsys, ["server", "--host", " ", *db])
    assert code == 2 and "must not be blank" in line
    assert not (tmp_path / "server.db").exists()


def test_ctrl_c_in_a_command_is_one_line_and_exit_130(capsys, hall, monkeypatch):  # type: ignore[no-untyped-def]
    """Before: a KeyboardInterrupt traceback; or, caught mid-migration by SQLAlchemy, PendingRollbackError and
    the crash handler (exit 70)."""
    from sqlalchemy.exc import PendingRollbackError

    from app.services.queue import QueueService

    before = digest(hall)

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    def interrupted_then_reused(*_args: object, **_kwargs: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise PendingRollbackError("Can't reconnect until invalid transaction is rolled back", None, None)  # noqa: B904

    for fake in (interrupted, interrupted_then_reused):
        monkeypatch.setattr(QueueService, "issue_ticket", fake)
        code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", "B", "--db", str(hall)])
        assert code == 130 and "interrupted (Ctrl+C)" in line and "已中断" in line
    assert digest(hall) == before


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return {**env, "ONEWINDOW_DATA_DIR": str(tmp_path / "data"), "ONEWINDOW_DEVICE": "test", **extra}


def test_sigint_during_a_long_simulation(hall, tmp_path):  # type: ignore[no-untyped-def]
    """A real SIGINT once the simulation is writing (its WAL file exists): one line, exit 130."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "simulate", "--days", "3650", "--db", str(hall)],
        cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wal = Path(f"{hall}-wal")
        while not (wal.exists() and wal.stat().st_size > 0) and proc.poll() is None:
            time.sleep(0.05)  # polling for the start of the work; nothing is asserted about time
        err = b""
        for _attempt in range(3):  # a SIGINT landing in a weakref callback is dropped by Python ("ignored"): again
            proc.send_signal(signal.SIGINT)
            try:
                _out, err = proc.communicate(timeout=60)
                break
            except subprocess.TimeoutExpired:
                continue
    finally:
        proc.kill()
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 130 and len(lines) == 1 and "interrupted (Ctrl+C)" in lines[0], err.decode()
    assert sqlite3.connect(hall).execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_stdout_that_cannot_show_chinese(hall, tmp_path):  # type: ignore[no-untyped-def]
    """Before: the ticket was issued, then printing it raised UnicodeEncodeError (exit 70)."""
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "ticket", "issue", "--category", "B", "--db", str(hall)],
        cwd=ROOT, env=_env(tmp_path, PYTHONIOENCODING="ascii"), capture_output=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    assert proc.stdout.startswith(b"B001") and b"\\u" in proc.stdout


def test_output_files_that_are_a_pipe_or_a_device(capsys, hall, specials, tmp_path):  # type: ignore[no-untyped-def]
    """Before: a FIFO hung `ticket print --pdf` and `--escpos` for ever; /dev/full made libpng print its own line
    and --escpos crash (OSError without a file name)."""
    assert main(["ticket", "issue", "--category", "B", "--db", str(hall)]) == 0
    capsys.readouterr()
    before = digest(hall)
    fifo, db = str(specials["fifo"]), ["--db", str(hall)]
    for argv in (
        ["ticket", "print", "B001", "--pdf", fifo],
        ["ticket", "print", "B001", "--png", "/dev/full"],
        ["report", "daily", "--date", "2026-11-30", "--xlsx", "/dev/full"],
        ["hall", "backup", "--to", fifo],
    ):
        _code, line = one_bilingual_line(capsys, [*argv, *db])
        assert "is not a regular file (a device or a pipe): give a file name" in line, (argv, line)
    _code, line = one_bilingual_line(capsys, ["ticket", "print", "B001", "--escpos", fifo, *db])
    assert "is a pipe that no program is reading" in line
    _code, line = one_bilingual_line(capsys, ["ticket", "print", "B001", "--escpos", "/dev/full", *db])
    assert "The disk is full: cannot write /dev/full" in line and "磁盘已满" in line
    assert digest(hall) == before


def test_the_kiosk_says_a_bad_database_once(specials, tmp_path):  # type: ignore[no-untyped-def]
    """Before: a library's console log handler repeated the kiosk's start-up error in English (two lines)."""
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "kiosk", "--db", str(specials["fifo"])],
        cwd=ROOT, env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"), capture_output=True, timeout=120,
    )  # fmt: skip
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 78 and len(lines) == 1 and "不是普通文件" in lines[0], proc.stderr.decode()


@pytest.mark.parametrize("url", ["ftp://x", "http://[::1", "http://127.0.0.1:99999", "http://127.0.0.1:abc", "http://"])
def test_server_addresses_that_cannot_be_a_server(capsys, hall, url):  # type: ignore[no-untyped-def]
    """Before: `sync enrol` said "cannot reach the server, retried later" for a malformed address, and
    `backoffice --server ftp://x` opened its login window on it."""
    before = digest(hall)
    for argv in (["sync", "enrol", "--server", url, "--code", "X", "--db", str(hall)], ["backoffice", "--server", url]):
        code, line = one_bilingual_line(capsys, argv)
        assert code == 2 and "Not a server address" in line and "服务器地址无效" in line
    assert digest(hall) == before


def test_a_hall_time_zone_this_machine_does_not_know(capsys, hall):  # type: ignore[no-untyped-def]
    """A hall row edited by hand (or a machine without tzdata). Before: ZoneInfoNotFoundError, the crash handler."""
    con = sqlite3.connect(hall)
    con.execute("UPDATE hall SET timezone = 'Mars/Olympus'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(hall)
    for argv in (["ticket", "issue", "--category", "B"], ["report", "daily", "--date", "2026-11-30"]):
        code, line = one_bilingual_line(capsys, [*argv, "--db", str(hall)])
        assert code == 1 and "The time zone Mars/Olympus is not known here" in line and "时区" in line
    assert digest(hall) == before


@pytest.mark.parametrize("device", ["a b", "x" * 65, "tab\there", "终端\u3000一"])
def test_a_device_id_the_server_could_not_hold(capsys, hall, monkeypatch, device):  # type: ignore[no-untyped-def]
    """Before: stored in every row's origin_device; a hall on PostgreSQL failed the write (VARCHAR(64)) and the
    server answered every push with 500, so the hall never synced again."""
    before = digest(hall)
    monkeypatch.setenv("ONEWINDOW_DEVICE", device)
    code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", "B", "--db", str(hall)])
    assert code == 1 and "ONEWINDOW_DEVICE" in line
    assert digest(hall) == before


def test_a_device_file_written_on_a_pc_with_a_chinese_name_is_kept(capsys, hall, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """Earlier versions named the device after the host as it is (Windows 7 named a PC "<user>-PC"): that id is in
    every row this PC wrote and on the server, and the columns hold it; refusing it stopped the hall after an update
    with advice to delete the file only a PC that never synced may delete."""
    monkeypatch.delenv("ONEWINDOW_DEVICE")
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    device_file = tmp_path / "data" / "device.json"
    device_file.write_text(json.dumps({"device_id": "张三-PC-0a1b2c3d4e5f"}), encoding="utf-8")
    assert main(["ticket", "issue", "--category", "B", "--db", str(hall)]) == 0
    con = sqlite3.connect(hall)
    assert con.execute("select origin_device from ticket order by updated_hlc desc limit 1").fetchone() == (
        "张三-PC-0a1b2c3d4e5f",
    )
    con.close()


def test_a_hand_edited_device_file(capsys, hall, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ONEWINDOW_DEVICE")
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    device_file = tmp_path / "data" / "device.json"
    device_file.write_text('{"device_id": ["pc-1"]}', encoding="utf-8")
    code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", "B", "--db", str(hall)])
    assert code == 1 and "device.json" in line and "delete the file" in line
    assert device_file.read_text(encoding="utf-8") == '{"device_id": ["pc-1"]}'  # the person's edit is theirs to undo
    device_file.write_text("not json", encoding="utf-8")  # a torn write: nothing to keep, a new id is made
    assert main(["ticket", "issue", "--category", "B", "--db", str(hall)]) == 0
    assert json.loads(device_file.read_text(encoding="utf-8"))["device_id"]


@pytest.mark.parametrize(
    "hours, says",
    [
        ({"mon": [["99:99", "12:00"]]}, "not HH:MM"),
        ({"monday": [["09:00", "12:00"]]}, "unknown day 'monday'"),
        ({"mon": [["17:00", "09:00"]]}, "closes before it opens"),
        ({"mon": "09:00-17:00"}, "a list of [opens, closes] pairs"),
        ({"mon": [["09:00"]]}, "is not a pair of times"),
        ({"mon": [["09:00", "17:00Z"]]}, "not HH:MM"),  # compared with a clock without a zone: TypeError
        ({"mon": [["09:00+08:00", "17:00+08:00"]]}, "not HH:MM"),
    ],
)
def test_opening_hours_nobody_could_keep(capsys, hall, tmp_path, hours, says):  # type: ignore[no-untyped-def]
    """Before: `hall init --config` stored them and the first kiosk ticket (or booking) was the crash handler."""
    spec = json.loads((ROOT / "resources" / "sample" / "hall.json").read_text(encoding="utf-8"))
    config = tmp_path / "hall.json"
    config.write_text(json.dumps({**spec, "opening_hours": hours}), encoding="utf-8")
    code, line = one_bilingual_line(capsys, ["hall", "init", "--config", str(config), "--db", str(tmp_path / "new.db")])
    assert code != 0 and says in line and "opening_hours" in line
    assert not (tmp_path / "new.db").exists()
    con = sqlite3.connect(hall)  # the same hours edited into a hall's row by hand
    con.execute("UPDATE hall SET opening_hours = ?", (json.dumps(hours),))
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(hall)
    kiosk_ticket = ["ticket", "issue", "--category", "B", "--source", "kiosk", "--db", str(hall)]
    code, line = one_bilingual_line(capsys, kiosk_ticket)
    assert code == 1 and "opening hours" in line and says in line
    assert digest(hall) == before


def test_an_argument_that_is_not_utf8_is_named_but_a_pin_never_shown(capsys, hall):  # type: ignore[no-untyped-def]
    """Bytes that are not UTF-8 (a terminal in GBK) arrive as lone surrogates: the argument is shown so the person
    sees which one, except a PIN's (before: `--new-pin` typed in the wrong encoding was printed back in full)."""
    mistyped = b"13\xb5\xc524".decode("utf-8", "surrogateescape")
    for argv in (
        ["hall", "staff", "pin", "wang", "--new-pin", mistyped, "--as", "admin", "--db", str(hall)],
        ["hall", "staff", "pin", "wang", f"--new-pin={mistyped}", "--as", "admin", "--db", str(hall)],
    ):
        code, line = one_bilingual_line(capsys, argv)
        assert code == 2 and "(PIN)" in line and "13" not in line.split("UTF-8")[-1]
    code, line = one_bilingual_line(capsys, ["ticket", "issue", "--category", mistyped, "--db", str(hall)])
    assert code == 2 and "13\\udcb5\\udcc524" in line
