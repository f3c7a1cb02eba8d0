"""The whole intake journey in the GUI: serve a ticket, pick 企业开办, attach files with defects, see the
findings, print the one-time notice, fix the materials, accept and print the receipt.

Screenshots of every step go to tests/artifacts/intake_*.png for a person to look at.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.ui.intake.intake_window import IntakeWindow
from tests.intake import builders


@pytest.fixture
def served(queue, clerk):  # type: ignore[no-untyped-def]
    queue.issue_ticket("D", matters=("企业开办",))
    return queue.call_next(4, actor=clerk)


@pytest.fixture
def window(qtbot, intake, catalogue, runner, checker, served, clerk, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    w = IntakeWindow(
        intake,
        catalogue,
        runner,
        checker=checker,
        ticket=served,
        window_number=4,
        staff=clerk,
        print_dir=tmp_path / "prints",
        scan_folder=tmp_path / "scans",
    )
    errors: list[Exception] = []
    w.error_handler = errors.append
    w.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def shot(widget, artifacts, name: str) -> None:  # type: ignore[no-untyped-def]
    widget.grab().save(str(artifacts / f"intake_{name}.png"))


def drop(view, row: int, paths) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = view.visualRect(view.model().index(row, 0)).center()
    event = QDropEvent(
        QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(event)


def item(window, key):  # type: ignore[no-untyped-def]
    return next(i for i in window.case.items if i.material.key == key)


def test_full_intake_journey(qtbot, window, tmp_path, artifacts, intake, cases):
    # ① the ticket's matter is prefilled; pick the 企业开办 bundle by pinyin initials
    assert "D001" in window.header.text() and "李强" in window.header.text()
    window.picker.query.clear()
    qtbot.keyClicks(window.picker.query, "qykb")
    qtbot.waitUntil(lambda: window.picker.model.rowCount() == 1 and window.picker.model.row_at(0).code == "BD01")
    shot(window, artifacts, "1_search")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.case is not None and window.case.title_zh == "企业开办"
    assert window.panel.model.rowCount() == 4
    assert "1 个工作日" in window.summary.text() and "免费" in window.summary.text()

    # ② applicant with live ID validation
    form = window.form
    form.name.setText("王小明")  # (keyClicks only types ASCII)
    good = builders.make_ric()
    qtbot.keyClicks(form.id_number, good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert form.id_hint.text().startswith("✗") and "校验位" in form.id_hint.text()
    shot(window, artifacts, "2_applicant_invalid_id")
    form.id_number.setText(good)
    assert form.id_hint.text().startswith("✓")
    qtbot.keyClicks(form.phone, "13800138000")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.case.applicant is not None and window.case.applicant.id_number == good

    # ③ files with defects: a blurred form (dropped), the ID card (imported), a greyscale proof (scan folder)
    blurred = builders.blurred_page(tmp_path / "一表通申请表.png")
    drop(window.panel.table, 0, [blurred])
    window.panel.select_material("legal_rep_id")
    window.panel.attach_requested.emit(
        item(window, "legal_rep_id").id, [str(builders.id_card_pdf(tmp_path / "身份证.pdf"))], "import"
    )
    window.panel.select_material("premises_proof")
    grey = builders.grey_licence(tmp_path / "source.png")
    shutil.copy(grey, window.watcher.folder / "住所证明.png")
    window.watcher.poll()
    window.watcher.poll()  # the size is stable on the second look: the file is complete
    assert not (window.watcher.folder / "住所证明.png").exists()  # moved aside, never deleted
    assert (window.watcher.folder / "已导入" / "住所证明.png").exists()
    assert item(window, "enterprise_form").status == "needs_review"
    assert item(window, "legal_rep_id").status == "ok"
    assert item(window, "premises_proof").status == "needs_review"
    colour = [f for f in item(window, "premises_proof").files[0].findings if f.check_id == "image.colour"]
    assert colour and colour[0].severity == "warn"
    window.panel.select_material("enterprise_form")
    assert any("模糊" in f.message_zh for f in item(window, "enterprise_form").files[0].findings)
    assert window.panel.findings.rowCount() >= 1 and window.panel.thumbs.rowCount() == 1
    assert not window.decisions.buttons["accept"].isEnabled()
    assert window.decisions.buttons["notice"].isEnabled()
    assert "尚不能受理" in window.blockers.text()
    shot(window, artifacts, "3_findings")
    window.view_file(item(window, "legal_rep_id").files[0].id)  # the page viewer renders page 1
    assert window._preview is not None and "身份证" in window._preview.windowTitle()
    window._preview.reject()

    # the one-time notice lists every problem at once
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    notice = window.decisions.notice
    # only what the citizen must bring: the blur and the grey scan are the clerk's to scan again
    assert notice is not None and [i.material_zh for i in notice.items] == ["公司章程"]
    assert window.printed[-1].name == f"notice-{notice.number}.pdf" and window.printed[-1].stat().st_size > 1000
    shot(window._preview, artifacts, "4_notice")
    window._preview.reject()

    # fix: override the blur with a reason, the articles do not apply, rescan the proof in colour
    window.panel.select_material("enterprise_form")
    window.panel.findings_view.selectRow(0)
    qtbot.mouseClick(window.panel.override_button, Qt.MouseButton.LeftButton)
    window._dialog.presets.setCurrentIndex(1)
    window._dialog.accept()
    assert item(window, "enterprise_form").status == "ok"
    window.panel.select_material("articles")
    qtbot.mouseClick(window.panel.buttons["not_applicable"], Qt.MouseButton.LeftButton)
    window.panel.select_material("premises_proof")
    window.panel.thumb_view.setCurrentIndex(window.panel.thumbs.index(0))
    qtbot.mouseClick(window.panel.buttons["remove"], Qt.MouseButton.LeftButton)
    drop(
        window.panel.table,
        window.panel.model.row_of(item(window, "premises_proof").id),
        [builders.clean_page(tmp_path / "住所证明-彩色.png", seal=True)],
    )
    assert item(window, "premises_proof").status == "ok", item(window, "premises_proof").reasons_zh
    assert window.decisions.buttons["accept"].isEnabled()
    shot(window, artifacts, "5_ready")

    # accept: receipt number, promised date, receipt printed
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    receipt = window.decisions.receipt
    assert receipt is not None and receipt.receipt_number == "H023-20261123-0001"
    assert str(receipt.promised_date) == "2026-11-24"
    assert window.case.status == "received" and "H023-20261123-0001" in window.header.text()
    assert window.printed[-1].name == "receipt-H023-20261123-0001.pdf"
    assert not window.form.save_button.isEnabled() and not window.panel.buttons["add"].isEnabled()
    shot(window._preview, artifacts, "6_receipt")
    window._preview.reject()
    shot(window, artifacts, "7_accepted")
    assert window.errors == []
    assert cases.row(window.case.id).status == "received"


def test_errors_are_shown_and_the_window_stays_usable(qtbot, window, tmp_path):
    window.picker.query.clear()
    window.search("C006")
    window.picker.choose()
    missing = tmp_path / "gone.png"
    window.panel.attach_requested.emit(window.case.items[0].id, [str(missing)], "import")
    assert window.errors and "找不到文件" in window.errors[-1].message_zh
    window.form.name.setText("李")
    window.form.save()
    assert "姓名" in window.errors[-1].message_zh
    window.decisions.refuse()
    window._dialog.text.setPlainText("不属于本中心受理范围")
    window._dialog.accept()
    assert window.case.status == "not_accepted"
    assert not window.decisions.buttons["refuse"].isEnabled()


def test_checks_run_in_a_real_process_pool(qtbot, intake, catalogue, runner, tmp_path, clerk):
    from app.ui.intake.check_runner import CheckRunner

    pool = CheckRunner(workers=1)
    w = IntakeWindow(
        intake, catalogue, runner, checker=pool, staff=clerk, print_dir=tmp_path, scan_folder=tmp_path / "scans"
    )
    qtbot.addWidget(w)
    w.show()
    try:
        w.search("C006")
        w.picker.choose()
        key = next(i for i in w.case.items if i.material.key == "form_C006").id
        w.attach(key, [str(builders.clean_page(tmp_path / "form.png"))], "import")
        assert w.progress.isVisible()
        qtbot.waitUntil(lambda: not pool.busy, timeout=60_000)
        qtbot.waitUntil(lambda: next(i for i in w.case.items if i.id == key).status == "ok", timeout=10_000)
        assert w.thumbs and not w.progress.isVisible()
    finally:
        pool.shutdown()
