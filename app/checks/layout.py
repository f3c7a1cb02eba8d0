"""Page layout measures on a low-resolution ink mask (~75 dpi): direction of the text lines
(skew and 90-degree turns) and content running into the image edges (cut-off scans).

Text lines are found with projection profiles: ink projected across the lines piles up into
sharp peaks when the projection direction matches the line direction. This is the classic
deskew method; it needs no OCR and works for Chinese and Latin text, forms and tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]

_MAX_POINTS = 20_000  # ink pixels sampled for the profiles: plenty for a page, bounded cost
_SEARCH_DEG = 20.0
_BIN_PX = 2.0


@dataclass(frozen=True)
class LineStructure:
    """How strongly ink lines up horizontally (h) and vertically (v), and at what angle.

    A score is the "peakiness" of the projection profile: 1.0 for evenly spread ink, ~1.8-2.2 for
    a page of text lines. Angles are degrees, counter-clockwise positive, within +-20."""

    points: int
    h_score: float
    h_angle: float
    v_score: float
    v_angle: float


def _profile_scores(along: npt.NDArray[np.float64], across: npt.NDArray[np.float64],
                    angles_deg: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Peakiness of the profile of ``across`` after rotating the points by each angle."""
    t = np.deg2rad(angles_deg)[:, None]
    proj = across[None, :] * np.cos(t) + along[None, :] * np.sin(t)
    proj -= proj.min(axis=1, keepdims=True)
    idx = (proj / _BIN_PX).astype(np.int64)
    nbins = int(idx.max()) + 1
    flat = (idx + np.arange(len(angles_deg))[:, None] * nbins).ravel()
    counts = np.bincount(flat, minlength=len(angles_deg) * nbins).reshape(len(angles_deg), nbins)
    counts = counts.astype(np.float64)
    extent = idx.max(axis=1) + 1
    n = float(len(across))
    return np.asarray((counts * counts).sum(axis=1) / (n * n) * extent, dtype=np.float64)


def _best_angle(along: npt.NDArray[np.float64], across: npt.NDArray[np.float64]) -> tuple[float, float]:
    coarse = np.arange(-_SEARCH_DEG, _SEARCH_DEG + 0.5, 1.0)
    # every 4th point is plenty to find the peak within a degree; the fine search uses them all
    scores = _profile_scores(along[::4], across[::4], coarse)
    centre = float(coarse[int(np.argmax(scores))])
    fine = np.arange(centre - 1.0, centre + 1.05, 0.1)
    scores = _profile_scores(along, across, fine)
    best = int(np.argmax(scores))
    return float(scores[best]), float(round(fine[best], 1))


def line_structure(mask: Mask) -> LineStructure:
    ys, xs = np.nonzero(mask)
    n = len(xs)
    if n < 50:
        return LineStructure(n, 0.0, 0.0, 0.0, 0.0)
    if n > _MAX_POINTS:  # even stride: deterministic and spread over the whole page
        keep = np.linspace(0, n - 1, _MAX_POINTS).astype(np.int64)
        ys, xs = ys[keep], xs[keep]
    x = xs.astype(np.float64)
    y = ys.astype(np.float64)
    # rows: project y across horizontal lines; columns: project x across vertical lines
    h_score, h_angle = _best_angle(-x, y)
    v_score, v_angle = _best_angle(y, x)
    return LineStructure(n, h_score, h_angle, v_score, v_angle)


EDGES = ("top", "bottom", "left", "right")
_STRIP_MM = 0.35  # ink this close to the border touches it
_MAX_RUN_MM = 12.0  # longer contacts are scanner background, shadows, wedges of a skewed scan
_MIN_RUNS = 3  # a couple of specks of dust are not a cut-off page
_MIN_RUN_PX = 2  # single-pixel contacts are noise or dithering, not a cut stroke


@dataclass(frozen=True)
class EdgeContact:
    """Share (0-1) of each edge's length where content runs into the image border.

    Content cut off by the border meets it in many short pieces (strokes of each text line, table
    rules). Long continuous contacts are solid: dark scanner lids, shadows, the dark wedges around
    a skewed sheet; they are left out so that only cut content counts."""

    coverage: dict[str, float]

    @property
    def worst(self) -> tuple[str, float]:
        edge = max(EDGES, key=lambda e: self.coverage.get(e, 0.0))
        return edge, self.coverage.get(edge, 0.0)


def _runs(line: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Lengths of the runs of True."""
    padded = np.concatenate(([False], line, [False])).astype(np.int8)
    change = np.flatnonzero(np.diff(padded))
    return np.asarray(change[1::2] - change[0::2], dtype=np.int64)


def edge_contact(mask: Mask, px_per_mm: float) -> EdgeContact:
    h, w = mask.shape
    strip = max(1, round(_STRIP_MM * px_per_mm))
    max_run = _MAX_RUN_MM * px_per_mm
    if min(h, w) < 8 * strip:
        return EdgeContact({e: 0.0 for e in EDGES})
    touching = {
        "top": np.asarray(mask[:strip, :].any(axis=0), dtype=np.bool_),
        "bottom": np.asarray(mask[-strip:, :].any(axis=0), dtype=np.bool_),
        "left": np.asarray(mask[:, :strip].any(axis=1), dtype=np.bool_),
        "right": np.asarray(mask[:, -strip:].any(axis=1), dtype=np.bool_),
    }
    coverage: dict[str, float] = {}
    for edge, line in touching.items():
        runs = _runs(line)
        runs = runs[(runs >= _MIN_RUN_PX) & (runs <= max_run)]
        coverage[edge] = float(runs.sum()) / len(line) if len(runs) >= _MIN_RUNS else 0.0
    return EdgeContact(coverage)
