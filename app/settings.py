"""Settings declared once, with defaults; paths come from platformdirs.

Environment overrides (for tests and operators): ONEWINDOW_DATA_DIR, ONEWINDOW_DB, ONEWINDOW_DEVICE.
"""

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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


def device_id() -> str:
    """A stable id for this PC, created once and kept in the data directory."""
    if env := os.environ.get("ONEWINDOW_DEVICE"):
        return env
    path = paths().data_dir / "device.json"
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["device_id"])
    except (OSError, ValueError, KeyError):
        pass
    ident = f"{socket.gethostname()[:24]}-{new_id()[-12:]}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"device_id": ident}), encoding="utf-8")
    os.replace(tmp, path)  # atomic: a crash never leaves a half-written device file
    return ident
