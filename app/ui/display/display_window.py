"""The calling display (叫号屏): current calls per window, recent calls, waiting per category, a notice.

New calls are announced through the Announcer queue (voice when an engine exists, chime and the
visual highlight otherwise); announcements never overwrite each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from app.services.board import QueueBoard
from app.services.views import CallRecord, DisplaySnapshot
from app.ui.change_watch import ChangeWatcher
from app.ui.display.marquee import Marquee
from app.ui.i18n import pick
from app.ui.runner import ServiceRunner
from app.ui.voice import Announcer

STYLE_TEMPLATE = """
QWidget#display {{ background: #0b1f3a; }}
QLabel {{ color: #f8fafc; }}
#title {{ font-size: {f40}px; font-weight: bold; }}
#clock {{ font-size: {f32}px; }}
#sectionTitle {{ font-size: {f30}px; color: #fde68a; font-weight: bold; }}
#callNumber {{ font-size: {f84}px; font-weight: bold; color: #fbbf24; }}
#callWindow {{ font-size: {f56}px; font-weight: bold; }}
#callRow {{ background: #13315c; border-radius: 12px; }}
#callRow[flash="true"] {{ background: #b45309; }}
#recent {{ font-size: {f30}px; }}
#unattended {{ font-size: {f30}px; color: #fca5a5; }}
#voiceOff {{ font-size: {f26}px; color: #0b1f3a; background: #fca5a5; border-radius: 6px; padding: 2px 10px; }}
#categoryTile {{ background: #13315c; border-radius: 10px; }}
#categoryName {{ font-size: {f26}px; }}
#categoryCount {{ font-size: {f34}px; font-weight: bold; color: #86efac; }}
Marquee {{ font-size: {f30}px; color: #f8fafc; background: #102a4c; }}
"""
DESIGN_SIZE = (1920, 1080)  # font sizes above are for a full-HD screen; other sizes scale them


def scaled_style(width: int, height: int) -> str:
    """The stylesheet for a display of this size (TVs in halls are often 1366x768 or 4K)."""
    scale = max(0.4, min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1]))
    sizes = {f"f{n}": max(10, round(int(n) * scale)) for n in re.findall(r"\{f(\d+)\}", STYLE_TEMPLATE)}
    return STYLE_TEMPLATE.format(**sizes)


MAX_CALL_ROWS = 6


class DisplayWindow(QWidget):
    def __init__(
        self,
        board: QueueBoard,
        runner: ServiceRunner,
        announcer: Announcer | None = None,
        *,
        tz: str,  # the hall's: the display's clock
        poll_ms: int = 1000,
        now: Callable[[], datetime] | None = None,
        report_speech: Callable[[bool], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.board, self.runner, self.announcer = board, runner, announcer
        self._tz = ZoneInfo(tz)
        self._now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self._reported: bool | None = None
        self._report_speech = report_speech
        self._announced: set[str] | None = None  # event ids already announced; None until the first load
        self.watcher = ChangeWatcher(runner, board.change_counter)
        self.setWindowTitle(self.tr("一窗通 · 叫号屏"))
        self._style_for: tuple[int, int] | None = None
        self._apply_scale(*DESIGN_SIZE)
        self._build()
        if announcer is not None:
            announcer.visual_call.connect(self._flash)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self.refresh_if_changed)
        self.poll.start()
        # Calls expire and windows go unattended with time alone: look again now and then without a change.
        self.expiry = QTimer(self)
        self.expiry.setInterval(30_000)
        self.expiry.timeout.connect(self.refresh)
        self.expiry.start()
        self.refresh_if_changed()
        self._show_voice()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("title")
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        self.voice_off = QLabel(self.tr("无语音播报"))
        self.voice_off.setObjectName("voiceOff")
        self.voice_off.setToolTip(
            self.tr("本机没有可用的普通话语音：叫号只显示和提示音。运行 onewindow doctor 查看如何安装")
        )
        self.voice_off.hide()
        header.addWidget(self.voice_off)
        header.addWidget(self.clock)
        calls_title = QLabel(self.tr("正在呼叫"))
        calls_title.setObjectName("sectionTitle")
        self.call_grid = QGridLayout()
        self.call_grid.setSpacing(16)
        self.call_rows: list[tuple[QFrame, QLabel, QLabel]] = []
        for i in range(MAX_CALL_ROWS):
            row = QFrame()
            row.setObjectName("callRow")
            number, window = QLabel(), QLabel()
            number.setObjectName("callNumber")
            window.setObjectName("callWindow")
            layout = QHBoxLayout(row)
            layout.addWidget(number, 1)
            layout.addWidget(window, 1)
            self.call_grid.addWidget(row, i // 2, i % 2)
            self.call_rows.append((row, number, window))
        recent_title = QLabel(self.tr("最近叫号"))
        recent_title.setObjectName("sectionTitle")
        self.recent = QLabel()
        self.recent.setObjectName("recent")
        self.recent.setAlignment(Qt.AlignmentFlag.AlignTop)
        left = QVBoxLayout()
        left.addWidget(calls_title)
        left.addLayout(self.call_grid)
        self.unattended = QLabel()
        self.unattended.setObjectName("unattended")
        self.unattended.hide()
        left.addWidget(self.unattended)
        left.addStretch(1)  # calls stay at the top, whether one window calls or six
        right = QVBoxLayout()
        right.addWidget(recent_title)
        right.addWidget(self.recent, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 1)
        waiting_title = QLabel(self.tr("各类业务等待人数"))
        waiting_title.setObjectName("sectionTitle")
        self.categories = QHBoxLayout()
        self.marquee = Marquee()
        root = QVBoxLayout(self)
        # The fonts follow the window size (resizeEvent), so the layout must not pin a minimum size.
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.addLayout(header)
        root.addLayout(body, 1)
        root.addWidget(waiting_title)
        root.addLayout(self.categories)
        root.addWidget(self.marquee)
        self.resize(1920, 1080)

    def refresh_if_changed(self) -> None:
        self.clock.setText(self._now().astimezone(self._tz).strftime("%Y-%m-%d %H:%M"))
        self.watcher.poll(lambda: self.runner.submit(self.board.display_snapshot, self.show_snapshot, lambda _e: None))

    def refresh(self) -> None:
        self.runner.submit(self.board.display_snapshot, self.show_snapshot, lambda _e: None)

    def show_snapshot(self, snap: DisplaySnapshot) -> None:
        self.title.setText(snap.hall_name)
        self.marquee.set_text(snap.notice)
        for i, (row, number, window) in enumerate(self.call_rows):
            if i < len(snap.current_calls):
                c = snap.current_calls[i]
                number.setText(c.display_number)
                window.setText(self.tr("请到 %1 号窗口").replace("%1", str(c.window_number)))
                row.show()
            else:
                number.setText("")
                window.setText("")
                row.hide()
        self.unattended.setText(
            "  ".join(self.tr("%1 号窗口 暂无人值守").replace("%1", str(n)) for n in snap.unattended_windows)
        )
        self.unattended.setVisible(bool(snap.unattended_windows))
        self.recent.setText(
            "\n".join(
                self.tr("%1 → %2 号窗口").replace("%1", c.display_number).replace("%2", str(c.window_number))
                for c in snap.recent_calls
            )
        )
        self._show_categories(snap)
        self._announce_new(snap.recent_calls)
        self._show_voice()

    @property
    def speech_available(self) -> bool:
        a = self.announcer
        return a is not None and a.has_speech and not a.speech_muted

    def _show_voice(self) -> None:
        """A small indicator when calls are not spoken; told once per change to the staff windows."""
        speaking = self.speech_available
        self.voice_off.setVisible(not speaking)
        if self._report_speech is not None and speaking != self._reported:
            self._reported = speaking
            report = self._report_speech
            self.runner.submit(lambda: report(speaking), None, lambda _e: None)

    def _show_categories(self, snap: DisplaySnapshot) -> None:
        while self.categories.count():
            item = self.categories.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        for c in snap.categories:
            tile = QFrame()
            tile.setObjectName("categoryTile")
            name = QLabel(f"{c.prefix} {pick(c.name_zh, c.name_en)}")
            name.setObjectName("categoryName")
            count = QLabel(self.tr("%n 人", "", c.waiting))
            count.setObjectName("categoryCount")
            layout = QVBoxLayout(tile)
            layout.addWidget(name, 0, Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(count, 0, Qt.AlignmentFlag.AlignCenter)
            self.categories.addWidget(tile)

    def _announce_new(self, calls: tuple[CallRecord, ...]) -> None:
        if self._announced is None:
            self._announced = {c.event_id for c in calls}  # do not re-announce history after a restart
            return
        for c in reversed(calls):  # oldest first
            if c.event_id not in self._announced:
                self._announced.add(c.event_id)
                if self.announcer is not None:
                    self.announcer.announce(c.display_number, c.window_number)
        if len(self._announced) > 1000:
            self._announced = {c.event_id for c in calls}

    def _flash(self, display_number: str, window_number: int) -> None:
        for row, number, _window in self.call_rows:
            flash = number.text() == display_number
            row.setProperty("flash", "true" if flash else "false")
            row.style().unpolish(row)
            row.style().polish(row)
        QTimer.singleShot(4000, self._unflash)

    def _unflash(self) -> None:
        for row, _n, _w in self.call_rows:
            row.setProperty("flash", "false")
            row.style().unpolish(row)
            row.style().polish(row)

    def _apply_scale(self, width: int, height: int) -> None:
        old = self._style_for
        if old is not None and abs(old[0] - width) < 40 and abs(old[1] - height) < 40:
            return  # restyling repolishes every widget: only when the size really changed
        self._style_for = (width, height)
        self.setStyleSheet(scaled_style(width, height))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        self._apply_scale(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self.poll.stop()
        self.expiry.stop()
        super().closeEvent(event)
