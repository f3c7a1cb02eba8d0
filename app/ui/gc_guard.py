"""Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is a service worker (app.ui.runner) and the garbage holds a Qt wrapper (a closed dialog caught in a lambda
cycle), the QObject is destroyed off the GUI thread and the process crashes. So once a GUI application exists,
automatic collection is off for the process and the GUI thread collects instead, with Python's own thresholds,
from a timer (a short command that only renders a PDF offscreen exits before it matters).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_INTERVAL_MS = 500


_FULL_EVERY_S = 30.0  # CPython also spaces full collections out (until the long-lived heap grew by a quarter)
_last_full = [0.0]


def collect_if_due() -> int:
    """What the automatic collector would do now, done here (call it on the GUI thread): young objects often, the
    oldest generation when its count passes the threshold and not more than every 30 s (a full collection of a
    big heap is a visible pause). Returns the objects found unreachable."""
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= threshold0:
        return 0
    generation = 1 if count1 > threshold1 else 0
    if count2 > threshold2 and time.monotonic() - _last_full[0] >= _FULL_EVERY_S:
        generation, _last_full[0] = 2, time.monotonic()
    return gc.collect(generation)


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()
        gc.disable()  # for the rest of the process: workers still run while the windows shut down


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Install once per application (again is harmless)."""
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
