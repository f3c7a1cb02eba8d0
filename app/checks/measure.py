"""Measurements of one page, computed once and shared by the check steps.

All grey levels are 0 (black) to 255 (white). "Paper" is the 90th percentile grey level (most of a
document page is paper); "ink" is anything clearly darker than the paper. Working relative to the
paper makes the measures indifferent to a grey scanner background or a yellowish sheet.
"""

from __future__ import annotations

from functools import cached_property

import cv2
import numpy as np
import numpy.typing as npt

from app.checks.config import CheckConfig
from app.checks.layout import EdgeContact, LineStructure, edge_contact, line_structure
from app.checks.page import PageImage

_TILE = 64  # px at 150 dpi, about 11 mm: a few characters
_MIN_TILE_INK = 0.02
_MIN_TILE_STD = 3.0
_PRE_SMOOTH_SIGMA = 0.7  # keeps scanner noise out of the sharpness measure
_SOLID_KERNEL = np.ones((5, 5), np.uint8)  # ~1.7 mm at 75 dpi: thicker than any pen or print stroke


class PageStats:
    """Lazily computed measures of a PageImage; each step asks only for what it needs."""

    def __init__(self, page: PageImage, cfg: CheckConfig) -> None:
        self.page = page
        self.cfg = cfg

    @cached_property
    def _histogram(self) -> npt.NDArray[np.float64]:
        hist = cv2.calcHist([self.page.grey], [0], None, [256], [0, 256]).ravel()
        return np.asarray(hist, dtype=np.float64)

    def _percentile(self, q: float, upto: int = 256) -> float:
        cum = np.cumsum(self._histogram[:upto])
        if cum[-1] <= 0:
            return 0.0
        return float(np.searchsorted(cum, q / 100.0 * cum[-1]))

    @cached_property
    def paper_level(self) -> float:
        return self._percentile(90)

    @cached_property
    def _ink_threshold(self) -> int:
        return max(0, int(np.ceil(self.paper_level - self.cfg.blank.ink_delta)))

    @cached_property
    def ink_fraction(self) -> float:
        hist = self._histogram
        return float(hist[: self._ink_threshold].sum() / max(hist.sum(), 1.0))

    @cached_property
    def ink_level(self) -> float | None:
        """Grey level of the core of the ink (its darkest tenth: stroke edges and blur are lighter
        and would make a blurred page look faded), None on a page without ink."""
        if self._histogram[: self._ink_threshold].sum() <= 0:
            return None
        return self._percentile(10, self._ink_threshold)

    @cached_property
    def contrast(self) -> float:
        ink = self.ink_level
        return 0.0 if ink is None else self.paper_level - ink

    @cached_property
    def sharpness(self) -> float | None:
        """100 x median over text tiles of std(Laplacian) / std(grey).

        Dividing by the tile's own contrast makes a faded or dark page no "blurrier" than a crisp
        one; using only tiles with ink ignores empty margins. None if no tile has text."""
        grey = self.page.grey
        h, w = grey.shape
        rows, cols = h // _TILE, w // _TILE
        if rows == 0 or cols == 0:
            return None
        g = grey[: rows * _TILE, : cols * _TILE].astype(np.float32)
        lap = np.asarray(cv2.Laplacian(cv2.GaussianBlur(g, (0, 0), _PRE_SMOOTH_SIGMA), cv2.CV_32F, ksize=3),
                         dtype=np.float32)
        ink = (g < self._ink_threshold).astype(np.float32)

        def tile_mean(a: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
            # area resize by an exact integer factor is the mean of each tile, and fast
            return np.asarray(cv2.resize(a, (cols, rows), interpolation=cv2.INTER_AREA), dtype=np.float32)

        def tile_std(a: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
            var = tile_mean(a * a) - tile_mean(a) ** 2
            return np.sqrt(np.maximum(var, 0.0))

        g_std = tile_std(g)
        use = (tile_mean(ink) >= _MIN_TILE_INK) & (g_std >= _MIN_TILE_STD)
        if not use.any():
            return None
        ratio = tile_std(lap)[use] / g_std[use]
        return float(np.median(ratio)) * 100.0

    @cached_property
    def chroma_fraction(self) -> float:
        """Share of clearly coloured pixels (max-min channel spread above the threshold)."""
        rgb = self.page.rgb
        if rgb is None:
            return 0.0
        r, g, b = cv2.split(rgb)
        spread = cv2.subtract(cv2.max(cv2.max(r, g), b), cv2.min(cv2.min(r, g), b))
        return float(np.count_nonzero(np.asarray(spread) >= self.cfg.colour.min_chroma)) / float(spread.size)

    @cached_property
    def layout_mask(self) -> npt.NDArray[np.bool_]:
        """Thin ink (strokes, rules) at half the analysis resolution (~75 dpi).

        The threshold follows the page's contrast so faded pages still show their lines. Solid
        dark areas (scanner lid, black borders, photos, shadows) are removed: they are not text and
        their straight edges would pass for text lines."""
        grey = self.page.grey
        small = cv2.resize(grey, (max(1, grey.shape[1] // 2), max(1, grey.shape[0] // 2)),
                           interpolation=cv2.INTER_AREA)
        delta = max(self.cfg.blank.ink_delta, min(60.0, 0.5 * self.contrast))
        mask = np.asarray(small < self.paper_level - delta, dtype=np.uint8)
        solid = cv2.dilate(cv2.morphologyEx(mask, cv2.MORPH_OPEN, _SOLID_KERNEL), _SOLID_KERNEL)
        return np.asarray((mask > 0) & (solid == 0))

    @cached_property
    def lines(self) -> LineStructure:
        return line_structure(self.layout_mask)

    @cached_property
    def edges(self) -> EdgeContact:
        # a 5x5 (~1 mm) average first: a cut stroke stays dark, dithering and dust fade to paper
        smooth = cv2.blur(self.page.grey, (5, 5))
        return edge_contact(np.asarray(smooth < self._ink_threshold), self.px_per_mm)

    @cached_property
    def px_per_mm(self) -> float:
        """Pixels per mm of the analysis image, taking the page as A4 when it fills the long side
        (scans smaller than an A4 at 150 dpi are taken at that same density)."""
        return self.cfg.analysis_dpi / 25.4
