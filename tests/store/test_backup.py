"""`onewindow hall backup`: a consistent copy made while the hall works, rotation, and refusal of a damaged file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.domain.errors import DatabaseError
from app.services.queue import QueueService
from app.store.backup import backup
from app.store.database import Database
from tests.test_cli_hostile import one_line_error


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_is_a_complete_hall_database(capsys, sqlite_hall, tmp_path):  # type: ignore[no-untyped-def]
    QueueService(sqlite_hall).issue_ticket("B", source="staff")  # still in the -wal file, not checkpointed
    path = sqlite_hall.url.removeprefix("sqlite:///")
    code, out, err = run(capsys, "hall", "backup", "--db", path, "--json")
    assert code == 0, err
    result = json.loads(out)
    copy = Path(result["path"])
    assert copy.parent.name == "backups" and result["method"] == "sqlite-backup-api"
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    with sqlite3.connect(copy) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM ticket").fetchone()[0] == 1
    restored = Database(f"sqlite:///{copy}")
    assert QueueService(restored).ticket_status("B001") is not None
    restored.dispose()


def test_backup_to_a_named_file_and_nightly_rotation(capsys, sqlite_hall, tmp_path):  # type: ignore[no-untyped-def]
    path = sqlite_hall.url.removeprefix("sqlite:///")
    target = tmp_path / "elsewhere" / "copy.db"
    code, _out, err = run(capsys, "hall", "backup", "--db", path, "--to", str(target))
    assert code == 1 and "the folder" in err and "does not exist" in err  # a mistyped folder is not made up
    target.parent.mkdir()
    assert run(capsys, "hall", "backup", "--db", path, "--to", str(target))[0] == 0
    assert target.is_file()
    from app.store.backup import backups_dir

    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(1, 20):  # nineteen older nightly backups
        old = folder / f"hall-202611{day:02d}-020000.db"
        shutil.copy(target, old)
        import os

        os.utime(old, (day * 86400, day * 86400))
    code, out, _ = run(capsys, "hall", "backup", "--db", path, "--nightly", "--json")
    assert code == 0 and len(json.loads(out)["removed"]) == 6
    assert len(list(folder.glob("hall-*"))) == 14  # the hall setting's default, newest kept
    assert json.loads(out)["path"] in {str(p) for p in folder.glob("hall-*")}


def test_nightly_backup_can_be_switched_off(capsys, sqlite_hall):  # type: ignore[no-untyped-def]
    from app.store.models import Hall

    with sqlite_hall.write() as s:
        hall = s.query(Hall).one()
        hall.settings = {**hall.settings, "backup_nightly": False}
    path = sqlite_hall.url.removeprefix("sqlite:///")
    code, out, _ = run(capsys, "hall", "backup", "--db", path, "--nightly")
    assert code == 0 and "backup_nightly" in out
    from app.store.backup import backups_dir

    assert not backups_dir().exists() or not list(backups_dir().iterdir())


def test_a_damaged_database_is_not_backed_up(capsys, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.db"
    assert main(["hall", "init", "--sample", "--db", str(path)]) == 0
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(path.read_bytes()[:20_000])
    capsys.readouterr()
    line = one_line_error(*run(capsys, "hall", "backup", "--db", str(path))[::2])
    assert "damaged" in line
    from app.store.backup import backups_dir

    assert not list(backups_dir().glob("hall-*"))


def test_corruption_points_to_the_last_backup(capsys, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.db"
    assert main(["hall", "init", "--sample", "--db", str(path)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "hall", "backup", "--db", str(path), "--json")
    assert code == 0, err
    backup = Path(json.loads(out)["path"])
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(path.read_bytes()[:20_000])
    before = path.read_bytes()
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(path))[::2])
    assert str(backup) in line and "最近的备份" in line
    assert path.read_bytes() == before


def _hide_pg_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without the PostgreSQL client, whatever this one has installed."""
    monkeypatch.setenv("PATH", "/nonexistent")
    assert shutil.which("pg_dump") is None


def test_postgresql_backup_without_pg_dump_says_what_to_install(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    _hide_pg_dump(monkeypatch)
    with pytest.raises(DatabaseError) as err:  # refused before any connection is tried
        backup("postgresql+psycopg://u@127.0.0.1:9/x", tmp_path / "hall.dump")
    assert "pg_dump" in err.value.message_zh and "postgresql-client" in err.value.message_en
    assert list(tmp_path.iterdir()) == []  # no partial file left behind


@pytest.mark.postgres
def test_postgresql_backup_needs_pg_dump(capsys, monkeypatch, pg_cluster):  # type: ignore[no-untyped-def]
    # `hall backup` first checks it is a hall database (so the server must be there), then needs pg_dump.
    url = pg_cluster.new_database()
    assert main(["hall", "init", "--sample", "--db", url]) == 0
    capsys.readouterr()
    _hide_pg_dump(monkeypatch)
    line = one_line_error(*run(capsys, "hall", "backup", "--db", url)[::2])
    assert "pg_dump" in line and "postgresql-client" in line


@pytest.mark.postgres
def test_postgresql_backup_with_pg_dump(capsys, pg_cluster, tmp_path):  # type: ignore[no-untyped-def]
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    url = pg_cluster.new_database()
    assert main(["hall", "init", "--sample", "--db", url]) == 0
    capsys.readouterr()
    target = tmp_path / "hall.dump"
    code, out, err = run(capsys, "hall", "backup", "--db", url, "--to", str(target), "--json")
    assert code == 0, err
    assert json.loads(out)["method"] == "pg_dump" and target.read_bytes().startswith(b"PGDMP")


def test_a_manual_backup_keeps_as_many_as_the_hall_setting_says(capsys, sqlite_hall):  # type: ignore[no-untyped-def]
    import os

    from app.store.backup import backups_dir
    from app.store.models import Hall

    with sqlite_hall.write() as s:
        hall = s.query(Hall).one()
        hall.settings = {**hall.settings, "backup_keep": 3}
    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = Path(sqlite_hall.url.removeprefix("sqlite:///")).stem
    for day in range(1, 6):  # five older backups of this hall
        old = folder / f"{stem}-202611{day:02d}-020000.db"
        old.write_bytes(b"")
        os.utime(old, (day * 86400, day * 86400))
    path = sqlite_hall.url.removeprefix("sqlite:///")
    code, out, err = run(capsys, "hall", "backup", "--db", path, "--json")  # not --nightly: the setting still holds
    assert code == 0, err
    assert len(json.loads(out)["removed"]) == 3
    assert len(list(folder.glob(f"{stem}-*"))) == 3
