"""Qt item models over the intake views: search hits, the checklist, a material's files and findings.

Each model holds frozen views and an id per row; the widgets ask the model for ids and hand them to
services, never a row object to mutate.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPixmap

from app.services.intake_views import ChecklistItemView, FileView, FindingView, SearchHit
from app.ui.i18n import pick
from app.ui.intake.labels import (
    CTX,
    DISPOSITION,
    ITEM_COLOUR,
    ITEM_STATUS,
    MATTER_KIND,
    SEVERITY,
    SEVERITY_COLOUR,
    requirement_text,
    tr_label,
)
from app.ui.widgets.rows_model import Index, RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_PARENT = QModelIndex()


class _RowsModel(RowsModel):
    HEADER_CONTEXT = CTX


class SearchHitModel(_RowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("IntakeLabels", "编码"),
        QT_TRANSLATE_NOOP("IntakeLabels", "事项"),
        QT_TRANSLATE_NOOP("IntakeLabels", "类型"),
        QT_TRANSLATE_NOOP("IntakeLabels", "承诺时限"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit: SearchHit = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return hit.code
            if col == 1:
                return pick(hit.name_zh, hit.name_en)
            if col == 2:
                return tr_label(MATTER_KIND["bundle" if hit.kind == "bundle" else hit.matter_kind])
            if col == 3:
                if hit.matter_kind == "immediate":
                    return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "当场办结"))
                return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "%1 个工作日")).replace("%1", str(hit.promised_days))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.name_zh}\n{hit.name_en}\n{hit.department_zh}"
        if role == Qt.ItemDataRole.FontRole and hit.kind == "bundle":
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return hit.code
        return None


class ChecklistModel(_RowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("IntakeLabels", "材料"),
        QT_TRANSLATE_NOOP("IntakeLabels", "要求"),
        QT_TRANSLATE_NOOP("IntakeLabels", "状态"),
        QT_TRANSLATE_NOOP("IntakeLabels", "文件"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: ChecklistItemView = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{index.row() + 1}. {pick(item.material.name_zh, item.material.name_en)}"
            if col == 1:
                return requirement_text(item.material)
            if col == 2:
                text = tr_label(ITEM_STATUS.get(item.status, item.status))
                if item.disposition != "pending":
                    text = tr_label(DISPOSITION[item.disposition])
                if item.owed:
                    text += " · " + tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "容缺待补"))
                return text
            if col == 3:
                pages = sum(f.page_count or 0 for f in item.files)
                if not item.files:
                    return "—"
                return (
                    tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "%1 份 / %2 页"))
                    .replace("%1", str(len(item.files)))
                    .replace("%2", str(pages))
                )
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(ITEM_COLOUR.get(item.status, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(item.reasons_zh) or None
        if role == ID_ROLE:
            return item.id
        return None

    def row_of(self, material_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == material_id), -1)


class FindingsModel(_RowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("IntakeLabels", "位置"),
        QT_TRANSLATE_NOOP("IntakeLabels", "检查结果"),
        QT_TRANSLATE_NOOP("IntakeLabels", "处理"),
    )

    def set_files(self, files: tuple[FileView, ...]) -> None:
        numbered = len(files) > 1  # "第 2 份" only helps when there is more than one file
        self.set_rows([(i if numbered else 0, f, x) for i, f in enumerate(files, start=1) for x in f.findings])

    def finding_at(self, row: int) -> FindingView:
        return self._rows[row][2]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, file, x = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                where = (
                    tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "第 %1 页")).replace("%1", str(x.page))
                    if x.page
                    else tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "整个文件"))
                )
                if number:
                    return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "第 %1 份")).replace("%1", str(number)) + where
                return where
            if col == 1:
                return x.message_zh
            if col == 2:
                if x.override_reason is not None:
                    return tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "已放行：")) + x.override_reason
                return tr_label(SEVERITY.get(x.severity, x.severity))
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor("#15803d" if x.override_reason is not None else SEVERITY_COLOUR.get(x.severity, "#000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{x.message_zh}\n{x.message_en}\n{x.check_id}"
        if role == ID_ROLE:
            return x.id
        return None


class ThumbnailModel(QAbstractListModel):
    """A material's files as thumbnails (first page), in the order the case keeps them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[FileView] = []
        self._thumbs: dict[str, QPixmap] = {}

    def set_files(self, files: tuple[FileView, ...], thumbs: dict[str, list[QImage]]) -> None:
        self.beginResetModel()
        self._files = list(files)
        self._thumbs = {fid: QPixmap.fromImage(imgs[0]) for fid, imgs in thumbs.items() if imgs}
        self.endResetModel()

    def file_at(self, row: int) -> FileView:
        return self._files[row]

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._files)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            pages = (
                tr_label(QT_TRANSLATE_NOOP("IntakeLabels", "%1 页")).replace("%1", str(f.page_count))
                if f.page_count
                else ""
            )
            return f"{index.row() + 1}. {f.original_name}\n{pages}".strip()
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._thumbs.get(f.id)
            return QIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            status = {"block": "defective", "warn": "needs_review"}.get(f.worst_severity or "", "ok")
            return QColor(ITEM_COLOUR["unchecked" if f.check_state != "done" else status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{f.original_name} · {f.size_bytes // 1024} KB"
        if role == ID_ROLE:
            return f.id
        return None
