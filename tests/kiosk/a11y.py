"""Measure what a citizen actually gets: point sizes, touch-target sizes, and WCAG contrast computed
from the rendered window: in a real grab, the background is the dominant colour of each widget's area
and the text colour is the rendered colour contrasting most with it. Reading the rendered pixels (not
the palette) also covers stylesheet pseudo-states such as :checked and :disabled."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QScrollArea, QWidget


@dataclass
class Finding:
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.problem}"


def describe(w: QWidget) -> str:
    text = w.text() if isinstance(w, QLabel | QAbstractButton | QLineEdit) else ""
    return f"{type(w).__name__}#{w.objectName() or '-'}({text[:20]!r})"


def pixels(image: QImage) -> np.ndarray:
    """RGB32 QImage -> (h, w) array of 0xRRGGBB."""
    h, bpl = image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint32, count=h * bpl // 4).reshape(h, bpl // 4)
    return raw[:, : image.width()] & 0xFFFFFF


def _rgb(v: int) -> tuple[int, int, int]:
    return (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF


def _channel(c: float) -> float:
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2.x contrast ratio."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_colours(px: np.ndarray, rect: QRect, inset: int) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(background, text) actually rendered in ``rect``: the most common colour, and among colours
    covering a meaningful number of pixels inside the border/padding, the one contrasting most with it
    (glyph cores are drawn in the exact text colour; anti-aliased edges are in-between)."""
    x0, y0 = max(0, rect.left()), max(0, rect.top())
    x1, y1 = min(px.shape[1], rect.right() + 1), min(px.shape[0], rect.bottom() + 1)
    crop = px[y0:y1, x0:x1]
    if crop.size == 0:
        return (0, 0, 0), (0, 0, 0)
    values, counts = np.unique(crop, return_counts=True)
    bg = _rgb(int(values[np.argmax(counts)]))
    inner = crop[inset: max(inset + 1, crop.shape[0] - inset), inset: max(inset + 1, crop.shape[1] - inset)]
    values, counts = np.unique(inner, return_counts=True)
    floor = max(3, inner.size // 2000)
    best, best_ratio = bg, 1.0
    for v, n in zip(values.tolist(), counts.tolist(), strict=True):
        if n < floor:
            continue
        ratio = contrast_ratio(_rgb(v), bg)
        if ratio > best_ratio:
            best, best_ratio = _rgb(v), ratio
    return bg, best


def has_text(w: QWidget) -> bool:
    if isinstance(w, QLabel):
        return bool(w.text()) and w.pixmap().isNull()
    if isinstance(w, QAbstractButton):
        return bool(w.text())
    if isinstance(w, QLineEdit):
        return bool(w.text() or w.placeholderText())
    return False


def audited_widgets(root: QWidget, window: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(window) and w.width() > 0 and w.height() > 0]


def scroll_area_of(w: QWidget) -> QScrollArea | None:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return p
        p = p.parentWidget()
    return None


def audit(window: QWidget, root: QWidget, *, min_pt: float | None, largest_pt: float | None,
          min_target: int = 60, min_contrast: float = 4.5) -> tuple[list[Finding], float]:
    """Check every visible widget under ``root``; returns findings and the largest text size seen."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    px = pixels(image)
    scale = image.width() / max(1, window.width())
    findings: list[Finding] = []
    biggest = 0.0
    bounds = window.rect()
    for w in audited_widgets(root, window):
        top_left = w.mapTo(window, w.rect().topLeft())
        rect = QRect(top_left, w.size())
        area = scroll_area_of(w)
        if area is None and not bounds.contains(rect):
            findings.append(Finding(describe(w), f"outside the screen {rect.getRect()}"))
            continue
        if area is not None:
            # Scrolled out of sight for now: sizes still count, colours are checked where it shows.
            port = area.viewport()
            seen = rect.intersected(QRect(port.mapTo(window, port.rect().topLeft()), port.size()))
            if seen.height() < rect.height():
                rect = QRect()
        if isinstance(w, QAbstractButton | QLineEdit) and (w.width() < min_target or w.height() < min_target):
            findings.append(Finding(describe(w), f"touch target {w.width()}x{w.height()} < {min_target}"))
        if not has_text(w):
            continue
        if rect.isEmpty():
            pt = w.font().pointSizeF()
            if min_pt is not None and pt < min_pt:
                findings.append(Finding(describe(w), f"text {pt} pt < {min_pt}"))
            continue
        pt = w.font().pointSizeF()
        biggest = max(biggest, pt)
        if min_pt is not None and pt < min_pt:
            findings.append(Finding(describe(w), f"text {pt} pt < {min_pt}"))
        if isinstance(w, QLabel):
            need = w.heightForWidth(w.width()) if w.wordWrap() else w.sizeHint().height()
            if need > w.height() + 2:
                findings.append(Finding(describe(w), f"text clipped: needs {need}px, has {w.height()}"))
        elif isinstance(w, QAbstractButton):
            hint = w.sizeHint()
            if hint.height() > w.height() + 2 or hint.width() > w.width() + 2:
                findings.append(Finding(describe(w), f"text clipped: needs {hint.width()}x{hint.height()}, "
                                                     f"has {w.width()}x{w.height()}"))
        scaled = QRect(int(rect.x() * scale), int(rect.y() * scale), int(rect.width() * scale),
                       int(rect.height() * scale))
        inset = 8 if isinstance(w, QAbstractButton | QLineEdit) or w.property("role") in ("card",) else 0
        bg, fg = text_colours(px, scaled, int(inset * scale))
        ratio = contrast_ratio(fg, bg)
        if ratio < min_contrast:
            findings.append(Finding(describe(w), f"contrast {ratio:.2f} < {min_contrast} (fg {fg}, bg {bg})"))
    if largest_pt is not None and biggest < largest_pt:
        findings.append(Finding(type(root).__name__, f"largest text {biggest} pt < {largest_pt}"))
    return findings, biggest
