"""Small touch widgets shared by the kiosk screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

CHECK_MARK = "✓ "  # selection is shown by a mark and wording, never by colour alone


def button(
    text: str, role: str | None = None, on_click: Callable[[], None] | None = None, checkable: bool = False
) -> QPushButton:
    b = QPushButton(text)
    if role:
        b.setProperty("role", role)
    b.setCheckable(checkable)
    # Touch buttons never take keyboard focus: the focused line edit keeps receiving keypad input.
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if on_click is not None:
        b.clicked.connect(lambda _checked=False: on_click())
    return b


def mark_checked(b: QAbstractButton, text: str) -> None:
    """Keep a checkable button's text in step with its state (the non-colour cue)."""
    b.setText(CHECK_MARK + text if b.isChecked() else text)


def label(
    text: str, role: str | None = None, wrap: bool = True, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
) -> QLabel:
    lbl = QLabel(text)
    if role:
        lbl.setProperty("role", role)
    lbl.setWordWrap(wrap)
    lbl.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    lbl.setTextFormat(Qt.TextFormat.PlainText)  # no rich text: no links that could open a browser
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lbl


def line_edit(placeholder: str, sensitive: bool = False) -> QLineEdit:
    e = QLineEdit()
    e.setPlaceholderText(placeholder)
    e.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    e.setDragEnabled(False)
    e.setAcceptDrops(False)
    e.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if sensitive:
        # No IME, no prediction, nothing remembered by the platform input method.
        e.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        e.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
    return e


class ScrollContent(QWidget):
    """Content of a touch scroll area: never squeezed below its natural size (it scrolls instead)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self.sizeHint().height())


class DragScroll(QObject):
    """Drag-to-scroll for touch screens, without QScroller.

    QScroller.grabGesture registers a new gesture type for every scroll area and PySide6 keeps a Python
    enum object for each one: a kiosk that builds screens all day would leak. This filter moves the
    scroll bar while a finger drags over the area or any widget in it; a drag longer than ``slop``
    pixels never ends as a click on the button it started on.
    """

    def __init__(self, area: QScrollArea, slop: int = 24) -> None:
        super().__init__(area)
        self.area = area
        self.slop = slop
        self._start_y: float | None = None
        self._start_value = 0
        self._dragging = False

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        t = event.type()
        if t not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            return False
        y = event.globalPosition().y()  # type: ignore[attr-defined]
        bar = self.area.verticalScrollBar()
        if t == QEvent.Type.MouseButtonPress:
            self._start_y, self._start_value, self._dragging = y, bar.value(), False
            return False
        if self._start_y is None:
            return False
        if t == QEvent.Type.MouseMove:
            if not self._dragging and abs(y - self._start_y) > self.slop:
                self._dragging = True
                if isinstance(watched, QAbstractButton):
                    watched.setDown(False)  # the press becomes a scroll, not a click
            if self._dragging:
                bar.setValue(int(self._start_value - (y - self._start_y)))
                return True
            return False
        dragged = self._dragging
        self._start_y, self._dragging = None, False
        return dragged  # swallow the release that ends a drag


def scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    dragger = DragScroll(area)
    dragger.watch(area.viewport())
    area.setProperty("role", "touch-scroll")
    return area


def watch_drags(area: QScrollArea, widget: QWidget) -> None:
    """Let a drag that starts on ``widget`` (e.g. a list button) scroll ``area``."""
    dragger = area.findChild(DragScroll)
    if dragger is not None:
        dragger.watch(widget)


class Keypad(QWidget):
    """On-screen keypad writing into a QLineEdit (the kiosk has no keyboard).

    With several ``targets`` it types into the one last touched or focused.
    """

    def __init__(
        self,
        targets: QLineEdit | Sequence[QLineEdit],
        keys: Sequence[str] = "123456789X0",
        columns: int = 3,
        max_length: int = 32,
        extras: Sequence[str] = ("DEL", "CLR"),
    ) -> None:
        super().__init__()
        self.targets = [targets] if isinstance(targets, QLineEdit) else list(targets)
        self.target = self.targets[0]
        self.max_length = max_length
        for t in self.targets:
            t.installEventFilter(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells = [*keys, *extras]
        for i, key in enumerate(cells):
            # A bare "-" is a few pixels wide on a key: show a long dash, type a hyphen.
            text = {
                "DEL": QCoreApplication.translate("KioskWidgets", "删除"),
                "CLR": QCoreApplication.translate("KioskWidgets", "清空"),
                "-": "—",
            }.get(key, key)
            b = button(text, role="key", on_click=partial(self.press, key))
            b.setObjectName(f"key_{key}")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(b, i // columns, i % columns)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress) and watched in self.targets:
            self.target = watched
        return False

    def press(self, key: str) -> None:
        target = self.target
        text = target.text()
        if key == "DEL":
            target.setText(text[:-1])
        elif key == "CLR":
            target.clear()
        elif len(text) < min(self.max_length, target.maxLength()):
            target.setText(text + key)


class TileGrid(QWidget):
    """Buttons in as many columns as fit (2 in portrait, 3-4 in landscape)."""

    def __init__(self, tiles: Sequence[QWidget], min_tile_width: int = 300, max_columns: int = 4,
                 expected_width: int = 1000) -> None:
        super().__init__()
        self.tiles = list(tiles)
        self.min_tile_width = min_tile_width
        self.max_columns = max_columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        # Lay out for the expected width at once: too many rows at first can grow the window past the screen.
        self._relayout(self._columns_for(expected_width))

    def _tile_width(self) -> int:
        """The width every tile gets: enough for the longest text (English names are longer than Chinese ones)."""
        for tile in self.tiles:
            tile.ensurePolished()  # the style sheet's font decides the width its text needs
        widest = max((tile.sizeHint().width() for tile in self.tiles), default=0)
        return max(self.min_tile_width, widest + self._grid.horizontalSpacing())

    def _columns_for(self, width: int) -> int:
        return max(1, min(self.max_columns, width // self._tile_width()))

    def _relayout(self, columns: int) -> None:
        if columns == self._columns:
            return
        for column in range(max(columns, self._columns)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)  # columns of one width
        self._columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._relayout(self._columns_for(event.size().width()))
        super().resizeEvent(event)


class Screen(QWidget):
    """Base of every citizen screen: a title row with Back/Home, then the body layout."""

    go_home = Signal()
    go_back = Signal()

    def __init__(self, title: str, back: bool = True, home: bool = True) -> None:
        super().__init__()
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(20)
        top = QHBoxLayout()
        if back:
            b = button("← " + QCoreApplication.translate("KioskWidgets", "返回"), on_click=self.go_back.emit)
            b.setObjectName("back")
            b.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            top.addWidget(b)
        self.title_label = label(title, role="title")
        top.addWidget(self.title_label, 1)
        if home:
            h = button(QCoreApplication.translate("KioskWidgets", "首页"), on_click=self.go_home.emit)
            h.setObjectName("home")
            h.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            top.addWidget(h)
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer.addLayout(self.body, 1)

    def leave(self) -> None:
        """The screen is being left (before deletion): release devices it started."""

    def voice_text(self) -> str:
        """What elderly mode reads aloud when the screen opens."""
        return self.title_label.text()

    def handle_scan(self, code: str) -> bool:
        """A QR code arrived from the scanner; return True if this screen used it."""
        return False
