"""The checklist of materials and, for the selected material, its files (thumbnails) and findings.

Files are dropped onto a checklist row (or onto the file area for the selected row), imported with
a dialog, or arrive from the scan folder. The panel only emits what the clerk asked for; the window
calls the services and hands the fresh CaseView back through `show_case`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.intake_views import CaseView, ChecklistItemView
from app.ui.i18n import pick
from app.ui.intake.models import ChecklistModel, FindingsModel, ThumbnailModel

FILE_FILTER = "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)"


def _local_paths(event: QDropEvent | QDragEnterEvent) -> list[str]:
    mime = event.mimeData()
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


class ChecklistView(QTableView):
    files_dropped = Signal(int, list)  # row (-1: none under the cursor), local paths

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt naming
        if _local_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt naming
        paths = _local_paths(event)
        if paths:
            self.files_dropped.emit(self.indexAt(event.position().toPoint()).row(), paths)
            event.acceptProposedAction()


class ChecklistPanel(QWidget):
    attach_requested = Signal(str, list, str)  # material id, paths, origin
    disposition_requested = Signal(str, str)  # material id, disposition
    remove_requested = Signal(str)  # file id
    move_requested = Signal(str, int)  # file id, offset
    view_requested = Signal(str)  # file id
    override_requested = Signal(str)  # finding id
    scan_requested = Signal(str)  # material id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case: CaseView | None = None
        self._thumbs: dict[str, list[QImage]] = {}
        title = QLabel(self.tr("③ 材料清单"))
        title.setObjectName("sectionTitle")
        self.model = ChecklistModel(self)
        self.table = ChecklistView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.files_dropped.connect(self._dropped)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_selected())

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, label in (
            ("add", self.tr("添加文件…") + " [Ctrl+O]"),
            ("scan", self.tr("扫描")),
            ("exempt", self.tr("电子证照已核验")),
            ("commitment", self.tr("告知承诺")),
            ("not_applicable", self.tr("不适用")),
            ("pending", self.tr("撤销")),
        ):
            button = QPushButton(label)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.buttons["add"].clicked.connect(self.import_files)
        self.buttons["scan"].clicked.connect(lambda: self._with_material(self.scan_requested.emit))
        for d in ("exempt", "commitment", "not_applicable", "pending"):
            self.buttons[d].clicked.connect(
                lambda _c=False, d=d: self._with_material(lambda mid: self.disposition_requested.emit(mid, d))
            )
        QShortcut(QKeySequence("Ctrl+O"), self, self.import_files, context=Qt.ShortcutContext.WindowShortcut)

        self.detail = QLabel()
        self.detail.setObjectName("materialDetail")
        self.detail.setWordWrap(True)
        self.thumbs = ThumbnailModel(self)
        self.thumb_view = QListView()
        self.thumb_view.setModel(self.thumbs)
        self.thumb_view.setViewMode(QListView.ViewMode.IconMode)
        self.thumb_view.setIconSize(QSize(120, 160))
        self.thumb_view.setGridSize(QSize(150, 210))
        self.thumb_view.setFlow(QListView.Flow.LeftToRight)
        self.thumb_view.setWrapping(False)
        self.thumb_view.setFixedHeight(230)
        self.thumb_view.setMovement(QListView.Movement.Static)
        self.thumb_view.doubleClicked.connect(lambda i: self.view_requested.emit(self.thumbs.file_at(i.row()).id))
        file_buttons = QVBoxLayout()
        for key, label, slot in (
            ("up", self.tr("前移"), lambda: self._with_file(lambda fid: self.move_requested.emit(fid, -1))),
            ("down", self.tr("后移"), lambda: self._with_file(lambda fid: self.move_requested.emit(fid, 1))),
            ("view", self.tr("查看"), lambda: self._with_file(self.view_requested.emit)),
            ("remove", self.tr("移除"), lambda: self._with_file(self.remove_requested.emit)),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons[key] = button
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.thumb_view, 1)
        files_row.addLayout(file_buttons)

        self.findings = FindingsModel(self)
        self.findings_view = QTableView()
        self.findings_view.setModel(self.findings)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.setWordWrap(True)
        self.findings_view.verticalHeader().hide()
        fh = self.findings_view.horizontalHeader()
        fh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        fh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.override_button = QPushButton(self.tr("说明理由并放行"))
        self.override_button.clicked.connect(self._override)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table, 3)
        layout.addLayout(actions)
        layout.addWidget(self.detail)
        layout.addLayout(files_row)
        layout.addWidget(self.findings_view, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.override_button)
        layout.addLayout(row)
        self.setAcceptDrops(True)

    # ---- showing ------------------------------------------------------------------------------------------

    def show_case(self, case: CaseView, thumbs: dict[str, list[QImage]]) -> None:
        selected = self.selected_material()
        self._case, self._thumbs = case, thumbs
        self.model.set_rows(list(case.items))
        self.table.resizeRowsToContents()
        row = self.model.row_of(selected.id) if selected else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._show_selected()

    def selected_material(self) -> ChecklistItemView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def select_material(self, key: str) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.material.key == key:
                self.table.selectRow(row)
                return

    def _show_selected(self) -> None:
        item = self.selected_material()
        if item is None:
            self.detail.clear()
            self.thumbs.set_files((), {})
            self.findings.set_files(())
            return
        reasons = "；".join(item.reasons_zh)
        self.detail.setText(
            f"<b>{pick(item.material.name_zh, item.material.name_en)}</b>" + (f" — {reasons}" if reasons else "")
        )
        self.thumbs.set_files(item.files, {f.id: self._thumbs.get(f.id, []) for f in item.files})
        self.findings.set_files(item.files)
        self.findings_view.resizeRowsToContents()
        m = item.material
        self.buttons["exempt"].setEnabled(m.e_licence)
        self.buttons["commitment"].setEnabled(m.commitment)
        self.buttons["not_applicable"].setEnabled(m.requirement != "required")
        self.buttons["pending"].setEnabled(item.disposition != "pending")

    # ---- requests ----------------------------------------------------------------------------------------

    def _with_material(self, fn: Any) -> None:
        item = self.selected_material()
        if item is not None:
            fn(item.id)

    def _with_file(self, fn: Any) -> None:
        index = self.thumb_view.currentIndex()
        if index.isValid():
            fn(self.thumbs.file_at(index.row()).id)

    def import_files(self) -> None:
        item = self.selected_material()
        if item is None:
            return
        name = pick(item.material.name_zh, item.material.name_en)
        dialog = QFileDialog(self, self.tr("选择“%1”的扫描件").replace("%1", name))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(FILE_FILTER)
        dialog.filesSelected.connect(lambda paths: self.attach_requested.emit(item.id, list(paths), "import"))
        self._dialog = dialog
        dialog.open()

    def _dropped(self, row: int, paths: list[str]) -> None:
        item = self.model.row_at(row) if 0 <= row < self.model.rowCount() else self.selected_material()
        if item is not None:
            self.attach_requested.emit(item.id, paths, "drop")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt naming
        if _local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt naming
        self._dropped(-1, _local_paths(event))

    def _override(self) -> None:
        index = self.findings_view.currentIndex()
        if index.isValid():
            self.override_requested.emit(self.findings.finding_at(index.row()).id)

    def set_editable(self, editable: bool) -> None:
        for key in ("add", "scan", "exempt", "commitment", "not_applicable", "pending", "up", "down", "remove"):
            self.buttons[key].setEnabled(editable)
        self.override_button.setEnabled(editable)
        self.table.setAcceptDrops(editable)
        self.setAcceptDrops(editable)
        if editable:
            self._show_selected()
