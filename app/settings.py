"""Settings declared once, with defaults; paths come from platformdirs.

Environment overrides (for tests and operators): ONEWINDOW_DATA_DIR, ONEWINDOW_DB, ONEWINDOW_DEVICE.
"""

import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.domain.errors import InvalidSettings
from app.domain.ids import new_id

APP_NAME = "onewindow"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    log_dir: Path

    @property
    def default_db_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'hall.db'}"


def paths() -> Paths:
    override = os.environ.get("ONEWINDOW_DATA_DIR")
    data = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    log = data / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return Paths(data, log)


def db_url(explicit: str | None = None) -> str:
    if explicit is not None:  # `--db ""` is a mistake to report, not a request for the default
        return explicit
    return os.environ.get("ONEWINDOW_DB") or paths().default_db_url


DEVICE_ID_MAX = 64  # origin_device is VARCHAR(64) in the hall and on the server


def _valid_device_id(value: object) -> bool:
    # Not ASCII only: earlier versions named the device after the host as it is ("张三-PC-…"), and the columns hold it.
    return (
        isinstance(value, str)
        and 0 < len(value) <= DEVICE_ID_MAX
        and value.isprintable()
        and not any(c.isspace() for c in value)
    )


def device_id() -> str:
    """A stable id for this PC, created once and kept in the data directory. A wrong one is refused here: it is
    written into every row this PC changes and pushed to the server, which holds 64 printable characters."""
    if env := os.environ.get("ONEWINDOW_DEVICE"):
        if not _valid_device_id(env):
            raise InvalidSettings(
                f"环境变量 ONEWINDOW_DEVICE 须为 1–{DEVICE_ID_MAX} 个字母、数字或符号（不含空格）",
                f"ONEWINDOW_DEVICE must be 1-{DEVICE_ID_MAX} letters, digits or symbols (no spaces)",
            )
        return env
    path = paths().data_dir / "device.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))["device_id"]
    except (OSError, ValueError, KeyError, TypeError):
        stored = None  # never written, or a torn write from before it was atomic: a new id
    if stored is not None:
        if not _valid_device_id(stored):
            raise InvalidSettings(
                f"{path} 里的本机编号无效；如本机尚未同步过，删除该文件即可生成新的编号",
                f"The device id in {path} is not valid: if this PC has never synced, delete the file to get a new one",
            )
        return str(stored)
    host = re.sub(r"[^A-Za-z0-9._-]", "-", socket.gethostname())[:24] or "pc"
    ident = f"{host}-{new_id()[-12:]}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"device_id": ident}), encoding="utf-8")
    os.replace(tmp, path)  # atomic: a crash never leaves a half-written device file
    return ident
