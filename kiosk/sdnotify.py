"""systemd notify protocol (sd_notify) in a few lines, no extra dependency.

READY=1 is sent once the first screen is up; WATCHDOG=1 pings come from a GUI-thread QTimer
(kiosk/watchdog.py), so a frozen event loop stops them and systemd restarts the kiosk.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("onewindow.kiosk.sdnotify")


def _address(path: str) -> str | bytes:
    # "@name" is a Linux abstract-namespace socket, spelled with a leading NUL on the wire.
    return b"\0" + path[1:].encode() if path.startswith("@") else path


def notify(state: str, env: Mapping[str, str] | None = None) -> bool:
    """Send ``state`` (e.g. "READY=1") to $NOTIFY_SOCKET. Returns False when not under systemd."""
    path = (env if env is not None else os.environ).get("NOTIFY_SOCKET")
    if not path or not hasattr(socket, "AF_UNIX"):
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(_address(path))
            sock.sendall(state.encode())
    except OSError as exc:
        log.warning("sd_notify %r failed: %s", state.split("=")[0], exc)
        return False
    return True


def watchdog_interval_ms(env: Mapping[str, str] | None = None) -> int | None:
    """Half of WatchdogSec (systemd's advice), or None when no watchdog is armed for this process."""
    e = env if env is not None else os.environ
    usec = e.get("WATCHDOG_USEC")
    if not usec:
        return None
    pid = e.get("WATCHDOG_PID")
    # The watchdog is armed for the service's main process: us, or the kiosk compositor (cage) that
    # started us as its only client (the unit then says NotifyAccess=all).
    if pid and pid.isdigit() and int(pid) not in (os.getpid(), os.getppid()):
        return None
    try:
        value = int(usec)
    except ValueError:
        return None
    return max(1, value // 2000) if value > 0 else None
