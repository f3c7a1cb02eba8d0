"""Choose where a ticket goes: another category or a specific window, at the front or the back."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QWidget,
)

from app.services.views import CategoryView
from app.ui.i18n import pick


@dataclass(frozen=True)
class TransferChoice:
    """Where the clerk sends the ticket: exactly one of `to_prefix` (a category) or `to_window` is set."""

    to_prefix: str | None
    to_window: int | None
    to_front: bool


class TransferDialog(QDialog):
    def __init__(
        self, categories: list[CategoryView], windows: list[tuple[int, str]], own_window: int, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("转移当前号"))
        self.to_category = QRadioButton(self.tr("转到业务类别"))
        self.to_window = QRadioButton(self.tr("转到指定窗口"))
        self.to_category.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.to_category)
        group.addButton(self.to_window)
        self.category = QComboBox()
        for c in categories:
            self.category.addItem(f"{c.prefix}  {pick(c.name_zh, c.name_en)}", c.prefix)
        self.window_box = QComboBox()  # not `window`: that would shadow QWidget.window()
        for number, name in windows:
            if number != own_window:
                self.window_box.addItem(name, number)
        self.front = QCheckBox(self.tr("插到队首（优先办理）"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.to_category, self.category)
        form.addRow(self.to_window, self.window_box)
        form.addRow(self.front)
        form.addRow(buttons)

    def choice(self) -> TransferChoice:
        front = self.front.isChecked()
        if self.to_window.isChecked():
            number = self.window_box.currentData()
            return TransferChoice(None, int(number) if number is not None else None, front)
        prefix = self.category.currentData()
        return TransferChoice(str(prefix) if prefix is not None else None, None, front)
