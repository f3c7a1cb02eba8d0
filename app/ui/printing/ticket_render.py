"""Render a ticket slip: a 576-dot image for 80 mm thermal paper at 203 dpi, or a PDF.

This module says what a ticket shows; app/ui/printing/slip_canvas.py paints it. Needs a
QGuiApplication (fonts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontMetrics, QImage

from app.devices.ticket_slip import TicketSlip, slip_text
from app.ui.fonts import app_font
from app.ui.printing.slip_canvas import CONTENT_PX, Block, Rule, Text, qr_block, render_image, render_pdf, save_png

QR_TARGET_PX = 300  # ~37 mm: the code plus quiet zone
NUMBER_MAX_PX = 176
RULE_GAP_PX = 14


def _number_font(number: str) -> QFont:
    """Largest bold size (up to NUMBER_MAX_PX) at which the ticket number fits on one line."""
    size = NUMBER_MAX_PX
    while size > 24:
        font = app_font(pixel_size=size, bold=True)
        if QFontMetrics(font).horizontalAdvance(number) <= CONTENT_PX:
            return font
        size -= 8
    return app_font(pixel_size=size, bold=True)


def _layout(slip: TicketSlip) -> list[Block]:
    t = slip_text(slip)
    blocks: list[Block] = [
        Text(t.hall, app_font(pixel_size=30, bold=True)),
        Text(t.category, app_font(pixel_size=36), gap_after=10),
        Rule(gap_after=0),
        Text(t.number, _number_font(t.number), gap_after=0),
    ]
    if t.window:
        blocks.append(Text(t.window, app_font(pixel_size=28)))
    blocks += [Rule(gap_after=RULE_GAP_PX), Text(t.people_ahead, app_font(pixel_size=40, bold=True))]
    if t.wait:
        blocks.append(Text(t.wait, app_font(pixel_size=32)))
    blocks += [
        Text(t.issued, app_font(pixel_size=24), gap_after=4),
        qr_block(slip.qr_payload, QR_TARGET_PX),
        Text(t.qr_caption, app_font(pixel_size=22), gap_after=10),
        Rule(gap_after=RULE_GAP_PX),
        Text(t.notice, app_font(pixel_size=26), gap_after=0),
    ]
    return blocks


def render_ticket_image(slip: TicketSlip) -> QImage:
    """Grayscale image, 576 dots wide, tagged 203 dpi."""
    return render_image(_layout(slip))


def render_ticket_png(slip: TicketSlip, path: str | Path) -> Path:
    return save_png(render_ticket_image(slip), path)


def render_ticket_pdf(slip: TicketSlip, path: str | Path) -> Path:
    """One-page PDF, 80 mm wide and as tall as the slip; text stays vector with the font embedded."""
    return render_pdf(_layout(slip), path, slip_text(slip).number)
