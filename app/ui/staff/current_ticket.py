"""The big panel showing the ticket at this window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.domain.ticket_rules import status_zh
from app.services.views import TicketView
from app.ui.i18n import QT_TRANSLATE_NOOP, pick

_PRIORITY_ZH = {
    "appointment": QT_TRANSLATE_NOOP("Priority", "预约"),
    "elderly": QT_TRANSLATE_NOOP("Priority", "长者优先"),
    "disability": QT_TRANSLATE_NOOP("Priority", "残障优先"),
    "green_channel": QT_TRANSLATE_NOOP("Priority", "绿色通道"),
}
# Listed so lupdate extracts them; the domain returns these Chinese names.
_STATUS = [
    QT_TRANSLATE_NOOP("TicketStatus", "等待中"),
    QT_TRANSLATE_NOOP("TicketStatus", "已叫号"),
    QT_TRANSLATE_NOOP("TicketStatus", "办理中"),
    QT_TRANSLATE_NOOP("TicketStatus", "暂挂"),
    QT_TRANSLATE_NOOP("TicketStatus", "已完成"),
    QT_TRANSLATE_NOOP("TicketStatus", "已过号"),
    QT_TRANSLATE_NOOP("TicketStatus", "已取消"),
]


class CurrentTicketPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentTicket")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self.tr("当前号"))
        self.caption.setObjectName("caption")
        self.number = QLabel("—")
        self.number.setObjectName("bigNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(self.tr("按 F1 叫下一位"))
        self.detail.setObjectName("ticketDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.detail)

    def show_ticket(self, t: TicketView | None) -> None:
        if t is None:
            self.number.setText("—")
            self.detail.setText(self.tr("没有正在办理的号，按 F1 叫下一位"))
            return
        self.number.setText(t.display_number)
        parts = [
            pick(t.category_name_zh, t.category_name_en),
            QCoreApplication.translate("TicketStatus", status_zh(t.status)),
        ]
        if t.priority in _PRIORITY_ZH:
            parts.append(QCoreApplication.translate("Priority", _PRIORITY_ZH[t.priority]))
        if t.recall_count:
            parts.append(self.tr("已重呼 %n 次", "", t.recall_count))
        if t.matters:
            parts.append(self.tr("事项: ") + "、".join(t.matters))
        self.detail.setText(" · ".join(parts))
