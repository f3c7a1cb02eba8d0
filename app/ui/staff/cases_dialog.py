"""The window's cases (F11): unfinished intakes to reopen, materials owed under 容缺, results to hand out.

Every action is a service call (CaseService.supply_owed / deliver, the intake window for drafts); the
dialog only gathers ids, the collector's ID number and shows the rows the services return.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.services.auth import Actor, logged_in
from app.services.cases import CaseService
from app.services.intake import IntakeService
from app.services.intake_views import CaseRow, CaseView
from app.ui.app_setup import show_error
from app.ui.backoffice.case_model import OVERDUE_BG, CaseTableModel
from app.ui.i18n import pick
from app.ui.intake.labels import ITEM_STATUS, tr_label
from app.ui.runner import ServiceRunner

OPEN_AFTER_INTAKE = ("received", "with_department", "in_review", "approved", "needs_supplement")


class OwedCaseModel(CaseTableModel):
    """Cases with materials owed under 容缺: the deadline shown, overdue ones in red and bold."""

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: CaseRow = self._rows[index.row()]
        late = r.deficiency_deadline is not None and r.deficiency_deadline < self._today()
        if index.column() == 6 and role == Qt.ItemDataRole.DisplayRole:
            return r.deficiency_deadline.isoformat() if r.deficiency_deadline else "—"
        if late and role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_BG
        if late and role == Qt.ItemDataRole.ForegroundRole and index.column() == 6:
            return QColor("#b91c1c")
        if late and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _table(model: CaseTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class WindowCasesDialog(QDialog):
    def __init__(
        self,
        cases: CaseService,
        intake: IntakeService,
        runner: ServiceRunner,
        staff: Actor | None,
        on_open_case: Callable[[str], None],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cases, self.intake, self.runner, self.staff = cases, intake, runner, staff
        self.on_open_case = on_open_case
        self.setWindowTitle(self.tr("本窗口办件"))
        self.resize(1000, 600)
        self.tabs = QTabWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        # ① unfinished intakes
        self.drafts = CaseTableModel(self)
        self.drafts_view = _table(self.drafts)
        self.drafts_view.doubleClicked.connect(lambda _i: self.reopen())
        reopen = QPushButton(self.tr("继续受理"))
        reopen.clicked.connect(self.reopen)
        self.tabs.addTab(self._page(self.drafts_view, [reopen]), self.tr("未完成受理"))
        # ② materials owed under 容缺
        self.owed = OwedCaseModel(today, self)
        self.owed_view = _table(self.owed)
        self.owed_view.selectionModel().selectionChanged.connect(lambda *_a: self._load_owed_items())
        self.owed_items = QListWidget()
        add_files = QPushButton(self.tr("打开办件添加补交文件"))
        add_files.clicked.connect(lambda: self._with(self.owed_view, self.owed, self.on_open_case))
        self.supply_button = QPushButton(self.tr("记录已补交"))
        self.supply_button.clicked.connect(self.supply)
        owed_page = self._page(self.owed_view, [add_files, self.supply_button], below=self.owed_items)
        self.tabs.addTab(owed_page, self.tr("容缺待补"))
        # ③ results ready to hand out
        self.ready = CaseTableModel(self)
        self.ready_view = _table(self.ready)
        self.collector_id = QLineEdit()
        self.collector_id.setPlaceholderText(self.tr("领取人身份证号码（申请人或代理人）"))
        self.collector_id.setMaxLength(18)
        self.deliver_button = QPushButton(self.tr("核验身份并出件"))
        self.deliver_button.clicked.connect(self.deliver)
        ready_page = self._page(self.ready_view, [self.collector_id, self.deliver_button])
        self.tabs.addTab(ready_page, self.tr("出件"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _page(self, table: QTableView, controls: list[QWidget], below: QWidget | None = None) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(table, 1)
        if below is not None:  # details of the selected row, between the table and the buttons
            col.addWidget(below)
        row = QHBoxLayout()
        row.addStretch(1)
        for w in controls:
            row.addWidget(w, 2 if isinstance(w, QLineEdit) else 0)
        col.addLayout(row)
        return page

    # ---- loading -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        def load() -> tuple[list[CaseRow], list[CaseRow], list[CaseRow]]:
            drafts = self.cases.list_cases(["draft"], role="clerk")
            owed = [r for r in self.cases.list_cases(OPEN_AFTER_INTAKE, role="clerk") if r.deficiency_open]
            ready = self.cases.list_cases(["ready_for_pickup"], role="clerk")
            return drafts, owed, ready

        def show(data: tuple[list[CaseRow], list[CaseRow], list[CaseRow]]) -> None:
            drafts, owed, ready = data
            self.drafts.set_rows(drafts)
            self.owed.set_rows(sorted(owed, key=lambda r: r.deficiency_deadline or date.max))
            self.ready.set_rows(ready)
            self.tabs.setTabText(0, self.tr("未完成受理 (%1)").replace("%1", str(len(drafts))))
            self.tabs.setTabText(1, self.tr("容缺待补 (%1)").replace("%1", str(len(owed))))
            self.tabs.setTabText(2, self.tr("出件 (%1)").replace("%1", str(len(ready))))
            self._load_owed_items()

        self.runner.submit(load, show, self._failed)

    def _selected(self, view: QTableView, model: CaseTableModel) -> CaseRow | None:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def _with(self, view: QTableView, model: CaseTableModel, fn: Callable[[str], None]) -> None:
        row = self._selected(view, model)
        if row is None:
            self._say(self.tr("请先选择一个办件"))
            return
        fn(row.id)

    def _load_owed_items(self) -> None:
        self.owed_items.clear()
        row = self._selected(self.owed_view, self.owed)
        if row is None:
            return

        def show(view: CaseView) -> None:
            self.owed_items.clear()
            for item in view.items:
                if item.owed:
                    status = tr_label(ITEM_STATUS.get(item.status, item.status))
                    entry = QListWidgetItem(f"{pick(item.material.name_zh, item.material.name_en)} · {status}")
                    entry.setData(Qt.ItemDataRole.UserRole, item.id)
                    self.owed_items.addItem(entry)
            if self.owed_items.count():
                self.owed_items.setCurrentRow(0)

        self.runner.submit(lambda: self.intake.case_view(row.id), show, self._failed)

    # ---- actions -----------------------------------------------------------------------------------------

    def reopen(self) -> None:
        self._with(self.drafts_view, self.drafts, self._reopen)

    def _reopen(self, case_id: str) -> None:
        self.on_open_case(case_id)
        self.accept()

    def supply(self) -> None:
        row = self._selected(self.owed_view, self.owed)
        item = self.owed_items.currentItem()
        if row is None or item is None:
            self._say(self.tr("请先选择办件和补交的材料"))
            return
        material_id = str(item.data(Qt.ItemDataRole.UserRole))
        actor, case_id = self.staff, row.id
        done = self.tr("已记录补交")
        self.runner.submit(
            lambda: self.cases.supply_owed(case_id, material_id, actor=logged_in(actor)),  # role: the service
            lambda _r: self._done(done),
            self._failed,
        )

    def deliver(self) -> None:
        row = self._selected(self.ready_view, self.ready)
        presented = self.collector_id.text().strip().upper()
        if row is None or len(presented) != 18:
            self._say(self.tr("请选择办件并输入领取人的 18 位身份证号码"))
            return
        actor, case_id = self.staff, row.id
        done = self.tr("已出件：%1").replace("%1", row.receipt_number or "")

        def delivered(_r: Any) -> None:
            self.collector_id.clear()
            self._say(done)
            self.refresh()

        self.runner.submit(
            lambda: self.cases.deliver(case_id, presented, actor=logged_in(actor)), delivered, self._failed
        )

    def _done(self, message: str) -> None:
        self._say(message)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.message.setText(f"{exc.message_zh}\n{exc.message_en}")
        else:
            show_error(self, exc)
