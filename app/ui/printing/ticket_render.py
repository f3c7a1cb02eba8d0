"""Render a ticket slip with QPainter: a 576-px image for 80 mm thermal paper at 203 dpi, or a PDF.

One layout (a list of blocks measured in 203-dpi dots) is painted on either device, so the PNG and
the PDF look the same. Text uses the bundled CJK font; the QR code is drawn module by module with
antialiasing off so every module is a whole number of dots (crisp on thermal heads, easy to scan).
Needs a QGuiApplication (fonts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageSize, QPaintDevice, QPainter, QPdfWriter

from app.devices.ticket_slip import TicketSlip, slip_text
from app.ui.fonts import app_font

DPI = 203
PAPER_WIDTH_MM = 80.0
WIDTH_PX = 576  # printable width of 80 mm paper: 72 mm at 203 dpi
MARGIN_PX = 16
CONTENT_PX = WIDTH_PX - 2 * MARGIN_PX
QR_TARGET_PX = 300  # ~37 mm: the code plus quiet zone
NUMBER_MAX_PX = 176

_CENTER_WRAP = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class _Text:
    text: str
    font: QFont
    gap_after: int = 6


@dataclass(frozen=True)
class _Rule:
    gap_after: int = 14


@dataclass(frozen=True)
class _Qr:
    matrix: list[list[bool]]
    module: int
    gap_after: int = 4


_Block = _Text | _Rule | _Qr


def _qr(payload: str) -> _Qr:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the 4-module quiet zone
    return _Qr(matrix=matrix, module=max(3, QR_TARGET_PX // len(matrix)))


def _number_font(number: str) -> QFont:
    """Largest bold size (up to NUMBER_MAX_PX) at which the ticket number fits on one line."""
    size = NUMBER_MAX_PX
    while size > 24:
        font = app_font(pixel_size=size, bold=True)
        if QFontMetrics(font).horizontalAdvance(number) <= CONTENT_PX:
            return font
        size -= 8
    return app_font(pixel_size=size, bold=True)


def _layout(slip: TicketSlip) -> list[_Block]:
    t = slip_text(slip)
    blocks: list[_Block] = [
        _Text(t.hall, app_font(pixel_size=30, bold=True)),
        _Text(t.category, app_font(pixel_size=36), gap_after=10),
        _Rule(gap_after=0),
        _Text(t.number, _number_font(t.number), gap_after=0),
    ]
    if t.window:
        blocks.append(_Text(t.window, app_font(pixel_size=28)))
    blocks += [_Rule(), _Text(t.people_ahead, app_font(pixel_size=40, bold=True))]
    if t.wait:
        blocks.append(_Text(t.wait, app_font(pixel_size=32)))
    blocks += [
        _Text(t.issued, app_font(pixel_size=24), gap_after=4),
        _qr(slip.qr_payload),
        _Text(t.qr_caption, app_font(pixel_size=22), gap_after=10),
        _Rule(),
        _Text(t.notice, app_font(pixel_size=26), gap_after=0),
    ]
    return blocks


def _text_rect(block: _Text) -> QRect:
    return QFontMetrics(block.font).boundingRect(QRect(0, 0, CONTENT_PX, 10_000), _CENTER_WRAP, block.text)


def _height(block: _Block) -> int:
    if isinstance(block, _Text):
        return _text_rect(block).height()
    if isinstance(block, _Rule):
        return 2
    return len(block.matrix) * block.module


def _total_height(blocks: list[_Block]) -> int:
    return 2 * MARGIN_PX + sum(_height(b) + b.gap_after for b in blocks)


def _paint_qr(painter: QPainter, block: _Qr, y: int) -> None:
    side = len(block.matrix) * block.module
    x0 = (WIDTH_PX - side) // 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRect(x0, y, side, side), QColor("white"))
    for r, row in enumerate(block.matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    QRect(x0 + c * block.module, y + r * block.module, block.module, block.module), QColor("black")
                )
    painter.restore()


def _paint(painter: QPainter, blocks: list[_Block]) -> None:
    """Paint in 203-dpi dot coordinates, origin at the top-left of the 576-dot printable width."""
    painter.setPen(QColor("black"))
    y = MARGIN_PX
    for block in blocks:
        height = _height(block)
        if isinstance(block, _Text):
            painter.setFont(block.font)
            painter.drawText(QRect(MARGIN_PX, y, CONTENT_PX, height), _CENTER_WRAP, block.text)
        elif isinstance(block, _Rule):
            painter.fillRect(QRect(MARGIN_PX, y, CONTENT_PX, height), QColor("black"))
        else:
            _paint_qr(painter, block, y)
        y += height + block.gap_after


def render_ticket_image(slip: TicketSlip) -> QImage:
    """Grayscale image, 576 dots wide, tagged 203 dpi."""
    blocks = _layout(slip)
    image = QImage(WIDTH_PX, _total_height(blocks), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _paint(painter, blocks)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def render_ticket_png(slip: TicketSlip, path: str | Path) -> Path:
    out = Path(path)
    if not render_ticket_image(slip).save(str(out), "PNG"):  # type: ignore[call-overload]  # stub wants bytes; runtime wants str
        raise OSError(f"could not write {out}")
    return out


def render_ticket_pdf(slip: TicketSlip, path: str | Path) -> Path:
    """One-page PDF, 80 mm wide and as tall as the slip; text stays vector with the font embedded."""
    out = Path(path)
    blocks = _layout(slip)
    height_mm = _total_height(blocks) / DPI * 25.4
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setCreator("OneWindow")
    writer.setTitle(slip_text(slip).number)
    writer.setPageSize(
        QPageSize(
            QSizeF(PAPER_WIDTH_MM, height_mm), QPageSize.Unit.Millimeter, "Ticket", QPageSize.SizeMatchPolicy.ExactMatch
        )
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {out}")
    _center_on_page(painter, writer)
    _paint(painter, blocks)
    painter.end()
    return out


def _center_on_page(painter: QPainter, device: QPaintDevice) -> None:
    painter.translate((device.width() - WIDTH_PX) / 2, 0)
