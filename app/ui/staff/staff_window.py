"""The clerk's window: the current ticket, every queue action on a button and a function key, the line."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

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

from app import settings
from app.devices.escpos_ticket import ticket_escpos_bytes
from app.devices.slip_from_ticket import slip_for
from app.domain.ticket_rules import status_zh
from app.services.board import QueueBoard
from app.services.queue import QueueService
from app.services.views import StaffView, TicketView, WaitingRow, WindowView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.i18n import current_language
from app.ui.printing.paper import slip_printer_for
from app.ui.printing.ticket_render import render_ticket_pdf
from app.ui.runner import ServiceRunner
from app.ui.staff.current_ticket import CurrentTicketPanel
from app.ui.staff.leave_box import LeaveWindowBox
from app.ui.staff.transfer_dialog import TransferChoice, TransferDialog
from app.ui.staff.waiting_model import WaitingModel

if TYPE_CHECKING:
    from app.ui.staff.help_call import HelpCall
    from app.ui.staff.my_follow_ups import MyFollowUps

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
        heartbeat_ms: int = 30_000,
        on_cases: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_intake, self.on_cases = on_intake, on_cases
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
        self.heartbeat = QTimer(self)  # tells the display and the supervisor this window is attended
        self.heartbeat.setInterval(heartbeat_ms)
        self.heartbeat.timeout.connect(self.beat)
        self.heartbeat.start()
        self._closing = False
        self.help_call: HelpCall | None = None  # installed by the launcher (app.ui.launch) once alarms are wired
        self.my_follow_ups: MyFollowUps | None = None  # likewise: the follow-ups assigned to this clerk
        self._transfer_dialog: TransferDialog | None = None
        self._resume_menu: QMenu | None = None
        self.runner.submit(
            lambda: self.queue.open_window(window_number, staff),
            lambda _r: self.refresh(),
            self._error,
        )

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("header")
        self.current = CurrentTicketPanel()
        self.key_actions: dict[str, QAction] = {}  # not `actions`: that would shadow QWidget.actions()
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("call_next", self.tr("叫下一位"), "F1", self.call_next),
            ("recall", self.tr("重呼"), "F2", self._window_key("recall")),
            ("start", self.tr("开始办理"), "F3", self._window_key("start")),
            ("finish", self.tr("办结"), "F4", self._window_key("finish")),
            ("skip", self.tr("过号"), "F5", self._window_key("skip")),
            ("park", self.tr("暂挂"), "F6", self._window_key("park")),
            ("transfer", self.tr("转移"), "F7", self.transfer),
            ("resume", self.tr("恢复暂挂"), "F8", self.resume_parked),
            ("pause", self.tr("暂停窗口"), "F9", self.toggle_pause),
            ("undo", self.tr("撤销上一步"), "Ctrl+Z", self.undo),
            ("intake", self.tr("受理办件"), "F10", self.start_intake),
            ("cases", self.tr("本窗口办件 (草稿/容缺/出件)"), "F11", self.show_cases),
            ("reprint", self.tr("重打号票"), "Ctrl+P", self.reprint),
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
            self.key_actions[key], self.buttons[key] = action, button
            if key == "intake":  # intake: the rest of the row
                grid.addWidget(button, 3, 1, 1, 2)
            elif key == "cases":
                grid.addWidget(button, 4, 0, 1, 2)
            elif key == "reprint":
                grid.addWidget(button, 4, 2)
            else:
                grid.addWidget(button, i // 3, i % 3)
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
        self.voice_note = QLabel(self.tr("叫号屏无语音播报，请提醒群众留意屏幕"))
        self.voice_note.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.voice_note.hide()
        self.statusBar().addPermanentWidget(self.voice_note)
        from app.sync.status import sync_view
        from app.ui.widgets.sync_indicator import SyncIndicator

        db = self.queue.db
        self.sync_note = SyncIndicator(self.runner, lambda: sync_view(db), parent=self)
        self.statusBar().addPermanentWidget(self.sync_note)

    # ---- actions (slots only gather ids and call services) -----------------------------------------------

    def _window_key(self, method: str) -> Callable[[], None]:
        """A key of the clerk's own window: the service checks that this clerk may press it."""
        return lambda: self._do(lambda: getattr(self.queue, method)(self.window_number, actor=self.staff))

    def call_next(self) -> None:
        self._do(
            lambda: self.queue.call_next(self.window_number, actor=self.staff), empty_message=self.tr("暂无等待的号")
        )

    def transfer(self) -> None:
        if self._view is None or self._view.current is None:
            self.statusBar().showMessage(self.tr("本窗口当前没有号"), 5000)
            return

        def ask(data: tuple[list[Any], list[tuple[int, str]]]) -> None:
            dialog = TransferDialog(data[0], data[1], self.window_number, self)
            self._transfer_dialog = dialog
            dialog.accepted.connect(
                lambda: self._transfer_to(dialog.choice())
            )
            dialog.open()

        self.runner.submit(lambda: (self.queue.list_categories(), self.board.window_numbers()), ask, self._error)

    def _transfer_to(self, choice: TransferChoice) -> None:
        self._do(
            lambda: self.queue.transfer(
                self.window_number,
                actor=self.staff,
                to_prefix=choice.to_prefix,
                to_window=choice.to_window,
                to_front=choice.to_front,
            )
        )

    def resume_parked(self) -> None:
        parked = self._view.parked if self._view else ()
        if not parked:
            self.statusBar().showMessage(self.tr("没有暂挂的号"), 5000)
            return
        menu = QMenu(self)
        for t in parked:
            menu.addAction(t.display_number, partial(self._resume, t.id))
        self._resume_menu = menu
        menu.popup(self.buttons["resume"].mapToGlobal(self.buttons["resume"].rect().bottomLeft()))

    def _resume(self, ticket_id: str) -> None:
        self._do(lambda: self.queue.resume(self.window_number, ticket_id, actor=self.staff))

    def start_intake(self) -> None:
        """Open unified intake (一窗受理) for the citizen at this window: service starts now."""
        if self._view is None or self._view.current is None or self.on_intake is None:
            self.statusBar().showMessage(self.tr("本窗口当前没有号"), 5000)
            return
        on_intake = self.on_intake

        def opened(ticket: TicketView) -> None:
            self.refresh()
            on_intake(ticket)

        self.runner.submit(lambda: self.queue.begin_service(self.window_number, actor=self.staff), opened, self._error)

    def show_cases(self) -> None:
        """Unfinished intakes, materials owed under 容缺, results to hand out (出件)."""
        if self.on_cases is not None:
            self.on_cases()

    def reprint(self) -> None:
        """A citizen lost the slip: print the selected waiting ticket (or the one at the window) again."""
        rows = self.table.selectionModel().selectedRows()
        current = self._view.current if self._view is not None else None
        ref = self.model.row_at(rows[0].row()).ticket_id if rows else (current.id if current else None)
        if ref is None:
            self.statusBar().showMessage(self.tr("请在等待列表中选择要重打的号"), 8000)
            return
        self.runner.submit(lambda: self.queue.ticket_status(ref), self._reprint, self._error)

    def _reprint(self, ticket: TicketView | None) -> None:
        if ticket is None:
            return
        slip = slip_for(ticket)
        folder = settings.paths().data_dir / "prints"
        folder.mkdir(parents=True, exist_ok=True)
        pdf = render_ticket_pdf(slip, folder / f"ticket-{ticket.service_day}-{ticket.display_number}.pdf")
        self.last_reprint = pdf
        write = slip_printer_for(self.window_number)
        if write is None:
            text = self.tr("未配置号票打印机（printers.json 中的 slip-window-%1）：已保存 PDF %2")
            self.statusBar().showMessage(text.replace("%1", str(self.window_number)).replace("%2", str(pdf)), 15000)
            return
        try:
            write(ticket_escpos_bytes(slip))
        except OSError as exc:
            text = self.tr("打印失败（%1）：已保存 PDF %2").replace("%1", str(exc) or type(exc).__name__)
            self.statusBar().showMessage(text.replace("%2", str(pdf)), 15000)
            return
        self.statusBar().showMessage(self.tr("已重打号票 %1").replace("%1", ticket.display_number), 8000)

    def undo(self) -> None:
        def done(t: TicketView) -> None:
            status = QCoreApplication.translate("TicketStatus", status_zh(t.status))
            self.statusBar().showMessage(
                self.tr("已撤销: %1 现为%2").replace("%1", t.display_number).replace("%2", status), 8000
            )
            self.refresh()

        self.runner.submit(lambda: self.queue.undo_last(self.window_number, actor=self.staff), done, self._error)

    def beat(self) -> None:
        self.runner.submit(lambda: self.queue.heartbeat(self.window_number), None, lambda _e: None)

    def toggle_pause(self) -> None:
        if self._view is not None and self._view.status == "paused":
            self._do(lambda: self.queue.resume_window(self.window_number, actor=self.staff))
        else:
            self._do(lambda: self.queue.pause_window(self.window_number, "临时离开", actor=self.staff))

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
        # Window names are Chinese in the data (no name_en): English shows "Window N" instead.
        name = (
            self.tr("%1 号窗口").replace("%1", str(view.number)) if current_language().startswith("en") else view.name
        )
        self.header.setText(f"{name} · {who} · {state_label}: {status} · {served_label}: " + " ".join(view.categories))
        self.current.show_ticket(view.current)
        self.voice_note.setVisible(view.display_speech is False)
        self.model.show(rows, view.hall_timezone)
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
        """Closing with a citizen at the window asks what happens to the ticket; the window then closes."""
        current = self._view.current if self._view is not None else None
        if not self._closing and current is not None:
            event.ignore()
            self.close_box = LeaveWindowBox(current.display_number, self)
            self.close_box.chosen.connect(self._leave)
            self.close_box.open()
            return
        if not self._closing:  # nobody at the window: close it in the hall and go
            self._closing = True
            self.runner.submit(
                lambda: self.queue.leave_window(self.window_number, actor=self.staff), None, lambda _e: None
            )
        self.poll.stop()
        self.heartbeat.stop()
        super().closeEvent(event)

    def _leave(self, choice: str) -> None:
        def closed(_r: object) -> None:
            self._closing = True
            self.close()

        number, actor = self.window_number, self.staff  # handing the ticket back is a transfer: the clerk acts
        self.runner.submit(lambda: self.queue.leave_window(number, choice, actor=actor), closed, self._error)
