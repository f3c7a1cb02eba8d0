"""The help-call key at the staff window (ZMS's emergency button) and the way to the supervisor's console.

Installed on a StaffWindow from outside (launch), so the window itself stays about the queue: F12 calls the
supervisor to this window; a red line in the status bar shows every window that is waiting for help until
a supervisor answers; Ctrl+M opens the supervisor's console when the signed-in staff member is a supervisor
(AlarmService and the console's services check the role again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from app.services.alarms import AlarmService, AlarmView
from app.services.views import StaffView
from app.ui.app_setup import show_error
from app.ui.runner import ServiceRunner


class HelpCall(QObject):
    def __init__(
        self,
        window: QMainWindow,
        window_number: int,
        alarms: AlarmService,
        staff: StaffView | None,
        runner: ServiceRunner,
        *,
        on_console: Callable[[], None] | None = None,
        poll_ms: int = 2000,
    ) -> None:
        super().__init__(window)
        self.window, self.number, self.alarms, self.staff, self.runner = window, window_number, alarms, staff, runner
        self.label = QLabel()
        self.label.setStyleSheet("color:white;background:#dc2626;font-weight:bold;padding:2px 8px")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.action = QAction(self.tr("呼叫大厅管理"), window)
        self.action.setShortcut(QKeySequence("F12"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.call)
        window.addAction(self.action)
        if on_console is not None:
            console = QAction(self.tr("大厅管理台"), window)
            console.setShortcut(QKeySequence("Ctrl+M"))
            console.triggered.connect(on_console)
            window.addAction(console)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def call(self) -> None:
        number, actor = self.number, self.staff

        def done(_a: Any) -> None:
            self.window.statusBar().showMessage(self.tr("已呼叫大厅管理，请稍候"), 5000)
            self.refresh()

        alarms = self.alarms
        self.runner.submit(lambda: alarms.help_call(number, actor=actor), done, lambda e: show_error(self.window, e))

    def refresh(self) -> None:
        self.runner.submit(self.alarms.help_calls, self._show, lambda _e: None)

    def _show(self, calls: list[AlarmView]) -> None:
        windows = [a.subject.removeprefix("window:") for a in calls]
        self.label.setText(self.tr("求助中：%1 号窗口").replace("%1", "、".join(windows)))
        self.label.setVisible(bool(windows))
