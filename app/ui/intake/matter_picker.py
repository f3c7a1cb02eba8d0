"""Pick the matter(s) or the 一件事 bundle: search by name, code or pinyin initials (e.g. "qykb")."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.intake_views import SearchHit
from app.ui.intake.models import SearchHitModel


class MatterPicker(QWidget):
    search_requested = Signal(str)
    chosen = Signal(list, object)  # matter codes, bundle code or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("① 办理事项"))
        title.setObjectName("sectionTitle")
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("事项名称、编码或拼音首字母，如 qykb"))
        self.query.setClearButtonEnabled(True)
        self.model = SearchHitModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.choose())
        self.choose_button = QPushButton(self.tr("选定事项") + "  [Ctrl+M]")
        self.choose_button.setObjectName("primary")
        self.choose_button.clicked.connect(self.choose)
        self.hint = QLabel(self.tr("可按住 Ctrl 多选，一次受理多个事项"))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)  # do not search on every keystroke of a fast typist
        self._debounce.timeout.connect(lambda: self.search_requested.emit(self.query.text()))
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self._enter)
        QShortcut(QKeySequence("Ctrl+M"), self, self.choose, context=Qt.ShortcutContext.WindowShortcut)

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.model.set_rows(hits)
        if hits:
            self.table.selectRow(0)

    def _enter(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.search_requested.emit(self.query.text())
            return
        self.choose()

    def selected_hits(self) -> list[SearchHit]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def choose(self) -> None:
        hits = self.selected_hits()
        if not hits:
            return
        bundles = [h.code for h in hits if h.kind == "bundle"]
        matters = [h.code for h in hits if h.kind == "matter"]
        self.chosen.emit(matters, bundles[0] if bundles else None)

    def select_code(self, code: str) -> bool:
        for row, hit in enumerate(self.model.rows()):
            if hit.code == code:
                self.table.selectRow(row)
                return True
        return False
