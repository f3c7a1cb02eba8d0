"""The kiosk's settings file (kiosk/config.py over app.domain.settings_schema.KioskSettings): defaults, the
environment's ONEWINDOW_KIOSK_* overrides, and one bilingual line for a wrong value, an unknown key or a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import KioskConfig, KioskConfigError, load_config
from kiosk.main import CONFIG_EXIT_CODE, run


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_and_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "idle_seconds = 90\nmaintenance_hours = [2, 4]\nvoice = false\n"))
    assert (config.idle_seconds, config.maintenance_hours, config.voice) == (90.0, (2, 4), False)
    assert config.countdown_seconds == KioskConfig().countdown_seconds == 20.0
    assert config.idle_policy(elderly=True).idle_s == 180.0


def test_no_file_at_the_default_place_means_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONEWINDOW_KIOSK_CONFIG", str(tmp_path / "absent.toml"))
    assert load_config() == KioskConfig()


def test_the_environment_overrides_one_setting_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONEWINDOW_KIOSK_IDLE_SECONDS", "120")
    config = load_config(write(tmp_path, "idle_seconds = 90\ncountdown_seconds = 30\n"))
    assert (config.idle_seconds, config.countdown_seconds) == (120.0, 30.0)
    monkeypatch.setenv("ONEWINDOW_KIOSK_IDLE_SECONDS", "soon")
    with pytest.raises(KioskConfigError, match="idle_seconds"):
        load_config(write(tmp_path, ""))


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ('idle_seconds = "sixty"\n', ["idle_seconds", '"sixty"', "a number from 5 to 3600", "5 到 3600 的数字"]),
        ("idle_seconds = -1\n", ["idle_seconds = -1 is wrong"]),
        ("idle_secnds = 60\n", ["Unknown kiosk setting 'idle_secnds'", "did you mean 'idle_seconds'"]),
        ("maintenance_hours = [3]\n", ["maintenance_hours", "[start hour, end hour]"]),
        ("hide_cursor = 3\n", ["hide_cursor", "true or false"]),
        ("idle_seconds = \n", ["not valid TOML"]),
        ("a = " + "[" * 100_000 + "\n", ["nested too deeply", "嵌套过深"]),
    ],
)
def test_a_wrong_file_is_one_bilingual_line(tmp_path: Path, text: str, fragments: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(KioskConfigError) as caught:
        load_config(path)
    line = str(caught.value)
    assert " / " in line and any("\u4e00" <= ch <= "\u9fff" for ch in line) and "\n" not in line
    assert all(f in line for f in fragments), line


def test_a_named_file_that_is_missing(tmp_path: Path) -> None:
    with pytest.raises(KioskConfigError, match="does not exist"):
        load_config(tmp_path / "nowhere.toml")


def test_the_kiosk_does_not_start_with_a_wrong_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "admin_taps = 1\n")
    assert run(["--demo", "--config", str(path), "--db", str(tmp_path / "hall.db")]) == CONFIG_EXIT_CODE
    err = capsys.readouterr().err
    assert "admin_taps = 1 is wrong" in err and "自助机设置 admin_taps" in err and "Traceback" not in err
    assert not (tmp_path / "hall.db").exists()
