"""Small dialogs of the intake window: a reason, the 容缺 deadline, document and page previews.

They only collect input; the window passes what they return to a service.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """Ask for a written reason (an override of a warning, a refusal), with common reasons to pick."""

    def __init__(self, title: str, prompt: str, presets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.presets = QComboBox()
        self.presets.addItem(self.tr("（选择常用理由，或直接填写）"))
        self.presets.addItems(presets)
        self.presets.currentIndexChanged.connect(self._pick)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("至少 4 个字，会记录在办件中"))
        self.text.setFixedHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.prompt, self.presets, self.text, buttons):
            layout.addWidget(w)

    def _pick(self, index: int) -> None:
        if index > 0:
            self.text.setPlainText(self.presets.currentText())

    def reason(self) -> str:
        return self.text.toPlainText().strip()


class DeficiencyDialog(QDialog):
    """容缺受理: shows what will be owed and asks for the deadline (default from the hall's rule)."""

    def __init__(self, owed: list[str], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("容缺受理"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("以下材料允许容缺，受理后由申请人在期限内补交：") + "\n· " + "\n· ".join(owed))
        intro.setWordWrap(True)
        self.use_default = QCheckBox(self.tr("使用默认补交期限（本中心规定的工作日数）"))
        self.use_default.setChecked(True)
        self.deadline = QDateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
        self.deadline.setEnabled(False)
        self.use_default.toggled.connect(lambda on: self.deadline.setEnabled(not on))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("容缺受理"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.use_default, self.deadline, buttons):
            layout.addWidget(w)

    def chosen_deadline(self) -> date | None:
        if self.use_default.isChecked():
            return None
        d = self.deadline.date()
        return date(d.year(), d.month(), d.day())


class ImagePreview(QDialog):
    """A rendered document or page, scrollable, with optional extra buttons below."""

    def __init__(
        self,
        title: str,
        image: QImage,
        parent: QWidget | None = None,
        max_width: int = 820,
        max_height: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > max_width:
            pixmap = pixmap.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
        if max_height is not None and pixmap.height() > max_height:  # a slip is seen whole, not scrolled
            pixmap = pixmap.scaledToHeight(max_height, Qt.TransformationMode.SmoothTransformation)
        label = QLabel()
        label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox()
        self.close_button = QPushButton(self.tr("关闭"))
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.resize(min(pixmap.width() + 60, max_width + 60), min(pixmap.height() + 90, 820))

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button
