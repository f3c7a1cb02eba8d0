"""Receipt slip (PNG/PDF/ESC-POS) and one-time notice (A4 PDF): content, QR, pagination, the font."""

from datetime import UTC, datetime

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from app.devices.receipt_escpos import receipt_escpos_bytes
from app.devices.receipt_text import money, receipt_text
from app.ui.intake.printing.notice_render import notice_html, render_notice_pdf, render_notice_png
from app.ui.intake.printing.receipt_render import render_receipt_pdf, render_receipt_png
from tests.ui.intake.samples import notice, receipt


def _pdf_text(path) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        return len(pdf), text
    finally:
        pdf.close()


def test_receipt_wording():
    t = receipt_text(receipt())
    assert t.title == "受理回执" and t.number == "H023-20261123-0042"
    assert "承诺时限：2026-11-24 前办结" in t.lines and "收\u3000\u3000费：免费" in t.lines
    assert any(line.startswith("  5. 住房公积金") for line in t.lines)
    owed = receipt_text(receipt(owed_zh=("房屋租赁合同",), deficiency_deadline=receipt().promised_date))
    assert owed.title == "容缺受理回执" and owed.owed[1] == "· 房屋租赁合同"
    immediate = receipt_text(receipt(matter_kind="immediate", promised_date=None, fee_fen=2000))
    assert "承诺时限：即办件，当场办结" in immediate.lines and money(2000) == "20.00 元"
    # accepted at 02:05 UTC: printed on the hall's clock (before: China's, whatever the hall's zone)
    assert "受理时间：2026-11-23 10:05" in t.lines
    assert "受理时间：2026-11-23 08:05" in receipt_text(receipt(hall_timezone="Asia/Urumqi")).lines


def test_receipt_png_has_a_readable_qr(qapp, artifacts):
    path = render_receipt_png(receipt(), artifacts / "intake_receipt.png")
    image = Image.open(path)
    assert image.width == 576
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["OW1:R:H023-20261123-0042"]


def test_receipt_pdf_embeds_the_text(qapp, tmp_path):
    pages, text = _pdf_text(render_receipt_pdf(receipt(), tmp_path / "receipt.pdf"))
    # (the big bold number is not checked: Qt maps the bold subset face's digits oddly in the text layer)
    assert pages == 1 and "受理回执" in text and "2026-11-24" in text


def test_receipt_escpos_bytes():
    data = receipt_escpos_bytes(receipt(owed_zh=("房屋租赁合同",), deficiency_deadline=receipt().promised_date))
    assert b"H023-20261123-0042" in data
    assert "房屋租赁合同".encode("gb18030") in data
    assert b"OW1:R:H023-20261123-0042" in data  # native QR payload
    assert data.startswith(b"\x1b@") and b"\x1c&" in data


def test_notice_lists_every_item_and_escapes(qapp, artifacts):
    n = notice()
    html = notice_html(n)
    assert html.count("<tr>") == 4
    hostile = notice(1)
    hostile = hostile.__class__(**{**hostile.__dict__, "applicant_masked": "<b>x</b>"})
    assert "&lt;b&gt;x&lt;/b&gt;" in notice_html(hostile)
    late = notice().__class__(**{**n.__dict__, "issued_at": datetime(2026, 11, 23, 17, 30, tzinfo=UTC)})
    assert "2026 年 11 月 24 日" in notice_html(late)  # 01:30 the next day on the hall's clock
    far_west = late.__class__(**{**late.__dict__, "hall_timezone": "Etc/GMT+5"})
    assert "2026 年 11 月 23 日" in notice_html(far_west)
    pages, text = _pdf_text(render_notice_pdf(n, artifacts / "intake_notice.pdf"))
    assert pages == 1
    # (not the number itself: Qt's PDF text layer maps a Latin run of the subset font oddly; it prints fine)
    for needle in ("一次性告知书", "编号", "公司章程", "请彩色扫描", "李强", "行政许可法", "材料补齐后即予受理"):
        assert needle in text, needle
    render_notice_png(n, artifacts / "intake_notice.png")


def test_long_notice_runs_over_pages(qapp, tmp_path):
    pages, text = _pdf_text(render_notice_pdf(notice(24), tmp_path / "long.pdf"))
    assert pages >= 2 and text.count("公司章程") == 6
