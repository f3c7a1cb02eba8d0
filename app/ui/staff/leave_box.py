"""Asked when the clerk closes the staff window with a citizen still at it: finish, park or hand back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class LeaveWindowBox(QMessageBox):
    chosen = Signal(object)  # "finish" | "park" | "hand_back"

    def __init__(self, display_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("关闭窗口"))
        self.setText(self.tr("%1 还在本窗口。关闭前请选择如何处理这个号：").replace("%1", display_number))
        self.choices: dict[str, QPushButton] = {}
        for key, label, role in (
            ("finish", self.tr("办结"), QMessageBox.ButtonRole.AcceptRole),
            ("park", self.tr("暂挂"), QMessageBox.ButtonRole.AcceptRole),
            ("hand_back", self.tr("交回排队（排在最前）"), QMessageBox.ButtonRole.AcceptRole),
        ):
            self.choices[key] = self.addButton(label, role)
        self.cancel = self.addButton(self.tr("取消，不关闭"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        for key, b in self.choices.items():
            if b is button:
                self.chosen.emit(key)
