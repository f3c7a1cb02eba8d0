"""The clerk's intake window (一窗受理), opened from the ticket being served.

Left to right: ① the matter(s) or 一件事, ② the applicant, ③ the checklist with files and findings.
At the bottom: check progress, what still stands in the way, and the decisions with shortcuts.
Slots gather ids and call services through the ServiceRunner (the database worker) or the
CheckRunner (the process pool); results come back as frozen views and are only displayed here.
Decisions and printing live in app.ui.intake.intake_actions to keep this module small.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.services.catalogue import CatalogueService
from app.services.intake import IntakeService
from app.services.intake_checks import CheckOutcome, render_page
from app.services.intake_views import AttachResult, CaseView, SearchHit
from app.services.views import StaffView, TicketView
from app.ui.app_setup import show_error
from app.ui.i18n import current_language, pick
from app.ui.intake.applicant_form import ApplicantForm
from app.ui.intake.check_runner import CheckRunner
from app.ui.intake.checklist_panel import ChecklistPanel
from app.ui.intake.dialogs import ImagePreview, ReasonDialog
from app.ui.intake.intake_actions import DecisionBar
from app.ui.intake.labels import CASE_STATUS, MATTER_KIND, money, tr_label
from app.ui.intake.matter_picker import MatterPicker
from app.ui.intake.prefill_dialog import PrefillDialog, offer_prefill
from app.ui.intake.scan_sources import SaneScanner, ScanFolderWatcher
from app.ui.printing.paper import PaperPrinter, slip_printer_for
from app.ui.runner import ServiceRunner

STYLE = """
QWidget { font-size: 15px; }
#header { font-size: 19px; font-weight: bold; color: #1e3a8a; }
#sectionTitle { font-size: 17px; font-weight: bold; color: #1e3a8a; padding: 4px 0; }
#caseSummary { font-size: 15px; background: #f0f6ff; border: 1px solid #bfdbfe; border-radius: 6px; padding: 6px; }
#blockers { color: #9a3412; font-size: 14px; }
#hint { color: #64748b; font-size: 13px; }
QPushButton { min-height: 34px; padding: 2px 10px; }
QPushButton#primary, QPushButton#accept { background: #1d4ed8; color: white; font-weight: bold; }
QPushButton:disabled, QPushButton#primary:disabled, QPushButton#accept:disabled {
    color: #94a3b8; background: #e2e8f0; font-weight: normal;
}
"""

OVERRIDE_PRESETS = [
    "已核对原件，内容清晰可辨",
    "申请人当场确认，材料真实有效",
    "该材料无需彩色，黑白件可以接受",
    "系统误判，人工复核无问题",
]


class IntakeWindow(QMainWindow):
    def __init__(
        self,
        intake: IntakeService,
        catalogue: CatalogueService,
        runner: ServiceRunner,
        *,
        checker: CheckRunner | None = None,
        ticket: TicketView | None = None,
        window_number: int | None = None,
        staff: StaffView | None = None,
        print_dir: Path | None = None,
        scan_folder: Path | None = None,
        receipt_printer: Callable[[bytes], None] | None = None,
        case_id: str | None = None,
    ) -> None:
        super().__init__()
        self.intake, self.catalogue, self.runner = intake, catalogue, runner
        self.checker = checker or CheckRunner(parent=self)
        self.ticket, self.window_number, self.staff = ticket, window_number, staff
        data = settings.paths().data_dir
        self.print_dir = Path(print_dir or data / "prints")
        self.receipt_printer = receipt_printer or slip_printer_for(window_number)
        self.case: CaseView | None = None
        self.thumbs: dict[str, list[QImage]] = {}
        self.printed: list[Path] = []
        self.paper = PaperPrinter(window_number, self)
        self.paper.sig_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self._dialog: QDialog | None = None  # the open dialog, kept referenced (and reachable from tests)
        self.prefill_dialog: PrefillDialog | None = None  # the read-the-ID offer (app.ui.intake.prefill_dialog)
        self._preview: QDialog | None = None
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self.setWindowTitle(self.tr("一窗通 · 一窗受理"))
        self.setStyleSheet(STYLE)
        self._build()
        self.watcher = ScanFolderWatcher(Path(scan_folder or data / "scans"), parent=self)
        self.watcher.arrived.connect(self._scanned_file)
        self.sane = SaneScanner(data / "scans-sane", parent=self)
        self.sane.scanned.connect(lambda path: self._attach_to_selected([path], "scanner"))
        self.sane.failed.connect(lambda msg: self.statusBar().showMessage(self.tr("扫描失败：") + msg, 8000))
        self.panel.buttons["scan"].setVisible(self.sane.available)  # SANE is optional
        self.form.set_editable(False)  # ① first: the applicant and files belong to a case
        self.panel.set_editable(False)
        self.checker.checked.connect(self._checked)
        self.checker.progress.connect(self._progress)
        self._refresh_header()
        self.search("")
        if case_id:
            self.open_case(case_id)
        elif ticket is not None and ticket.matters:
            self.picker.query.setText(ticket.matters[0])

    # ---- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("header")
        self.picker = MatterPicker()
        self.summary = QLabel(self.tr("请先选定办理事项"))
        self.summary.setObjectName("caseSummary")
        self.summary.setWordWrap(True)
        # word-wrapped labels get no height-for-width in these layouts: reserve the lines they need
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 8 + 16)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.picker, 1)
        left_layout.addWidget(self.summary)
        self.form = ApplicantForm(self.today)
        self.panel = ChecklistPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((left, 3), (self.form, 3), (self.panel, 6)):
            split.addWidget(widget)
            split.setStretchFactor(split.indexOf(widget), stretch)
        # The matter list must stay readable whatever the language: English names and the "By a date" /
        # "1 working day(s)" columns are about twice as wide as Chinese ones.
        english = current_language().startswith("en")
        left.setMinimumWidth(
            max(480 if english else 360, self.fontMetrics().horizontalAdvance("x") * (64 if english else 48))
        )
        split.setChildrenCollapsible(False)
        split.setSizes([500, 360, 740] if english else [380, 360, 780])
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("正在检查材料 %v/%m"))
        self.progress.setVisible(False)
        self.blockers = QLabel()
        self.blockers.setObjectName("blockers")
        self.blockers.setWordWrap(True)
        self.blockers.setMinimumHeight(self.blockers.fontMetrics().lineSpacing() * 2 + 6)
        self.decisions = DecisionBar(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.blockers, 1)
        bottom.addWidget(self.progress)
        root = QVBoxLayout()
        root.addWidget(self.header)
        root.addWidget(split, 1)
        root.addLayout(bottom)
        root.addWidget(self.decisions)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        self.picker.search_requested.connect(self.search)
        self.picker.chosen.connect(self.choose_matters)
        self.form.save_requested.connect(self.save_applicant)
        self.panel.attach_requested.connect(self.attach)
        self.panel.disposition_requested.connect(self.set_disposition)
        intake = self.intake
        self.panel.remove_requested.connect(
            lambda fid: self._call(lambda: intake.remove_file(fid, actor=self.staff))
        )
        self.panel.move_requested.connect(
            lambda fid, off: self._call(lambda: intake.move_file(fid, off, actor=self.staff))
        )
        self.panel.override_requested.connect(self.override)
        self.panel.view_requested.connect(self.view_file)
        self.panel.scan_requested.connect(lambda _mid: self.sane.scan())
        self.resize(1560, 920)

    # ---- helpers -----------------------------------------------------------------------------------------

    @property
    def staff_id(self) -> str | None:
        return self.staff.id if self.staff else None

    def today(self) -> date:
        return self.intake.today()

    def _call(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Run a service call that returns a CaseView; show it (and hand it to `then`)."""

        def done(result: Any) -> None:
            if isinstance(result, CaseView):
                self.show_case(result)
            if then is not None:
                then(result)

        self.runner.submit(fn, done, self.error_handler)

    # ---- ① matters ---------------------------------------------------------------------------------------

    def search(self, query: str) -> None:
        self.runner.submit(lambda: self.catalogue.search(query), self._hits, self.error_handler)

    def _hits(self, hits: list[SearchHit]) -> None:
        self.picker.set_hits(hits)

    def choose_matters(self, matter_codes: list[str], bundle_code: str | None) -> None:
        if self.case is None:
            ticket_id, window = (self.ticket.id if self.ticket else None), self.window_number
            self._call(
                lambda: self.intake.start_case(
                    matter_codes, bundle_code, ticket_id=ticket_id, window_number=window, actor=self.staff
                )
            )
        elif self.case.status == "draft":
            case_id = self.case.id
            self._call(lambda: self.intake.change_matters(case_id, matter_codes, bundle_code, actor=self.staff))

    def open_case(self, case_id: str) -> None:
        """Resume a case (e.g. after the window was closed): re-run checks that never finished."""

        def rerun(jobs: list[Any]) -> None:
            for job in jobs:
                self.checker.submit(job)

        def resume(_view: Any) -> None:
            self.runner.submit(lambda: self.intake.pending_checks(case_id), rerun, self.error_handler)

        self._call(lambda: self.intake.case_view(case_id), resume)

    # ---- ② applicant, ③ materials ------------------------------------------------------------------------

    def save_applicant(self, applicant: Any) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._call(
                lambda: self.intake.set_applicant(case_id, applicant, actor=self.staff),
                lambda _v: self.statusBar().showMessage(self.tr("申请人信息已保存"), 4000),
            )

    def set_disposition(self, material_id: str, disposition: str) -> None:
        if self.case is not None:
            case_id = self.case.id
            self._call(lambda: self.intake.set_disposition(case_id, material_id, disposition, actor=self.staff))

    def attach(self, material_id: str, paths: list[str], origin: str) -> None:
        if self.case is None:
            self.statusBar().showMessage(self.tr("请先选定办理事项"), 5000)
            return
        case_id = self.case.id
        for path in paths:
            self._attach_one(case_id, material_id, path, origin)

    def _attach_one(self, case_id: str, material_id: str, path: str, origin: str) -> None:
        self.runner.submit(
            lambda: self.intake.attach_file(case_id, material_id, Path(path), origin=origin, actor=self.staff),
            lambda result: self._attached(result, path, origin),
            self.error_handler,
        )

    def _attached(self, result: AttachResult, path: str, origin: str) -> None:
        if origin == "folder":
            self.watcher.mark_imported(path)
        if result.duplicate_of:
            self.statusBar().showMessage(
                self.tr("注意：与已添加的“%1”内容相同").replace("%1", result.duplicate_of), 8000
            )
        self.checker.submit(result.job)
        self._call(lambda: self.intake.case_view(result.job.case_id))

    def _attach_to_selected(self, paths: list[str], origin: str) -> None:
        item = self.panel.selected_material()
        if item is not None:
            self.attach(item.id, paths, origin)

    def _scanned_file(self, path: str) -> None:
        if self.case is not None and self.case.status == "draft":
            self._attach_to_selected([path], "folder")

    def _checked(self, outcome: CheckOutcome) -> None:
        self.thumbs[outcome.file_id] = [QImage.fromData(png) for png in outcome.thumbnails]
        self._call(lambda: self.intake.record_check(outcome.file_id, outcome.report))
        offer_prefill(self, outcome)  # 免填单: an ID card or licence just read offers to fill the applicant

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(done < total)

    def override(self, finding_id: str) -> None:
        dialog = ReasonDialog(
            self.tr("放行检查结果"),
            self.tr("这条检查结果为“需确认”。请说明为什么可以接受，理由将记录在办件中。"),
            OVERRIDE_PRESETS,
            self,
        )
        dialog.accepted.connect(
            lambda: self._call(lambda: self.intake.override_finding(finding_id, dialog.reason(), self.staff))
        )
        self._dialog = dialog
        dialog.open()

    def view_file(self, file_id: str) -> None:
        file = next((f for i in (self.case.items if self.case else ()) for f in i.files if f.id == file_id), None)
        if file is None:
            return
        path = self.intake.blob_path(file.sha256)

        def show(png: bytes | None) -> None:
            if png:
                self._preview = ImagePreview(file.original_name, QImage.fromData(png), self)
                self._preview.open()

        self.checker.call(render_page, path, file.detected_type, 0, on_done=show)

    # ---- showing -----------------------------------------------------------------------------------------

    def show_case(self, case: CaseView) -> None:
        self.case = case
        self.form.show_applicant(case.applicant)
        self.panel.show_case(case, self.thumbs)
        draft = case.status == "draft"
        self.form.set_editable(draft)
        self.panel.set_editable(draft or any(i.owed for i in case.items))  # 容缺: owed files come later
        self.picker.setEnabled(draft)
        kind = tr_label(MATTER_KIND["bundle" if case.bundle_code else case.matter_kind])
        if case.matter_kind == "immediate":
            limit = self.tr("当场办结")
        else:
            limit = self.tr("%1 个工作日").replace("%1", str(case.promised_days))
        promise = case.promised_date or case.readiness.promised_date_if_accepted
        text = f"<b>{pick(case.title_zh, case.title_en)}</b>（{kind}）<br>{case.department_zh}<br>" + self.tr(
            "承诺时限：%1 · 收费：%2"
        ).replace("%1", limit).replace("%2", money(case.fee_fen))
        if promise is not None and case.matter_kind != "immediate":
            text += "<br>" + self.tr("承诺办结日期：%1").replace("%1", promise.isoformat())
        self.summary.setText(text)
        blockers = case.readiness.blockers_zh if draft else ()
        self.blockers.setText((self.tr("尚不能受理：") + "；".join(blockers)) if blockers else "")
        self.decisions.update_for(case)
        self._refresh_header()

    def _refresh_header(self) -> None:
        parts = [self.tr("一窗受理")]
        if self.window_number:
            parts.append(self.tr("%1 号窗口").replace("%1", str(self.window_number)))
        if self.ticket is not None:
            parts.append(self.tr("当前号 %1").replace("%1", self.ticket.display_number))
        if self.staff is not None:
            parts.append(self.tr("经办人 %1").replace("%1", self.staff.name))
        if self.case is not None:
            parts.append(tr_label(CASE_STATUS.get(self.case.status, self.case.status)))
            if self.case.receipt_number:
                parts.append(self.tr("受理编号 %1").replace("%1", self.case.receipt_number))
        self.header.setText(" · ".join(parts))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        """Closing mid-case asks first; the case stays a draft, listed under the window's cases (F11)."""
        if self.case is not None and self.case.status == "draft" and not getattr(self, "_leave_ok", False):
            event.ignore()
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("关闭受理"))
            box.setText(self.tr("办件还没有作出受理决定。关闭后保存为草稿，可在窗口的“本窗口办件”（F11）中继续受理。"))
            self.keep_draft = box.addButton(self.tr("保存草稿并关闭"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("继续受理"), QMessageBox.ButtonRole.RejectRole)
            box.buttonClicked.connect(lambda b: self._leave_draft() if b is self.keep_draft else None)
            self.close_box = box
            box.open()
            return
        self.checker.shutdown()
        super().closeEvent(event)

    def _leave_draft(self) -> None:
        self._leave_ok = True
        self.close()
