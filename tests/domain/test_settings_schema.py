"""The one declaration of hall and window settings: defaults, types, ranges, and a message naming key and value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import InvalidSettings
from app.domain.settings_schema import HallSettings, WindowSettings, hall_setting_value, parse

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "hall.json"


def test_defaults_and_the_sample_hall() -> None:
    assert HallSettings.of(None) == HallSettings.of({}) == HallSettings()
    hs = HallSettings.of(json.loads(SAMPLE.read_text(encoding="utf-8"))["settings"])
    assert (hs.max_recalls, hs.daily_tickets_per_person, hs.announce_repeat, hs.rongque_days) == (3, 5, 2, 5)
    assert hs.phone == "0571-12345678" and hs.min_call_interval_s == 10.0 and hs.backup_nightly is True
    assert hs.target_wait("B") == 20 and hs.queue_limits("B") == (15, 30)


def test_values_are_converted_once_where_json_allows() -> None:
    hs = HallSettings.of({"max_recalls": "4", "min_call_interval_s": 0, "target_wait_by_category": {"B": 15}})
    assert hs.max_recalls == 4 and isinstance(hs.max_recalls, int)
    assert hs.target_wait("B") == 15 and hs.target_wait("G") == 20
    assert HallSettings.of({"alarm_queue_by_category": {"G": 4}}).queue_limits("G") == (4, 8)


@pytest.mark.parametrize(
    ("settings", "key", "expected_en", "expected_zh"),
    [
        ({"max_recalls": "three"}, "max_recalls", "a whole number from 0 to 20", "0 到 20 的整数"),
        ({"max_recalls": 2.5}, "max_recalls", "a whole number from 0 to 20", "0 到 20 的整数"),
        ({"target_wait_minutes": -5}, "target_wait_minutes", "a whole number from 1 to 1440", "1 到 1440 的整数"),
        ({"min_call_interval_s": -1}, "min_call_interval_s", "a number from 0 to 86400", "0 到 86400 的数字"),
        ({"heartbeat_s": 0}, "heartbeat_s", "a number greater than 0", "大于 0"),
        ({"backup_nightly": "maybe"}, "backup_nightly", "true or false", "true 或 false"),
        ({"public_base_url": "ftp://x"}, "public_base_url", "an http:// or https:// address", "http://"),
        ({"target_wait_by_category": {"B": 0}}, "target_wait_by_category.B", "category prefix", "类别前缀"),
        ({"notice_zh": "字" * 501}, "notice_zh", "text of at most 500 characters", "不超过 500 个字"),
    ],
)
def test_a_wrong_value_names_the_key_and_what_is_expected(
    settings: dict[str, object], key: str, expected_en: str, expected_zh: str
) -> None:
    with pytest.raises(InvalidSettings) as caught:
        HallSettings.of(settings)
    err = caught.value
    assert f"setting {key} = " in err.message_en and expected_en in err.message_en
    assert f"大厅设置 {key} " in err.message_zh and expected_zh in err.message_zh
    assert err.code == "settings" and err.key == key.split(".")[0]
    assert "hall settings set" in err.message_en  # read from a hall: it says how to repair it


def test_an_unknown_key_is_refused_with_the_nearest_known_one() -> None:
    with pytest.raises(InvalidSettings, match="did you mean 'max_recalls'"):
        parse(HallSettings, {"max_recals": 3}, "大厅", "hall")  # as hall init --config reads a file
    with pytest.raises(InvalidSettings) as caught:
        hall_setting_value("colour_scheme", "blue")  # as hall settings set does
    assert "Unknown hall setting 'colour_scheme' (known: min_call_interval_s" in caught.value.message_en


def test_stored_keys_of_a_newer_version_are_ignored_when_read(caplog: pytest.LogCaptureFixture) -> None:
    """Another PC of the hall, upgraded first, may store a key this version does not know: the queue goes on."""
    hs = HallSettings.of({"max_recalls": 2, "setting_from_version_9": True})
    assert hs.max_recalls == 2
    assert "setting_from_version_9" in caplog.text
    with pytest.raises(InvalidSettings, match="max_recalls"):  # known keys are still checked
        HallSettings.of({"max_recalls": -1, "setting_from_version_9": True})


def test_warning_levels_may_not_exceed_critical_ones() -> None:
    with pytest.raises(InvalidSettings, match="alarm_queue_warning cannot be greater than alarm_queue_critical"):
        HallSettings.of({"alarm_queue_warning": 40})
    assert HallSettings.of({"alarm_queue_warning": 40, "alarm_queue_critical": 40}).alarm_queue_warning == 40


def test_one_parse_per_settings_dict_and_a_replaced_dict_is_read_again() -> None:
    stored = {"max_recalls": 5}
    first = HallSettings.of(stored)
    assert HallSettings.of(stored) is first  # the cached instance
    replaced = {**stored, "max_recalls": 6}  # how every writer changes settings
    assert HallSettings.of(replaced).max_recalls == 6
    stored["max_recalls"] = 7  # even a change in place is seen (top level)
    assert HallSettings.of(stored).max_recalls == 7
    stored["max_recalls"] = "x"
    with pytest.raises(InvalidSettings):
        HallSettings.of(stored)


def test_one_setting_on_its_own_as_stored() -> None:
    assert hall_setting_value("max_recalls", "4") == 4
    assert hall_setting_value("calendar_extra", {"holidays": ["2026-10-09"]}) == {
        "holidays": ["2026-10-09"],
        "makeup_workdays": [],
    }
    with pytest.raises(InvalidSettings, match=r"'daily_ticket_per_person' \(did you mean 'daily_tickets_per_person'"):
        hall_setting_value("daily_ticket_per_person", 3)
    with pytest.raises(InvalidSettings, match=r"max_recalls = \"three\""):
        hall_setting_value("max_recalls", "three")


def test_a_value_nested_too_deeply_is_a_clear_error() -> None:
    deep: object = 1
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(InvalidSettings):
        parse(HallSettings, {"checks": deep}, "大厅", "hall")


def test_window_settings() -> None:
    w = WindowSettings.model_validate({"number": 2, "name": "综合受理 2 号窗口", "categories": [["B", 2], ["G", 1]]})
    assert (w.mode, w.categories) == ("order", [("B", 2), ("G", 1)])
    for raw, fragment in (
        ({"number": 0, "name": "x"}, "number = 0 is wrong: expected a whole number from 1 to 999"),
        ({"number": 1, "name": "x", "mode": "fast"}, "one of order, weight"),
        ({"number": 1, "name": "x", "categories": [["B", 0]]}, "[prefix, weight] pairs"),
        ({"number": 1, "name": "x" * 101}, "at most 100 characters"),
    ):
        with pytest.raises(InvalidSettings, match=fragment.replace("[", r"\[").replace("]", r"\]")):
            parse(WindowSettings, raw, "窗口", "window")
