"""The clerk's window: the current ticket, every queue action on a button and a function key, the line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ticket_rules import status_zh
from app.services.board import QueueBoard
from app.services.queue import QueueService
from app.services.views import StaffView, TicketView, WaitingRow, WindowView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.runner import ServiceRunner
from app.ui.staff.current_ticket import CurrentTicketPanel
from app.ui.staff.transfer_dialog import TransferDialog
from app.ui.staff.waiting_model import WaitingModel

STYLE = """
#currentTicket { background: #f0f6ff; border: 2px solid #1d4ed8; border-radius: 10px; }
#bigNumber { font-size: 72px; font-weight: bold; color: #1d4ed8; }
QPushButton { font-size: 16px; min-height: 44px; padding: 4px 10px; }
QPushButton#primary { background: #1d4ed8; color: white; font-weight: bold; }
QPushButton#intake { background: #047857; color: white; font-weight: bold; }
QPushButton:disabled { color: #888; }
#header { font-size: 18px; font-weight: bold; }
#counts { font-size: 17px; }
#ticketDetail { font-size: 22px; }
#caption { font-size: 18px; color: #1e3a8a; }
#waitingLabel { font-size: 17px; font-weight: bold; }
QTableView { font-size: 15px; }
"""


class StaffWindow(QMainWindow):
    def __init__(
        self,
        queue: QueueService,
        board: QueueBoard,
        window_number: int,
        staff: StaffView | None,
        runner: ServiceRunner,
        poll_ms: int = 1000,
        on_intake: Callable[[TicketView], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_intake = on_intake
        self.queue, self.board, self.runner = queue, board, runner
        self.window_number, self.staff = window_number, staff
        self.watcher = ChangeWatcher(runner, board.change_counter)
        self._view: WindowView | None = None
        self._busy = False
        self.setWindowTitle(self.tr("一窗通 · %1 号窗口").replace("%1", str(window_number)))
        self.setStyleSheet(STYLE)
        self._build()
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self.refresh_if_changed)
        self.poll.start()
        self.runner.submit(
            lambda: self.queue.open_window(window_number, staff.id if staff else None),
            lambda _r: self.refresh(),
            self._error,
        )

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("header")
        self.current = CurrentTicketPanel()
        self.actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("call_next", self.tr("叫下一位"), "F1", self.call_next),
            ("recall", self.tr("重呼"), "F2", lambda: self._do(lambda: self.queue.recall(self.window_number))),
            ("start", self.tr("开始办理"), "F3", lambda: self._do(lambda: self.queue.start(self.window_number))),
            ("finish", self.tr("办结"), "F4", lambda: self._do(lambda: self.queue.finish(self.window_number))),
            ("skip", self.tr("过号"), "F5", lambda: self._do(lambda: self.queue.skip(self.window_number))),
            ("park", self.tr("暂挂"), "F6", lambda: self._do(lambda: self.queue.park(self.window_number))),
            ("transfer", self.tr("转移"), "F7", self.transfer),
            ("resume", self.tr("恢复暂挂"), "F8", self.resume_parked),
            ("pause", self.tr("暂停窗口"), "F9", self.toggle_pause),
            ("intake", self.tr("受理办件"), "F10", self.start_intake),
        ]
        for i, (key, label, shortcut, slot) in enumerate(specs):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QPushButton(f"{label}  [{shortcut}]")
            button.setObjectName("primary" if key == "call_next" else key)
            button.clicked.connect(action.trigger)
            self.actions[key], self.buttons[key] = action, button
            grid.addWidget(button, i // 3, i % 3, 1, 3 if key == "intake" else 1)  # intake: a full row
        left = QVBoxLayout()
        left.addWidget(self.current, 1)
        left.addLayout(grid)
        self.model = WaitingModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingLabel")
        right = QVBoxLayout()
        right.addWidget(self.waiting_label)
        right.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        root = QVBoxLayout()
        root.addWidget(self.header)
        root.addLayout(body, 1)
        root.addWidget(self.counts)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self.resize(1200, 720)

    # ---- actions (slots only gather ids and call services) -----------------------------------------------

    def call_next(self) -> None:
        staff_id = self.staff.id if self.staff else None
        self._do(lambda: self.queue.call_next(self.window_number, staff_id), empty_message=self.tr("暂无等待的号"))

    def transfer(self) -> None:
        if self._view is None or self._view.current is None:
            self.statusBar().showMessage(self.tr("本窗口当前没有号"), 5000)
            return

        def ask(data: tuple[list[Any], list[tuple[int, str]]]) -> None:
            dialog = TransferDialog(data[0], data[1], self.window_number, self)
            self._transfer_dialog = dialog
            dialog.accepted.connect(
                lambda: self._do(lambda: self.queue.transfer(self.window_number, actor=self.staff, **dialog.choice()))
            )
            dialog.open()

        self.runner.submit(lambda: (self.queue.list_categories(), self.board.window_numbers()), ask, self._error)

    def resume_parked(self) -> None:
        parked = self._view.parked if self._view else ()
        if not parked:
            self.statusBar().showMessage(self.tr("没有暂挂的号"), 5000)
            return
        menu = QMenu(self)
        for t in parked:
            menu.addAction(
                t.display_number, lambda tid=t.id: self._do(lambda: self.queue.resume(self.window_number, tid))
            )
        self._resume_menu = menu
        menu.popup(self.buttons["resume"].mapToGlobal(self.buttons["resume"].rect().bottomLeft()))

    def start_intake(self) -> None:
        """Open unified intake (一窗受理) for the citizen at this window."""
        if self._view is None or self._view.current is None or self.on_intake is None:
            self.statusBar().showMessage(self.tr("本窗口当前没有号"), 5000)
            return
        self.on_intake(self._view.current)

    def toggle_pause(self) -> None:
        if self._view is not None and self._view.status == "paused":
            self._do(lambda: self.queue.resume_window(self.window_number))
        else:
            self._do(lambda: self.queue.pause_window(self.window_number, "临时离开"))

    def _do(self, fn: Callable[[], Any], empty_message: str | None = None) -> None:
        if self._busy:
            return  # a second press while the first is on its way does nothing
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            if isinstance(result, TicketView):
                status = QCoreApplication.translate("TicketStatus", status_zh(result.status))
                self.statusBar().showMessage(f"{result.display_number}: {status}", 5000)
            elif result is None and empty_message:
                self.statusBar().showMessage(empty_message, 5000)
            self.refresh()

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            self._error(exc)
            self.refresh()

        self.runner.submit(fn, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def _error(self, exc: Exception) -> None:
        show_error(self, exc)

    # ---- refresh -----------------------------------------------------------------------------------------

    def refresh_if_changed(self) -> None:
        self.watcher.poll(self.refresh)

    def refresh(self) -> None:
        n = self.window_number
        self.runner.submit(lambda: (self.board.window_view(n), self.board.waiting_list(n)), self._show, self._error)

    def _show(self, data: tuple[WindowView, list[WaitingRow]]) -> None:
        view, rows = data
        self._view = view
        status = {"open": self.tr("开放"), "paused": self.tr("暂停"), "closed": self.tr("关闭")}.get(view.status, "")
        who = view.staff_name or (self.staff.name if self.staff else "")
        state_label, served_label = self.tr("状态"), self.tr("服务类别")
        self.header.setText(
            f"{view.name} · {who} · {state_label}: {status} · {served_label}: " + " ".join(view.categories)
        )
        self.current.show_ticket(view.current)
        self.model.set_rows(rows)
        self.waiting_label.setText(self.tr("本窗口可叫的等待号: %n 个", "", view.waiting_for_me))
        c = view.counts
        avg = "—" if c.avg_service_minutes is None else f"{c.avg_service_minutes}"
        parked = "、".join(t.display_number for t in view.parked) or "—"
        self.counts.setText(
            self.tr("今日: 叫号 %1 · 办结 %2 · 过号 %3 · 转出 %4 · 平均办理(分钟) %5 · 暂挂: %6")
            .replace("%1", str(c.called))
            .replace("%2", str(c.finished))
            .replace("%3", str(c.no_show))
            .replace("%4", str(c.transferred))
            .replace("%5", avg)
            .replace("%6", parked)
        )
        self.buttons["pause"].setText(
            (self.tr("恢复窗口") if view.status == "paused" else self.tr("暂停窗口")) + "  [F9]"
        )

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        self.poll.stop()
        super().closeEvent(event)
