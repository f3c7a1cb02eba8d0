"""Take-ticket screen for the demo and staffed halls: touch a category, get a ticket with a QR code.

(The locked-down 24-hour kiosk is kiosk/; this is the plain screen a guide desk or demo uses.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from app.devices.slip_from_ticket import slip_for
from app.services.queue import QueueService
from app.services.views import CategoryView, TicketView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.i18n import pick
from app.ui.printing.ticket_render import render_ticket_image, render_ticket_pdf
from app.ui.runner import ServiceRunner
from app.ui.wait_text import wait_text

STYLE = """
QWidget#takeTicket { background: #f8fafc; }
#title { font-size: 34px; font-weight: bold; color: #0f172a; }
QPushButton#category {
    font-size: 24px; min-height: 96px; max-height: 220px;
    background: #1d4ed8; color: white; border-radius: 14px;
}
QPushButton#category:pressed { background: #1e40af; }
QPushButton#back { font-size: 24px; min-height: 70px; }
#result { font-size: 26px; color: #0f172a; }
"""


class TakeTicketWindow(QWidget):
    def __init__(
        self,
        queue: QueueService,
        runner: ServiceRunner,
        print_dir: Path,
        reset_ms: int = 15000,
        change_counter: Callable[[], int] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("takeTicket")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.queue, self.runner, self.print_dir = queue, runner, print_dir
        self.last_ticket: TicketView | None = None
        self.last_pdf: Path | None = None
        self.setWindowTitle(self.tr("一窗通 · 取号"))
        self.setStyleSheet(STYLE)
        self.stack = QStackedWidget()
        self.home = QWidget()
        self.title = QLabel(self.tr("请选择要办理的业务"))
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        home_layout = QVBoxLayout(self.home)
        home_layout.addWidget(self.title, 0)
        home_layout.addLayout(self.grid, 1)
        self.grid.setSpacing(18)
        self.result = QWidget()
        self.ticket_image = QLabel()
        self.ticket_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_text = QLabel()
        self.result_text.setObjectName("result")
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_text.setWordWrap(True)
        back = QPushButton(self.tr("完成，返回首页"))
        back.setObjectName("back")
        back.clicked.connect(self.show_home)
        result_layout = QVBoxLayout(self.result)
        result_layout.addWidget(self.result_text)
        result_layout.addWidget(self.ticket_image, 1)
        result_layout.addWidget(back)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.result)
        QVBoxLayout(self).addWidget(self.stack)
        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(reset_ms)
        self.reset_timer.timeout.connect(self.show_home)
        self.buttons: dict[str, QPushButton] = {}
        self.resize(900, 1000)
        self.load_categories()
        # Keep the waiting counts on the home screen current while nobody touches it.
        self.watcher = ChangeWatcher(runner, change_counter) if change_counter else None
        self.poll = QTimer(self)
        self.poll.setInterval(2000)
        self.poll.timeout.connect(self._poll)
        self.poll.start()

    def _poll(self) -> None:
        if self.watcher is not None and self.stack.currentWidget() is self.home:
            self.watcher.poll(self.load_categories)

    def load_categories(self) -> None:
        self.runner.submit(self.queue.list_categories, self._show_categories, lambda e: show_error(self, e))

    def _show_categories(self, categories: list[CategoryView]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        for i, c in enumerate(categories):
            wait = wait_text(c.estimated_wait_minutes, c.open_windows, short=True)
            waiting = self.tr("等待 %1 人").replace("%1", str(c.waiting))
            button = QPushButton(f"{pick(c.name_zh, c.name_en)}\n{waiting}\n{wait}")
            button.setObjectName("category")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, p=c.prefix: self.take(p))
            columns = 3 if self.width() > self.height() * 1.6 else 2  # a very wide screen: three across
            self.grid.addWidget(button, i // columns, i % columns)
            self.buttons[c.prefix] = button

    def take(self, prefix: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)  # one touch, one ticket
        self.runner.submit(lambda: self.queue.issue_ticket(prefix, source="kiosk"), self._issued, self._failed)

    def _failed(self, exc: Exception) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        show_error(self, exc)

    def _issued(self, ticket: TicketView) -> None:
        self.last_ticket = ticket
        slip = slip_for(ticket)
        image = render_ticket_image(slip)
        self.ticket_image.setPixmap(
            QPixmap.fromImage(image).scaledToHeight(
                min(image.height(), 640), Qt.TransformationMode.SmoothTransformation
            )
        )
        self.print_dir.mkdir(parents=True, exist_ok=True)
        self.last_pdf = render_ticket_pdf(slip, self.print_dir / f"{ticket.service_day}-{ticket.display_number}.pdf")
        self.result_text.setText(
            self.tr("您的号码 %1，前面还有 %2 人。%3")
            .replace("%1", ticket.display_number)
            .replace("%2", str(ticket.people_ahead))
            .replace("%3", wait_text(ticket.estimated_wait_minutes))
        )
        self.stack.setCurrentWidget(self.result)
        self.reset_timer.start()

    def show_home(self) -> None:
        self.reset_timer.stop()
        self.stack.setCurrentWidget(self.home)
        self.load_categories()
