"""免填单 in the intake window: a scanned ID card offers to fill the applicant, the clerk sees each value
beside the region of the scan it came from and confirms; a licence attached as the ID card gets a
material.kind finding. Screenshots: tests/artifacts/intake_prefill_*.png.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.checks.ocr.samples import IdTruth, make_sample, write
from app.domain.ric import check_character
from app.ui.intake.intake_window import IntakeWindow

pytest.importorskip("rapidocr_onnxruntime")


@pytest.fixture
def window(qtbot, intake, catalogue, runner, checker, clerk, tmp_path):  # type: ignore[no-untyped-def]
    w = IntakeWindow(intake, catalogue, runner, checker=checker, window_number=4, staff=clerk,
                     print_dir=tmp_path / "prints", scan_folder=tmp_path / "scans")
    errors: list[Exception] = []
    w.error_handler = errors.append
    w.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.choose_matters(["D002"], None)  # 公章刻制备案: form, business licence, legal representative's ID card
    assert w.case is not None
    return w


def _item(window, key):  # type: ignore[no-untyped-def]
    return next(i for i in window.case.items if i.material.key == key)


def test_scanned_id_card_offers_to_fill_the_applicant(qtbot, window, tmp_path, artifacts):  # type: ignore[no-untyped-def]
    sample = make_sample("id_front", 31)
    truth = sample.truth
    assert isinstance(truth, IdTruth)
    path = write(sample, tmp_path / "身份证正面.png")
    window.attach(_item(window, "legal_rep_id").id, [str(path)], "import")
    dialog = getattr(window, "prefill_dialog", None)
    assert dialog is not None and dialog.isVisible()
    assert dialog.edits["id_number"].text() == truth.id_number
    assert dialog.edits["name"].text() == truth.name
    crops = [dialog.findChild(QLabel, f"crop_{t}") for t in ("name", "id_number", "address")]
    assert all(c is not None and c.pixmap() is not None and not c.pixmap().isNull() for c in crops)
    assert window.form.id_number.text() == ""  # nothing filled before the clerk confirms
    dialog.grab().save(str(artifacts / "intake_prefill_dialog.png"))
    dialog.ticks["address"].setChecked(False)  # the clerk leaves the address out
    dialog.edits["name"].setText(truth.name)
    dialog.accept()
    form = window.form
    assert form.name.text() == truth.name and form.id_number.text() == truth.id_number
    assert form.address.text() == "" and form.id_hint.text().startswith("✓")
    assert window.case.applicant is None  # not saved: the clerk saves after reviewing
    window.grab().save(str(artifacts / "intake_prefill_filled.png"))
    assert not window.errors


def test_declined_offer_fills_nothing(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    path = write(make_sample("id_front", 32), tmp_path / "card.png")
    window.attach(_item(window, "legal_rep_id").id, [str(path)], "import")
    window.prefill_dialog.reject()
    assert window.form.name.text() == "" and window.form.id_number.text() == ""


def test_licence_attached_as_the_id_card_shows_material_kind(qtbot, window, tmp_path, artifacts):  # type: ignore[no-untyped-def]
    first17 = "11010519900307123"
    window.form.id_number.setText(first17 + check_character(first17))  # the applicant is filled: no offer
    assert window.form.id_hint.text().startswith("✓")
    path = write(make_sample("licence", 5), tmp_path / "营业执照.png")
    window.panel.select_material("legal_rep_id")
    window.attach(_item(window, "legal_rep_id").id, [str(path)], "import")
    assert getattr(window, "prefill_dialog", None) is None
    item = _item(window, "legal_rep_id")
    kinds = [f for f in item.files[0].findings if f.check_id == "material.kind"]
    assert kinds and kinds[0].severity == "warn" and "营业执照" in kinds[0].message_zh
    window.panel.select_material("legal_rep_id")
    window.grab().save(str(artifacts / "intake_material_kind.png"))
    assert not window.errors
