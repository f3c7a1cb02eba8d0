"""Synthetic scanned pages: a labelled corpus for tests, benchmarks and the demo.

Real scans contain personal data, so everything that exercises the checks is drawn here:
pseudo-CJK text lines (square glyphs made of strokes, like Chinese characters), an optional form
table, an optional red seal and an optional QR code, on white paper with a little scanner noise.
Deterministic for a given seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

A4_MM = (210.0, 297.0)
MM_PER_INCH = 25.4

RGBImage = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class PageSpec:
    """What to draw on a synthetic page."""

    dpi: int = 150
    paper_mm: tuple[float, float] = A4_MM
    lines: int = 22
    title: bool = True
    table: bool = False
    seal: bool = False
    qr_payload: str | None = None
    seed: int = 1
    noise: float = 2.0  # std dev of scanner noise, grey levels
    margin_mm: float = 22.0  # white border around the text block
    glyph_mm: float = 4.2  # character size: 4.2 mm is about 12 pt
    line_spacing: float = 1.9  # line pitch as a multiple of the character size


def mm_to_px(mm: float, dpi: float) -> int:
    return round(mm / MM_PER_INCH * dpi)


def _glyph(img: RGBImage, x: int, y: int, size: int, rng: np.random.Generator, thick: int) -> None:
    """A square pseudo-CJK glyph: a few horizontal, vertical and slanted strokes inside a box."""
    ink = (25, 25, 25)
    pad = max(1, size // 10)
    x0, y0, x1, y1 = x + pad, y + pad, x + size - pad, y + size - pad
    for _ in range(int(rng.integers(2, 4))):  # horizontal strokes
        yy = int(rng.integers(y0, y1 + 1))
        xa, xb = sorted(int(v) for v in rng.integers(x0, x1 + 1, 2))
        cv2.line(img, (xa, yy), (max(xb, xa + size // 3), yy), ink, thick)
    for _ in range(int(rng.integers(1, 3))):  # vertical strokes
        xx = int(rng.integers(x0, x1 + 1))
        ya, yb = sorted(int(v) for v in rng.integers(y0, y1 + 1, 2))
        cv2.line(img, (xx, ya), (xx, max(yb, ya + size // 3)), ink, thick)
    if rng.random() < 0.6:  # a slanted stroke (撇/捺)
        cv2.line(img, (x0, y1), (int(rng.integers(x0, x1 + 1)), y0), ink, thick)


def _text_line(img: RGBImage, x: int, y: int, width: int, size: int, rng: np.random.Generator, thick: int) -> None:
    pitch = size + max(1, size // 8)
    for i in range(width // pitch):
        if rng.random() < 0.06:  # a gap, like punctuation or a space
            continue
        _glyph(img, x + i * pitch, y, size, rng, thick)


def _seal(img: RGBImage, centre: tuple[int, int], radius: int, thick: int) -> None:
    """A red round official seal (公章): ring, star and an arc of glyph-like marks."""
    red = (215, 30, 35)
    cv2.circle(img, centre, radius, red, thick, cv2.LINE_AA)
    star = np.array(
        [
            (
                centre[0] + int(radius * (0.32 if k % 2 == 0 else 0.13) * np.sin(k * np.pi / 5)),
                centre[1] - int(radius * (0.32 if k % 2 == 0 else 0.13) * np.cos(k * np.pi / 5)),
            )
            for k in range(10)
        ],
        dtype=np.int32,
    )
    cv2.fillPoly(img, [star], red, cv2.LINE_AA)
    for k in range(-5, 6):
        a = np.pi / 2 + k * 0.22
        cx = int(centre[0] - 0.72 * radius * np.cos(a))
        cy = int(centre[1] - 0.72 * radius * np.sin(a))
        r = max(2, radius // 18)
        cv2.rectangle(img, (cx - r, cy - r), (cx + r, cy + r), red, -1)


def _qr(img: RGBImage, payload: str, x: int, y: int, size: int) -> None:
    import qrcode  # imported here: only the QR fixtures need it

    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(payload)
    qr.make(fit=True)
    modules = np.array(qr.get_matrix(), dtype=np.uint8)
    tile = np.where(modules > 0, 0, 255).astype(np.uint8)
    scaled = np.asarray(cv2.resize(tile, (size, size), interpolation=cv2.INTER_NEAREST), dtype=np.uint8)
    img[y : y + size, x : x + size] = scaled[:, :, None]


def draw_page(spec: PageSpec = PageSpec()) -> RGBImage:
    """Draw a clean synthetic document page as an RGB uint8 array."""
    rng = np.random.default_rng(spec.seed)
    dpi = spec.dpi
    w, h = mm_to_px(spec.paper_mm[0], dpi), mm_to_px(spec.paper_mm[1], dpi)
    img = np.full((h, w, 3), 247, dtype=np.uint8)
    margin = mm_to_px(spec.margin_mm, dpi)
    glyph = mm_to_px(spec.glyph_mm, dpi)
    thick = max(1, round(dpi / 100))  # ~0.25 mm strokes
    line_pitch = int(glyph * spec.line_spacing)
    y = margin
    if spec.title:  # larger, centred
        title = int(glyph * 1.6)
        _text_line(img, w // 2 - 5 * title, y, 10 * title, title, rng, thick + 1)
        y += int(title * 2.2)
    text_w = w - 2 * margin
    if spec.qr_payload is not None:
        text_w -= mm_to_px(30, dpi)
    for i in range(spec.lines):
        if y + glyph > h - margin:
            break
        indent = 2 * (glyph + glyph // 8) if i % 6 == 0 else 0
        length = text_w - indent if i % 6 != 5 else int(text_w * rng.uniform(0.3, 0.8))
        _text_line(img, margin + indent, y, length, glyph, rng, thick)
        y += line_pitch
    if spec.table and y + 6 * line_pitch < h - margin:
        y += line_pitch // 2
        rows, cols = 5, 4
        x_edges = np.linspace(margin, w - margin, cols + 1).astype(int)
        y_edges = [y + r * int(line_pitch * 1.4) for r in range(rows + 1)]
        for yy in y_edges:
            cv2.line(img, (margin, yy), (w - margin, yy), (30, 30, 30), thick)
        for xx in x_edges:
            cv2.line(img, (int(xx), y_edges[0]), (int(xx), y_edges[-1]), (30, 30, 30), thick)
        for r in range(rows):
            for c in range(cols):
                cell_w = int(x_edges[c + 1] - x_edges[c])
                n = int(rng.integers(2, 6))
                _text_line(
                    img,
                    int(x_edges[c]) + glyph // 2,
                    y_edges[r] + glyph // 3,
                    min(cell_w - glyph, n * (glyph + glyph // 8)),
                    glyph,
                    rng,
                    thick,
                )
    if spec.qr_payload is not None:
        qsize = mm_to_px(24, dpi)
        _qr(img, spec.qr_payload, w - margin - qsize, margin, qsize)
    if spec.seal:
        radius = mm_to_px(20, dpi)
        _seal(img, (w - margin - radius - mm_to_px(10, dpi), h - margin - radius), radius, max(2, thick * 3))
    if spec.noise > 0:
        noise = rng.standard_normal(size=(h, w, 1), dtype=np.float32) * np.float32(spec.noise)
        img = np.asarray(np.clip(img + noise, 0, 255), dtype=np.uint8)
    return img
