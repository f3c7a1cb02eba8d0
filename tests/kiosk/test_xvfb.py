"""Under a real X server with no window manager (a bare xinit kiosk session): the kiosk covers the
whole screen, and a WM_DELETE_WINDOW close request and the usual quit keys leave it running.

Needs the Debian packages xvfb and xdotool (and libX11); skipped with a reason when they are absent.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kiosk.x11 import libx11, send_wm_delete

REPO = Path(__file__).resolve().parents[2]
SCREEN = (1280, 800)

missing = [tool for tool in ("Xvfb", "xdotool", "xwininfo") if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (apt install xvfb xdotool x11-utils)"),
    pytest.mark.skipif(libx11() is None, reason="needs libX11 (apt install libx11-6)"),
]


@pytest.fixture
def xserver() -> Iterator[str]:
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        number = r.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


def _x(display: str, *args: str) -> str:
    return subprocess.run(list(args), env={**os.environ, "DISPLAY": display}, capture_output=True, text=True,
                          timeout=20).stdout


def _geometry(display: str, window: str) -> dict[str, int]:
    out = _x(display, "xwininfo", "-id", window)
    keys = {"Absolute upper-left X": "x", "Absolute upper-left Y": "y", "Width": "w", "Height": "h",
            "Map State": "map"}
    geo: dict[str, int] = {}
    for line in out.splitlines():
        name, _, value = line.strip().partition(":")
        if name in keys:
            geo[keys[name]] = 1 if value.strip() == "IsViewable" else 0 if keys[name] == "map" else int(value)
    return geo


def test_full_screen_and_unclosable_without_a_window_manager(xserver: str, tmp_path: Path) -> None:
    notify_path = tmp_path / "n.sock"
    if len(str(notify_path)) > 100:
        notify_path = Path("/tmp") / f"ow-x-{os.getpid()}.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(notify_path))
    sock.settimeout(60)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'log_dir = "{tmp_path / "logs"}"\nhide_cursor = true\nvoice = false\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(DISPLAY=xserver, QT_QPA_PLATFORM="xcb", NOTIFY_SOCKET=str(notify_path), PYTHONPATH=str(REPO))
    output = tmp_path / "kiosk.out"
    with output.open("wb") as out:
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk.main", "--fake-backend", "--config", str(config)],
                                 env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        try:
            ready = sock.recv(4096).decode()
        except TimeoutError:
            kiosk.kill()
            kiosk.wait()
            pytest.fail(f"no READY=1 from the kiosk: {output.read_text(errors='replace')[-2000:]}")
        assert "READY=1" in ready
        windows = _x(xserver, "xdotool", "search", "--name", "OneWindow Kiosk").split()
        assert windows, "kiosk window not found"
        window = windows[0]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _geometry(xserver, window).get("w") != SCREEN[0]:
            time.sleep(0.1)
        assert _geometry(xserver, window) == {"x": 0, "y": 0, "w": SCREEN[0], "h": SCREEN[1], "map": 1}

        send_wm_delete(xserver, int(window))
        _x(xserver, "xdotool", "windowfocus", "--sync", window)
        _x(xserver, "xdotool", "key", "--window", window, "--clearmodifiers", "alt+F4")
        for combo in ("ctrl+q", "ctrl+w", "Escape", "ctrl+c", "alt+F4"):
            _x(xserver, "xdotool", "key", combo)
        time.sleep(1.5)  # give a misbehaving kiosk the time to quit

        assert kiosk.poll() is None, "the kiosk quit"
        assert _geometry(xserver, window) == {"x": 0, "y": 0, "w": SCREEN[0], "h": SCREEN[1], "map": 1}
        log = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
        assert "close request refused" in log  # the WM_DELETE_WINDOW did arrive, and was refused
        assert "blocked key Alt+F4" in log and "blocked key Ctrl+Q" in log
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kiosk.kill()
        sock.close()
        notify_path.unlink(missing_ok=True)
