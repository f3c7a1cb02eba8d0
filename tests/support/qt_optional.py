"""Qt modules that need system libraries the tests cannot assume (QtMultimedia needs libpulse0)."""

from __future__ import annotations

import pytest


def qt_multimedia_missing() -> str | None:
    """Why PySide6.QtMultimedia cannot load here, or None when it can."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        return f"PySide6.QtMultimedia cannot load ({exc}); install the system package libpulse0"
    return None


_MISSING = qt_multimedia_missing()
needs_qt_multimedia = pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")
