"""One page prepared for analysis, whatever file it came from (image file, TIFF frame, PDF page)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Grey = npt.NDArray[np.uint8]
RGB = npt.NDArray[np.uint8]


@dataclass(frozen=True, eq=False)
class PageImage:
    """A page scaled to the analysis resolution (an A4 page at 150 dpi, never enlarged).

    ``source_px`` is the size of the scanned raster before scaling (None for a PDF page drawn from
    text and vector graphics, where resolution means nothing); ``placed_in`` is the size in inches
    at which a PDF places that raster (None for image files, where the paper size of the material
    kind is assumed instead).
    """

    number: int  # 1-based
    grey: Grey
    rgb: RGB | None  # None when the source has no colour channels at all
    source_px: tuple[int, int] | None
    placed_in: tuple[float, float] | None = None

    @property
    def colour_source(self) -> bool:
        return self.rgb is not None


def fit_long_side(arr: npt.NDArray[np.uint8], long_side: int) -> npt.NDArray[np.uint8]:
    """Scale down (area averaging, like a scanner at lower dpi) so the long side is at most
    ``long_side``; smaller images are left alone because enlarging invents no detail."""
    h, w = arr.shape[:2]
    scale = long_side / max(h, w)
    if scale >= 1.0:
        return arr
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return np.asarray(cv2.resize(arr, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def make_page(
    number: int,
    pixels: npt.NDArray[np.uint8],
    long_side: int,
    source_px: tuple[int, int] | None,
    placed_in: tuple[float, float] | None = None,
) -> PageImage:
    """Build a page from a grey (H, W) or RGB (H, W, 3) array."""
    scaled = fit_long_side(np.ascontiguousarray(pixels), long_side)
    if scaled.ndim == 2:
        return PageImage(number, scaled, None, source_px, placed_in)
    grey = np.asarray(cv2.cvtColor(scaled, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    return PageImage(number, grey, scaled, source_px, placed_in)
