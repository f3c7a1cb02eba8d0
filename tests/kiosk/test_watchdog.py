"""systemd notify: READY after the first screen, WATCHDOG pings from the GUI thread's timer."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.sdnotify import notify, watchdog_interval_ms
from kiosk.watchdog import SystemdWatchdog


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = tmp_path / "n.sock"
    if len(str(path)) > 100:  # AF_UNIX path limit
        path = Path("/tmp") / f"ow-notify-{os.getpid()}.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)
    yield sock, str(path)
    sock.close()
    path.unlink(missing_ok=True)


def _drain(sock: socket.socket) -> list[str]:
    out = []
    while True:
        try:
            out.append(sock.recv(4096).decode())
        except BlockingIOError:
            return out


def test_notify_without_socket_is_a_no_op() -> None:
    assert notify("READY=1", {}) is False
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "2000000"}) == 1000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "999999999"}) is None  # not ours
    parent = {"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": str(os.getppid())}
    assert watchdog_interval_ms(parent) == 1000  # armed for the compositor that started us


def test_ready_then_pings_from_the_event_loop(qtbot, notify_socket) -> None:  # noqa: ANN001
    sock, path = notify_socket
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000", "WATCHDOG_PID": str(os.getpid())}
    wd = SystemdWatchdog(env)
    assert wd.timer.interval() == 50
    wd.ready()
    messages = _drain(sock)
    assert messages[0].startswith("READY=1")
    qtbot.waitUntil(lambda: wd.pings >= 4, timeout=3000)
    got = messages + _drain(sock)
    assert got.count("WATCHDOG=1") >= 4

    # A frozen event loop sends nothing: block the GUI thread and no ping arrives.
    time.sleep(0.3)
    assert _drain(sock) == []
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: "WATCHDOG=1" in _drain(sock), timeout=2000)
    wd.stopping()
    assert "STOPPING=1" in _drain(sock)


def test_abstract_namespace_socket(qtbot) -> None:  # noqa: ANN001
    name = f"onewindow-test-{os.getpid()}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + name)
    try:
        assert notify("READY=1", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(100) == b"READY=1"
    finally:
        sock.close()


def test_kiosk_ready_after_first_screen(qtbot, make_kiosk, notify_socket) -> None:  # noqa: ANN001
    sock, path = notify_socket
    wd = SystemdWatchdog({"NOTIFY_SOCKET": path})
    kiosk = make_kiosk(watchdog=wd)
    wd.ready()
    assert kiosk.session.screen_name == "home"
    assert _drain(sock)[0].startswith("READY=1")
