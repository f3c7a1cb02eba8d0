"""Is a page upside down (turned by 180 degrees)? Projection profiles cannot tell: a line of text
lines up the same way either way round. Without OCR we read the layout instead, as a clerk does
at a glance, from cues that hold for Chinese documents (and most others):

- alignment: text is set flush left, so short lines (the end of a paragraph, a ragged right
  edge) leave their gap on the right; upside down the gaps are on the left and the lines are
  flush right (on a page in columns, each column against its own edges and line height);
- head room: a page that is not full starts at the top and leaves its empty space at the bottom;
- title: a larger, centred line heads the page;
- seal: the red seal (公章) sits in the lower part of the page.

Each cue votes +1 (upright), -1 (upside down) or 0 (cannot tell); alignment counts double when it is
clear-cut. The page is called upside down only when the votes add up to the threshold and no cue
says upright: a clean page must never be held up by a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.checks.layout import GUTTER_PX, gutter_strips

Mask = npt.NDArray[np.bool_]
Points = tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]

_ROW_SHARE = 0.12  # a row belongs to a text line when it has this share of a busy row's ink
_MIN_BANDS = 3
_MAX_SPLIT = 2  # px at ~75 dpi: gaps this small inside a band are not between lines
_FLUSH = 0.6  # in line heights: a line edge this close to the text block's edge is flush
_SHORT = 4.0  # in line heights: a gap this long is a short line (longer than a paragraph indent)
_HEAD_ROOM = 0.15  # share of the page height of extra empty space at one end
_TITLE = 1.2  # a line this much taller than the median line is a title
_CENTRED = 0.08  # share of the text width: a line this well centred is a title
_GUTTER = 1.2  # in line heights (and at least layout.GUTTER_PX): an empty strip this wide down
# the page separates two columns (4.5 mm between columns of 10 pt print)


@dataclass(frozen=True)
class Band:
    """One text line in the deskewed page: rows top..bottom, ink from left to right (pixels)."""

    top: float
    bottom: float
    left: float
    right: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Votes:
    alignment: int
    head_room: int
    title: int
    seal: int

    @property
    def total(self) -> int:
        return self.alignment + self.head_room + self.title + self.seal

    @property
    def any_upright(self) -> bool:
        return max(self.alignment, self.head_room, self.title, self.seal) > 0


def text_bands(mask: Mask, angle_deg: float, points: Points | None = None) -> tuple[list[Band], float]:
    """Text lines of an ink mask whose lines run at ``angle_deg`` (counter-clockwise positive,
    as measured by layout.line_structure), and the page height in the same deskewed units.
    ``points`` are the mask's np.nonzero, when already at hand."""
    ys, xs = points if points is not None else np.nonzero(mask)
    h, w = mask.shape
    if len(xs) < 50:
        return [], float(h)
    t = np.deg2rad(angle_deg)
    # the same rotation as the profile search: lines become horizontal
    yr = ys * np.cos(t) - xs * np.sin(t)
    xr = xs * np.cos(t) + ys * np.sin(t)
    y0 = float(yr.min())
    row_of = (yr - y0).astype(np.int64)
    rows = np.bincount(row_of)
    busy = float(np.percentile(rows[rows > 0], 90))
    on = np.concatenate(([False], rows >= _ROW_SHARE * busy, [False])).astype(np.int8)
    change = np.flatnonzero(np.diff(on))
    starts, ends = change[0::2], change[1::2]
    if len(starts) == 0:
        return [], float(h)
    # a glyph row with few strokes in the middle (a title's) must not split its line in two
    keep = np.concatenate(([True], starts[1:] - ends[:-1] > _MAX_SPLIT))
    starts, ends = starts[keep], np.concatenate((ends[np.flatnonzero(keep[1:])], ends[-1:]))
    # by whole rows (a band's bounds are whole rows): a stable integer sort is a radix sort
    order = np.argsort(row_of, kind="stable")
    row_sorted = row_of[order]
    xr_sorted = xr[order]
    bands = []
    for s, e in zip(starts, ends, strict=True):
        lo, hi = np.searchsorted(row_sorted, [s, e])
        if hi - lo < 10 or e - s < 2:
            continue
        cut = (hi - lo) // 200  # the outermost 0.5 % on each side: specks of dust, not the line
        x = np.partition(xr_sorted[lo:hi], [cut, hi - lo - 1 - cut])
        bands.append(Band(float(s), float(e), float(x[cut]), float(x[hi - lo - 1 - cut])))
    # the page height along the deskewed axis, offset like the bands
    corners_y = np.array([0.0, -w * np.sin(t), h * np.cos(t), h * np.cos(t) - w * np.sin(t)])
    top_of_page = float(corners_y.min()) - y0
    shifted = [Band(b.top - top_of_page, b.bottom - top_of_page, b.left, b.right) for b in bands]
    return shifted, float(corners_y.max() - corners_y.min())


def _flush_counts(lines: list[Band], unit: float) -> tuple[int, int]:
    """Short lines set flush left, and flush right."""
    left_ref = float(np.percentile([b.left for b in lines], 10))
    right_ref = float(np.percentile([b.right for b in lines], 90))
    flush_left_short = flush_right_short = 0
    for b in lines:
        gap_l, gap_r = max(0.0, b.left - left_ref), max(0.0, right_ref - b.right)
        if gap_l < _FLUSH * unit and gap_r > _SHORT * unit:
            flush_left_short += 1
        elif gap_r < _FLUSH * unit and gap_l > _SHORT * unit:
            flush_right_short += 1
    return flush_left_short, flush_right_short


def _alignment(fwd: int, rev: int) -> int:
    if rev >= 2 and rev >= 3 * fwd + 2:
        return -2 if rev >= 4 and fwd <= rev // 6 else -1
    if fwd >= 2 and fwd >= 3 * rev + 2:
        return 2 if fwd >= 4 and rev <= fwd // 6 else 1
    return 0


def _head_room(bands: list[Band], page_h: float) -> int:
    top_gap = bands[0].top
    bottom_gap = page_h - bands[-1].bottom
    if bottom_gap - top_gap > _HEAD_ROOM * page_h:
        return 1
    if top_gap - bottom_gap > _HEAD_ROOM * page_h:
        return -1
    return 0


def _is_title(b: Band, unit: float, left_ref: float, right_ref: float) -> bool:
    centre_off = abs((b.left - left_ref) - (right_ref - b.right))
    return b.height >= _TITLE * unit and centre_off <= _CENTRED * (right_ref - left_ref) and \
        b.right - b.left < 0.9 * (right_ref - left_ref)


def _title(lines: list[Band], unit: float) -> int:
    left_ref = min(b.left for b in lines)
    right_ref = max(b.right for b in lines)
    first = _is_title(lines[0], unit, left_ref, right_ref)
    last = _is_title(lines[-1], unit, left_ref, right_ref)
    return int(first) - int(last)


def _seal(seal_y: float | None) -> int:
    if seal_y is None:
        return 0
    return 1 if seal_y > 0.6 else -1 if seal_y < 0.4 else 0


def _column_bands(mask: Mask, angle_deg: float, points: Points, cuts: npt.NDArray[np.float64]) -> list[list[Band]]:
    """The text lines of each column of a page split at ``cuts`` (gutters along its lines)."""
    ys, xs = points
    t = np.deg2rad(angle_deg)
    column_of = np.searchsorted(cuts, xs * np.cos(t) + ys * np.sin(t))
    sides = (column_of == k for k in range(len(cuts) + 1))
    return [text_bands(mask, angle_deg, (ys[side], xs[side]))[0] for side in sides]


def upright_votes(mask: Mask, angle_deg: float, seal_y: float | None = None,
                  points: Points | None = None) -> Votes | None:
    """Votes for a page the right way up (positive) or upside down (negative); None when the page
    has too few text lines to judge. ``seal_y`` is the height of the coloured ink's centre as a
    share of the page height (0 top, 1 bottom), None when the page has no colour."""
    ys, xs = points if points is not None else np.nonzero(mask)
    bands, page_h = text_bands(mask, angle_deg, (ys, xs))
    if len(bands) < _MIN_BANDS:
        return None
    unit = float(np.median([b.height for b in bands]))
    if unit <= 0:
        return None
    # the empty strips down the page, along its (deskewed) lines: maybe the gutters of columns
    strips = gutter_strips(xs, ys, GUTTER_PX, -angle_deg)
    columns: list[list[Band]] = []
    cuts = strips.centres
    if len(strips.centres):
        columns = _column_bands(mask, angle_deg, (ys, xs), strips.centres)
        heights = [b.height for column in columns for b in column]
        # a line's height as measured in its column: where the columns' lines do not line up
        # (small print in three columns), across the page they merge into taller blocks
        column_unit = float(np.median(heights)) if heights else unit
        cuts = strips.at_least(max(GUTTER_PX, _GUTTER * column_unit))
        if len(cuts) and column_unit > 0:
            unit = column_unit
        if len(cuts) != len(strips.centres):  # some strips are too narrow for gutters
            columns = _column_bands(mask, angle_deg, (ys, xs), cuts) if len(cuts) else []
    # text lines only: not table rules (thin) nor blocks of merged lines (tall)
    lines = [b for b in bands if 0.6 * unit <= b.height <= 2.5 * unit]
    if len(lines) < _MIN_BANDS:
        return None
    if columns:  # each column's short lines against that column's edges
        fwd = rev = 0
        for column in columns:
            column_lines = [b for b in column if 0.6 * unit <= b.height <= 2.5 * unit]
            if len(column_lines) >= _MIN_BANDS:
                f, r = _flush_counts(column_lines, unit)
                fwd, rev = fwd + f, rev + r
    else:
        fwd, rev = _flush_counts(lines, unit)
    return Votes(_alignment(fwd, rev), _head_room(bands, page_h), _title(lines, unit), _seal(seal_y))
