"""Qt item models for the back office: the case list (overdue highlighted) and one case's history."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.services.intake_views import CaseEventView, CaseRow
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.intake.labels import CASE_STATUS, CTX, tr_label
from app.ui.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
OVERDUE_BG = QColor("#fee2e2")
DUE_SOON_BG = QColor("#fef9c3")

EVENT_KIND = {
    "started": QT_TRANSLATE_NOOP("IntakeLabels", "开始受理"),
    "applicant_set": QT_TRANSLATE_NOOP("IntakeLabels", "登记申请人"),
    "matters_changed": QT_TRANSLATE_NOOP("IntakeLabels", "更改事项"),
    "file_attached": QT_TRANSLATE_NOOP("IntakeLabels", "添加材料文件"),
    "file_removed": QT_TRANSLATE_NOOP("IntakeLabels", "移除材料文件"),
    "file_restored": QT_TRANSLATE_NOOP("IntakeLabels", "恢复材料文件"),
    "disposition": QT_TRANSLATE_NOOP("IntakeLabels", "材料免交/承诺/不适用"),
    "finding_overridden": QT_TRANSLATE_NOOP("IntakeLabels", "放行检查结果"),
    "notice_issued": QT_TRANSLATE_NOOP("IntakeLabels", "出具一次性告知书"),
    "intake_ended": QT_TRANSLATE_NOOP("IntakeLabels", "告知后结束受理"),
    "accept": QT_TRANSLATE_NOOP("IntakeLabels", "受理"),
    "accept_with_deficiency": QT_TRANSLATE_NOOP("IntakeLabels", "容缺受理"),
    "refuse": QT_TRANSLATE_NOOP("IntakeLabels", "不予受理"),
    "status": QT_TRANSLATE_NOOP("IntakeLabels", "状态变更"),
    "owed_supplied": QT_TRANSLATE_NOOP("IntakeLabels", "补交容缺材料"),
    "delivered": QT_TRANSLATE_NOOP("IntakeLabels", "出件"),
}


ROLE = {
    "clerk": QT_TRANSLATE_NOOP("IntakeLabels", "窗口"),
    "reviewer": QT_TRANSLATE_NOOP("IntakeLabels", "审批人员"),
    "supervisor": QT_TRANSLATE_NOOP("IntakeLabels", "值班主任"),
}


class CaseTableModel(RowsModel):
    HEADER_CONTEXT = CTX

    COLUMNS = (
        QT_TRANSLATE_NOOP("IntakeLabels", "受理编号"),
        QT_TRANSLATE_NOOP("IntakeLabels", "事项"),
        QT_TRANSLATE_NOOP("IntakeLabels", "申请人"),
        QT_TRANSLATE_NOOP("IntakeLabels", "状态"),
        QT_TRANSLATE_NOOP("IntakeLabels", "承诺办结"),
        QT_TRANSLATE_NOOP("IntakeLabels", "剩余工作日"),
        QT_TRANSLATE_NOOP("IntakeLabels", "容缺"),
    )

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.overdue:
                return OVERDUE_BG
            if r.workdays_left is not None and r.workdays_left <= 1:
                return DUE_SOON_BG
        if role == Qt.ItemDataRole.FontRole and r.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue and col in (4, 5):
            return QColor("#b91c1c")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5, 6):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(r: CaseRow, col: int) -> str:
        if col == 0:
            return r.receipt_number or "—"
        if col == 1:
            return r.title_zh
        if col == 2:
            return r.applicant_masked
        if col == 3:
            text = tr_label(CASE_STATUS.get(r.status, r.status))
            return text + (" · " + tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "超期")) if r.overdue else "")
        if col == 4:
            return _day(r.promised_date)
        if col == 5:
            if r.workdays_left is None:
                return ""
            if r.workdays_left < 0:
                return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "已超 %1")).replace("%1", str(-r.workdays_left))
            return str(r.workdays_left)
        if col == 6:
            if not r.deficiency_open:
                return ""
            return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "待补（%1 前）")).replace(
                "%1", _day(r.deficiency_deadline)
            )
        return ""


def _day(d: date | None) -> str:
    return d.isoformat() if d else "—"


class HistoryModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("IntakeLabels", "时间"),
        QT_TRANSLATE_NOOP("IntakeLabels", "经过"),
        QT_TRANSLATE_NOOP("IntakeLabels", "经办"),
    )

    def __init__(self, tz: str = "Asia/Shanghai", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseEventView] = []
        self._tz = ZoneInfo(tz)

    def set_rows(self, rows: list[CaseEventView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr_label(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return e.at.astimezone(self._tz).strftime("%m-%d %H:%M")
        if col == 1:
            text = tr_label(EVENT_KIND.get(e.kind, e.kind))
            if e.to_status and e.kind in ("status", "delivered", "intake_ended"):
                text += " → " + tr_label(CASE_STATUS.get(e.to_status, e.to_status))
            note = e.detail.get("note") or e.detail.get("reason")
            return text + (f"：{note}" if note else "")
        return e.staff_name or tr_label(ROLE.get(e.role, e.role))
