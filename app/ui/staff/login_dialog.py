"""The one login dialog: login name, PIN, and (for a clerk) the window this PC serves. Every role that signs
in (window, supervisor console, back office) uses it with its own title."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.domain.errors import UserError
from app.ui.runner import ServiceRunner


class LoginDialog(QDialog):
    def __init__(
        self,
        runner: ServiceRunner,
        login: Callable[[str, str], Any],  # a StaffView, or the central server's Reviewer
        windows: list[tuple[int, str]],
        default_window: int = 1,
        parent: QWidget | None = None,
        *,
        title: str | None = None,  # already translated; default: the window login
    ) -> None:
        super().__init__(parent)
        self.runner, self._login = runner, login
        self.staff: Any = None
        self.setWindowTitle(title or self.tr("一窗通 · 窗口登录"))
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("工号"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("密码"))
        self.window_box = QComboBox()  # not `window`: that would shadow QWidget.window()
        for number, name in windows:
            self.window_box.addItem(name, number)
        index = self.window_box.findData(default_window)
        self.window_box.setCurrentIndex(max(index, 0))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b91c1c")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("工号"), self.user)
        form.addRow(self.tr("密码"), self.pin)
        if windows:  # the central back office has no windows: only login and PIN
            form.addRow(self.tr("窗口"), self.window_box)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setStyleSheet("QWidget { font-size: 16px; } QLineEdit, QComboBox { min-height: 36px; }")

    @property
    def window_number(self) -> int:
        return int(self.window_box.currentData() or 0)

    def try_login(self) -> None:
        user, pin = self.user.text().strip(), self.pin.text()
        self.buttons.setEnabled(False)

        def done(staff: Any) -> None:
            self.staff = staff
            self.pin.clear()  # do not keep the secret in the widget
            self.accept()

        def failed(exc: Exception) -> None:
            self.buttons.setEnabled(True)
            self.pin.clear()
            self.message.setText(exc.bilingual() if isinstance(exc, UserError) else self.tr("登录失败"))

        self.runner.submit(lambda: self._login(user, pin), done, failed)
