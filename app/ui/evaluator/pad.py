"""The window rating pad (评价器): the small screen facing the citizen at each window.

While a ticket is served it shows the clerk's name and a photo placeholder; when the clerk finishes the
ticket, or accepts or hands out a case with no ticket in service, it asks for a rating in the five 好差评
levels, the reasons when the level is bad, and records "not rated" after a time-out. One rating per service:
a ticket's rating covers the cases served on it (app.services.rating_links), and the rating service refuses a
second. Large touch targets: the kiosk's sizes, in normal and elderly (长辈版) mode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.ratings import REASONS, RatingLevel
from app.services.board import QueueBoard
from app.services.rating_pad import PadService, RatingPadService
from app.services.ratings import RatingService
from app.services.views import WindowView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.i18n import pick
from app.ui.runner import ServiceRunner
from kiosk.theme import theme_for

# The words of the scale and of the reasons live with the scale (app.domain.ratings), as on the kiosk;
# the pad only adds a colour per level.
LEVEL_COLOURS: dict[RatingLevel, str] = {
    RatingLevel.VERY_SATISFIED: "#166534",
    RatingLevel.SATISFIED: "#15803d",
    RatingLevel.BASICALLY_SATISFIED: "#a16207",
    RatingLevel.DISSATISFIED: "#c2410c",
    RatingLevel.VERY_DISSATISFIED: "#b91c1c",
}


class RatingPad(QWidget):
    def __init__(
        self,
        board: QueueBoard,
        ratings: RatingService,
        pad: RatingPadService,
        runner: ServiceRunner,
        window_number: int,
        *,
        elderly: bool = False,
        timeout_s: int = 30,
        poll_ms: int = 1000,
    ) -> None:
        super().__init__()
        self.board, self.ratings, self.pad, self.runner = board, ratings, pad, runner
        self.window_number, self.theme = window_number, theme_for(elderly)
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self.asking: PadService | None = None  # the service being rated
        self.last_asked: str | None = None  # its target id: asked once, whatever the citizen does
        self.level: int | None = None
        self.chosen: set[str] = set()
        self.setWindowTitle(self.tr("服务评价 · %1 号窗口").replace("%1", str(window_number)))
        t = self.theme
        self.setStyleSheet(
            f"QWidget {{ background:{t.bg}; color:{t.text}; font-size:{t.body_pt}pt; }}"
            f"QPushButton {{ min-height:{t.tile_px}px; min-width:{t.target_px}px; font-size:{t.button_pt}pt;"
            f" border-radius:12px; color:white; font-weight:bold; }}"
            f"QPushButton#reason {{ background:{t.surface}; color:{t.text}; border:2px solid {t.border};"
            f" min-height:{t.target_px}px; }}"
            f"QPushButton#reason:checked {{ background:{t.primary}; color:{t.on_primary}; }}"
            f"QPushButton#level {{ min-height:{t.target_px}px; }}"
            f"QPushButton#submit {{ background:{t.primary}; min-height:{t.target_px}px; }}"
            f"#title {{ font-size:{t.title_pt}pt; font-weight:bold; }}"
            f"#photo {{ background:#cbd5e1; border-radius:60px; min-width:120px; max-width:120px;"
            f" min-height:120px; max-height:120px; font-size:{t.title_pt}pt; }}"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self._idle_page())
        self.stack.addWidget(self._levels_page())
        self.stack.addWidget(self._reasons_page())
        self.stack.addWidget(self._thanks_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.timeout = QTimer(self)
        self.timeout.setSingleShot(True)
        self.timeout.setInterval(int(timeout_s * 1000 * self.theme.idle_factor))
        self.timeout.timeout.connect(self.timed_out)
        self.back_to_idle = QTimer(self)
        self.back_to_idle.setSingleShot(True)
        self.back_to_idle.setInterval(4000)
        self.back_to_idle.timeout.connect(lambda: self.stack.setCurrentIndex(0))
        self.watcher = ChangeWatcher(runner, board.change_counter)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(lambda: self.watcher.poll(self.refresh))
        self.poll.start()
        self.refresh()

    # ---- pages -----------------------------------------------------------------------------------------

    def _idle_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.photo = QLabel()
        self.photo.setObjectName("photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clerk = QLabel()
        self.clerk.setObjectName("title")
        self.now_serving = QLabel()
        for w in (self.photo, self.clerk, self.now_serving):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _levels_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.question = QLabel()
        self.question.setObjectName("title")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.covers = QLabel()  # the cases a ticket's rating covers: body size, so the question never gets squeezed
        self.covers.setWordWrap(True)
        self.covers.hide()
        layout.addWidget(self.covers)
        self.level_buttons: dict[int, QPushButton] = {}
        for level, colour in LEVEL_COLOURS.items():
            button = QPushButton(pick(level.name_zh, level.name_en))
            button.setStyleSheet(f"background:{colour}")
            # Level buttons share what the question leaves (at least a touch target each), rather than pushing
            # a long question (a receipt number, the elderly font) off the top of the pad.
            button.setObjectName("level")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, lv=level: self.choose(lv))
            layout.addWidget(button)
            self.level_buttons[level] = button
        return page

    def _reasons_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("请选择不满意的原因（可多选）"))
        title.setObjectName("title")
        layout.addWidget(title)
        grid = QGridLayout()
        self.reason_buttons: dict[str, QPushButton] = {}
        for i, (key, (zh, en)) in enumerate(REASONS.items()):
            button = QPushButton(pick(zh, en))
            button.setObjectName("reason")
            button.setCheckable(True)
            button.toggled.connect(lambda on, k=key: self._toggle(k, on))
            grid.addWidget(button, i // 2, i % 2)
            self.reason_buttons[key] = button
        layout.addLayout(grid)
        self.submit_button = QPushButton(self.tr("提交评价"))
        self.submit_button.setObjectName("submit")
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(lambda: self.submit())
        layout.addWidget(self.submit_button)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.thanks = QLabel()
        self.thanks.setObjectName("title")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.thanks)
        return page

    # ---- watching the window ---------------------------------------------------------------------------

    def refresh(self) -> None:
        n = self.window_number
        self.runner.submit(lambda: self.board.window_view(n), self._show, self.error_handler)

    def _show(self, view: WindowView) -> None:
        name = view.staff_name or ""
        self.clerk.setText(name or self.tr("欢迎"))
        self.photo.setText(name[:1])
        current = view.current
        self.now_serving.setText(
            self.tr("正在为 %1 号办理").replace("%1", current.display_number) if current is not None else ""
        )
        if self.asking is None:
            pad, n = self.pad, self.window_number
            self.runner.submit(lambda: pad.to_rate(n), self._ask, self.error_handler)

    def _ask(self, service: PadService | None) -> None:
        if service is None or self.asking is not None or service.target_id == self.last_asked:
            return
        self.asking, self.last_asked, self.level, self.chosen = service, service.target_id, None, set()
        for b in self.reason_buttons.values():
            b.setChecked(False)
        covers = ""
        if service.kind == "case":
            text = self.tr("请对本次服务（办件 %1）进行评价").replace("%1", service.reference)
        else:
            text = self.tr("请对本次服务（%1 号）进行评价").replace("%1", service.reference)
            if service.receipts:  # the cases served on this ticket are rated with it: say so
                covers = self.tr("含办件 %1").replace("%1", "、".join(service.receipts))
        self.question.setText(text)
        self.covers.setText(covers)
        self.covers.setVisible(bool(covers))
        self.stack.setCurrentIndex(1)
        self.timeout.start()

    # ---- rating ----------------------------------------------------------------------------------------

    def choose(self, level: int) -> None:
        self.level = level
        self.timeout.start()  # more time for the reasons
        if RatingLevel(level).is_bad:
            self.stack.setCurrentIndex(2)
        else:
            self.submit()

    def _toggle(self, key: str, on: bool) -> None:
        (self.chosen.add if on else self.chosen.discard)(key)
        self.submit_button.setEnabled(bool(self.chosen))

    def submit(self) -> None:
        if self.asking is None or self.level is None:
            return
        service, level, reasons = self.asking, self.level, sorted(self.chosen)
        self.timeout.stop()
        ratings = self.ratings
        self.runner.submit(
            lambda: ratings.submit(service.kind, service.target_id, level, reasons, channel="window_pad"),
            lambda _r: self._thank(self.tr("感谢您的评价！")),
            self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        # a known refusal in the pad's language (its message carries both); anything else, the pad's own line
        if isinstance(exc, UserError):
            self._thank(pick(exc.message_zh, exc.message_en))
        else:
            self._thank(self.tr("评价未能提交"))

    def timed_out(self) -> None:
        if self.asking is None:
            return
        service, n, pad = self.asking, self.window_number, self.pad
        self.runner.submit(
            lambda: pad.not_rated(service.target_id, n, service.kind), lambda _r: self._thank(""), self.error_handler
        )

    def _thank(self, text: str) -> None:
        self.asking, self.level = None, None
        self.thanks.setText(text)
        self.stack.setCurrentIndex(3 if text else 0)
        if text:
            self.back_to_idle.start()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        self.poll.stop()
        super().closeEvent(event)
