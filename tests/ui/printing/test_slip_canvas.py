"""The shared slip engine: block heights, the 203-dpi image, alignment, the QR and the 80 mm PDF."""

from pathlib import Path

import numpy as np
import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from app.ui.fonts import app_font
from app.ui.printing.slip_canvas import (
    CONTENT_PX,
    LEFT,
    MARGIN_PX,
    RULE_PX,
    WIDTH_PX,
    Block,
    Rule,
    Text,
    block_height,
    qr_block,
    render_image,
    render_pdf,
    save_png,
    total_height,
)

PAYLOAD = "OW1:TEST:0001"


def pixels(image: QImage) -> np.ndarray:
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return buffer[:, : image.width()].copy()


def sample() -> list[Block]:
    return [
        Text("受理回执", app_font(pixel_size=40, bold=True)),
        Rule(gap_after=10),
        Text("左对齐的一行", app_font(pixel_size=24), LEFT, gap_after=0),
        qr_block(PAYLOAD, 260),
    ]


def test_image_is_576_dots_at_203_dpi_and_as_tall_as_the_layout(app_font_family: str, tmp_path: Path) -> None:
    blocks = sample()
    image = render_image(blocks)
    assert image.format() == QImage.Format.Format_Grayscale8
    assert (image.width(), image.height()) == (WIDTH_PX, total_height(blocks))
    assert total_height(blocks) == 2 * MARGIN_PX + sum(block_height(b) + b.gap_after for b in blocks)
    png = Image.open(save_png(image, tmp_path / "slip.png"))
    assert png.info["dpi"] == pytest.approx((203, 203), abs=0.5)
    assert [r.text for r in zxingcpp.read_barcodes(png)] == [PAYLOAD]


def test_rule_spans_the_content_width_and_left_text_hugs_the_margin(app_font_family: str) -> None:
    blocks = sample()
    px = pixels(render_image(blocks))
    rule_y = MARGIN_PX + block_height(blocks[0]) + blocks[0].gap_after
    assert (px[rule_y : rule_y + RULE_PX, MARGIN_PX : MARGIN_PX + CONTENT_PX] == 0).all()
    assert (px[rule_y, :MARGIN_PX] == 255).all()
    text_top = rule_y + RULE_PX + blocks[1].gap_after
    ink = np.nonzero((px[text_top : text_top + block_height(blocks[2])] < 128).any(axis=0))[0]
    assert MARGIN_PX <= ink.min() < MARGIN_PX + 8 and ink.max() < WIDTH_PX // 2


def test_qr_fits_its_target_but_keeps_modules_scannable() -> None:
    short = qr_block(PAYLOAD, 260)
    assert len(short.matrix) * short.module <= 260 and short.module > 3
    long = qr_block("x" * 600, 260)  # too many modules for 260 dots: falls back to 3 dots each
    assert long.module == 3


def test_pdf_is_one_80mm_page_with_title(app_font_family: str, tmp_path: Path) -> None:
    pdf = pypdfium2.PdfDocument(str(render_pdf(sample(), tmp_path / "slip.pdf", "H023-0001")))
    try:
        assert len(pdf) == 1
        width_pt, height_pt = pdf[0].get_size()
        assert width_pt == pytest.approx(80 / 25.4 * 72, abs=1)
        assert height_pt == pytest.approx(total_height(sample()) / 203 * 72, abs=1)
        assert pdf.get_metadata_dict()["Title"] == "H023-0001"
        assert "受理回执" in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
