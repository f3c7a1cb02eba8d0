"""Render a receipt slip: a 576-dot image for 80 mm thermal paper at 203 dpi, or a PDF.

This module says what a receipt shows; app/ui/printing/slip_canvas.py paints it (as for tickets).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from app.devices.receipt_text import receipt_text
from app.services.intake_views import ReceiptView
from app.ui.fonts import app_font
from app.ui.printing.slip_canvas import LEFT, Block, Rule, Text, qr_block, render_image, render_pdf, save_png

QR_TARGET_PX = 260


def _layout(receipt: ReceiptView) -> list[Block]:
    t = receipt_text(receipt)
    body = app_font(pixel_size=24)
    blocks: list[Block] = [
        Text(t.hall, app_font(pixel_size=28, bold=True)),
        Text(t.title, app_font(pixel_size=40, bold=True), gap_after=4),
        Text("受理编号", app_font(pixel_size=22), gap_after=0),
        Text(t.number, app_font(pixel_size=36, bold=True), gap_after=10),
        Rule(),
    ]
    blocks += [Text(line, body, LEFT, gap_after=4) for line in t.lines]
    if t.owed:
        blocks.append(Rule())
        blocks.append(Text(t.owed[0], app_font(pixel_size=24, bold=True), LEFT, gap_after=4))
        blocks += [Text(line, body, LEFT, gap_after=4) for line in t.owed[1:]]
    blocks += [
        Rule(),
        qr_block(t.qr_payload, QR_TARGET_PX),
        Text(t.qr_caption, app_font(pixel_size=22), gap_after=10),
        Text(t.footer, app_font(pixel_size=22), gap_after=0),
    ]
    return blocks


def render_receipt_image(receipt: ReceiptView) -> QImage:
    """Grayscale image 576 dots wide, tagged 203 dpi (what goes to a raster thermal printer)."""
    return render_image(_layout(receipt))


def render_receipt_png(receipt: ReceiptView, path: str | Path) -> Path:
    return save_png(render_receipt_image(receipt), path)


def render_receipt_pdf(receipt: ReceiptView, path: str | Path) -> Path:
    """One page, 80 mm wide and as long as the slip; text stays vector with the font embedded."""
    return render_pdf(_layout(receipt), path, receipt.receipt_number)
