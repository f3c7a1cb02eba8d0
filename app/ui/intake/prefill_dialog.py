"""免填单: the confirmation of a pre-fill offer, and its hook in the intake window.

After a scanned ID card (or licence) has been checked and a number was read from it, the window asks a
worker process for the values and the image regions they came from (app.services.intake_prefill) and
opens this dialog: each value beside its region of the scan, editable, with a tick. Only the ticked
values go into the applicant form, and the form is not saved: the clerk reviews it and saves (Ctrl+S).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import applicant as ap
from app.services.intake_prefill import PrefillOffer, read_for_prefill, worth_offering

if TYPE_CHECKING:
    from app.services.intake_checks import CheckOutcome
    from app.ui.intake.intake_window import IntakeWindow

CROP_WIDTH = 360


class PrefillDialog(QDialog):
    def __init__(self, offer: PrefillOffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer = offer
        self.setWindowTitle(self.tr("免填单 · 从证件填写申请人"))
        self.setMinimumWidth(820)
        company = offer.applicant_kind == "company"
        intro = QLabel(
            self.tr("从营业执照识别出以下信息。请与左侧原件区域逐项核对，勾选后填入申请表（不会自动保存）。")
            if company else
            self.tr("从身份证识别出以下信息。请与左侧原件区域逐项核对，勾选后填入申请表（不会自动保存）。")
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("原件区域")), 0, 0)
        grid.addWidget(QLabel(self.tr("识别结果（可修改）")), 0, 2)
        self.ticks: dict[str, QCheckBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        for row, field in enumerate(offer.fields, start=1):
            image = QLabel()
            image.setObjectName(f"crop_{field.target}")
            if field.crop_png:
                pix = QPixmap.fromImage(QImage.fromData(field.crop_png))
                image.setPixmap(pix.scaledToWidth(min(CROP_WIDTH, max(pix.width(), 1)),
                                                  Qt.TransformationMode.SmoothTransformation))
            else:
                image.setText(self.tr("（无区域图像）"))
            tick = QCheckBox(self.tr(field.label_zh))
            tick.setChecked(True)
            edit = QLineEdit(field.value)
            edit.setMinimumWidth(280)
            tick.toggled.connect(edit.setEnabled)
            grid.addWidget(image, row, 0)
            grid.addWidget(tick, row, 1)
            grid.addWidget(edit, row, 2)
            self.ticks[field.target], self.edits[field.target] = tick, edit
        notes = QLabel("\n".join("⚠ " + n for n in offer.notes_zh))
        notes.setStyleSheet("color: #b91c1c;")
        notes.setWordWrap(True)
        notes.setVisible(bool(offer.notes_zh))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("填入申请表"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("不填写"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(notes)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        """The ticked values, as the clerk left them."""
        return {t: self.edits[t].text().strip() for t, tick in self.ticks.items() if tick.isChecked()}


def offer_prefill(window: IntakeWindow, outcome: CheckOutcome) -> None:
    """Called after each check: offer the pre-fill when the scan is an ID card or licence with a number read
    and the applicant's number is still empty."""
    case = window.case
    if case is None or case.status != "draft" or not worth_offering(outcome.report, window.form.id_number.text()):
        return
    file = next((f for i in case.items for f in i.files if f.id == outcome.file_id), None)
    if file is None:
        return
    blob = str(window.intake.blob_path(file.sha256))
    window.checker.call(read_for_prefill, blob, file.original_name, outcome.report["material_kind"],
                        on_done=lambda offer: _show(window, offer))


def _show(window: IntakeWindow, offer: Any) -> None:
    if not isinstance(offer, PrefillOffer) or window.form.id_number.text().strip():
        return
    dialog = PrefillDialog(offer, window)
    window.prefill_dialog = dialog  # kept referenced, reachable from tests

    def fill() -> None:
        values = dialog.chosen()
        form = window.form
        form.kind.setCurrentIndex(form.kind.findData(ap.ApplicantKind(offer.applicant_kind)))
        for target, edit in (("name", form.name), ("id_number", form.id_number), ("address", form.address)):
            if values.get(target):
                edit.setText(values[target])
        window.statusBar().showMessage(window.tr("已从证件填入申请人信息，请核对后保存（Ctrl+S）"), 8000)

    dialog.accepted.connect(fill)
    dialog.open()
