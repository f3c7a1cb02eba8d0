"""The longest stall of the GUI event loop while the intake screen's checks run.

A 5 ms QTimer stands in for painting and input; the gap between its ticks, beyond its interval, is how
long a clerk would see the window frozen. The checks run through the intake screen's own CheckRunner
(a process pool), exactly as the intake window submits them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

TICK_MS = 5


def measure_stall(files: list[Path], material_kind: str, check_config: dict[str, object] | None = None
                  ) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from app.services.intake_views import CheckJob
    from app.ui.intake.check_runner import CheckRunner

    app = QCoreApplication.instance() or QCoreApplication([])
    runner = CheckRunner()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    loop = QEventLoop()
    remaining = [len(files)]

    def checked(_outcome: object) -> None:
        remaining[0] -= 1
        if remaining[0] == 0:
            loop.quit()

    runner.checked.connect(checked)
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    # Warm the pool first (spawning workers is a one-off at start-up, not part of a clerk's wait).
    warm = QEventLoop()
    runner.call(len, "warm", on_done=lambda _r: warm.quit())
    warm.exec()
    started = time.perf_counter()
    last[0] = started
    timer.start()
    for i, path in enumerate(files):
        runner.submit(CheckJob(f"f{i}", "bench", str(path), path.name, material_kind, None, check_config or {}))
    loop.exec()
    timer.stop()
    runner.shutdown()
    del app
    ordered = sorted(gaps)
    return {
        "files": len(files),
        "wall_ms": round((time.perf_counter() - started) * 1000, 1),
        "max_stall_ms": round(max(ordered), 1) if ordered else 0.0,
        "p99_stall_ms": round(ordered[int(len(ordered) * 0.99) - 1], 1) if ordered else 0.0,
        "ticks": len(ordered),
        "target_max_stall_ms": 50.0,
    }
