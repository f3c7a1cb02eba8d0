"""What the reviewer decides on: the applicant (masked), every material with its files, the check findings
and the clerk's overrides with their reasons, and a page viewer for the scans."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.services.intake import IntakeService
from app.services.intake_checks import render_page
from app.services.intake_views import CaseView, FileView
from app.ui.i18n import pick
from app.ui.intake.dialogs import ImagePreview
from app.ui.intake.labels import ITEM_STATUS, SEVERITY, tr_label
from app.ui.runner import ServiceRunner

FILE_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseDetail(QWidget):
    def __init__(self, intake: IntakeService, runner: ServiceRunner, on_error: Callable[[Exception], None]) -> None:
        super().__init__()
        self.intake, self.runner, self.on_error = intake, runner, on_error
        self.case: CaseView | None = None
        self.preview: ImagePreview | None = None
        self.summary = QLabel(self.tr("请选择办件"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 8)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("材料 / 文件 / 检查结果"), self.tr("状态"), self.tr("放行理由")])
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 110)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._open(item))
        hint = QLabel(self.tr("双击文件查看扫描件"))
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)

    def load(self, case_id: str | None) -> None:
        if case_id is None:
            self.case = None
            self.summary.setText(self.tr("请选择办件"))
            self.tree.clear()
            return
        self.runner.submit(lambda: self.intake.case_view(case_id), self.show_case, self.on_error)

    def show_case(self, case: CaseView) -> None:
        self.case = case
        a = case.applicant
        who = f"{a.masked_name} · {a.masked_id}" if a else "—"
        if a and a.agent_name:
            who += " · " + self.tr("代理人") + f" {a.agent_name[:1]}**"
        decision = ""
        if case.decision_reason:
            decision = "<br>" + self.tr("受理意见：") + case.decision_reason
        self.summary.setText(
            f"<b>{case.receipt_number or ''} {pick(case.title_zh, case.title_en)}</b><br>"
            + self.tr("申请人：")
            + who
            + decision
        )
        self.tree.clear()
        for item in case.items:
            status = tr_label(ITEM_STATUS.get(item.status, item.status))
            node = QTreeWidgetItem([pick(item.material.name_zh, item.material.name_en), status, ""])
            if item.status in ("missing", "defective", "needs_review"):
                node.setForeground(1, QColor("#b91c1c"))
            for f in item.files:
                file_node = QTreeWidgetItem([f.original_name, self._pages(f), ""])
                file_node.setData(0, FILE_ROLE, f.id)
                for x in f.findings:
                    text = pick(x.message_zh, x.message_en)
                    sev = tr_label(SEVERITY.get(x.severity, x.severity))
                    finding = QTreeWidgetItem([text, sev, x.override_reason or ""])
                    if x.override_reason:
                        finding.setForeground(2, QColor("#1d4ed8"))
                    file_node.addChild(finding)
                node.addChild(file_node)
            self.tree.addTopLevelItem(node)
        self.tree.expandAll()

    def _pages(self, f: FileView) -> str:
        return self.tr("%n 页", "", f.page_count or 0) if f.page_count else ""

    def file(self, file_id: str) -> FileView | None:
        items = self.case.items if self.case else ()
        return next((f for i in items for f in i.files if f.id == file_id), None)

    def _open(self, node: QTreeWidgetItem) -> None:
        file_id = node.data(0, FILE_ROLE)
        if file_id:
            self.view_file(str(file_id))

    def view_file(self, file_id: str, page: int = 0) -> None:
        """The page viewer: one page at a time, previous / next."""
        f = self.file(file_id)
        if f is None:
            return
        path = self.intake.blob_path(f.sha256)

        def show(png: bytes | None) -> None:
            if not png:
                self.on_error(UserError("无法显示这个文件的页面", "This page of the file cannot be shown"))
                return
            if self.preview is not None:
                self.preview.close()
            total = f.page_count or 1
            title = self.tr("%1 · 第 %2/%3 页").replace("%1", f.original_name)
            preview = ImagePreview(
                title.replace("%2", str(page + 1)).replace("%3", str(total)), QImage.fromData(png), self
            )
            if page > 0:
                preview.add_button(self.tr("上一页")).clicked.connect(lambda: self.view_file(file_id, page - 1))
            if page + 1 < total:
                preview.add_button(self.tr("下一页")).clicked.connect(lambda: self.view_file(file_id, page + 1))
            self.preview = preview
            preview.open()

        self.runner.submit(lambda: render_page(path, f.detected_type, page), show, self.on_error)
