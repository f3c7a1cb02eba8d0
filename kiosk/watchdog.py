"""systemd READY/WATCHDOG from the GUI thread, and the idle-only maintenance restart rule."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer

from kiosk.sdnotify import notify, watchdog_interval_ms

log = logging.getLogger("onewindow.kiosk.watchdog")


class SystemdWatchdog(QObject):
    """Pings come from a QTimer on the GUI thread: if the event loop freezes, the pings stop and
    systemd (WatchdogSec=) kills and restarts the kiosk."""

    def __init__(self, env: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = dict(env if env is not None else os.environ)
        self.pings = 0
        self.ready_sent = False
        self.timer = QTimer(self)
        interval = watchdog_interval_ms(self.env)
        if interval is not None:
            self.timer.setInterval(interval)
            self.timer.timeout.connect(self.ping)

    @property
    def enabled(self) -> bool:
        return watchdog_interval_ms(self.env) is not None

    def ready(self, status: str = "first screen shown") -> None:
        if self.ready_sent:
            return
        self.ready_sent = True
        notify(f"READY=1\nSTATUS={status}\nMAINPID={os.getpid()}", self.env)
        if self.enabled:
            self.timer.start()
            self.ping()

    def ping(self) -> None:
        if notify("WATCHDOG=1", self.env):
            self.pings += 1

    def status(self, text: str) -> None:
        notify(f"STATUS={text}", self.env)

    def stopping(self) -> None:
        self.timer.stop()
        notify("STOPPING=1", self.env)


def maintenance_due(now: datetime, started_at: datetime, window: tuple[int, int] = (3, 5),
                    min_uptime: timedelta = timedelta(hours=20)) -> bool:
    """Restart once a night inside the window hours (local), only after a long enough uptime."""
    start_hour, end_hour = window
    return start_hour <= now.hour < end_hour and now - started_at >= min_uptime
