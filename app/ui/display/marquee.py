"""A scrolling notice line for the calling display."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class Marquee(QWidget):
    def __init__(self, text: str = "", step_px: int = 2, interval_ms: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text, self._x, self._step = text, 20, step_px
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.setMinimumHeight(48)

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text, self._x = text, 20
            self.update()

    def text(self) -> str:
        return self._text

    def _tick(self) -> None:
        # Starts readable at the left, scrolls left, and re-enters from the right edge.
        self._x -= self._step
        if self._x < -self.fontMetrics().horizontalAdvance(self._text):
            self._x = self.width()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self._x,
            0,
            self.fontMetrics().horizontalAdvance(self._text) + 10,
            self.height(),
            0x0080 | 0x0001,
            self._text,
        )  # AlignVCenter | AlignLeft
        painter.end()
