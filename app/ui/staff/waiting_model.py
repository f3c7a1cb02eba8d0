"""The waiting line as a Qt item model over service rows (never a hand-filled table widget)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.views import WaitingRow

_PRIORITY = {
    "normal": "",
    "appointment": QT_TRANSLATE_NOOP("WaitingModel", "预约"),
    "elderly": QT_TRANSLATE_NOOP("WaitingModel", "长者"),
    "disability": QT_TRANSLATE_NOOP("WaitingModel", "残障"),
    "green_channel": QT_TRANSLATE_NOOP("WaitingModel", "绿色通道"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WaitingModel", text)


class WaitingModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("WaitingModel", "号码"),
        QT_TRANSLATE_NOOP("WaitingModel", "类别"),
        QT_TRANSLATE_NOOP("WaitingModel", "优先"),
        QT_TRANSLATE_NOOP("WaitingModel", "取号时间"),
        QT_TRANSLATE_NOOP("WaitingModel", "已等(分)"),
    )

    def __init__(self, now: Any = None, tz: str = "Asia/Shanghai", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WaitingRow] = []
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = ZoneInfo(tz)

    def set_rows(self, rows: list[WaitingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> WaitingRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.display_number + (f" →{r.target_window_number}" if r.target_window_number else "")
            if col == 1:
                return r.category_name_zh
            if col == 2:
                return _tr(_PRIORITY.get(r.priority, r.priority)) if r.priority != "normal" else ""
            if col == 3:
                return r.issued_at.astimezone(self._tz).strftime("%H:%M")
            if col == 4:
                return max(0, int((self._now() - r.issued_at).total_seconds() // 60))
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and r.priority != "normal":
            return QColor("#b45309")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
