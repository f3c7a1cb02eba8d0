"""The waiting line as a Qt item model over service rows (never a hand-filled table widget)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.calendar import DEFAULT_TZ
from app.services.views import WaitingRow
from app.ui.i18n import QT_TRANSLATE_NOOP, pick
from app.ui.widgets.rows_model import RowsModel

_PRIORITY = {
    "normal": "",
    "appointment": QT_TRANSLATE_NOOP("WaitingModel", "预约"),
    "elderly": QT_TRANSLATE_NOOP("WaitingModel", "长者"),
    "disability": QT_TRANSLATE_NOOP("WaitingModel", "残障"),
    "green_channel": QT_TRANSLATE_NOOP("WaitingModel", "绿色通道"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WaitingModel", text)


class WaitingModel(RowsModel):
    HEADER_CONTEXT = "WaitingModel"

    COLUMNS = (
        QT_TRANSLATE_NOOP("WaitingModel", "号码"),
        QT_TRANSLATE_NOOP("WaitingModel", "类别"),
        QT_TRANSLATE_NOOP("WaitingModel", "优先"),
        QT_TRANSLATE_NOOP("WaitingModel", "取号时间"),
        QT_TRANSLATE_NOOP("WaitingModel", "已等(分)"),
    )

    def __init__(self, now: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WaitingRow] = []
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = ZoneInfo(DEFAULT_TZ)  # replaced by the hall's own with the first rows (show)

    def show(self, rows: list[WaitingRow], hall_timezone: str) -> None:
        """`rows`, their times on the hall's clock."""
        self._tz = ZoneInfo(hall_timezone)
        self.set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.display_number + (f" →{r.target_window_number}" if r.target_window_number else "")
            if col == 1:
                return pick(r.category_name_zh, r.category_name_en)
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
