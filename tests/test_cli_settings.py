"""Hall settings through the real command line: a wrong value on load (`hall init --config`), on edit
(`hall settings set`) or in a hand-edited database is one bilingual line naming the key, a non-zero exit, and
nothing changed. User JSON files nested 100,000 deep are bad input, not an unexpected error."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli_hostile import digest, one_line_error, run

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample" / "hall.json"


@pytest.fixture
def hall(copy_of_sample_hall: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ONEWINDOW_PIN", "8888")  # the sample hall's supervisor, admin
    return copy_of_sample_hall


def stored_settings(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT settings FROM hall").fetchone()
    con.close()
    return dict(json.loads(row[0]))


def hand_edit(db: Path, **changes: object) -> None:
    settings = {**stored_settings(db), **changes}
    with sqlite3.connect(db) as con:
        con.execute("UPDATE hall SET settings = ?", (json.dumps(settings),))
    con.close()


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        ({"settings": {"max_recalls": "three"}}, ["max_recalls", '"three"', "a whole number from 0 to 20"]),
        ({"settings": {"target_wait_minutes": -5}}, ["target_wait_minutes", "-5", "from 1 to 1440"]),
        ({"settings": {"max_recals": 3}}, ["Unknown hall setting 'max_recals'", "did you mean 'max_recalls'"]),
        ({"settings": {"checks": {"blur": {"warn_beloww": 50}}}}, ["checks", "warn_beloww"]),
        ({"windows": [{"number": 1, "name": "1 号窗口", "mode": "fast"}]}, ["window 1", "mode", "one of order"]),
    ],
)
def test_hall_init_refuses_a_wrong_setting_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, object], fragments: list[str]
) -> None:
    spec = {**json.loads(SAMPLE.read_text(encoding="utf-8")), **change}
    config = tmp_path / "hall.json"
    config.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "hall.db"
    line = one_line_error(*run(capsys, "hall", "init", "--config", str(config), "--db", str(db))[::2])
    assert str(config) in line and all(f in line for f in fragments), line
    assert not db.exists()


def test_settings_set_refuses_a_wrong_value_and_changes_nothing(hall: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = stored_settings(hall)
    for key, value, fragment in (
        ("max_recalls", "three", 'max_recalls = "three" is wrong: expected a whole number from 0 to 20'),
        ("target_wait_minutes", "-5", "target_wait_minutes = -5 is wrong"),
        ("max_recals", "3", "did you mean 'max_recalls'"),
        ("alarm_queue_warning", "99", "alarm_queue_warning cannot be greater than alarm_queue_critical"),
        ("checks", '{"blur": {"warn_beloww": 50}}', "warn_beloww"),
        ("person_salt", "abc", "person_salt is made by hall init and cannot be changed"),
        ("appointment_days_ahead", "0", "appointment_days_ahead = 0 is wrong"),
    ):
        argv = ("hall", "settings", "set", key, value, "--as", "admin", "--db", str(hall))
        line = one_line_error(*run(capsys, *argv)[::2])
        assert fragment in line, line
    assert stored_settings(hall) == before
    code, out, _ = run(capsys, "hall", "settings", "set", "max_recalls", "4", "--as", "admin", "--db", str(hall))
    assert code == 0 and "max_recalls = 4" in out
    assert stored_settings(hall)["max_recalls"] == 4  # stored as a number, not the text "4"


def test_a_clerk_may_not_change_settings(hall: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = stored_settings(hall)
    one_line_error(*run(capsys, "hall", "settings", "set", "max_recalls", "4", "--as", "wang", "--pin", "1234",
                        "--db", str(hall))[::2])  # fmt: skip
    assert stored_settings(hall) == before


def test_a_hand_edited_database_says_which_setting_and_can_be_repaired(
    hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand_edit(hall, max_recalls="three", target_wait_minutes=-5)
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[::2])
    assert "max_recalls" in line and "hall settings set max_recalls" in line
    one_line_error(*run(capsys, "hall", "settings", "show", "--db", str(hall))[::2])
    # repaired one key at a time, although the other is still wrong
    assert run(capsys, "hall", "settings", "set", "max_recalls", "3", "--as", "admin", "--db", str(hall))[0] == 0
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[::2])
    assert "target_wait_minutes" in line
    argv = ("hall", "settings", "set", "target_wait_minutes", "20", "--as", "admin", "--db", str(hall))
    assert run(capsys, *argv)[0] == 0
    code, out, _ = run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall), "--json")
    assert code == 0 and json.loads(out)["display_number"] == "B001"
    code, out, _ = run(capsys, "hall", "settings", "show", "--db", str(hall), "--json")
    shown = json.loads(out)
    assert code == 0 and shown["max_recalls"] == 3 and shown["announce_repeat"] == 2 and "person_salt" not in shown


def test_backup_reads_its_settings_typed(hall: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hand_edit(hall, backup_nightly="sometimes")
    line = one_line_error(*run(capsys, "hall", "backup", "--nightly", "--db", str(hall))[::2])
    assert "backup_nightly" in line and "true or false" in line
    hand_edit(hall, backup_nightly=False)
    code, out, _ = run(capsys, "hall", "backup", "--nightly", "--db", str(hall))
    assert code == 0 and "backup_nightly" in out


@pytest.fixture
def deep_json(tmp_path: Path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    return path


def test_check_config_nested_too_deeply(capsys: pytest.CaptureFixture[str], deep_json: Path, tmp_path: Path) -> None:
    image = tmp_path / "page.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    code, _, err = run(capsys, "check", "--config", str(deep_json), str(image))
    line = one_line_error(code, err)
    assert "nested too deeply" in line and "嵌套过深" in line and "unexpected" not in line


def test_other_user_json_files_nested_too_deeply(
    capsys: pytest.CaptureFixture[str], deep_json: Path, hall: Path, tmp_path: Path
) -> None:
    before = digest(hall)
    for argv in (
        ["catalogue", "import", str(deep_json), "--db", str(hall)],
        ["hall", "init", "--config", str(deep_json), "--db", str(tmp_path / "new.db")],
        ["server", "publish", "calendar", str(deep_json), "--db", f"sqlite:///{tmp_path / 'server.db'}"],
    ):
        line = one_line_error(*run(capsys, *argv)[::2])
        assert "nested too deeply" in line, (argv, line)
    assert digest(hall) == before and not (tmp_path / "new.db").exists()


def test_a_key_stored_by_a_newer_version_does_not_stop_the_hall(hall: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hand_edit(hall, kiosk_theme_from_v9="dark")
    code, out, _ = run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall), "--json")
    assert code == 0 and json.loads(out)["display_number"] == "B001"
    code, out, _ = run(capsys, "hall", "settings", "show", "--db", str(hall))
    assert code == 0 and 'kiosk_theme_from_v9 = "dark"  (本版本不认识，已忽略 / unknown here, ignored)' in out
    line = one_line_error(*run(capsys, "hall", "settings", "set", "kiosk_theme_from_v9", "light", "--as", "admin",
                               "--db", str(hall))[::2])  # fmt: skip
    assert "Unknown hall setting 'kiosk_theme_from_v9'" in line  # typed in here: still refused


def test_settings_that_are_not_an_object_or_not_json_are_one_line(
    hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: exit 70 (AttributeError, JSONDecodeError) for a hall row edited by hand."""
    with sqlite3.connect(hall) as con:
        con.execute("UPDATE hall SET settings = '[1, 2]'")
    con.close()
    line = one_line_error(*run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[::2])
    assert "not a JSON object" in line and "不是 JSON 对象" in line
    assert run(capsys, "hall", "settings", "set", "max_recalls", "3", "--as", "admin", "--db", str(hall))[0] == 0
    assert run(capsys, "ticket", "issue", "--category", "B", "--db", str(hall))[0] == 0  # repaired
    with sqlite3.connect(hall) as con:
        con.execute("UPDATE hall SET opening_hours = '{not json'")
    con.close()
    for argv in (("ticket", "issue", "--category", "B"), ("hall", "settings", "show")):
        line = one_line_error(*run(capsys, *argv, "--db", str(hall))[::2])
        assert "not valid JSON" in line and "JSON 值无效" in line and "nothing was written" in line
