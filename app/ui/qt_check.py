"""Checks that Qt can load before any window is opened, and says which system packages are missing."""

from __future__ import annotations

import os
import re
import sys

DEBIAN_PACKAGES = {
    "libEGL": "libegl1",
    "libGL": "libgl1",
    "libxkbcommon": "libxkbcommon0",
    "libfontconfig": "libfontconfig1",
    "libdbus": "libdbus-1-3",
    "libglib": "libglib2.0-0",
    "libxcb-cursor": "libxcb-cursor0",
    "libX11-xcb": "libx11-xcb1",
    "libxkbcommon-x11": "libxkbcommon-x11-0",
}
QT_SYSTEM_PACKAGES = (
    "libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 "
    "libxcb-image0 libxcb-xinerama0 libx11-xcb1"
)


def qt_problem() -> str | None:
    """None when QtWidgets imports; otherwise a bilingual message naming the packages to install."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        text = str(exc)
        lib = re.search(r"(lib[\w\-+.]+?)\.so", text)
        package = next((pkg for key, pkg in DEBIAN_PACKAGES.items() if lib and lib.group(1).startswith(key)), None)
        hint = f"sudo apt-get install -y {package or QT_SYSTEM_PACKAGES}"
        return (
            f"Qt 无法加载：缺少系统库（{text}）。请安装：\n  {hint}\n"
            f"Qt could not load: a system library is missing ({text}). Install it with:\n  {hint}"
        )
    return None


def platform_problem(platform: str | None = None) -> str | None:
    """Libraries the X11 (xcb) platform plugin needs, checked before Qt loads it: with one missing, Qt
    aborts (exit 134) with a message that names no package."""
    from app.devices.system_libs import missing_for_qt_platform

    chosen = platform or os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "")
    if not chosen.startswith("xcb"):
        return None
    missing = missing_for_qt_platform("xcb")
    if not missing:
        return None
    libs, packages = ", ".join(missing), " ".join(sorted(set(missing.values())))
    hint = f"sudo apt-get install -y {packages}"
    return (
        f"Qt 无法打开窗口：X11 平台插件缺少系统库（{libs}）。请安装：\n  {hint}\n"
        f"Qt cannot open windows: the X11 platform plugin needs missing libraries ({libs}). Install them:\n  {hint}"
    )


def require_qt(platform: str | None = None) -> None:
    problem = qt_problem() or platform_problem(platform)
    if problem:
        print(problem, file=sys.stderr)
        raise SystemExit(3)


# Platforms that draw on a display server; the others (offscreen, eglfs, linuxfb, vnc, minimal) need none.
_DISPLAY_PLATFORMS = ("", "xcb", "wayland", "wayland-egl")

NO_DISPLAY = (  # one line, like every other error of the command
    "错误 / error: 没有显示器：请在桌面上运行，或设置 QT_QPA_PLATFORM（例如无屏幕测试用 QT_QPA_PLATFORM=offscreen） / "
    "no display: run it on a desktop or set QT_QPA_PLATFORM (e.g. QT_QPA_PLATFORM=offscreen for a headless test)"
)


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """A bilingual message when a GUI role would start on Linux with no display server to draw on.

    Checked before Qt loads its xcb plug-in, which otherwise aborts with the misleading "xcb-cursor0 is needed"."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if platform not in _DISPLAY_PLATFORMS:
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def require_display() -> None:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        raise SystemExit(3)
