"""People ahead and the estimated wait shown on tickets and at the kiosk."""

import math
from collections.abc import Sequence

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
