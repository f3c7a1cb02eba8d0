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
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_log_dir

from kiosk.idle import IdlePolicy


@dataclass(frozen=True)
class KioskConfig:
    admin_pin_hash: str | None = None
    admin_max_failures: int = 5
    admin_lockout_minutes: float = 10.0
    admin_taps: int = 5
    admin_tap_window_s: float = 3.0
    admin_corner_px: int = 100
    idle_seconds: float = 60.0
    countdown_seconds: float = 20.0
    attract_seconds: float = 180.0
    hide_cursor: bool = True
    printer: str | None = None
    printer_poll_seconds: float = 10.0
    sync_poll_seconds: float = 15.0
    maintenance_hours: tuple[int, int] = (3, 5)
    maintenance_min_uptime_hours: float = 20.0
    hall_code: str | None = None
    voice: bool = True  # elderly-mode voice guidance
    voice_engine: str | None = None  # a QTextToSpeech engine name; default: flite, then a running speechd
    camera: bool = False  # read QR codes with a camera too (for kiosks without a keyboard-wedge scanner)
    camera_device: str | None = None  # a QMediaDevices video input id; default: the first camera
    log_dir: str | None = None

    def idle_policy(self, elderly: bool, elderly_factor: float = 2.0) -> IdlePolicy:
        policy = IdlePolicy(self.idle_seconds, self.countdown_seconds, self.attract_seconds)
        return policy.scaled(elderly_factor) if elderly else policy

    def resolved_log_dir(self) -> Path:
        if self.log_dir:
            return Path(self.log_dir)
        try:
            from app.settings import paths

            return paths().log_dir
        except ImportError:
            return Path(user_log_dir("onewindow", appauthor=False))


def default_config_path() -> Path:
    env = os.environ.get("ONEWINDOW_KIOSK_CONFIG")
    if env:
        return Path(env)
    return Path(user_config_dir("onewindow", appauthor=False)) / "kiosk.toml"


def config_from_mapping(data: dict[str, Any]) -> KioskConfig:
    known = {f.name for f in fields(KioskConfig)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown kiosk settings: {', '.join(sorted(unknown))}")
    values = dict(data)
    if "maintenance_hours" in values:
        start, end = values["maintenance_hours"]
        values["maintenance_hours"] = (int(start), int(end))
    return KioskConfig(**values)


def load_config(path: Path | None = None) -> KioskConfig:
    p = path or default_config_path()
    if not p.exists():
        if path is not None:
            raise FileNotFoundError(p)
        return KioskConfig()
    with p.open("rb") as fh:
        return config_from_mapping(tomllib.load(fh))
