"""Hall, window and kiosk settings, declared once: types, ranges and defaults (pydantic).

The hall's settings live in its `settings` JSON column (synced, last writer wins per field); every reader goes
through `HallSettings.of(hall.settings)`, which validates once per distinct settings content and caches the result.
A wrong value — a typo'd key, ``"max_recalls": "three"``, a negative wait target — is refused with one bilingual
line naming the key and what it should be (`InvalidSettings`), on load (`hall init --config`), on edit
(`hall settings set`, the supervisor console) and when a hand-edited database is read, instead of a traceback or a
silent default. The kiosk's TOML file is declared here too (`KioskSettings`); kiosk/config.py adds its behaviour.
"""

from __future__ import annotations

import difflib
import json
import logging
from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

import annotated_types as at
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from app.domain.appointments import (
    DEFAULT_BOOKING_DAYS_AHEAD,
    DEFAULT_CHECKIN_AFTER_MINUTES,
    DEFAULT_CHECKIN_BEFORE_MINUTES,
)
from app.domain.errors import InvalidSettings
from app.domain.ratings import (
    DEFAULT_CONTACT_WORKDAYS,
    DEFAULT_FOLLOW_UP_WORKDAYS,
    DEFAULT_RATING_DAYS,
    DEFAULT_RECTIFY_WORKDAYS,
)
from app.domain.stored_text import nul_in
from app.domain.workdays import WorkdayCalendar

log = logging.getLogger("onewindow.settings")

DEFAULT_WEIGHTS = {"served": 30, "service_level": 20, "satisfaction": 30, "no_overdue": 10, "no_returned": 10}

Seconds = Annotated[float, Field(ge=0, le=86_400)]
PositiveSeconds = Annotated[float, Field(gt=0, le=86_400)]
Count = Annotated[int, Field(ge=0, le=100_000)]
Workdays = Annotated[int, Field(ge=1, le=365)]
Factor = Annotated[float, Field(gt=0, le=100)]
# Per-category maps ("B": 15); 'describe' is the expected value, Chinese|English, for the error message.
PerCategory = Annotated[dict[str, Annotated[int, Field(ge=1, le=100_000)]] | None, Field(
    description="以类别前缀为键、正整数为值的对象，如 {\"B\": 15}|an object of category prefix to a whole number "
    '> 0, e.g. {"B": 15}'
)]


class _Strict(BaseModel):
    # frozen: one cached instance is shared by every reader; forbid: a typo is an error, never a silent default
    model_config = ConfigDict(extra="forbid", frozen=True)


class CalendarDays(_Strict):
    """A hall's own closing days and make-up working days, added to the published calendar."""

    holidays: list[str] = []
    makeup_workdays: list[str] = []

    @model_validator(mode="after")
    def _real_days(self) -> CalendarDays:
        # read as the calendar will read them: 2026-02-30 stored here would fail every deadline computed later
        try:
            WorkdayCalendar.from_dict({"holidays": self.holidays, "makeup_workdays": self.makeup_workdays})
        except ValueError as exc:
            raise PydanticCustomError("calendar_days", "{problem}", {"problem": str(exc)}) from None
        return self


class HallSettings(_Strict):
    """Everything a hall may set in its `settings` JSON; the field name is the JSON key."""

    # -- queue (app.services.queue): call-next does not finish a ticket called less than this long ago (double F1)
    min_call_interval_s: Seconds = 10.0
    undo_window_s: Seconds = 60.0  # the last window action can be undone for this long
    call_display_s: PositiveSeconds = 600.0  # a call stays on the display's "now calling" list at most this long
    # the staff client writes a heartbeat this often; a window without one for `window_stale_s` is unattended
    heartbeat_s: PositiveSeconds = 60.0
    window_stale_s: PositiveSeconds = 180.0
    max_recalls: Annotated[int, Field(ge=0, le=20)] = 3
    # window keys need a clerk signed in at the window (or `--as` on the command line); see app.services.window_actor
    window_login_required: bool = False
    daily_tickets_per_person: Annotated[int, Field(ge=1, le=1000)] = 5
    person_salt: str | None = None  # made by `hall init`; ID numbers are only kept hashed with it (never synced)
    announce_repeat: Annotated[int, Field(ge=1, le=5)] = 2  # the calling display says each call this many times
    appointment_checkin_before_minutes: Annotated[int, Field(ge=0, le=24 * 60)] = DEFAULT_CHECKIN_BEFORE_MINUTES
    appointment_checkin_after_minutes: Annotated[int, Field(ge=0, le=24 * 60)] = DEFAULT_CHECKIN_AFTER_MINUTES
    appointment_days_ahead: Annotated[int, Field(ge=1, le=366)] = DEFAULT_BOOKING_DAYS_AHEAD
    # -- what the hall tells people: display marquee, printed notices, the ticket's QR code
    notice_zh: Annotated[str, Field(max_length=500)] = ""
    notice_en: Annotated[str, Field(max_length=500)] = ""
    phone: Annotated[str, Field(max_length=40)] = ""
    public_base_url: Annotated[str, Field(
        max_length=200, pattern=r"^(https?://\S+)?$", description="以 http:// 或 https:// 开头的网址|an http:// or "
        "https:// address"
    )] = ""
    # -- intake, ratings and follow-ups (working days unless named otherwise)
    rongque_days: Workdays = 5  # to supply what 容缺受理 left owed
    rating_days: Annotated[int, Field(ge=1, le=365)] = DEFAULT_RATING_DAYS  # calendar days a ticket may be rated
    follow_up_workdays: Workdays = DEFAULT_FOLLOW_UP_WORKDAYS
    follow_up_contact_workdays: Workdays = DEFAULT_CONTACT_WORKDAYS
    follow_up_rectify_workdays: Workdays = DEFAULT_RECTIFY_WORKDAYS
    # material-check overrides, {"blur": {"warn_below": 50}}; checked against app.checks.config on load and edit
    checks: dict[str, dict[str, Any]] = {}
    calendar_extra: Annotated[CalendarDays | None, Field(
        description='含日期列表 holidays 和 makeup_workdays 的对象，日期如 "2026-10-01" 或 "2026-10-01/2026-10-07"|an '
        'object with date lists holidays and makeup_workdays, a date like "2026-10-01" or "2026-10-01/2026-10-07"'
    )] = None
    central_calendar: dict[str, Any] | None = None  # written by the sync agent (同源发布), not by people
    # -- supervision: service level is the share served within the target wait
    target_wait_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 20
    target_wait_by_category: PerCategory = None
    alarm_wait_warning_factor: Factor = 1.0  # a waiting ticket past target x factor
    alarm_wait_critical_factor: Factor = 2.0
    alarm_queue_warning: Annotated[int, Field(ge=1, le=100_000)] = 15  # people waiting in one category
    alarm_queue_critical: Annotated[int, Field(ge=1, le=100_000)] = 30
    alarm_queue_by_category: PerCategory = None  # warning level per prefix; critical is twice it
    alarm_paused_warning_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 15  # a window paused this long
    alarm_paused_critical_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 30
    alarm_service_factor: Factor = 3.0  # a service running this many times the category average
    # a staffed window whose staff client sent no heartbeat this long
    alarm_unattended_warning_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 3
    alarm_unattended_critical_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 10
    alarm_printer_critical_seconds: Annotated[int, Field(ge=1, le=24 * 3600)] = 120  # a kiosk printer out of paper
    assessment_weights: Annotated[dict[str, Annotated[int, Field(ge=0, le=100)]] | None, Field(
        description="考核权重对象，如 " + json.dumps(DEFAULT_WEIGHTS) + "|an object of assessment weights, e.g. "
        + json.dumps(DEFAULT_WEIGHTS)
    )] = None
    # -- backup (`hall backup --nightly`, run by the systemd timer)
    backup_nightly: bool = True
    backup_keep: Annotated[int, Field(ge=1, le=1000)] = 14

    @model_validator(mode="after")
    def _levels_in_order(self) -> HallSettings:
        # a warning level above its critical level would never warn: refuse it where it is typed
        for low, high in (
            ("alarm_wait_warning_factor", "alarm_wait_critical_factor"),
            ("alarm_queue_warning", "alarm_queue_critical"),
            ("alarm_paused_warning_minutes", "alarm_paused_critical_minutes"),
            ("alarm_unattended_warning_minutes", "alarm_unattended_critical_minutes"),
        ):
            if getattr(self, low) > getattr(self, high):
                raise PydanticCustomError("settings_order", "{low} > {high}", {"low": low, "high": high})
        return self

    @classmethod
    def of(cls, settings: Mapping[str, Any] | None) -> HallSettings:
        """The typed settings of a hall's `settings` JSON; InvalidSettings names the first wrong key."""
        if not settings:
            return _DEFAULT
        if not isinstance(settings, Mapping):  # a hall row edited by hand: `hall settings set` repairs it key by key
            raise InvalidSettings(
                "大厅设置不是 JSON 对象（可能被手工修改过）；请用 onewindow hall settings set 逐项重新设置",
                "The hall settings are not a JSON object (edited by hand?); set them again with "
                "`onewindow hall settings set`, one key at a time",
            )
        # Cached per settings dict: a hit is the same object with the same top-level content (a dict replaced as a
        # whole, as every writer here does, is a miss; SQLAlchemy would not see changes made in place anyway).
        hit = _CACHE.get(id(settings))
        if hit is not None and hit[0] is settings and hit[1] == settings:
            return hit[2]
        known = settings
        if unknown := settings.keys() - cls.model_fields.keys():
            # Stored keys this version does not know come from a newer version on another PC of the hall (or
            # synced) during an upgrade: ignored here, or one PC's update would stop the others' queue. Typos are
            # refused where settings are typed in (hall init --config, hall settings set).
            _warn_unknown(frozenset(unknown))
            known = {k: v for k, v in settings.items() if k not in unknown}
        try:
            parsed = parse(cls, known, "大厅", "hall")
        except InvalidSettings as exc:  # stored settings (edited by hand or synced): say how to repair them
            key = exc.key
            fix = f"onewindow hall settings set {key} VALUE --as LOGIN" if key else "onewindow hall settings show"
            stored = InvalidSettings(
                f"{exc.message_zh}（数据库中保存的设置有误，请用 {fix} 改正）",
                f"{exc.message_en} (stored in the hall database: correct it with `{fix}`)",
            )
            stored.key = key
            raise stored from None
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()  # a handful of halls and sessions at a time: simpler than LRU bookkeeping
        _CACHE[id(settings)] = (settings, dict(settings), parsed)  # the reference keeps the id from being reused
        return parsed

    # ---- supervision helpers -----------------------------------------------------------------------------------

    def target_wait(self, prefix: str) -> int:
        return int((self.target_wait_by_category or {}).get(prefix, self.target_wait_minutes))

    def queue_limits(self, prefix: str) -> tuple[int, int]:
        """(warning, critical) people waiting for this category."""
        own = (self.alarm_queue_by_category or {}).get(prefix)
        return (int(own), 2 * int(own)) if own is not None else (self.alarm_queue_warning, self.alarm_queue_critical)

    def weights(self) -> dict[str, int]:
        return dict(self.assessment_weights or DEFAULT_WEIGHTS)


_DEFAULT = HallSettings()
_warned: set[frozenset[str]] = set()


def _warn_unknown(keys: frozenset[str]) -> None:
    if keys not in _warned:
        _warned.add(keys)
        log.warning("hall settings: ignoring keys this version does not know: %s", ", ".join(sorted(keys)))
_CACHE_SIZE = 64
_CACHE: dict[int, tuple[Mapping[str, Any], dict[str, Any], HallSettings]] = {}


class WindowSettings(_Strict):
    """One service window as a hall configuration file describes it (resources/sample/hall.json)."""

    number: Annotated[int, Field(ge=1, le=999)]
    name: Annotated[str, Field(min_length=1, max_length=100)]
    mode: Literal["order", "weight"] = "order"  # strict category order, or weighted turns between categories
    categories: Annotated[list[tuple[str, Annotated[int, Field(ge=1, le=100)]]], Field(
        description='[类别前缀, 权重] 对的列表，如 [["B", 2], ["G", 1]]|a list of [prefix, weight] pairs, '
        'e.g. [["B", 2], ["G", 1]]'
    )] = []


class KioskSettings(BaseSettings):
    """The kiosk's settings: its TOML file, overridden per setting by ONEWINDOW_KIOSK_<NAME> in the environment
    (a systemd drop-in can change one value without touching the file)."""

    model_config = SettingsConfigDict(env_prefix="ONEWINDOW_KIOSK_", extra="forbid", frozen=True)

    admin_pin_hash: str | None = None  # python -m kiosk.admin
    admin_max_failures: Annotated[int, Field(ge=1, le=100)] = 5
    admin_lockout_minutes: Annotated[float, Field(ge=0, le=24 * 60)] = 10.0
    admin_taps: Annotated[int, Field(ge=2, le=20)] = 5
    admin_tap_window_s: Annotated[float, Field(gt=0, le=60)] = 3.0
    admin_corner_px: Annotated[int, Field(ge=20, le=1000)] = 100
    idle_seconds: Annotated[float, Field(ge=5, le=3600)] = 60.0
    countdown_seconds: Annotated[float, Field(ge=1, le=600)] = 20.0
    attract_seconds: Annotated[float, Field(ge=5, le=24 * 3600)] = 180.0
    hide_cursor: bool = True
    printer: str | None = None  # usb:0x0416:0x5011, network:HOST[:PORT], serial:/dev/ttyUSB0, file:/dev/usb/lp0, dummy
    printer_poll_seconds: Annotated[float, Field(gt=0, le=3600)] = 10.0
    sync_poll_seconds: Annotated[float, Field(gt=0, le=3600)] = 15.0
    maintenance_hours: Annotated[tuple[Annotated[int, Field(ge=0, le=23)], Annotated[int, Field(ge=0, le=24)]], Field(
        description="[开始小时, 结束小时]，如 [3, 5]|[start hour, end hour], e.g. [3, 5]"
    )] = (3, 5)
    maintenance_min_uptime_hours: Annotated[float, Field(ge=0, le=24 * 365)] = 20.0
    hall_code: str | None = None
    voice: bool = True  # elderly-mode voice guidance
    voice_engine: str | None = None  # a QTextToSpeech engine name; default: the first that starts, Chinese voice first
    camera: bool = False  # read QR codes with a camera too (for kiosks without a keyboard-wedge scanner)
    camera_device: str | None = None  # a QMediaDevices video input id; default: the first camera
    log_dir: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # the environment before the file's values (given as init arguments): an override beats the file
        return env_settings, init_settings


# ---- validation with one bilingual line ------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], data: Mapping[str, Any], what_zh: str, what_en: str) -> M:
    """`model` built from `data`, or InvalidSettings naming the first wrong key and the value expected."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise settings_error(model, exc, what_zh, what_en) from None
    except RecursionError:  # a value nested thousands deep (a hand-edited file)
        raise InvalidSettings(f"{what_zh}设置嵌套过深", f"The {what_en} settings are nested too deeply") from None


def settings_error(model: type[BaseModel], exc: ValidationError, what_zh: str, what_en: str) -> InvalidSettings:
    return _error(model.model_fields, exc.errors(include_url=False)[0], what_zh, what_en)


# Keys `hall settings set` refuses: the salt of every stored person key (ID numbers are kept only hashed with it).
SET_AT_INIT_ONLY = frozenset({"person_salt"})


def hall_setting_value(key: str, value: Any) -> Any:
    """One hall setting checked on its own (type and range) and returned as it is stored in JSON ("25" -> 25).

    On its own, so that a supervisor can repair one broken key of a hand-edited hall while another is still wrong;
    the rules between keys are checked by `HallSettings.of` on the merged settings."""
    fields = HallSettings.model_fields
    if key not in fields:
        raise _error(fields, {"type": "extra_forbidden", "loc": (key,)}, "大厅", "hall")
    if key in SET_AT_INIT_ONLY:
        raise InvalidSettings(
            f"大厅设置 {key} 由 hall init 生成，不能更改（更改后当天的取号上限和预约查重将认不出已取号的人）",
            f"The hall setting {key} is made by hall init and cannot be changed (today's ticket limit and duplicate "
            "booking checks would no longer recognise people who already took one)",
        )
    if nul_in(value):
        raise InvalidSettings(
            f"大厅设置 {key} 的值含有字符 \\u0000（NUL），数据库不能保存",
            f"The hall setting {key} holds the character \\u0000 (NUL), which the database cannot store",
        )
    adapter = _adapter(key)
    try:
        return adapter.dump_python(adapter.validate_python(value), mode="json")
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        raise _error(fields, {**err, "loc": (key, *err["loc"])}, "大厅", "hall") from None
    except RecursionError:
        raise InvalidSettings(f"大厅设置 {key} 嵌套过深", f"The hall setting {key} is nested too deeply") from None


@cache
def _adapter(key: str) -> TypeAdapter[Any]:
    field = HallSettings.model_fields[key]
    kind: Any = Annotated[field.annotation, field]  # the field's own type, ranges and all
    return TypeAdapter(kind)


def _error(fields: Mapping[str, FieldInfo], err: Mapping[str, Any], what_zh: str, what_en: str) -> InvalidSettings:
    exc = _message(fields, err, what_zh, what_en)
    loc = [str(p) for p in err["loc"]]
    exc.key = loc[0] if loc and loc[0] in fields else (err.get("ctx") or {}).get("low")
    return exc


def _message(fields: Mapping[str, FieldInfo], err: Mapping[str, Any], what_zh: str, what_en: str) -> InvalidSettings:
    loc = [str(p) for p in err["loc"]]
    key = loc[0] if loc else ""
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
        hint_zh = f"，是不是“{close[0]}”？" if close else f"（可用：{', '.join(fields)}）"
        hint_en = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(fields)})"
        return InvalidSettings(f"未知的{what_zh}设置“{key}”{hint_zh}", f"Unknown {what_en} setting '{key}'{hint_en}")
    if err["type"] == "settings_order":
        low, high = err["ctx"]["low"], err["ctx"]["high"]
        return InvalidSettings(
            f"{what_zh}设置 {low} 不能大于 {high}", f"The {what_en} setting {low} cannot be greater than {high}"
        )
    if err["type"] == "missing" and len(loc) == 1:
        return InvalidSettings(f"{what_zh}设置缺少“{key}”", f"The {what_en} settings need '{key}'")
    expect_zh, expect_en = expected(fields[key]) if key in fields else ("正确的值", "a valid value")
    shown = _shown(err.get("input"))
    where = ".".join(loc)
    return InvalidSettings(
        f"{what_zh}设置 {where} 的值 {shown} 不正确，应为{expect_zh}",
        f"The {what_en} setting {where} = {shown} is wrong: expected {expect_en}",
    )


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def expected(field: FieldInfo) -> tuple[str, str]:
    """What a field accepts, in Chinese and English ("0 到 20 的整数" / "a whole number from 0 to 20")."""
    if field.description and "|" in field.description:
        zh, en = field.description.split("|", 1)
        return zh, en
    kind: Any = field.annotation
    if get_origin(kind) is Literal:
        options = ", ".join(str(a) for a in get_args(kind))
        return f"{options} 之一", f"one of {options}"
    optional = type(None) in get_args(kind)
    if optional:
        kind = next(a for a in get_args(kind) if a is not type(None))
    names: dict[Any, tuple[str, str]] = {
        int: ("整数", "a whole number"), float: ("数字", "a number"), bool: ("true 或 false", "true or false"),
        str: ("文字", "text"),
    }
    zh, en = names.get(kind, ("正确的值", "a valid value"))
    low: Any = None
    high: Any = None
    low_zh = low_en = ""
    for m in field.metadata:
        if isinstance(m, at.Ge):
            low, low_zh, low_en = m.ge, "不小于", "at least"
        elif isinstance(m, at.Gt):
            low, low_zh, low_en = m.gt, "大于", "greater than"
        elif isinstance(m, at.Le):
            high = m.le
        elif isinstance(m, at.MaxLen):
            return f"不超过 {m.max_length} 个字的文字", f"text of at most {m.max_length} characters"
    if low is not None and high is not None and low_zh == "不小于":
        zh, en = f"{low} 到 {high} 的{zh}", f"{en} from {low} to {high}"
    elif low is not None and high is not None:
        zh, en = f"{low_zh} {low}、不大于 {high} 的{zh}", f"{en} {low_en} {low} and at most {high}"
    elif low is not None:
        zh, en = f"{low_zh} {low} 的{zh}", f"{en} {low_en} {low}"
    if optional:
        zh, en = f"{zh}或 null", f"{en} or null"
    return zh, en
