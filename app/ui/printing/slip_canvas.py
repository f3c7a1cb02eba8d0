"""Paint a slip (ticket, receipt) on 80 mm thermal paper: a 576-dot 203-dpi image, or a PDF.

A slip is a list of blocks measured in 203-dpi dots; the same list is painted on either device, so
the PNG and the PDF look the same. The QR code is drawn module by module with antialiasing off so
every module is a whole number of dots (crisp on thermal heads, easy to scan). Needs a
QGuiApplication (fonts). What a slip says lives in its own renderer (ticket_render, receipt_render).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageSize, QPainter, QPdfWriter

DPI = 203
PAPER_WIDTH_MM = 80.0
WIDTH_PX = 576  # printable width of 80 mm paper: 72 mm at 203 dpi
MARGIN_PX = 16
CONTENT_PX = WIDTH_PX - 2 * MARGIN_PX
RULE_PX = 2

CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class Text:
    text: str
    font: QFont
    flags: int = CENTER
    gap_after: int = 6


@dataclass(frozen=True)
class Rule:
    """A full-width black line."""

    gap_after: int = 12


@dataclass(frozen=True)
class Qr:
    matrix: list[list[bool]]  # includes the quiet zone
    module: int  # dots per module
    gap_after: int = 4


Block = Text | Rule | Qr


def qr_block(payload: str, target_px: int) -> Qr:
    """A QR code (level M, 4-module quiet zone) about target_px wide, at least 3 dots per module."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    return Qr(matrix=matrix, module=max(3, target_px // len(matrix)))


def block_height(block: Block) -> int:
    if isinstance(block, Text):
        return QFontMetrics(block.font).boundingRect(QRect(0, 0, CONTENT_PX, 10_000), block.flags, block.text).height()
    if isinstance(block, Rule):
        return RULE_PX
    return len(block.matrix) * block.module


def total_height(blocks: list[Block]) -> int:
    return 2 * MARGIN_PX + sum(block_height(b) + b.gap_after for b in blocks)


def qr_image(payload: str, target_px: int) -> QImage:
    """The QR code alone, about target_px wide: what a screen shows when the slip cannot be printed."""
    block = qr_block(payload, target_px)
    side = len(block.matrix) * block.module
    image = QImage(side, side, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    _paint_modules(painter, block, 0, 0)
    painter.end()
    return image


def _paint_qr(painter: QPainter, block: Qr, y: int) -> None:
    _paint_modules(painter, block, (WIDTH_PX - len(block.matrix) * block.module) // 2, y)


def _paint_modules(painter: QPainter, block: Qr, x0: int, y: int) -> None:
    side = len(block.matrix) * block.module
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRect(x0, y, side, side), QColor("white"))
    for r, row in enumerate(block.matrix):
        for c, dark in enumerate(row):
            if dark:
                cell = QRect(x0 + c * block.module, y + r * block.module, block.module, block.module)
                painter.fillRect(cell, QColor("black"))
    painter.restore()


def paint(painter: QPainter, blocks: list[Block]) -> None:
    """Paint in 203-dpi dot coordinates, origin at the top-left of the 576-dot printable width."""
    painter.setPen(QColor("black"))
    y = MARGIN_PX
    for block in blocks:
        height = block_height(block)
        if isinstance(block, Text):
            painter.setFont(block.font)
            painter.drawText(QRect(MARGIN_PX, y, CONTENT_PX, height), block.flags, block.text)
        elif isinstance(block, Rule):
            painter.fillRect(QRect(MARGIN_PX, y, CONTENT_PX, height), QColor("black"))
        else:
            _paint_qr(painter, block, y)
        y += height + block.gap_after


def render_image(blocks: list[Block]) -> QImage:
    """Grayscale image 576 dots wide, tagged 203 dpi (what goes to a raster thermal printer)."""
    image = QImage(WIDTH_PX, total_height(blocks), QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    paint(painter, blocks)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def save_png(image: QImage, path: str | Path) -> Path:
    out = Path(path)
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # stubs want bytes; Qt wants str
        raise OSError(errno.EIO, "could not write the image", str(out))  # named: one line, not a traceback
    return out


def render_pdf(blocks: list[Block], path: str | Path, title: str) -> Path:
    """One page, 80 mm wide and as long as the slip; text stays vector with the font embedded."""
    out = Path(path)
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setCreator("OneWindow")
    writer.setTitle(title)
    size = QSizeF(PAPER_WIDTH_MM, total_height(blocks) / DPI * 25.4)
    writer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter, "Slip", QPageSize.SizeMatchPolicy.ExactMatch))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "could not write the PDF", str(out))
    painter.translate((writer.width() - WIDTH_PX) / 2, 0)  # centre the printable width on the paper
    paint(painter, blocks)
    painter.end()
    return out
