"""A row in landscape, a column in portrait: the same screen works at 1920x1080 and 1080x1920."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget


def _direction(landscape: bool) -> QBoxLayout.Direction:
    return QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom


class Responsive(QWidget):
    def __init__(self, landscape: bool = False) -> None:
        super().__init__()
        # Start in the right direction: a wrong first layout can make a window grow past its screen.
        self._box = QBoxLayout(_direction(landscape), self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(24)
        self._content: QWidget | None = None

    def column(self, stretch: int = 1) -> QVBoxLayout:
        col = QVBoxLayout()
        col.setSpacing(16)
        self._box.addLayout(col, stretch)
        return col

    def set_content(self, widget: QWidget) -> None:
        if self._content is not None:
            self._box.removeWidget(self._content)
            self._content.hide()
            self._content.deleteLater()
        self._content = widget
        self._box.addWidget(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        top = self.window()
        wanted = _direction(top.width() > top.height())
        if self._box.direction() != wanted:
            self._box.setDirection(wanted)
        super().resizeEvent(event)
