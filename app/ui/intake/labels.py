"""Words the clerk sees for the codes in the intake views (statuses, severities, requirements).

Source strings are Chinese, marked with QT_TRANSLATE_NOOP so lupdate extracts them; `tr_label`
translates at display time so a language switch takes effect without rebuilding the tables.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.services.intake_views import MaterialView
from app.ui.i18n import QT_TRANSLATE_NOOP

CTX = "IntakeLabels"

ITEM_STATUS = {
    "ok": QT_TRANSLATE_NOOP("IntakeLabels", "合格"),
    "not_needed": QT_TRANSLATE_NOOP("IntakeLabels", "无需提交"),
    "missing": QT_TRANSLATE_NOOP("IntakeLabels", "未提交"),
    "defective": QT_TRANSLATE_NOOP("IntakeLabels", "不合格"),
    "needs_review": QT_TRANSLATE_NOOP("IntakeLabels", "需确认"),
    "unchecked": QT_TRANSLATE_NOOP("IntakeLabels", "检查中…"),
}
ITEM_COLOUR = {
    "ok": "#dcfce7",
    "not_needed": "#f1f5f9",
    "missing": "#ffedd5",
    "defective": "#fee2e2",
    "needs_review": "#fef9c3",
    "unchecked": "#dbeafe",
}
SEVERITY = {
    "block": QT_TRANSLATE_NOOP("IntakeLabels", "不合格，须重新提交"),
    "warn": QT_TRANSLATE_NOOP("IntakeLabels", "需确认，可说明理由放行"),
    "info": QT_TRANSLATE_NOOP("IntakeLabels", "提示"),
}
SEVERITY_COLOUR = {"block": "#b91c1c", "warn": "#a16207", "info": "#475569"}
DISPOSITION = {
    "pending": "",
    "exempt": QT_TRANSLATE_NOOP("IntakeLabels", "电子证照已核验，免提交"),
    "commitment": QT_TRANSLATE_NOOP("IntakeLabels", "已签告知承诺书"),
    "not_applicable": QT_TRANSLATE_NOOP("IntakeLabels", "不适用"),
}
CASE_STATUS = {
    "draft": QT_TRANSLATE_NOOP("IntakeLabels", "受理中"),
    "notified": QT_TRANSLATE_NOOP("IntakeLabels", "已一次性告知"),
    "not_accepted": QT_TRANSLATE_NOOP("IntakeLabels", "不予受理"),
    "received": QT_TRANSLATE_NOOP("IntakeLabels", "已受理"),
    "with_department": QT_TRANSLATE_NOOP("IntakeLabels", "已流转部门"),
    "in_review": QT_TRANSLATE_NOOP("IntakeLabels", "审查中"),
    "needs_supplement": QT_TRANSLATE_NOOP("IntakeLabels", "需补正"),
    "approved": QT_TRANSLATE_NOOP("IntakeLabels", "准予许可"),
    "rejected": QT_TRANSLATE_NOOP("IntakeLabels", "不予许可"),
    "ready_for_pickup": QT_TRANSLATE_NOOP("IntakeLabels", "待领取"),
    "delivered": QT_TRANSLATE_NOOP("IntakeLabels", "已出件"),
}
MATTER_KIND = {
    "immediate": QT_TRANSLATE_NOOP("IntakeLabels", "即办件"),
    "promised": QT_TRANSLATE_NOOP("IntakeLabels", "承诺件"),
    "bundle": QT_TRANSLATE_NOOP("IntakeLabels", "一件事"),
}


def tr_label(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text)) if text else ""


def colour(hex_code: str) -> QColor:
    return QColor(hex_code)


def requirement_text(m: MaterialView) -> str:
    """原件 1 份 · 正反两面 · 须彩色 · 可容缺 — the catalogue requirement in one short line."""
    form = (
        QT_TRANSLATE_NOOP("IntakeLabels", "原件 %1 份")
        if m.form == "original"
        else QT_TRANSLATE_NOOP("IntakeLabels", "复印件 %1 份")
    )
    parts = [tr_label(form).replace("%1", str(m.count))]
    if m.sides == 2:
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "正反两面")))
    if m.colour_required:
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "须彩色")))
    if m.requirement == "optional":
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "选交")))
    elif m.requirement == "conditional":
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "情形：")) + m.condition_zh)
    if m.e_licence:
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "可电子证照")))
    if m.commitment:
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "可告知承诺")))
    if m.rongque:
        parts.append(tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "可容缺")))
    return " · ".join(parts)


def money(fen: int) -> str:
    if fen == 0:
        return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "免费"))
    return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "%1 元")).replace("%1", f"{fen // 100}.{fen % 100:02d}")
