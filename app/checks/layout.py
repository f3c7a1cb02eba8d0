"""Page layout measures on a low-resolution ink mask (~75 dpi): direction of the text lines
(skew and 90-degree turns) and content running into the image edges (cut-off scans).

Text lines are found with projection profiles: ink projected across the lines piles up into
sharp peaks when the projection direction matches the line direction. This is the classic
deskew method; it needs no OCR and works for Chinese and Latin text, forms and tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]

_MAX_POINTS = 12_000  # ink pixels sampled for the profiles: plenty for a page, bounded cost
_SEARCH_DEG = 44.0  # skew of the text lines; beyond 45 degrees a page is nearer a 90-degree turn
EDGE_OF_SEARCH = 43.5  # degrees: a best angle this far out is no line direction but the search's edge
# (the diagonals of a character grid)
# lines of a page turned by 90 degrees: kept narrow, because far from upright the slanted strokes
# of the glyphs themselves start to line up and would pass for vertical lines
_TURNED_SEARCH_DEG = 20.0
_BIN_PX = 2.0
_SPLIT_BELOW = 1.4  # h score under which each half of the page is profiled on its own
GUTTER_PX = 12.0  # ~4 mm at ~75 dpi: an empty strip at least this wide may separate two columns
_GUTTER_BLOCK_PX = 6.0  # strips across the lines, about a line high, in which ink is counted once
_GUTTER_OCCUPANCY = 0.1  # of a typical strip's share of blocks with ink: empty enough for a gutter
_GUTTER_SPAN = (0.2, 0.8)  # of the text block: gutters lie inside it, columns are not slivers
Groups = tuple[npt.NDArray[np.int32], int]  # a label 0..k-1 per point, and k
Coords = npt.NDArray[np.float32] | npt.NDArray[np.intp]


@dataclass(frozen=True)
class LineStructure:
    """How strongly ink lines up horizontally (h) and vertically (v), and at what angle.

    A score is the "peakiness" of the projection profile: 1.0 for evenly spread ink, ~1.8-2.2 for
    a page of text lines. Angles are degrees, counter-clockwise positive, within +-44 (h) and +-20 (v)."""

    points: int
    h_score: float
    h_angle: float
    v_score: float
    v_angle: float
    # the best h score within +-20 degrees, what a page turned by 90 degrees is compared with: on
    # a turned page of dense Chinese the character grid also lines up along its diagonals (+-45)
    h_near: float = 0.0

    @property
    def h_diagonal(self) -> bool:
        """The best h angle is no line direction but the diagonals of a character grid: at the
        edge of the search, or beyond the vertical search's range and weaker than the lines that
        run down the page (a page in columns turned by 90 degrees, whose lines show only column
        by column)."""
        far = abs(self.h_angle)
        return far >= EDGE_OF_SEARCH or (far > _TURNED_SEARCH_DEG and self.v_score > self.h_score)


def _profile_scores(along: npt.NDArray[np.float32], across: npt.NDArray[np.float32],
                    group: Groups | None, angles_deg: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Peakiness of the profile of ``across`` after rotating the points by each angle; with
    ``group`` (labels 0..k-1 per point, and k), profiled separately for each part of the page along
    the lines: the columns of a notice need not share their line positions."""
    t = np.deg2rad(angles_deg).astype(np.float32)[:, None]
    proj = across[None, :] * np.cos(t) + along[None, :] * np.sin(t)
    proj -= proj.min(axis=1, keepdims=True)
    proj *= np.float32(1.0 / _BIN_PX)
    idx = proj.astype(np.int32)
    extent = idx.max(axis=1).astype(np.int64) + 1
    nbins = int(extent.max())
    groups = 1 if group is None else group[1]
    idx += (np.arange(len(angles_deg), dtype=np.int32) * (groups * nbins))[:, None]
    if group is not None:
        idx += group[0][None, :] * np.int32(nbins)
    size = groups * nbins
    counts = np.bincount(idx.ravel(), minlength=len(angles_deg) * size).reshape(len(angles_deg), size)
    n = float(len(across))
    sizes = np.full(1, n) if group is None else np.bincount(group[0], minlength=groups).astype(np.float64)
    # sum(c^2 - c) / sum n_g(n_g-1): unbiased, so that a sample of the points scores like all of
    # them, and 1.0 for ink spread evenly within each part
    pairs = np.einsum("ij,ij->i", counts, counts) - n
    return np.asarray(pairs / max(float(sizes @ (sizes - 1.0)), 1.0) * extent, dtype=np.float64)


def _coarse(along: npt.NDArray[np.float32], across: npt.NDArray[np.float32], group: Groups | None,
            limit: float) -> tuple[float, float, float, float]:
    """Best score and angle in 1-degree steps, and the best score and its angle within
    +-_TURNED_SEARCH_DEG."""
    angles = np.arange(-limit, limit + 0.5, 1.0)
    # every 4th point is plenty to find the peak within a degree; the fine search uses them all
    sample = None if group is None else (group[0][::4], group[1])
    scores = _profile_scores(along[::4], across[::4], sample, angles)
    best = int(np.argmax(scores))
    inside = np.flatnonzero(np.abs(angles) <= _TURNED_SEARCH_DEG)
    near = int(inside[np.argmax(scores[inside])])
    return float(scores[best]), float(angles[best]), float(scores[near]), float(angles[near])


def _fine(along: npt.NDArray[np.float32], across: npt.NDArray[np.float32], group: Groups | None,
          centre: float) -> tuple[float, float]:
    angles = np.arange(centre - 1.0, centre + 1.05, 0.1)
    scores = _profile_scores(along, across, group, angles)
    best = int(np.argmax(scores))
    return float(scores[best]), float(round(angles[best], 1))


Points = tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]


@dataclass(frozen=True)
class Gutters:
    """The empty strips down a page found by gutter_strips: centres and widths (px along the
    lines), and the width of the text block they lie in."""

    centres: npt.NDArray[np.float64]
    widths: npt.NDArray[np.float64]
    block: float

    def at_least(self, min_width: float) -> npt.NDArray[np.float64]:
        """Centres of the strips at least ``min_width`` wide: the gutters at that width."""
        if self.block < 3 * min_width:
            return np.zeros(0, np.float64)
        return self.centres[self.widths >= min_width]


def gutter_strips(along: Coords, across: Coords, min_width: float, angle_deg: float = 0.0) -> Gutters:
    """Where a page set in columns may be split: the strips at least ``min_width`` px wide, inside
    the text block, that nearly no line crosses, along its lines (rotated by ``angle_deg`` like the
    profiles). Ink is counted once per block of rows: a title, a heading or a rule across the
    gutter fills a few blocks, a column of text nearly all of them."""
    none = Gutters(np.zeros(0, np.float64), np.zeros(0, np.float64), 0.0)
    if len(along) < 50:
        return none
    t = np.deg2rad(angle_deg)
    cos, sin = np.float32(np.cos(t)), np.float32(np.sin(t))
    a32, c32 = along.astype(np.float32, copy=False), across.astype(np.float32, copy=False)
    pos, rows = a32 * cos - c32 * sin, c32 * cos + a32 * sin
    start = float(pos.min())
    # the 1st and 99th percentile to the bin, from a histogram: no sort of all the points
    col = ((pos - start) * np.float32(1.0 / _BIN_PX)).astype(np.int32)
    cum = np.cumsum(np.bincount(col))
    first, last = (int(i) for i in np.searchsorted(cum, [0.01 * len(col), 0.99 * len(col)]))
    nbins = last - first + 1
    if nbins * _BIN_PX < 3 * min_width:
        return none
    col = (col - first).clip(0, nbins - 1)
    block = ((rows - rows.min()) * np.float32(1.0 / _GUTTER_BLOCK_PX)).astype(np.int32)
    occupied = np.bincount(block * nbins + col, minlength=(int(block.max()) + 1) * nbins) > 0
    share = occupied.reshape(-1, nbins).sum(axis=0)
    a, b = int(_GUTTER_SPAN[0] * nbins), int(_GUTTER_SPAN[1] * nbins)
    empty = np.concatenate(([False], share[a:b] <= _GUTTER_OCCUPANCY * np.median(share), [False]))
    change = np.flatnonzero(np.diff(empty.astype(np.int8)))
    starts, ends = change[0::2], change[1::2]
    widths = (ends - starts) * _BIN_PX
    wide = widths >= min_width
    centres = start + (first + a + (starts[wide] + ends[wide]) / 2) * _BIN_PX
    return Gutters(np.asarray(centres, dtype=np.float64), np.asarray(widths[wide], dtype=np.float64),
                   nbins * _BIN_PX)


def _columns(along: npt.NDArray[np.float32], across: npt.NDArray[np.float32], angle_deg: float,
             spread: int = 0) -> tuple[Groups, float] | None:
    """The column of each point, split at the gutters, and the angle of the gutters (across them,
    like the profiles: the angle of lines set at right angles to the columns); None for a page in
    one column. With
    ``spread``, the gutters are looked for up to that many degrees either side of ``angle_deg`` and
    of 0 too, and taken at the angle where they are widest: a gutter is only a few line heights
    wide, and the angle of a page whose columns' lines do not line up is only roughly known (a
    degree off, one of two gutters may still show; with no clear lines at all, the best angle is
    anywhere, while a page in columns is seldom far from straight)."""
    offsets = sorted(range(-spread, spread + 1), key=abs)
    angles = dict.fromkeys([angle_deg + k for k in offsets] + ([float(k) for k in offsets] if spread else []))
    best: tuple[float, float, npt.NDArray[np.float64]] | None = None
    for angle in angles:
        found = gutter_strips(along, across, GUTTER_PX, angle)
        total = float(found.widths.sum())
        if total > 0 and (best is None or total > best[0]):
            best = (total, angle, found.centres)
    if best is None:
        return None
    _, angle, cuts = best
    t = np.deg2rad(angle)
    pos = along * np.cos(t) - across * np.sin(t)
    return (np.searchsorted(cuts, pos).astype(np.int32), len(cuts) + 1), angle


def line_structure(mask: Mask, points: Points | None = None) -> LineStructure:
    """Line direction of an ink mask; ``points`` are its np.nonzero, when already at hand."""
    ys, xs = points if points is not None else np.nonzero(mask)
    n = len(xs)
    if n < 50:
        return LineStructure(n, 0.0, 0.0, 0.0, 0.0)
    if n > _MAX_POINTS:  # even stride: deterministic and spread over the whole page
        keep = np.linspace(0, n - 1, _MAX_POINTS).astype(np.int64)
        ys, xs = ys[keep], xs[keep]
    x = xs.astype(np.float32)
    y = ys.astype(np.float32)
    # rows: project y across horizontal lines; columns: project x across vertical lines
    _, coarse_angle, h_near, near_angle = _coarse(-x, y, None, _SEARCH_DEG)
    h_score, h_angle = _fine(-x, y, None, coarse_angle)
    if h_score < _SPLIT_BELOW:
        # no clear lines across the whole page: maybe two columns whose lines do not line up with
        # each other; each half of the page profiled on its own (the skew of a notice set in two
        # columns). Only then: on other pages the halves add nothing and cost time.
        left = ((xs >= mask.shape[1] // 2).astype(np.int32), 2)
        split_score, split_angle = _fine(-x, y, left, _coarse(-x, y, left, _SEARCH_DEG)[1])
        if split_score > h_score:
            h_score, h_angle = split_score, split_angle
    v_score, v_angle, _, _ = _coarse(y, x, None, _TURNED_SEARCH_DEG)
    v_groups = None
    if h_near < _SPLIT_BELOW:
        # no clear lines across: maybe a page in columns turned by 90 degrees, whose columns'
        # lines do not line up with each other; each column (split at the gutters, which run
        # across the page then) profiled on its own
        v_columns = _columns(y, x, v_angle, spread=3)
        if v_columns is not None:
            v_groups = v_columns[0]
            split_score, split_angle, _, _ = _coarse(y, x, v_groups, _TURNED_SEARCH_DEG)
            if split_score > v_score:
                v_score, v_angle = split_score, split_angle
            else:
                v_groups = None
    if v_score >= h_near:  # only a page that may be turned needs the exact vertical angle
        v_score, v_angle = _fine(y, x, v_groups, v_angle)
    if h_near < _SPLIT_BELOW:
        # dense small print in three or more columns: each column's lines show only on their own,
        # and across the whole page the character grid's diagonals (+-45) outscore them. Each
        # column (split at the gutters, which run down the page) profiled on its own, near the
        # angle of the gutters; taken only when it explains the page better than anything else,
        # a page turned by 90 degrees among them
        h_columns = _columns(-x, y, near_angle, spread=3)
        if h_columns is not None:
            # the lines run at right angles to the gutters, to within a few degrees: all the
            # points at each degree (few columns of small print are too thin for a sample)
            h_groups, gutter_angle = h_columns
            around = np.arange(gutter_angle - 3.0, gutter_angle + 3.5, 1.0)
            split_angle = float(around[np.argmax(_profile_scores(-x, y, h_groups, around))])
            split_score, split_angle = _fine(-x, y, h_groups, split_angle)
            if split_score > max(h_score, v_score):
                h_score, h_angle = split_score, split_angle
    return LineStructure(n, h_score, h_angle, v_score, v_angle, h_near)


EDGES = ("top", "bottom", "left", "right")
_STRIP_MM = 0.35  # ink this close to the border touches it
_MAX_RUN_MM = 12.0  # longer contacts are scanner background, shadows, wedges of a skewed scan
_MIN_RUNS = 3  # a couple of specks of dust are not a cut-off page
_MIN_RUN_PX = 2  # single-pixel contacts are noise or dithering, not a cut stroke
_NEAR_MM = 1.5  # ink this close to the border belongs to what was cut there
_MERGE_MM = 3.0  # strokes closer than this belong to the same cut line of text (less than a line gap)


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


def _runs(line: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Starts and ends (exclusive) of the runs of True."""
    padded = np.concatenate(([False], line, [False])).astype(np.int8)
    change = np.flatnonzero(np.diff(padded))
    return np.asarray(change[0::2], dtype=np.int64), np.asarray(change[1::2], dtype=np.int64)


def _covered(touch: npt.NDArray[np.bool_], near: npt.NDArray[np.bool_], max_run: float, merge: float) -> float:
    """Share of an edge covered by cut content. ``touch`` marks where ink meets the border, ``near``
    where there is ink close to it: a cut line of text counts with the height of its glyphs that
    reach the border, not just the width of the one or two strokes that happen to cross it."""
    starts, ends = _runs(near)
    lengths = ends - starts
    touches = np.concatenate(([0], np.cumsum(touch, dtype=np.int64)))
    keep = (touches[ends] > touches[starts]) & (lengths >= _MIN_RUN_PX) & (lengths <= max_run)
    if int(keep.sum()) < _MIN_RUNS:
        return 0.0
    starts, ends = starts[keep], ends[keep]
    new_group = np.concatenate(([True], starts[1:] - ends[:-1] > merge))
    first = starts[new_group]
    last = np.maximum.reduceat(ends, np.flatnonzero(new_group))
    return float((last - first).sum()) / len(touch)


def _depth(px_per_mm: float) -> tuple[int, int]:
    strip = max(1, round(_STRIP_MM * px_per_mm))
    return strip, max(strip, round(_NEAR_MM * px_per_mm))


def edge_contact_of(grey: npt.NDArray[np.uint8], ink_below: int, px_per_mm: float) -> EdgeContact:
    """edge_contact of the ink of a grey page after a 5x5 (~1 mm) average: a cut stroke stays dark,
    dithering and dust fade to paper. Only the bands along the border that edge_contact reads are
    averaged (the rest of the mask stays empty): the whole page would cost more than all of it."""
    h, w = grey.shape
    band = _depth(px_per_mm)[1] + 2  # the 5x5 average reaches 2 px further in
    mask = np.zeros((h, w), np.bool_)
    if min(h, w) <= 4 * band:
        mask[:] = cv2.blur(grey, (5, 5)) < ink_below
        return edge_contact(mask, px_per_mm)
    for rows in (np.s_[:band], np.s_[h - band :]):
        mask[rows] = cv2.blur(grey[rows], (5, 5)) < ink_below
    for cols in (np.s_[:, :band], np.s_[:, w - band :]):
        mask[cols] = cv2.blur(grey[cols], (5, 5)) < ink_below
    return edge_contact(mask, px_per_mm)


def edge_contact(mask: Mask, px_per_mm: float) -> EdgeContact:
    h, w = mask.shape
    strip, depth = _depth(px_per_mm)
    max_run = _MAX_RUN_MM * px_per_mm
    if min(h, w) < 8 * depth:
        return EdgeContact({e: 0.0 for e in EDGES})
    sides = {
        "top": lambda d: mask[:d, :].any(axis=0),
        "bottom": lambda d: mask[-d:, :].any(axis=0),
        "left": lambda d: mask[:, :d].any(axis=1),
        "right": lambda d: mask[:, -d:].any(axis=1),
    }
    merge = _MERGE_MM * px_per_mm
    return EdgeContact({
        edge: _covered(np.asarray(side(strip), dtype=np.bool_), np.asarray(side(depth), dtype=np.bool_),
                       max_run, merge)
        for edge, side in sides.items()
    })
