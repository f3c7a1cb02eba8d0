"""Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold is crossed. If
that is a service worker (app.ui.runner) and the garbage holds a Qt wrapper (a closed dialog caught in a lambda
cycle), the QObject is destroyed off the GUI thread and the process crashes. So while the GUI runs, automatic
collection is off and the GUI thread collects instead, with Python's own thresholds, from a timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_INTERVAL_MS = 500


def collect_if_due() -> int:
    """What the automatic collector would do now, done here (call it on the GUI thread): young objects often, the
    older generations only when their counts pass the thresholds. Returns the objects found unreachable."""
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= threshold0:
        return 0
    generation = 2 if count2 > threshold2 else 1 if count1 > threshold1 else 0
    return gc.collect(generation)


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()
        app.aboutToQuit.connect(gc.enable)  # after the event loop: collect as usual again
        gc.disable()


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Install once per application (again is harmless)."""
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
