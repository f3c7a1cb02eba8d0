"""The clerk's own bad-rating follow-ups (我的差评回访): the ones a supervisor assigned to them, with the two
steps they record themselves, 回访 (what the citizen said, how satisfied now) and 整改 (what changed).

Installed on a StaffWindow from outside (launch), like the help key: Ctrl+Shift+H opens it. The service
(app.services.follow_ups) decides who may record what: the assignee or a supervisor, nobody else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from app.services.follow_ups import FollowUpService
from app.services.views import StaffView
from app.ui.app_setup import show_error
from app.ui.runner import ServiceRunner
from app.ui.supervisor.models import FollowUpModel
from app.ui.supervisor.panels import NotePanel, satisfaction_box


class MyFollowUpsDialog(QDialog):
    def __init__(
        self, follow_ups: FollowUpService, staff: StaffView, runner: ServiceRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.follow_ups, self.staff, self.runner = follow_ups, staff, runner
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self.setWindowTitle(self.tr("我的差评回访"))
        self.rows = FollowUpModel(self)
        self.panel = NotePanel(self.rows, self.submit, text_columns=(2,))
        fu, actor = follow_ups, staff
        self.satisfaction = satisfaction_box()
        label = QLabel(self.tr("回访满意度(&S)："))
        label.setBuddy(self.satisfaction)
        self.panel.buttons.addWidget(label)
        self.panel.buttons.addWidget(self.satisfaction)
        self.callback_button = self.panel.add_action(
            self.tr("回访"), self.tr("回访结果："), ["已电话回访，市民接受说明"],
            lambda f, note: fu.callback(f.id, note, int(self.satisfaction.currentData()), actor=actor),
        )  # fmt: skip
        self.rectify_button = self.panel.add_action(
            self.tr("整改"), self.tr("整改了什么："), ["已改进服务，按规范办理"],
            lambda f, note: fu.rectify(f.id, note, actor=actor),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("指派给您的差评：请回访市民并记录结果；办结由大厅管理确认。")))
        layout.addWidget(self.panel, 1)
        self.resize(900, 420)
        self.refresh()

    def submit(self, call: Callable[[], Any]) -> None:
        self.runner.submit(call, lambda _r: self.refresh(), self.error_handler)

    def refresh(self) -> None:
        fu, actor = self.follow_ups, self.staff
        self.runner.submit(lambda: fu.mine(actor=actor), self.rows.set_rows, self.error_handler)


class MyFollowUps(QObject):
    """The key on the staff window that opens the dialog (one dialog, raised again when open)."""

    def __init__(
        self, window: QMainWindow, follow_ups: FollowUpService, staff: StaffView | None, runner: ServiceRunner
    ) -> None:
        super().__init__(window)
        self.window, self.follow_ups, self.staff, self.runner = window, follow_ups, staff, runner
        self.dialog: MyFollowUpsDialog | None = None
        self.action = QAction(self.tr("我的差评回访"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)

    def open(self) -> None:
        if self.staff is None:
            return  # nobody signed in: nobody's follow-ups
        if self.dialog is None:
            self.dialog = MyFollowUpsDialog(self.follow_ups, self.staff, self.runner, self.window)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
