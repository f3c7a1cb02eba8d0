"""Soak: many simulated citizen sessions with idle resets, watching memory, widgets and timers.

``python -m kiosk.soak --sessions 10000`` prints one JSON object. Runs on the offscreen platform with
the hall's real services over a temporary sample hall, the demo printer, a fake clock (no sleeping) and a
synchronous runner.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.ui.pyside_workaround import immortalize_singletons
from kiosk.backend import RatingLevel
from kiosk.config import KioskConfig
from kiosk.printer import StatusDummy
from kiosk.screens.appointment import AppointmentScreen
from kiosk.screens.guide import GuideScreen, MatterScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.rating import RatingScreen
from kiosk.screens.ticket import CategoryScreen, IdEntryScreen
from kiosk.voice import RecordingSpeaker
from kiosk.widgets import Screen
from kiosk.window import KioskDeps, KioskWindow

IDS = ("110105195001011234", "110105199001011232", "310101199001011234")


def rss_kib() -> int:
    """Current resident set size (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class _Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def _settle() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


S = TypeVar("S", bound=Screen)


def _go(k: KioskWindow, name: str, kind: type[S], **params: Any) -> S:
    """Show screen `name` of the current session; it must be a `kind` (the soak drives its widgets)."""
    session = k.session
    assert session is not None
    session.go(name, **params)
    screen = session.screen
    assert isinstance(screen, kind), (name, screen)
    return screen


def _scenarios(k: KioskWindow, i: int) -> None:
    kind = i % 7
    if kind == 0:
        _go(k, "category", CategoryScreen).choose("ABCDEFGH"[i % 8])
    elif kind == 1:
        entry = _go(k, "id_entry", IdEntryScreen, prefix="B")
        entry.field.setText(IDS[i % 3])
        entry.submit()
    elif kind == 2:
        _go(k, "guide", GuideScreen).field.setText("SFZ")
        _go(k, "matter", MatterScreen, code="C001")
    elif kind == 3:
        progress = _go(k, "progress", ProgressScreen)
        progress.receipt.setText("H023-20261120-0007")
        progress.last4.setText("1234")
        progress.submit()
    elif kind == 4:
        rating = _go(k, "rating", RatingScreen)
        rating.field.setText("B012")
        rating.lookup()
        rating.choose(RatingLevel.DISSATISFIED)
        rating.reason_buttons["wait"].setChecked(True)
        rating.submit()
    elif kind == 5:
        k.restyle("zh_CN", True)  # elderly mode, then a ticket
        _go(k, "category", CategoryScreen).choose("G")
    else:
        k.restyle("en_US", False)
        appointment = _go(k, "appointment", AppointmentScreen)
        appointment.field.setText("99999999")
        appointment.submit()  # unknown code: the error path


def run_soak(sessions: int = 10_000, warmup: int = 1_000, progress: Callable[[int], None] | None = None
             ) -> dict[str, Any]:
    immortalize_singletons()
    app = QApplication.instance() or QApplication(["soak", "-platform", "offscreen"])
    from kiosk.main import open_backend

    clock = _Clock()
    folder = tempfile.mkdtemp(prefix="kiosk-soak-")
    backend, db = open_backend(f"sqlite:///{folder}/hall.db", "kiosk-soak", demo=True)
    printer = StatusDummy()
    config = KioskConfig(idle_seconds=60, countdown_seconds=20, attract_seconds=180)
    deps = KioskDeps(backend=backend, printer=printer, speaker=RecordingSpeaker(), clock=clock,
                     hall_name=backend.hall_name())
    kiosk = KioskWindow(deps, config, locked=True, size=(1080, 1920))
    kiosk.show()
    _settle()
    gc.freeze()  # as kiosk/main.py does once the kiosk is up
    samples: dict[str, Any] = {}
    start = time.perf_counter()
    for i in range(sessions):
        k = kiosk
        k.idle.activity()  # a citizen touches the screen
        _scenarios(k, i)
        if i % 2 and k.session is not None:
            k.session.finish()  # pressed 完成 (or a screen without it: treat as done)
        else:
            clock.t += k.idle.policy.idle_s + 1  # walked away: 还在吗? then the reset
            k.tick()
            clock.t += k.idle.policy.countdown_s + 1
            k.tick()
        if i % 10 == 0:
            clock.t += config.attract_seconds + 1
            k.tick()  # attract screen
            k.idle.activity()  # woken up again
        deps.speaker.spoken.clear()  # type: ignore[attr-defined]
        _settle()
        if i + 1 == warmup or i + 1 == sessions:
            gc.collect()
            _settle()
            samples["warm" if i + 1 == warmup else "end"] = {
                "rss_kib": rss_kib(),
                "widgets": len(QApplication.allWidgets()),
                "top_level_widgets": len(QApplication.topLevelWidgets()),
                "qobjects_under_window": len(kiosk.findChildren(QObject)),
                "timers": len(kiosk.findChildren(QTimer)),
                "python_objects": len(gc.get_objects()),
            }
        if progress and (i + 1) % 1000 == 0:
            progress(i + 1)
    elapsed = time.perf_counter() - start
    warm, end = samples["warm"], samples["end"]
    result = {
        "sessions": sessions,
        "warmup_sessions": warmup,
        "sessions_built": kiosk.sessions_built,
        "seconds": round(elapsed, 1),
        "ms_per_session": round(1000 * elapsed / sessions, 2),
        "warm": warm,
        "end": end,
        "rss_growth_pct": round(100 * (end["rss_kib"] - warm["rss_kib"]) / warm["rss_kib"], 2),
        "widget_leak": end["widgets"] - warm["widgets"],
        "timer_leak": end["timers"] - warm["timers"],
        "qobject_leak": end["qobjects_under_window"] - warm["qobjects_under_window"],
        "python": sys.version.split()[0],
        "pid": os.getpid(),
    }
    kiosk.shutdown()
    kiosk._allow_close = True
    kiosk.close()
    kiosk.deleteLater()
    _settle()
    db.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    gc.unfreeze()
    del app
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="kiosk soak: simulated citizen sessions with idle resets")
    p.add_argument("--sessions", type=int, default=10_000)
    p.add_argument("--warmup", type=int, default=1_000)
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = run_soak(args.sessions, args.warmup,
                      progress=lambda n: print(f"{n} sessions", file=sys.stderr, flush=True))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
