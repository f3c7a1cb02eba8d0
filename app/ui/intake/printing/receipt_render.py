"""Render a receipt slip with QPainter: a 576-dot image for 80 mm thermal paper at 203 dpi, or a PDF.

Same approach as the ticket slip (app/ui/printing/ticket_render.py): one block layout in 203-dpi
dots painted on either device, the bundled CJK font, and a QR code drawn module by module with
antialiasing off so every module is a whole number of dots.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageSize, QPainter, QPdfWriter

from app.services.intake_views import ReceiptView
from app.ui.fonts import app_font
from app.ui.intake.printing.receipt_text import receipt_text

DPI = 203
PAPER_WIDTH_MM = 80.0
WIDTH_PX = 576
MARGIN_PX = 16
CONTENT_PX = WIDTH_PX - 2 * MARGIN_PX
QR_TARGET_PX = 260

_CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class _Text:
    text: str
    font: QFont
    flags: int = _CENTER
    gap_after: int = 6


@dataclass(frozen=True)
class _Rule:
    gap_after: int = 12


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
    matrix = code.get_matrix()
    return _Qr(matrix=matrix, module=max(3, QR_TARGET_PX // len(matrix)))


def _layout(receipt: ReceiptView) -> list[_Block]:
    t = receipt_text(receipt)
    body = app_font(pixel_size=24)
    blocks: list[_Block] = [
        _Text(t.hall, app_font(pixel_size=28, bold=True)),
        _Text(t.title, app_font(pixel_size=40, bold=True), gap_after=4),
        _Text("受理编号", app_font(pixel_size=22), gap_after=0),
        _Text(t.number, app_font(pixel_size=36, bold=True), gap_after=10),
        _Rule(),
    ]
    blocks += [_Text(line, body, _LEFT, gap_after=4) for line in t.lines]
    if t.owed:
        blocks.append(_Rule())
        blocks.append(_Text(t.owed[0], app_font(pixel_size=24, bold=True), _LEFT, gap_after=4))
        blocks += [_Text(line, body, _LEFT, gap_after=4) for line in t.owed[1:]]
    blocks += [
        _Rule(),
        _qr(t.qr_payload),
        _Text(t.qr_caption, app_font(pixel_size=22), gap_after=10),
        _Text(t.footer, app_font(pixel_size=22), gap_after=0),
    ]
    return blocks


def _height(block: _Block) -> int:
    if isinstance(block, _Text):
        return QFontMetrics(block.font).boundingRect(QRect(0, 0, CONTENT_PX, 10_000), block.flags, block.text).height()
    if isinstance(block, _Rule):
        return 2
    return len(block.matrix) * block.module


def _total_height(blocks: list[_Block]) -> int:
    return 2 * MARGIN_PX + sum(_height(b) + b.gap_after for b in blocks)


def _paint(painter: QPainter, blocks: list[_Block]) -> None:
    painter.setPen(QColor("black"))
    y = MARGIN_PX
    for block in blocks:
        height = _height(block)
        if isinstance(block, _Text):
            painter.setFont(block.font)
            painter.drawText(QRect(MARGIN_PX, y, CONTENT_PX, height), block.flags, block.text)
        elif isinstance(block, _Rule):
            painter.fillRect(QRect(MARGIN_PX, y, CONTENT_PX, height), QColor("black"))
        else:
            side = len(block.matrix) * block.module
            x0 = (WIDTH_PX - side) // 2
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.fillRect(QRect(x0, y, side, side), QColor("white"))
            for r, row in enumerate(block.matrix):
                for c, dark in enumerate(row):
                    if dark:
                        cell = QRect(x0 + c * block.module, y + r * block.module, block.module, block.module)
                        painter.fillRect(cell, QColor("black"))
            painter.restore()
        y += height + block.gap_after


def render_receipt_image(receipt: ReceiptView) -> QImage:
    """Grayscale image 576 dots wide, tagged 203 dpi (what goes to a raster thermal printer)."""
    blocks = _layout(receipt)
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


def render_receipt_png(receipt: ReceiptView, path: str | Path) -> Path:
    out = Path(path)
    if not render_receipt_image(receipt).save(str(out), "PNG"):  # type: ignore[call-overload]  # stubs want bytes; Qt wants str
        raise OSError(f"could not write {out}")
    return out


def render_receipt_pdf(receipt: ReceiptView, path: str | Path) -> Path:
    """One page, 80 mm wide and as long as the slip; text stays vector with the font embedded."""
    out = Path(path)
    blocks = _layout(receipt)
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setCreator("OneWindow")
    writer.setTitle(receipt.receipt_number)
    size = QSizeF(PAPER_WIDTH_MM, _total_height(blocks) / DPI * 25.4)
    writer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter, "Receipt", QPageSize.SizeMatchPolicy.ExactMatch))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {out}")
    painter.translate((writer.width() - WIDTH_PX) / 2, 0)
    _paint(painter, blocks)
    painter.end()
    return out
