"""Measurements of one page, computed once and shared by the check steps.

All grey levels are 0 (black) to 255 (white). "Paper" is the 90th percentile grey level (most of a
document page is paper); "ink" is anything clearly darker than the paper. Working relative to the
paper makes the measures indifferent to a grey scanner background or a yellowish sheet.
"""

from __future__ import annotations

import math
from functools import cached_property

import cv2
import numpy as np
import numpy.typing as npt

from app.checks import ink
from app.checks.config import CheckConfig
from app.checks.layout import EdgeContact, LineStructure, edge_contact_of, line_structure
from app.checks.page import PageImage
from app.checks.sharpness import page_sharpness
from app.checks.upright import Votes, upright_votes

_THREE = np.ones((3, 3), np.uint8)
_RIM_MM = 2.0  # the border band left out of the text-line mask
_SEAL_SHARE_OF_INK = 0.3  # coloured ink up to this share of all ink is a seal or stamp, not text
_SOLID_KERNEL = np.ones((5, 5), np.uint8)  # ~1.7 mm at 75 dpi: thicker than any pen or print stroke
_SEAL_MAX_SPAN = 0.5  # share of the page width: a seal (or two side by side) is narrower
_NEARLY_BLANK = 10  # x the blank limit: a page this empty may be blank but for a fold or a streak


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
    def _small(self) -> npt.NDArray[np.uint8]:
        """The page at half the analysis resolution (~75 dpi), area-averaged: scanner noise averages
        out while strokes stay dark. Layout and blank measures work on it."""
        grey = self.page.grey
        return np.asarray(cv2.resize(grey, (max(1, grey.shape[1] // 2), max(1, grey.shape[0] // 2)),
                                     interpolation=cv2.INTER_AREA), dtype=np.uint8)

    @cached_property
    def _small_paper(self) -> float:
        hist = cv2.calcHist([self._small], [0], None, [256], [0, 256]).ravel()
        cum = np.cumsum(hist)
        return float(np.searchsorted(cum, 0.9 * cum[-1]))

    @cached_property
    def _small_ink(self) -> npt.NDArray[np.uint8]:
        """1 where the ~75 dpi page is clearly darker than its paper."""
        # small < paper - delta, for whole grey levels; cv2.threshold is several times faster
        below = math.ceil(self._small_paper - self.cfg.blank.ink_delta) - 1
        if below < 0:
            return np.zeros_like(self._small)
        return np.asarray(cv2.threshold(self._small, below, 1, cv2.THRESH_BINARY_INV)[1], dtype=np.uint8)

    @cached_property
    def _small_content(self) -> npt.NDArray[np.uint8]:
        """1 where the ~75 dpi page is clearly darker than the paper around it (ink.local_paper: a
        phone photo's light falls off across the sheet). Only for the blank measure: the scanner
        background keeps the page-wide level, so that a light desk around a photographed sheet
        stays background."""
        limit = ink.local_paper(self._small, self._small_paper, self.cfg.blank.ink_delta)
        below = cv2.compare(self._small, limit, cv2.CMP_LT)  # 255 where darker
        return np.asarray(cv2.threshold(below, 127, 1, cv2.THRESH_BINARY)[1], dtype=np.uint8)

    @cached_property
    def background(self) -> npt.NDArray[np.uint8] | None:
        """255 on dark background reaching the image border at ~75 dpi (scanner lid, the area
        around a smaller or turned sheet, with its rim), None when there is none. More than half
        the page is not background but content (a dark photo)."""
        small_ink = self._small_ink
        solid = cv2.morphologyEx(small_ink, cv2.MORPH_OPEN, _SOLID_KERNEL)
        if not (solid[0].any() or solid[-1].any() or solid[:, 0].any() or solid[:, -1].any()):
            return None
        _, labels, boxes, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
        h, w = small_ink.shape
        x, y, bw, bh = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
        touching = (x == 0) | (y == 0) | (x + bw == w) | (y + bh == h)
        touching[0] = False  # label 0 is everything that is not solid
        if not touching.any():
            return None
        background = cv2.dilate(np.asarray(touching[labels], dtype=np.uint8) * np.uint8(255), _SOLID_KERNEL)
        if cv2.countNonZero(background) >= 0.5 * small_ink.size:
            return None
        return np.asarray(background, dtype=np.uint8)

    @cached_property
    def ink_fraction(self) -> float:
        """Share of the page with ink on it, at ~75 dpi (scanner noise averages out, strokes stay
        dark). Background is not ink: a blank sheet scanned with a black border is still blank; nor
        are filing holes, folds and streaks, looked for only when the page is nearly blank (on
        other pages they change nothing)."""
        small_ink, background = self._small_content, self.background
        if background is not None:
            small_ink = np.asarray(cv2.bitwise_and(small_ink, cv2.bitwise_not(background)), dtype=np.uint8)
        share = float(cv2.countNonZero(small_ink)) / float(small_ink.size)
        if share < _NEARLY_BLANK * self.cfg.blank.max_ink_fraction:
            small_ink = ink.without_holes(small_ink, _SOLID_KERNEL, self.px_per_mm / 2)
            small_ink = ink.without_creases(small_ink, self.px_per_mm / 2)
            share = float(cv2.countNonZero(small_ink)) / float(small_ink.size)
        return share

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
        """Sharpness of the text (app/checks/sharpness.py), None if no part of the page has text."""
        return page_sharpness(self.page.grey, self._ink_threshold, self.background)

    @cached_property
    def _colour_masks(self) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint8]] | None:
        """255 where a pixel is clearly coloured (max-min channel spread above the threshold), and
        where it is clearly red (red above both other channels by as much): seals are red, while a
        letterhead's logo, a licence's gilt frame or blue ink are colour too."""
        if self.page.rgb is None:
            return None
        # every other pixel of every other row: a share and a centre need no more, and a seal's
        # ring (~0.7 mm, 4 px) is still hit all the way round
        h, w = self.page.rgb.shape[:2]
        rgb = cv2.resize(self.page.rgb, (max(1, w // 2), max(1, h // 2)), interpolation=cv2.INTER_NEAREST)
        r, g, b = cv2.split(rgb)
        g_or_b = cv2.max(g, b)
        spread = cv2.subtract(cv2.max(r, g_or_b), cv2.min(cv2.min(r, g), b))
        redness = cv2.subtract(r, g_or_b)
        level = math.ceil(self.cfg.colour.min_chroma) - 1
        _, mask = cv2.threshold(spread, level, 255, cv2.THRESH_BINARY)
        _, red = cv2.threshold(redness, level, 255, cv2.THRESH_BINARY)
        return np.asarray(mask, dtype=np.uint8), np.asarray(red, dtype=np.uint8)

    @property
    def _chroma(self) -> npt.NDArray[np.uint8] | None:
        masks = self._colour_masks
        return None if masks is None else masks[0]

    @cached_property
    def chroma_fraction(self) -> float:
        """Share of clearly coloured pixels."""
        mask = self._chroma
        if mask is None:
            return 0.0
        return float(cv2.countNonZero(mask)) / float(mask.size)

    @cached_property
    def seal_y(self) -> float | None:
        """Height of the centre of the red ink (0 top, 1 bottom): where the red seal is tells which
        way up the page is. None with too little red, or with red spread across the page (a red
        letterhead and its rule, 红头) rather than gathered in a seal."""
        masks = self._colour_masks
        if masks is None:
            return None
        red = masks[1]
        total = float(cv2.countNonZero(red))
        if total < self.cfg.colour.min_fraction * red.size:
            return None
        per_col = cv2.reduce(red, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32F).ravel()
        cum = np.cumsum(per_col) / per_col.sum()
        span = (np.searchsorted(cum, 0.95) - np.searchsorted(cum, 0.05)) / len(per_col)
        if span > _SEAL_MAX_SPAN:
            return None
        per_row = cv2.reduce(red, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32F).ravel()
        return float(per_row @ np.arange(len(per_row), dtype=np.float32)) / float(per_row.sum()) / len(per_row)

    @cached_property
    def layout_mask(self) -> npt.NDArray[np.bool_]:
        """Thin ink (strokes, rules) at half the analysis resolution (~75 dpi).

        The threshold follows the page's contrast so faded pages still show their lines. Solid
        dark areas (scanner lid, black borders, photos, shadows) are removed: they are not text and
        their straight edges would pass for text lines. So is coloured ink (a red seal, a stamp):
        it sits across the text and would pass for a short line at the wrong end of the page."""
        small = self._small
        delta = max(self.cfg.blank.ink_delta, min(60.0, 0.5 * self.contrast))
        mask = np.asarray(small < self.paper_level - delta, dtype=np.uint8)
        solid = cv2.dilate(cv2.morphologyEx(mask, cv2.MORPH_OPEN, _SOLID_KERNEL), _SOLID_KERNEL)
        chroma = self._chroma  # every other pixel of the analysis page: the grid of this mask
        # only when colour is a small part of the ink: on a page written in blue it is the text
        if chroma is not None and 0 < self.chroma_fraction <= _SEAL_SHARE_OF_INK * self.ink_fraction:
            h, w = mask.shape
            solid = cv2.bitwise_or(solid, cv2.dilate(chroma[:h, :w], _THREE))
        thin = np.asarray((mask > 0) & (solid == 0))
        # a scanner's edge shadow is a long straight line along the border, not a text line
        rim = max(1, round(_RIM_MM * self.px_per_mm / 2))
        if min(thin.shape) > 4 * rim:
            thin[:rim], thin[-rim:], thin[:, :rim], thin[:, -rim:] = False, False, False, False
        return thin

    @cached_property
    def _layout_points(self) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        # cv2.findNonZero is several times faster than np.nonzero, in the same (row-major) order
        found = cv2.findNonZero(self.layout_mask.view(np.uint8))
        if found is None:
            empty = np.zeros(0, np.intp)
            return empty, empty
        xy = found.reshape(-1, 2)
        return xy[:, 1].astype(np.intp), xy[:, 0].astype(np.intp)

    @cached_property
    def lines(self) -> LineStructure:
        return line_structure(self.layout_mask, self._layout_points)

    @cached_property
    def upright(self) -> Votes | None:
        return upright_votes(self.layout_mask, self.lines.h_angle, self.seal_y, self._layout_points)

    @cached_property
    def edges(self) -> EdgeContact:
        return edge_contact_of(self.page.grey, self._ink_threshold, self.px_per_mm)

    @cached_property
    def px_per_mm(self) -> float:
        """Pixels per mm of the analysis image, taking the page as A4 when it fills the long side
        (scans smaller than an A4 at 150 dpi are taken at that same density)."""
        return self.cfg.analysis_dpi / 25.4
