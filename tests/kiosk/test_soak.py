"""Soak: simulated citizen sessions with idle resets; no widget/timer leaks, bounded memory.

The full run (10,000 sessions, about 12 minutes here) is marked slow; a short run always checks leaks.
The same code prints JSON as a benchmark: ``python -m kiosk.soak --sessions 10000``.
"""

from __future__ import annotations

import pytest

from kiosk.soak import run_soak


def test_short_soak_leaks_nothing() -> None:
    result = run_soak(sessions=140, warmup=70)
    assert result["widget_leak"] == 0
    assert result["timer_leak"] == 0
    assert result["qobject_leak"] == 0
    assert result["end"]["top_level_widgets"] == result["warm"]["top_level_widgets"]


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_ten_thousand_sessions() -> None:
    result = run_soak(sessions=10_000, warmup=1_000)
    print(result)
    assert result["rss_growth_pct"] < 10
    assert result["widget_leak"] == 0 and result["timer_leak"] == 0 and result["qobject_leak"] == 0
