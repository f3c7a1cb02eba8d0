"""The decision bar of the intake window: 受理, 容缺受理, 不予受理, 一次性告知, 打印回执.

Which buttons work comes from the CaseView's readiness (computed by the service); the handlers only
ask for what the clerk must supply (a reason, a deadline), call the service, and print the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.devices.receipt_escpos import receipt_escpos_bytes
from app.services.intake_views import CaseView, NoticeView, ReceiptView
from app.ui.intake.dialogs import DeficiencyDialog, ImagePreview, ReasonDialog
from app.ui.intake.printing.notice_render import notice_for_printer, render_notice_image, render_notice_pdf
from app.ui.intake.printing.receipt_render import render_receipt_image, render_receipt_pdf

if TYPE_CHECKING:
    from app.ui.intake.intake_window import IntakeWindow

REFUSE_PRESETS = [
    "申请事项不属于本中心受理范围，请向有权机关申请",
    "申请人不具备申请资格",
    "申请事项依法不需要取得行政许可",
]


class DecisionBar(QWidget):
    def __init__(self, window: IntakeWindow) -> None:
        super().__init__(window)
        self.w = window
        self._busy = False
        self.receipt: ReceiptView | None = None
        self.notice: NoticeView | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.qactions: dict[str, QAction] = {}  # not `actions`: that is QWidget.actions()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("notice", self.tr("一次性告知"), "Ctrl+G", self.issue_notice),
            ("refuse", self.tr("不予受理"), "Ctrl+D", self.refuse),
            ("deficiency", self.tr("容缺受理"), "Ctrl+Shift+Return", self.accept_with_deficiency),
            ("accept", self.tr("受理"), "Ctrl+Return", self.accept),
            ("print", self.tr("打印回执"), "Ctrl+P", self.print_receipt),
        ]
        layout.addStretch(1)
        for key, label, shortcut, slot in specs:
            action = QAction(label, window)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            window.addAction(action)
            shown = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button = QPushButton(f"{label}  [{shown}]")
            button.setObjectName(key)
            button.setMinimumHeight(44)
            button.clicked.connect(action.trigger)
            self.buttons[key], self.qactions[key] = button, action
            layout.addWidget(button)
        self.update_for(None)

    def update_for(self, case: CaseView | None) -> None:
        r = case.readiness if case else None
        enabled = {
            "accept": bool(r and r.can_accept),
            "deficiency": bool(r and r.can_accept_with_deficiency),
            "notice": bool(r and r.can_notify),
            "refuse": bool(case and case.status == "draft"),
            "print": bool(case and case.decision in ("accept", "accept_with_deficiency")),
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on and not self._busy)
            self.qactions[key].setEnabled(on and not self._busy)

    # ---- decisions ---------------------------------------------------------------------------------------

    def _decide(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        if self._busy or self.w.case is None:
            return  # a second press while the first is on its way does nothing
        self._busy = True
        self.update_for(self.w.case)
        case_id = self.w.case.id

        def done(result: Any) -> None:
            self._busy = False
            then(result)
            self.w.runner.submit(lambda: self.w.intake.case_view(case_id), self.w.show_case, self.w.error_handler)

        def failed(exc: Exception) -> None:
            self._busy = False
            self.update_for(self.w.case)
            self.w.error_handler(exc)

        self.w.runner.submit(fn, done, failed)

    def accept(self) -> None:
        if self.w.case is None or not self.w.case.readiness.can_accept:
            return
        case_id = self.w.case.id
        self._decide(lambda: self.w.intake.accept(case_id, self.w.staff), self._accepted)

    def accept_with_deficiency(self) -> None:
        case = self.w.case
        if case is None or not case.readiness.can_accept_with_deficiency:
            return
        owed = [i.material.name_zh for i in case.items if i.status in ("missing", "defective", "needs_review")]
        dialog = DeficiencyDialog(owed, self.w.today(), self.w)
        dialog.accepted.connect(
            lambda: self._decide(
                lambda: self.w.intake.accept_with_deficiency(case.id, dialog.chosen_deadline(), actor=self.w.staff),
                self._accepted,
            )
        )
        self.w._dialog = dialog
        dialog.open()

    def refuse(self) -> None:
        case = self.w.case
        if case is None or case.status != "draft":
            return
        dialog = ReasonDialog(
            self.tr("不予受理"), self.tr("请写明不予受理的理由，将告知申请人并记录在办件中。"), REFUSE_PRESETS, self.w
        )
        dialog.accepted.connect(
            lambda: self._decide(
                lambda: self.w.intake.refuse(case.id, dialog.reason(), self.w.staff),
                lambda _v: self.w.statusBar().showMessage(self.tr("已不予受理"), 6000),
            )
        )
        self.w._dialog = dialog
        dialog.open()

    def _accepted(self, receipt: ReceiptView) -> None:
        self.receipt = receipt
        self.w.statusBar().showMessage(self.tr("已受理，受理编号 %1").replace("%1", receipt.receipt_number), 10000)
        self._print_receipt(receipt)

    # ---- documents ---------------------------------------------------------------------------------------

    def issue_notice(self) -> None:
        case = self.w.case
        if case is None or not case.readiness.can_notify:
            return
        self._decide(lambda: self.w.intake.issue_notice(case.id, self.w.staff), self._notice_issued)

    def _notice_issued(self, notice: NoticeView) -> None:
        self.notice = notice
        pdf = self._out(f"notice-{notice.number}.pdf")
        render_notice_pdf(notice, pdf)
        self.w.printed.append(pdf)
        self.w.paper.print_document(notice_for_printer(notice), pdf)  # the PDF above is the copy kept
        preview = ImagePreview(
            self.tr("一次性告知书 %1").replace("%1", notice.number), render_notice_image(notice), self.w
        )
        end = preview.add_button(self.tr("结束本次受理（申请人补齐后再来）"))
        case_id = notice.case_id

        def end_intake() -> None:
            preview.accept()
            self.w._call(lambda: self.w.intake.end_after_notice(case_id, self.w.staff))

        end.clicked.connect(end_intake)
        self.w._preview = preview
        preview.open()

    def print_receipt(self) -> None:
        case = self.w.case
        if case is None or case.decision not in ("accept", "accept_with_deficiency"):
            return
        case_id = case.id
        self.w.runner.submit(lambda: self.w.intake.receipt(case_id), self._print_receipt, self.w.error_handler)

    def _print_receipt(self, receipt: ReceiptView) -> None:
        self.receipt = receipt
        pdf = self._out(f"receipt-{receipt.receipt_number}.pdf")
        render_receipt_pdf(receipt, pdf)
        self.w.printed.append(pdf)
        if self.w.receipt_printer is not None:
            try:
                self.w.receipt_printer(receipt_escpos_bytes(receipt))
            except Exception as exc:  # noqa: BLE001 - paper out or offline: the PDF is still there
                self.w.error_handler(exc)
        else:
            key = f"slip-window-{self.w.window_number or 0}"
            self.w.statusBar().showMessage(
                self.tr("未配置回执打印机（printers.json 中的 %1）：回执没有打印，已保存 PDF %2")
                .replace("%1", key)
                .replace("%2", str(pdf)),
                15000,
            )
        preview = ImagePreview(
            self.tr("受理回执 %1").replace("%1", receipt.receipt_number),
            render_receipt_image(receipt),
            self.w,
            max_height=720,
        )
        self.w._preview = preview
        preview.open()

    def _out(self, name: str) -> Path:
        self.w.print_dir.mkdir(parents=True, exist_ok=True)
        return self.w.print_dir / name
