"""Qt item models of the supervisor console, over the live-hall and follow-up views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.ratings import FOLLOW_UP_NAMES, FollowUpStatus, RatingLevel
from app.ui.i18n import QT_TRANSLATE_NOOP, pick
from app.ui.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
ALERT_BG = QColor("#fee2e2")


def _v(value: Any) -> str:
    return "—" if value is None else str(value)


def _translated(source: str) -> str:
    return QCoreApplication.translate("SupervisorModels", source)


class CategoryModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "类别"),
        QT_TRANSLATE_NOOP("SupervisorModels", "等候人数"),
        QT_TRANSLATE_NOOP("SupervisorModels", "最长等候(分)"),
        QT_TRANSLATE_NOOP("SupervisorModels", "目标(分)"),
        QT_TRANSLATE_NOOP("SupervisorModels", "按时叫号率%"),
        QT_TRANSLATE_NOOP("SupervisorModels", "办理中"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c, col = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = f"{c.prefix} {pick(c.name_zh, c.name_en)}"
            values = (name, c.waiting, c.longest_wait_min, c.target_wait_min, c.service_level, c.in_service)
            return _v(values[col])
        if role == Qt.ItemDataRole.BackgroundRole and (c.longest_wait_min or 0) > c.target_wait_min:
            return ALERT_BG
        return None


class WindowModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "窗口"),
        QT_TRANSLATE_NOOP("SupervisorModels", "状态"),
        QT_TRANSLATE_NOOP("SupervisorModels", "工作人员"),
        QT_TRANSLATE_NOOP("SupervisorModels", "当前号"),
        QT_TRANSLATE_NOOP("SupervisorModels", "已办理(分)"),
        QT_TRANSLATE_NOOP("SupervisorModels", "今日叫号"),
    )
    STATUS = {
        "open": QT_TRANSLATE_NOOP("SupervisorModels", "开放"),
        "paused": QT_TRANSLATE_NOOP("SupervisorModels", "暂停"),
        "closed": QT_TRANSLATE_NOOP("SupervisorModels", "关闭"),
    }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        w, col = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            status = _translated(self.STATUS.get(w.status, w.status))
            if w.status_minutes is not None and w.status != "open":
                status += f" {w.status_minutes}′"
            values = (w.number, status, w.clerk, w.current, w.served_for_min, w.calls_today)
            return _v(values[col])
        if role == Qt.ItemDataRole.BackgroundRole and w.status == "paused":
            return ALERT_BG
        return None


class FollowUpModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "号码/办件"),
        QT_TRANSLATE_NOOP("SupervisorModels", "评价"),
        QT_TRANSLATE_NOOP("SupervisorModels", "原因"),
        QT_TRANSLATE_NOOP("SupervisorModels", "状态"),
        QT_TRANSLATE_NOOP("SupervisorModels", "期限"),
        QT_TRANSLATE_NOOP("SupervisorModels", "负责人"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f, col = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            level = RatingLevel(f.level)
            status = pick(*FOLLOW_UP_NAMES[FollowUpStatus(f.status)])  # the scale's words: app.domain.ratings
            reasons = pick(f.reasons_zh, f.reasons_en)
            values = (f.reference, pick(level.name_zh, level.name_en), reasons, status, f.step_due, f.assigned_to)
            return _v(values[col])
        if role == Qt.ItemDataRole.BackgroundRole and f.overdue:
            return ALERT_BG
        return None


SEVERITY_BG = {"critical": QColor("#fecaca"), "warning": QColor("#fef3c7")}


class AlarmModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "时间"),
        QT_TRANSLATE_NOOP("SupervisorModels", "级别"),
        QT_TRANSLATE_NOOP("SupervisorModels", "告警"),
        QT_TRANSLATE_NOOP("SupervisorModels", "处理"),
    )
    LEVEL = {
        "critical": QT_TRANSLATE_NOOP("SupervisorModels", "严重"),
        "warning": QT_TRANSLATE_NOOP("SupervisorModels", "警告"),
    }
    CLEARED = QT_TRANSLATE_NOOP("SupervisorModels", "已结束")  # the condition went away before anyone acked it

    def __init__(self, tz: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a, col = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            level = _translated(self.LEVEL.get(a.severity, a.severity))
            cleared = _translated(self.CLEARED) if a.cleared_at else ""
            done = f"{a.acked_by or ''}：{a.ack_note}" if a.acked_at else cleared
            message = pick(a.message_zh, a.message_en)  # both are written with every alarm
            return (f"{a.raised_at.astimezone(self.tz):%m-%d %H:%M}", level, message, done)[col]
        if role == Qt.ItemDataRole.BackgroundRole and a.active:
            return SEVERITY_BG.get(a.severity)
        return None


class CardModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "督办"),
        QT_TRANSLATE_NOOP("SupervisorModels", "受理编号"),
        QT_TRANSLATE_NOOP("SupervisorModels", "事项"),
        QT_TRANSLATE_NOOP("SupervisorModels", "环节"),
        QT_TRANSLATE_NOOP("SupervisorModels", "期限"),
        QT_TRANSLATE_NOOP("SupervisorModels", "部门"),
        QT_TRANSLATE_NOOP("SupervisorModels", "窗口"),
        QT_TRANSLATE_NOOP("SupervisorModels", "工作人员"),
    )
    CARD_BG = {"red": QColor("#fecaca"), "yellow": QColor("#fef08a")}
    CARD = {
        "red": QT_TRANSLATE_NOOP("SupervisorModels", "红牌"),
        "yellow": QT_TRANSLATE_NOOP("SupervisorModels", "黄牌"),
    }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c, col = self.row_at(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            card = _translated(self.CARD.get(c.card, self.CARD["yellow"]))
            values = (card, c.receipt_number, c.title_zh, c.step_zh, c.due, c.department_zh, c.window_number, c.clerk)
            return _v(values[col])
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return self.CARD_BG.get(c.card)
        return None
