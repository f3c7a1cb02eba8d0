"""What on a ~75 dpi page is ink (content) and what only looks dark: uneven light, punched holes,
folds and scanner streaks. Used by measure.PageStats for its ink mask (uneven light, every page)
and the blank-page measure (holes, folds, streaks: nearly blank pages only), where a false
"content" keeps a blank sheet from being reported.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

Grey = npt.NDArray[np.uint8]
Stats = npt.NDArray[Any]  # cv2.connectedComponentsWithStats rows: x, y, width, height, area

# the most a phone's light or a shadow darkens the paper across a page; anything darker than that
# below the page's paper level is never taken for paper (a dark scanner lid stays background)
LIGHT_FALLOFF = 50.0
_CELL = 16  # px at ~75 dpi, about 5 mm: cells whose brightest neighbour is the paper nearby
_NEIGHBOURS = np.ones((5, 5), np.uint8)  # ~27 mm: wider than a line of text, narrower than a shadow

_HOLE_MM = (4.0, 10.0)  # filing holes are 5-8 mm across
_HOLE_BAND_MM = 25.0  # ...and punched within ~20 mm of an edge
_CREASE_MM = 2.0  # a fold or a streak is thinner than this...
_CREASE_SPAN = 0.9  # ...and runs across this share of the page, from edge to edge


def local_paper(small: Grey, paper: float, delta: float) -> Grey:
    """The ink threshold around each pixel: ``delta`` below the local paper level, which is the
    brightest ~5 mm cell within ~27 mm but never darker than the page's paper level minus
    LIGHT_FALLOFF. A phone photo lit from one side keeps its paper "paper" from corner to corner."""
    h, w = small.shape
    cells = cv2.resize(small, (max(1, w // _CELL), max(1, h // _CELL)), interpolation=cv2.INTER_AREA)
    bright = np.clip(cv2.dilate(cells, _NEIGHBOURS).astype(np.float32), paper - LIGHT_FALLOFF, paper)
    limit = np.clip(np.ceil(bright - delta), 0, 255).astype(np.uint8)
    return np.asarray(cv2.resize(limit, (w, h), interpolation=cv2.INTER_LINEAR), dtype=np.uint8)


def without_holes(ink: Grey, solid_kernel: Grey, px_per_mm: float) -> Grey:
    """``ink`` (0/1) without filing holes: solid, round, 4-10 mm, near an edge (the lid shows
    through them; they are not content)."""
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, solid_kernel)
    if not solid.any():
        return ink
    _, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    hole = _holes(stats, ink.shape, px_per_mm)
    hole[0] = False
    if not hole.any():
        return ink
    out = ink.copy()
    out[cv2.dilate(hole[labels].astype(np.uint8), solid_kernel) > 0] = 0
    return out


def _holes(stats: Stats, shape: tuple[int, ...], px_per_mm: float) -> npt.NDArray[np.bool_]:
    h, w = shape
    x, y, bw, bh, area = (stats[:, k].astype(np.float64) for k in range(5))
    lo, hi = (v * px_per_mm for v in _HOLE_MM)
    near = _HOLE_BAND_MM * px_per_mm
    cx, cy = x + bw / 2, y + bh / 2
    edge_dist = np.minimum(np.minimum(cx, w - cx), np.minimum(cy, h - cy))
    fill = area / np.maximum(bw * bh, 1.0)  # a disc fills ~0.79 of its box, a square 1.0
    return np.asarray((bw >= lo) & (bw <= hi) & (bh >= lo) & (bh <= hi) & (np.abs(bw - bh) <= 0.25 * bw)
                      & (fill >= 0.6) & (fill <= 0.92) & (edge_dist <= near), dtype=np.bool_)


def without_creases(ink: Grey, px_per_mm: float) -> Grey:
    """``ink`` (0/1) without folds and scanner streaks: thin lines from edge to edge of the page.
    Printed rules stop at the margins, so a blank form keeps its rules."""
    h, w = ink.shape
    thin = max(1, round(_CREASE_MM * px_per_mm))
    out = ink.copy()
    for kernel, along in ((np.ones((1, 15), np.uint8), 0), (np.ones((15, 1), np.uint8), 1)):
        # a crease is faint and broken at 75 dpi: join its pieces along its length first
        joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
        length, width = (stats[:, 2], stats[:, 3]) if along == 0 else (stats[:, 3], stats[:, 2])
        crease = (length >= _CREASE_SPAN * (w if along == 0 else h)) & (width <= thin)
        crease[0] = False
        if crease.any():
            out[crease[labels]] = 0
    return out
