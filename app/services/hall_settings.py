"""Changing and checking a hall's settings; their declaration (types, ranges, defaults) is
app.domain.settings_schema.HallSettings, which every reader uses.

They live in the hall's `settings` JSON (synced, last writer wins per hall). A change goes through
`HallSettingsService.set`, which checks the value and the role and is audited by app.store.audit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from app.checks.config import CheckConfig
from app.domain.errors import InvalidSettings
from app.domain.roles import Permission
from app.domain.settings_schema import HallSettings, hall_setting_value, parse
from app.services.auth import authorise
from app.services.hall import load_hall
from app.services.views import StaffView
from app.store.database import Database

log = logging.getLogger("onewindow.settings")


def validate_hall_settings(settings: Mapping[str, Any]) -> HallSettings:
    """HallSettings for `settings`, with the material-check overrides checked against the checks' own declaration
    (app.checks.config: the domain schema cannot import it). InvalidSettings names what is wrong."""
    parsed = parse(HallSettings, settings, "大厅", "hall")
    if parsed.checks:
        try:
            CheckConfig.from_dict(parsed.checks)
        except (ValueError, TypeError, KeyError) as exc:
            raise InvalidSettings(
                f"大厅设置 checks 不正确：{exc}", f"The hall setting checks is wrong: {exc}"
            ) from None
    return parsed


class HallSettingsService:
    def __init__(self, db: Database, hall_code: str | None = None) -> None:
        self.db, self.hall_code = db, hall_code

    def current(self) -> HallSettings:
        with self.db.read() as s:
            return HallSettings.of(load_hall(s, self.hall_code).settings)

    def stored(self) -> dict[str, Any]:
        """The settings JSON as stored, valid or not (to show and repair a hand-edited hall)."""
        with self.db.read() as s:
            stored = load_hall(s, self.hall_code).settings
            return dict(stored) if isinstance(stored, dict) else {}

    def set(self, key: str, value: Any, *, actor: StaffView | None) -> dict[str, Any]:
        """Change one setting (supervisor or admin); the audit trail keeps the old and the new value.

        A wrong value changes nothing (InvalidSettings). A hall whose stored settings were already invalid
        (edited by hand) may still be repaired one key at a time."""
        clean = hall_setting_value(key, value)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            authorise(s, hall, actor, Permission.SETTINGS)
            before = dict(hall.settings) if isinstance(hall.settings, dict) else {}  # a hand-edited [1, 2] is replaced
            after = {**before, key: clean}
            try:
                validate_hall_settings(after)
            except InvalidSettings:
                if _valid(before):
                    raise  # this change breaks a rule between keys (a warning level above its critical level)
                log.warning("hall settings still invalid after setting %s (hand-edited before)", key)
            hall.settings = after  # a new dict: JSON changes in place are unseen
            s.flush()
            return dict(hall.settings)


def _valid(settings: Mapping[str, Any]) -> bool:
    try:
        validate_hall_settings(settings)
    except InvalidSettings:
        return False
    return True
