"""Overlays drawn inside the kiosk window (never separate dialogs a window manager could show or close)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout, QWidget

from kiosk.widgets import Keypad, button, label


class Overlay(QWidget):
    """Dims the window and shows a centred panel. Covers the whole parent; resized by the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QFrame()
        self.panel.setObjectName("OverlayPanel")
        self.panel.setMinimumWidth(560)
        self.panel_layout = QVBoxLayout(self.panel)
        self.panel_layout.setContentsMargins(40, 32, 40, 32)
        self.panel_layout.setSpacing(20)
        outer.addWidget(self.panel)
        self.hide()

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class StillThereOverlay(Overlay):
    """还在吗? — counts down before the session is wiped; any touch keeps the session."""

    keep = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = label("", role="title", align=Qt.AlignmentFlag.AlignHCenter)
        self.countdown = label("", role="subtitle", align=Qt.AlignmentFlag.AlignHCenter)
        self.countdown.setObjectName("countdown")
        self.keep_button = button("", role="primary", on_click=self.keep.emit)
        self.keep_button.setObjectName("keep")
        for w in (self.question, self.countdown, self.keep_button):
            self.panel_layout.addWidget(w)
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(QCoreApplication.translate("KioskOverlay", "还在吗?"))
        self.keep_button.setText(QCoreApplication.translate("KioskOverlay", "我还在,继续办理"))

    def set_remaining(self, seconds: float) -> None:
        self.countdown.setText(
            QCoreApplication.translate("KioskOverlay", "{s} 秒后将返回首页并清除您输入的信息").format(
                s=int(seconds + 0.999)
            )
        )


class PinPadOverlay(Overlay):
    """Administrator PIN entry, opened by the hidden corner gesture."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = label(
            QCoreApplication.translate("KioskOverlay", "管理员退出"), role="title", align=Qt.AlignmentFlag.AlignHCenter
        )
        self.field = QLineEdit()
        self.field.setObjectName("admin_pin")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(12)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.message = label("", role="hint", align=Qt.AlignmentFlag.AlignHCenter)
        self.message.setObjectName("admin_message")
        self.panel_layout.addWidget(self.title)
        self.panel_layout.addWidget(self.field)
        self.panel_layout.addWidget(self.message)
        self.panel_layout.addWidget(Keypad(self.field, "1234567890", max_length=12))
        ok = button(QCoreApplication.translate("KioskOverlay", "确定"), role="primary", on_click=self._submit)
        ok.setObjectName("admin_ok")
        cancel = button(QCoreApplication.translate("KioskOverlay", "取消"), on_click=self.cancel)
        cancel.setObjectName("admin_cancel")
        self.panel_layout.addWidget(ok)
        self.panel_layout.addWidget(cancel)

    def open(self) -> None:
        self.field.clear()
        self.message.setText(QCoreApplication.translate("KioskOverlay", "请输入管理员密码"))
        super().open()

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()  # the PIN lives only until it is checked
        self.submitted.emit(pin)

    def cancel(self) -> None:
        self.field.clear()
        self.hide()
        self.cancelled.emit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
