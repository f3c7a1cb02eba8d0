"""System libraries Qt needs, found before Qt loads anything (a missing one makes Qt abort with exit 134).

`ldd` on Qt's xcb platform plugin lists every shared library it needs, its own dependencies included;
each one marked "not found" is named with the Debian/Ubuntu package that ships it.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Packages whose name does not follow the soname (libfoo.so.N -> libfooN, libfoo-1.so.N -> libfoo-1-N).
_PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libfreetype.so.6": "libfreetype6",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+\.so[\w.]*)\s+=>\s+not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships `soname`, e.g. libxcb-icccm.so.4 -> libxcb-icccm4."""
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    match = re.match(r"^(.+?)\.so\.(\d+)", soname)
    if match is None:
        return soname.removesuffix(".so").lower()
    base, version = match.groups()
    return (f"{base}-{version}" if base[-1].isdigit() else f"{base}{version}").lower()


def qt_platform_plugin(name: str = "xcb") -> Path | None:
    """PySide6's platform plugin file (found without importing PySide6)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        plugin = Path(root) / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
        if plugin.exists():
            return plugin
    return None


def missing_libraries(binary: Path) -> list[str]:
    """Sonames `binary` needs that the dynamic linker cannot find ([] when ldd is unavailable)."""
    ldd = shutil.which("ldd")
    if ldd is None or not binary.exists():
        return []
    try:
        out = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(_NOT_FOUND.findall(out)))


def missing_for_qt_platform(name: str = "xcb") -> dict[str, str]:
    """{soname: debian package} of what Qt's `name` platform plugin lacks on this Linux machine."""
    if not sys.platform.startswith("linux"):
        return {}
    plugin = qt_platform_plugin(name)
    if plugin is None:
        return {}
    return {lib: debian_package(lib) for lib in missing_libraries(plugin)}
