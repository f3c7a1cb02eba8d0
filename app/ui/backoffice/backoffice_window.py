"""A simple reviewer screen (后台审批): cases from the windows, most urgent first, overdue in red,
one button per move the life cycle allows for the selected case and the signed-in role.

Until the central server exists, reviewers work on the hall database through CaseService; the
window also hands results out (出件) with an identity check, which a counter clerk may do here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import Actor, logged_in
from app.services.intake import IntakeService
from app.services.intake_views import CaseEventView, CaseRow
from app.ui.app_setup import show_error
from app.ui.backoffice.case_detail import CaseDetail
from app.ui.backoffice.case_model import CaseTableModel, HistoryModel
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.intake.dialogs import ReasonDialog
from app.ui.intake.labels import tr_label
from app.ui.runner import ServiceRunner

STYLE = """
QWidget { font-size: 15px; }
#header { font-size: 19px; font-weight: bold; color: #1e3a8a; }
#counts { font-size: 15px; }
QPushButton { min-height: 36px; padding: 2px 12px; }
"""

FILTERS = (
    (
        QT_TRANSLATE_NOOP("IntakeLabels", "在办（全部未出件）"),
        ("received", "with_department", "in_review", "needs_supplement", "approved", "rejected", "ready_for_pickup"),
    ),
    (QT_TRANSLATE_NOOP("IntakeLabels", "待审查"), ("received", "with_department", "in_review")),
    (QT_TRANSLATE_NOOP("IntakeLabels", "需补正"), ("needs_supplement",)),
    (QT_TRANSLATE_NOOP("IntakeLabels", "待领取"), ("ready_for_pickup",)),
    (QT_TRANSLATE_NOOP("IntakeLabels", "已出件"), ("delivered",)),
    (QT_TRANSLATE_NOOP("IntakeLabels", "超期"), None),
)

# target status -> button label, in the order the buttons appear
MOVES = (
    ("with_department", QT_TRANSLATE_NOOP("IntakeLabels", "流转部门")),
    ("in_review", QT_TRANSLATE_NOOP("IntakeLabels", "开始审查 / 补正已收到")),
    ("approved", QT_TRANSLATE_NOOP("IntakeLabels", "准予许可")),
    ("rejected", QT_TRANSLATE_NOOP("IntakeLabels", "不予许可")),
    ("needs_supplement", QT_TRANSLATE_NOOP("IntakeLabels", "需补正")),
    ("ready_for_pickup", QT_TRANSLATE_NOOP("IntakeLabels", "办结待领取")),
)


class CaseDesk(Protocol):
    """The cases the window works on: the hall's CaseService, or RemoteCaseService on the central server."""

    def list_cases(
        self, statuses: Iterable[str] | None = None, *, overdue_only: bool = False, role: str = ..., limit: int = ...
    ) -> list[CaseRow]: ...

    def history(self, case_id: str) -> list[CaseEventView]: ...

    def move(self, case_id: str, target: str, *, actor: Actor, note: str = "") -> CaseRow: ...

    def deliver(self, case_id: str, presented_id: str, *, actor: Actor) -> CaseRow: ...


class BackofficeWindow(QMainWindow):
    def __init__(
        self,
        cases: CaseDesk,
        runner: ServiceRunner,
        *,
        role: str = "reviewer",
        staff: Actor | None = None,
        poll_ms: int = 10_000,
        intake: IntakeService | None = None,
    ) -> None:
        super().__init__()
        self.cases, self.runner, self.role, self.staff = cases, runner, role, staff
        self.intake = intake
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self._dialog: QDialog | None = None
        self.setWindowTitle(self.tr("一窗通 · 后台审批"))
        self.setStyleSheet(STYLE)
        self._build()
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)  # cases arrive from every window: refresh now and then
        self.poll.timeout.connect(self.refresh)
        self.poll.start()
        self.refresh()

    def _build(self) -> None:
        who = f" · {self.staff.name}" if self.staff else ""
        header = QLabel(self.tr("后台审批") + who)
        header.setObjectName("header")
        self.filter = QComboBox()
        for label, _statuses in FILTERS:
            self.filter.addItem(tr_label(label))
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        top = QHBoxLayout()
        top.addWidget(header)
        top.addStretch(1)
        top.addWidget(self.counts)
        top.addWidget(self.filter)
        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selected_changed())
        self.history = HistoryModel(parent=self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.verticalHeader().hide()
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hv = self.history_view.horizontalHeader()
        hv.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hv.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split = QSplitter()
        split.addWidget(self.table)
        right = QSplitter(Qt.Orientation.Vertical)
        self.detail = CaseDetail(self.intake, self.runner, self.error_handler) if self.intake else None
        if self.detail is not None:
            right.addWidget(self.detail)  # what is decided on: applicant, materials, scans, findings
        right.addWidget(self.history_view)
        split.addWidget(right)
        split.setSizes([700, 620])
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for target, label in MOVES:
            button = QPushButton(tr_label(label))
            button.clicked.connect(lambda _c=False, t=target: self.move_case(t))
            self.buttons[target] = button
            row.addWidget(button)
        row.addStretch(1)
        deliver = QPushButton(self.tr("出件（核验身份）"))
        deliver.clicked.connect(lambda: self.deliver())  # not the bare slot: clicked() passes a bool
        self.buttons["delivered"] = deliver
        row.addWidget(deliver)
        root = QVBoxLayout()
        root.addLayout(top)
        root.addWidget(split, 1)
        root.addLayout(row)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self.resize(1360, 760)
        self._enable(None)

    # ---- data --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        statuses = FILTERS[self.filter.currentIndex()][1]
        overdue_only = statuses is None
        role = self.role
        self.runner.submit(
            lambda: self.cases.list_cases(statuses, overdue_only=overdue_only, role=role),
            self._show,
            self.error_handler,
        )

    def _show(self, rows: list[CaseRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.counts.setText(self.tr("共 %1 件 · 超期 %2 件").replace("%1", str(len(rows))).replace("%2", str(overdue)))
        row = self.model.row_of(selected.id) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selected_changed()

    def selected(self) -> CaseRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _selected_changed(self) -> None:
        row = self.selected()
        self._enable(row)
        if self.detail is not None:
            self.detail.load(row.id if row else None)
        if row is None:
            self.history.set_rows([])
            return
        case_id = row.id
        self.runner.submit(lambda: self.cases.history(case_id), self._history, self.error_handler)

    def _history(self, events: list[CaseEventView]) -> None:
        self.history.set_rows(events)

    def _enable(self, row: CaseRow | None) -> None:
        allowed = set(row.next_statuses) if row else set()
        for target, button in self.buttons.items():
            if target == "delivered":
                button.setEnabled(row is not None and row.status == "ready_for_pickup")
            else:
                button.setEnabled(target in allowed)

    # ---- actions (gather ids, call the service) ----------------------------------------------------------

    def _after(self, _result: Any) -> None:
        self.refresh()

    def move_case(self, target: str, note: str = "", confirmed: bool = False) -> None:
        """Every decision is confirmed first; a refusal (and a request to supplement) needs its reason."""
        row = self.selected()
        if row is None:
            return
        if target in ("needs_supplement", "rejected") and not note:
            title, ask = (
                (self.tr("需补正"), self.tr("请写明需要申请人补正的内容："))
                if target == "needs_supplement"
                else (self.tr("不予许可"), self.tr("请写明不予许可的理由（将告知申请人）："))
            )
            dialog = ReasonDialog(title, ask, [], self)
            dialog.accepted.connect(lambda: self.move_case(target, dialog.reason() or " ", confirmed=True))
            self._dialog = dialog
            dialog.open()
            return
        if not confirmed:
            label = tr_label(dict(MOVES).get(target, target))
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("确认"),
                self.tr("确认对办件 %1 执行“%2”？").replace("%1", row.receipt_number or "").replace("%2", label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.accepted.connect(lambda: self.move_case(target, note, confirmed=True))
            self._dialog = box
            box.open()
            return
        case_id, actor = row.id, self.staff
        self.runner.submit(
            lambda: self.cases.move(case_id, target, actor=logged_in(actor), note=note.strip()),  # role: the service
            self._after,
            self.error_handler,
        )

    def deliver(self, presented_id: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if presented_id is None:
            dialog = QInputDialog(self)
            dialog.setWindowTitle(self.tr("出件"))
            dialog.setLabelText(self.tr("请读取或输入领取人（申请人或代理人）的身份证号："))
            dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
            dialog.textValueSelected.connect(lambda text: self.deliver(text))
            self._dialog = dialog
            dialog.open()
            return
        case_id, actor = row.id, self.staff
        self.runner.submit(
            lambda: self.cases.deliver(case_id, presented_id, actor=logged_in(actor)), self._after, self.error_handler
        )
