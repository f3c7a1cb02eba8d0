"""Pages in columns and ruled tables beyond the unseen generator's own (tests/checks/unseen_cases.py):
other print sizes, two, three and four columns, narrow and wide gutters, under a title or none;
tables with and without text, blurred. A turn by 90, 180 or 270 degrees must be found on every page
in columns (in three or more columns of small print the lines show only column by column, and
across the page the character grid's diagonals outscore them); a straight page must stay silent,
and a blurred table's rules must not pass for a turned page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from app.checks import CheckConfig, check_file
from app.checks.findings import Finding, Severity
from tests.checks import unseen_pages as pages
from tests.checks import unseen_scan as scan

pytestmark = pytest.mark.skipif(not pages.available(), reason="the bundled CJK font is missing")

NO_OCR = CheckConfig.from_dict({"ocr": {"enabled": False}})
DPI = 150
A4, A4_LANDSCAPE = (210.0, 297.0), (297.0, 210.0)
INK = (25, 25, 30)
PAPER = (246, 245, 242)
MARGIN = 1.08  # a page turned by 90 degrees measures at least this much over the ratio needed


def _canvas(size_mm: tuple[float, float], seed: int) -> pages.Canvas:
    im = Image.new("RGB", (pages.mm(size_mm[0], DPI), pages.mm(size_mm[1], DPI)), PAPER)
    return pages.Canvas(im, ImageDraw.Draw(im), DPI, np.random.default_rng(seed))


def columns_page(columns: int, size_pt: float, gutter_mm: float, seed: int, title: bool = True) -> pages.Arr:
    """A notice set in ``columns`` columns of ``size_pt`` text, under a centred title or none (a
    continued page)."""
    c = _canvas(A4, seed)
    m, px, gutter = pages.mm(15, DPI), pages.pt(size_pt, DPI), pages.mm(gutter_mm, DPI)
    if title:
        c.centred(m, c.hanzi(10), pages.pt(16, DPI))
    width = (c.w - 2 * m - (columns - 1) * gutter) // columns
    for k in range(columns):
        x, y = m + k * (width + gutter), m + (pages.pt(40, DPI) if title else 0)
        while y < c.h - m - 8 * px:
            y = c.paragraph(x, y, width, int(c.rng.integers(3, 8)), px, pitch=1.5) + px // 2
    return np.asarray(c.im, dtype=np.uint8)


def table_page(rows: int, cols: int, size_mm: tuple[float, float], with_text: bool, seed: int) -> pages.Arr:
    """A ruled table under a title, its cells filled in or left empty (a blank form)."""
    c = _canvas(size_mm, seed)
    m = pages.mm(18, DPI)
    c.centred(m, c.hanzi(8) + "登记表", pages.pt(16, DPI))
    top = m + pages.pt(36, DPI)
    if with_text:
        pages.table(c, m, top, c.w - m, rows, cols, pages.pt(10, DPI), row_mm=11)
    else:
        row_h, width = pages.mm(11, DPI), max(1, pages.mm(0.25, DPI))
        for r in range(rows + 1):
            c.draw.line((m, top + r * row_h, c.w - m, top + r * row_h), fill=INK, width=width)
        for x in np.linspace(m, c.w - m, cols + 1).astype(int):
            c.draw.line((int(x), top, int(x), top + rows * row_h), fill=INK, width=width)
    return np.asarray(c.im, dtype=np.uint8)


def _report(img: pages.Arr, tmp_path: Path, key: int) -> list[Finding]:
    noisy = scan.sensor_noise(img, 2.5, np.random.default_rng(key))
    path = tmp_path / f"page{key}.jpg"
    Image.fromarray(noisy).save(path, quality=85, dpi=(DPI, DPI))
    return check_file(path, "other", NO_OCR).findings


def _findings(img: pages.Arr, tmp_path: Path, key: int) -> dict[str, Severity]:
    return {f.check_id: f.severity for f in _report(img, tmp_path, key)}


# columns, print size (pt), gutter (mm), title
COLUMNS = [(2, 10.0, 5.0, True), (2, 8.0, 12.0, True), (3, 9.0, 6.0, True), (3, 8.0, 4.5, True),
           (3, 10.0, 8.0, True), (3, 8.0, 12.0, True), (3, 10.0, 4.5, False), (3, 8.0, 6.0, False),
           (3, 9.0, 12.0, False), (4, 8.0, 5.0, True), (4, 10.0, 8.0, False)]


@pytest.mark.parametrize(("columns", "size_pt", "gutter_mm", "title"), COLUMNS)
def test_pages_in_columns_turned_are_found_and_straight_ones_silent(
        columns: int, size_pt: float, gutter_mm: float, title: bool, tmp_path: Path) -> None:
    page = columns_page(columns, size_pt, gutter_mm, seed=columns * 100 + int(size_pt), title=title)
    straight = _findings(page, tmp_path, 0)
    assert not straight, straight
    for turns in (1, 2, 3):
        found = _report(scan.turn(page, turns), tmp_path, turns)
        assert [(f.check_id, f.severity) for f in found] == [("image.orientation", Severity.WARN)], (turns * 90, found)
        if turns != 2:  # by 90 degrees: found with a margin, not by a hair (the ratio against its threshold)
            ratio, threshold = found[0].measured, found[0].threshold
            assert isinstance(ratio, float) and isinstance(threshold, float) and ratio >= MARGIN * threshold, found


@pytest.mark.parametrize(("columns", "size_pt", "gutter_mm", "degrees"), [(3, 9.0, 6.0, 6.0), (4, 8.0, 5.0, -4.0)])
def test_pages_in_columns_skewed_are_measured_either_way_up(
        columns: int, size_pt: float, gutter_mm: float, degrees: float, tmp_path: Path) -> None:
    """Their lines show only column by column: the skew is measured on them, not on the diagonals."""
    page = columns_page(columns, size_pt, gutter_mm, seed=columns * 100 + int(size_pt))
    for turns in (0, 2):
        found = {f.check_id: f for f in _report(scan.skew(scan.turn(page, turns), degrees, PAPER), tmp_path, turns)}
        skew = found.get("image.skew")
        assert skew is not None and isinstance(skew.measured, float), (turns * 90, found)
        assert abs(skew.measured - abs(degrees)) <= 0.5, (turns * 90, skew)
        assert ("image.orientation" in found) == (turns == 2), (turns * 90, found)


TABLES = [(8, 5, A4_LANDSCAPE), (15, 3, A4), (10, 4, A4)]  # rows, columns, paper


@pytest.mark.parametrize(("rows", "cols", "size_mm"), TABLES)
@pytest.mark.parametrize("with_text", [True, False])
def test_blurred_tables_are_not_turned(rows: int, cols: int, size_mm: tuple[float, float], with_text: bool,
                                       tmp_path: Path) -> None:
    page = table_page(rows, cols, size_mm, with_text, seed=rows * 10 + cols)
    assert not _findings(page, tmp_path, 0)
    for i, sigma in enumerate((2.0, 2.2, 2.4, 2.6, 2.8, 3.0)):
        found = _findings(scan.gaussian_blur(page, sigma, DPI), tmp_path, i + 1)
        assert "image.orientation" not in found, (sigma, found)
        assert set(found) <= {"image.blur", "image.exposure"}, (sigma, found)


@pytest.mark.parametrize(("rows", "cols", "size_mm"), TABLES)
def test_a_turned_table_with_text_is_found(rows: int, cols: int, size_mm: tuple[float, float],
                                           tmp_path: Path) -> None:
    page = table_page(rows, cols, size_mm, True, seed=rows * 10 + cols)
    for turns in (1, 3):
        found = _findings(scan.turn(page, turns), tmp_path, turns)
        assert found.get("image.orientation") is Severity.WARN, (turns * 90, found)
