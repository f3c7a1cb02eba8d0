"""The one-time notice goes to the window's printer through QPrinter; the choice is remembered per window and
the PDF copy is kept; without any printer the clerk is told so."""

from __future__ import annotations

import pytest

from app.ui.intake.printing.notice_render import notice_for_printer
from app.ui.printing.paper import PaperPrinter, chosen_printer, remember_printer, system_printers
from tests.ui.intake.samples import notice
from tests.ui.intake.test_printing import _pdf_text


def test_the_window_printer_is_remembered_and_used(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "printed.pdf"
    remember_printer(4, f"file:{out}")
    assert chosen_printer(4) == f"file:{out}" and chosen_printer(5) is None
    paper = PaperPrinter(4, parent)
    said: list[str] = []
    paper.sig_message.connect(said.append)
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(b"%PDF-1.4")
    assert paper.print_document(notice_for_printer(notice()), copy)
    pages, text = _pdf_text(out)
    assert pages == 1 and "一次性告知书" in text and "公司章程" in text
    assert said and "已送打印机" in said[-1] and str(copy) in said[-1]


@pytest.mark.skipif(bool(system_printers()), reason="this machine has printers: the first print opens a dialog")
def test_no_printer_warns_and_keeps_the_pdf(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    paper = PaperPrinter(7, parent)
    said: list[str] = []
    paper.sig_message.connect(said.append)
    copy = tmp_path / "notice.pdf"
    assert not paper.print_document(notice_for_printer(notice()), copy)
    assert "未配置打印机" in said[-1] and str(copy) in said[-1]


def test_the_window_slip_printer_gets_the_receipt_bytes(tmp_path):
    from app.devices.receipt_escpos import receipt_escpos_bytes
    from app.ui.printing.paper import slip_printer_for
    from tests.ui.intake.samples import receipt

    assert slip_printer_for(9) is None  # none configured: the intake window says so and keeps the PDF
    remember_printer_key = tmp_path / "lp0"
    import json

    from app import settings

    path = settings.paths().data_dir / "printers.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"slip-window-9": str(remember_printer_key)}), encoding="utf-8")
    write = slip_printer_for(9)
    assert write is not None
    write(receipt_escpos_bytes(receipt()))
    assert b"H023-20261123-0042" in remember_printer_key.read_bytes()
