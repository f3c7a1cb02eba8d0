"""Hall configuration: create a hall from a JSON description, load it, log staff in."""

import functools
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import calendar
from app.domain.credentials import check_login, check_name, check_new_pin
from app.domain.errors import BadInputFile, InvalidSettings, NotFoundError, RuleViolation
from app.domain.ids import new_id
from app.domain.roles import Role
from app.domain.settings_schema import WindowSettings, settings_error
from app.services.auth import Actor, authenticate, hash_secret
from app.services.views import HallView, StaffView
from app.store.database import Database
from app.store.limits import misfit
from app.store.models import Category, Hall, Staff, Window, WindowCategory

SAMPLE_HALL = Path(__file__).resolve().parents[2] / "resources" / "sample" / "hall.json"


def load_hall(session: Session, code: str | None = None) -> Hall:
    from app.services import queue_sql as sq  # prebuilt: this runs at the start of every queue operation

    if code:
        hall = session.scalars(sq.HALL_BY_CODE, sq.params(code=code)).first()
    else:
        hall = session.scalars(sq.FIRST_HALL).first()
    if hall is None:
        raise NotFoundError(
            "本机还没有大厅配置，请先运行 onewindow hall init --sample",
            "No hall is configured yet: run `onewindow hall init --sample` first",
        )
    return hall


def hall_view(hall: Hall) -> HallView:
    return HallView(hall.id, hall.code, hall.name_zh, hall.name_en, hall.timezone, dict(hall.settings))


def create_hall(
    db: Database, spec: dict[str, Any], *, hash_pin: Callable[[str], str] = hash_secret
) -> HallView:
    """Create the hall described by `spec` (see resources/sample/hall.json). Idempotent by hall code."""
    with db.write() as s:
        existing = s.scalars(select(Hall).where(Hall.code == spec["code"])).first()
        if existing is not None:
            return hall_view(existing)
        settings = dict(spec.get("settings", {}))
        settings.setdefault("person_salt", secrets.token_hex(16))
        hid = new_id()
        hall = Hall(
            id=hid,
            hall_id=hid,
            code=spec["code"],
            name_zh=spec["name_zh"],
            name_en=spec.get("name_en", ""),
            level=spec.get("level", "county"),
            timezone=spec.get("timezone", "Asia/Shanghai"),
            opening_hours=spec.get("opening_hours", {}),
            settings=settings,
        )
        s.add(hall)
        categories: dict[str, Category] = {}
        for order, c in enumerate(spec.get("categories", [])):
            cat = Category(
                hall_id=hid,
                prefix=c["prefix"],
                name_zh=c["name_zh"],
                name_en=c.get("name_en", ""),
                number_start=c.get("number_start", 1),
                number_end=c.get("number_end", 999),
                default_service_minutes=c.get("minutes", 6),
                sort_order=order,
            )
            s.add(cat)
            categories[cat.prefix] = cat
        for st in spec.get("staff", []):
            s.add(
                Staff(
                    hall_id=hid,
                    login=st["login"],
                    name=st["name"],
                    role=st.get("role", "clerk"),
                    secret_hash=hash_pin(st["pin"]),
                )
            )
        s.flush()
        for w in (WindowSettings.model_validate(raw) for raw in spec.get("windows", [])):
            window = Window(hall_id=hid, number=w.number, name=w.name, mode=w.mode)
            s.add(window)
            s.flush()
            for order, (prefix, weight) in enumerate(w.categories):
                s.add(
                    WindowCategory(
                        hall_id=hid,
                        window_id=window.id,
                        category_id=categories[prefix].id,
                        order=order,
                        weight=weight,
                    )
                )
        return hall_view(hall)


def read_hall_file(path: str | Path) -> dict[str, Any]:
    """A hall JSON file (like resources/sample/hall.json), read and checked before anything is written."""
    from app.userfiles import read_json_file

    spec = read_json_file(Path(path), "大厅配置", "hall configuration")
    problem = hall_spec_problem(spec)
    if problem:
        raise BadInputFile(
            f"大厅配置文件 {path} 的内容不对：{problem[0]}（参照 resources/sample/hall.json）",
            f"The hall configuration {path} has the wrong shape: {problem[1]} (see resources/sample/hall.json)",
        )
    assert isinstance(spec, dict)
    try:
        check_hall_spec(spec)
    except InvalidSettings as exc:  # the same line, naming the file
        raise BadInputFile(
            f"大厅配置文件 {path}：{exc.message_zh}", f"The hall configuration {path}: {exc.message_en}"
        ) from None
    return spec


def check_hall_spec(spec: dict[str, Any]) -> None:
    """The hall's settings and its windows against their declarations (app.domain.settings_schema)."""
    from app.services.hall_settings import validate_hall_settings  # it imports this module

    validate_hall_settings(spec.get("settings") or {})
    for i, w in enumerate(spec.get("windows", [])):
        try:
            WindowSettings.model_validate(w)
        except ValidationError as exc:
            what = f"窗口 {w.get('number', i + 1)} ", f"window {w.get('number', i + 1)}"
            raise settings_error(WindowSettings, exc, *what) from None


Problem = tuple[str, str] | None  # (Chinese, English)


def hall_spec_problem(spec: object) -> Problem:
    """What is structurally wrong with a hall description, in Chinese and in English, or None."""

    def fields(item: object, where: tuple[str, str], required: dict[str, type | tuple[type, ...]]) -> Problem:
        if not isinstance(item, dict):
            return f"{where[0]}应为 JSON 对象", f"{where[1]} must be an object"
        for key, kind in required.items():
            if not isinstance(item.get(key), kind) or item.get(key) in ("", None):
                return f"{where[0]}缺少“{key}”", f"{where[1]} needs {key!r}"
        return None

    top = fields(spec, ("文件", "the file"), {"code": str, "name_zh": str, "categories": list})
    if top or not isinstance(spec, dict):
        return top
    if problem := _misfit(spec, ("文件", "the file"), _HALL_COLUMNS):
        return problem
    for key in ("opening_hours", "settings"):
        if not isinstance(spec.get(key, {}), dict):
            return f"“{key}”应为 JSON 对象", f"{key!r} must be an object"
    if problem := _timezone_problem(spec.get("timezone", "Asia/Shanghai")):
        return problem
    try:
        calendar.parse_hours(spec.get("opening_hours", {}))
    except calendar.HoursError as exc:
        return f"营业时间“opening_hours”有误：{exc.zh}", f"'opening_hours': {exc.en}"
    prefixes: set[str] = set()
    for i, c in enumerate(spec["categories"]):
        where = f"第 {i + 1} 个业务类别", f"category {i + 1}"
        if problem := fields(c, where, {"prefix": str, "name_zh": str}) or _misfit(c, where, _CATEGORY_COLUMNS):
            return problem
        if c["prefix"] in prefixes:
            return f"业务类别前缀“{c['prefix']}”重复", f"category prefix {c['prefix']!r} appears twice"
        prefixes.add(c["prefix"])
    logins: set[str] = set()
    for i, st in enumerate(spec.get("staff", [])):
        if problem := fields(st, (f"第 {i + 1} 个工作人员", f"staff {i + 1}"), {"login": str, "name": str, "pin": str}):
            return problem
        if st["login"] in logins:
            return f"工作人员登录名“{st['login']}”重复", f"staff login {st['login']!r} appears twice"
        try:  # the same rules as for an account added later (app.domain.credentials)
            check_login(st["login"])
            check_name(st["name"])
            check_new_pin(st["pin"])
        except RuleViolation as exc:
            return f"第 {i + 1} 个工作人员：{exc.message_zh}", f"staff {i + 1}: {exc.message_en}"
        roles = ", ".join(r.value for r in Role)
        if st.get("role", "clerk") not in {r.value for r in Role}:
            return (
                f"工作人员“{st['login']}”的角色应为 {roles} 之一",
                f"staff {st['login']!r}: role must be one of {roles}",
            )
        logins.add(st["login"])
    return _windows_problem(spec.get("windows", []), prefixes, fields)


# The columns each key of the file is written to: a value they cannot hold is refused before anything is written
# (PostgreSQL would refuse it half-way; SQLite would keep it).
_HALL_COLUMNS = {"code": Hall.code, "name_zh": Hall.name_zh, "name_en": Hall.name_en, "level": Hall.level}
_CATEGORY_COLUMNS = {
    "prefix": Category.prefix,
    "name_zh": Category.name_zh,
    "name_en": Category.name_en,
    "number_start": Category.number_start,
    "number_end": Category.number_end,
    "minutes": Category.default_service_minutes,
}


def _misfit(item: dict[str, Any], where: tuple[str, str], columns: dict[str, Any]) -> Problem:
    for key, column in columns.items():
        if key in item and (why := misfit(column, item[key])):
            return f"{where[0]}的“{key}”{why[0]}", f"{where[1]}: {key!r} {why[1]}"
    return None


def _windows_problem(windows: Any, prefixes: set[str], fields: Any) -> Problem:
    if not isinstance(windows, list):
        return "“windows”应为列表", "'windows' must be a list"
    numbers: set[int] = set()
    for i, w in enumerate(windows):
        if problem := fields(w, (f"第 {i + 1} 个窗口", f"window {i + 1}"), {"number": int, "name": str}):
            return problem
        if isinstance(w["number"], bool) or not 1 <= w["number"] <= 9999:
            return f"第 {i + 1} 个窗口的编号应为 1 到 9999", f"window {i + 1}: number must be 1 to 9999"
        if w["number"] in numbers:
            return f"窗口编号 {w['number']} 重复", f"window number {w['number']} appears twice"
        numbers.add(w["number"])
        pairs = w.get("categories", [])
        if not isinstance(pairs, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and pair[0] in prefixes for pair in pairs
        ):
            return (
                f"{w['number']} 号窗口的 categories 应为 [前缀, 权重] 对，且前缀是已有的业务类别",
                f"window {w['number']}: categories are [prefix, weight] pairs of known prefixes",
            )
    return None


def _timezone_problem(name: object) -> Problem:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(str(name))
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return (
            f"时区“{name}”不是已知的时区（例如 Asia/Shanghai）",
            f"timezone {name!r} is not a known time zone (e.g. Asia/Shanghai)",
        )
    return None


def create_sample_hall(db: Database, always_open: bool = False) -> HallView:
    """The sample hall; `always_open` drops its opening hours so a demo works at any time of day."""
    spec = json.loads(SAMPLE_HALL.read_text(encoding="utf-8"))
    if always_open:
        spec["opening_hours"] = {}
    return create_hall(db, spec, hash_pin=_sample_pin_hash)


@functools.lru_cache(maxsize=16)
def _sample_pin_hash(pin: str) -> str:
    """The sample's PINs are public (README): each is hashed once per process (argon2 takes ~0.15 s), since
    tests and the demo make a sample hall hundreds of times. A real hall's staff each get their own salt."""
    return hash_secret(pin)


def opening_periods(hall: Hall) -> list[calendar.OpeningPeriod]:
    """The hall's stored opening hours, read. A row edited by hand past what `hall init` accepts is one line for
    the person at the kiosk or the counter, not the crash handler."""
    try:
        return calendar.parse_hours(hall.opening_hours)
    except calendar.HoursError as exc:
        raise InvalidSettings(
            f"大厅 {hall.code} 保存的营业时间有误（{exc.zh}）；请用 onewindow hall init --config 重新设置",
            f"Hall {hall.code}'s stored opening hours are wrong ({exc.en}): set them again with hall init --config",
        ) from None


def current_hall(db: Database, code: str | None = None) -> HallView:
    """The hall `code` names (the database's only hall when None): one read, a plain view back."""
    with db.read() as s:
        return hall_view(load_hall(s, code))


def login(db: Database, login_name: str, secret: str) -> Actor:
    """Staff login with an argon2-checked PIN (see app.services.auth)."""
    return authenticate(db, login_name, secret)


def list_staff(db: Database) -> list[StaffView]:
    with db.read() as s:
        hall = load_hall(s)
        rows = s.scalars(select(Staff).where(Staff.hall_id == hall.id, Staff.active).order_by(Staff.login))
        return [StaffView(r.id, r.login, r.name, r.role) for r in rows]
