"""Sharpness of a page's text, on a sample of tiles (measure.PageStats.sharpness).

100 x the median over text tiles of RMS(second derivative) / std(grey), along x, y and the two
diagonals separately, the weakest direction counting:

- dividing by the tile's own contrast makes a faded or dark page no "blurrier" than a crisp one;
- only tiles with ink count (empty margins say nothing), and an evenly spread sample of them is
  enough for a median: measuring every tile of a dense 150 dpi page cost more than decoding it;
- the four directions catch motion blur (a sheet or a phone that moved): it leaves edges along
  the motion sharp, but nothing changes quickly in the direction of the motion itself;
- scanner and camera noise is not sharpness: its second derivative, measured on tiles of bare
  paper, is taken out of the text tiles' (noise adds in quadrature). Without that a blurred phone
  photo with grain measures as sharp as a clean scan.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

Grey = npt.NDArray[np.uint8]

TILE = 64  # px at 150 dpi, about 11 mm: a few characters
_MIN_TILE_INK = 0.02
_MIN_TILE_STD = 3.0
_MAX_TEXT_TILES = 48  # the median of this many is within a few percent of the median of all
_MAX_PAPER_TILES = 16
_PRE_SMOOTH_SIGMA = 0.7  # keeps the finest grain out of the measure
_PAD = 3  # the pre-smoothing (radius 2) and the derivative (radius 1) see only their own tile
# one direction's second derivative is ~0.6 of the Laplacian on an even blur: scaled so that the
# blur thresholds keep their meaning (sharp scan ~200-280, 2 px Gaussian blur ~50-60)
_DIRECTIONAL_SCALE = 1.65
# the discrete diagonal derivative reads ~10% below the axial ones on the same even blur
_DIAGONAL_SCALE = 1.1


def _spread(indices: npt.NDArray[np.intp], limit: int) -> npt.NDArray[np.intp]:
    """At most ``limit`` of ``indices``, evenly spaced: deterministic and over the whole page."""
    if len(indices) <= limit:
        return indices
    return indices[np.linspace(0, len(indices) - 1, limit).astype(np.intp)]


def _tiles(grey: Grey, flat: npt.NDArray[np.intp], rows: int, cols: int) -> npt.NDArray[np.uint8]:
    """The tiles at the given flat grid indices, each with a ``_PAD`` border of its real neighbours
    (mirrored at the image edge), stacked into one tall image so that each filter runs once."""
    padded = cv2.copyMakeBorder(grey, _PAD, _PAD, _PAD, _PAD, cv2.BORDER_REFLECT_101)
    side = TILE + 2 * _PAD
    s0, s1 = padded.strides
    grid = np.lib.stride_tricks.as_strided(
        padded, shape=(rows, cols, side, side), strides=(TILE * s0, TILE * s1, s0, s1),
        writeable=False)
    picked = grid[flat // cols, flat % cols]  # a copy: only the sampled tiles
    return np.ascontiguousarray(picked.reshape(len(flat) * side, side))


def _rms_second(stack: npt.NDArray[np.uint8], n: int) -> list[npt.NDArray[np.float32]]:
    """RMS of the second derivative along x, y and both diagonals inside each tile of a stack."""
    side = TILE + 2 * _PAD
    smooth = cv2.GaussianBlur(stack, (0, 0), _PRE_SMOOTH_SIGMA)
    fxx, fyy, fxy = (cv2.Sobel(smooth, cv2.CV_32F, dx, dy, ksize=3) for dx, dy in ((2, 0), (0, 2), (1, 1)))
    # along a unit direction u: u'Hu, so (fxx +- 2 fxy + fyy) / 2 on the diagonals
    mean = (fxx + fyy) * np.float32(0.5)  # once for both diagonals
    diagonals = [cv2.scaleAdd(fxy, sign, mean) for sign in (1.0, -1.0)]
    out = []
    for second, scale in ((fxx, 1.0), (fyy, 1.0), (diagonals[0], _DIAGONAL_SCALE), (diagonals[1], _DIAGONAL_SCALE)):
        inner = second.reshape(n, side, side)[:, _PAD:-_PAD, _PAD:-_PAD]
        # the mean of a second derivative over a tile is ~0: its RMS is its standard deviation
        out.append(np.sqrt(np.einsum("ijk,ijk->i", inner, inner) / np.float32(TILE * TILE)) * np.float32(scale))
    return out


def page_sharpness(grey: Grey, ink_threshold: int, background: npt.NDArray[np.uint8] | None) -> float | None:
    """Sharpness of the text on an analysis page (150 dpi); None if no tile has text.
    ``background`` is the 75 dpi mask of scanner background (measure.PageStats.background)."""
    h, w = grey.shape
    rows, cols = h // TILE, w // TILE
    if rows == 0 or cols == 0:
        return None
    g = grey[: rows * TILE, : cols * TILE]
    _, ink = cv2.threshold(g, ink_threshold - 1, 255, cv2.THRESH_BINARY_INV)  # 255 where g < threshold
    ink_share = cv2.resize(ink, (cols, rows), interpolation=cv2.INTER_AREA)  # 0-255, exact enough
    page = np.ones((rows, cols), np.bool_)
    if background is not None:  # the edge of a sheet against the lid is neither text nor paper
        half = TILE // 2
        bg = background[: rows * half, : cols * half]
        if bg.shape == (rows * half, cols * half):
            page = cv2.resize(bg, (cols, rows), interpolation=cv2.INTER_AREA) == 0
    text = _spread(np.flatnonzero((ink_share >= _MIN_TILE_INK * 255) & page), _MAX_TEXT_TILES)
    if len(text) == 0:
        return None
    paper = _spread(np.flatnonzero((ink_share == 0) & page), _MAX_PAPER_TILES)
    flat = np.concatenate((text, paper))
    stack = _tiles(grey, flat, rows, cols)
    side = TILE + 2 * _PAD
    raw = stack.reshape(len(flat), side, side)[: len(text), _PAD:-_PAD, _PAD:-_PAD].astype(np.float32)
    contrast = raw.reshape(len(text), -1).std(axis=1)
    directions = _rms_second(stack, len(flat))
    used = contrast >= _MIN_TILE_STD
    if not used.any():
        return None
    per_direction = []
    for rms in directions:
        noise = float(np.median(rms[len(text):])) if len(paper) else 0.0
        signal = np.sqrt(np.maximum(rms[: len(text)] ** 2 - noise * noise, 0.0))
        per_direction.append(float(np.median(signal[used] / contrast[used])))
    return min(per_direction) * _DIRECTIONAL_SCALE * 100.0
