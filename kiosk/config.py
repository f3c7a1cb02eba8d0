"""Kiosk settings, declared once with defaults, read from a TOML file.

Looked up in order: ``--config PATH``, ``$ONEWINDOW_KIOSK_CONFIG``, ``<user config dir>/onewindow/kiosk.toml``.
Example (all keys optional)::

    admin_pin_hash = "$argon2id$v=19$..."   # python -m kiosk.admin
    idle_seconds = 60
    countdown_seconds = 20
    attract_seconds = 180
    printer = "usb:0x0416:0x5011"         # or network:HOST[:PORT], serial:/dev/ttyUSB0, file:/dev/usb/lp0, dummy
    hide_cursor = true
    maintenance_hours = [3, 5]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir
from pydantic import ValidationError

from app.domain.errors import InvalidSettings, UserError
from app.domain.settings_schema import KioskSettings, settings_error
from app.settings import paths
from app.userfiles import read_toml_file
from kiosk.idle import IdlePolicy


class KioskConfigError(InvalidSettings, ValueError):
    """A kiosk config file that cannot be used. A ValueError too, so that the kiosk's start-up catches it; its text
    is the bilingual line (the start-up prints str(exc))."""

    def __str__(self) -> str:
        return self.bilingual()


class KioskConfig(KioskSettings):
    """The settings declared in app.domain.settings_schema.KioskSettings, with what the kiosk derives from them."""

    def idle_policy(self, elderly: bool, elderly_factor: float = 2.0) -> IdlePolicy:
        policy = IdlePolicy(self.idle_seconds, self.countdown_seconds, self.attract_seconds)
        return policy.scaled(elderly_factor) if elderly else policy

    def resolved_log_dir(self) -> Path:
        return Path(self.log_dir) if self.log_dir else paths().log_dir  # the app's one place for paths


def default_config_path() -> Path:
    env = os.environ.get("ONEWINDOW_KIOSK_CONFIG")
    if env:
        return Path(env)
    return Path(user_config_dir("onewindow", appauthor=False)) / "kiosk.toml"


def config_from_mapping(data: dict[str, Any]) -> KioskConfig:
    """Validated settings (the environment's ONEWINDOW_KIOSK_* win over `data`); KioskConfigError names the key."""
    try:
        return KioskConfig(**data)
    except ValidationError as exc:
        err = settings_error(KioskSettings, exc, "自助机", "kiosk")
        raise KioskConfigError(err.message_zh, err.message_en) from None


def load_config(path: Path | None = None) -> KioskConfig:
    p = path or default_config_path()
    if path is None and not p.exists():
        return config_from_mapping({})  # no file is fine: defaults, and the environment
    try:
        data = read_toml_file(p, "自助机配置", "kiosk configuration")
    except UserError as exc:
        raise KioskConfigError(exc.message_zh, exc.message_en) from None
    try:
        return config_from_mapping(data)
    except KioskConfigError as exc:
        raise KioskConfigError(f"{p}：{exc.message_zh}", f"{p}: {exc.message_en}") from None
