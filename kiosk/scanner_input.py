"""Wire ScannerBurstDetector to Qt: hold printable keys briefly, emit ``scanned`` for bursts.

Held keys that turn out to be typing are re-sent to the focused widget in order, so a person typing
on a keyboard (demo, maintenance) sees no difference beyond a ~60 ms delay.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.scanner import ENTER, Hold, Release, Scanned, ScannerBurstDetector

_TYPING_MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerInput(QObject):
    scanned = Signal(str)

    def __init__(self, detector: ScannerBurstDetector | None = None,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.detector = detector or ScannerBurstDetector()
        self.clock = clock
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(self.detector.max_gap_s * 1000) + 15)
        self._timer.timeout.connect(self.flush_expired)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key in _ENTER_KEYS:
            ch = ENTER
        else:
            text = event.text()
            if len(text) != 1 or not text.isprintable() or event.modifiers() & _TYPING_MODS:
                self._release_all()  # Backspace, arrows, shortcuts: deliver held keys first, then this
                return False
            ch = text
        handled = False
        for decision in self.detector.feed(ch, self.clock()):
            if isinstance(decision, Scanned):
                self.scanned.emit(decision.code)
                handled = True
            elif isinstance(decision, Release):
                self._replay(decision.keys)
                handled = True  # the current key (if Enter) was part of the replay
            elif isinstance(decision, Hold):
                handled = True
                self._timer.start()
        return handled

    def flush_expired(self) -> None:
        release = self.detector.expire(self.clock())
        if release is not None:
            self._replay(release.keys)
        elif self.detector.holding:
            self._timer.start()

    def _release_all(self) -> None:
        if self.detector.holding:
            self._timer.stop()
            release = self.detector.expire(float("inf"))
            if release is not None:
                self._replay(release.keys)

    def _replay(self, keys: str) -> None:
        target = QApplication.focusWidget()
        if target is None or not keys:
            return
        self._replaying = True
        try:
            for ch in keys:
                if ch == ENTER:
                    k, text = Qt.Key.Key_Return, "\r"
                else:
                    k, text = Qt.Key.Key_unknown, ch
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(target, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier, text))
        finally:
            self._replaying = False

    def reset(self) -> None:
        """Drop held keys (session wipe: they may be part of someone's ID number)."""
        self._timer.stop()
        self.detector.reset()
