"""People ahead and the estimated wait shown on tickets and at the kiosk."""

import math
from collections.abc import Sequence
from enum import StrEnum

DEFAULT_SERVICE_MINUTES = 6.0
ROLLING_WINDOW = 20


def rolling_service_minutes(recent_durations_s: Sequence[float], default: float = DEFAULT_SERVICE_MINUTES) -> float:
    """Average of the most recent service times; the configured default until there is data."""
    recent = [d for d in recent_durations_s[-ROLLING_WINDOW:] if d > 0]
    if not recent:
        return default
    return sum(recent) / len(recent) / 60.0


def estimated_wait_minutes(people_ahead: int, avg_service_minutes: float, open_windows: int) -> int | None:
    """None when no window serving the category is open (we cannot promise anything)."""
    if open_windows <= 0:
        return None
    return math.ceil(people_ahead * avg_service_minutes / open_windows)


class WaitKind(StrEnum):
    """How a wait is shown; one rule for the kiosk, the take-ticket screen and the printed slip."""

    NO_WINDOW = "no_window"  # no open window serves the category now: 暂无窗口办理
    UNKNOWN = "unknown"  # nothing to base an estimate on: 暂无估计 / —, never "0 分钟"
    NO_WAIT = "no_wait"  # a window is open and nobody is ahead: 无需等待
    MINUTES = "minutes"  # 约 N 分钟


def wait_kind(estimated_minutes: int | None, open_windows: int | None = None) -> WaitKind:
    if open_windows is not None and open_windows <= 0:
        return WaitKind.NO_WINDOW
    if estimated_minutes is None:
        return WaitKind.UNKNOWN
    return WaitKind.NO_WAIT if estimated_minutes <= 0 else WaitKind.MINUTES
