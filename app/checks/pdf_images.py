"""The raster images inside a PDF page: which one is "the scan" (for its resolution), whether any
is too big to decode safely, and a fast path for the commonest file at a counter: a scanner PDF
whose page is nothing but one JPEG.

For such a page the JPEG is decoded straight at half or quarter size by libjpeg (DCT scaling),
about three times faster than letting PDFium decode it in full and scale it down. Anything less
plain (other objects, annotations, rotation, masks, unusual colour spaces) is rendered by PDFium.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from app.checks.raster import decode_frame

POINTS_PER_INCH = 72.0
_MIN_SCAN_SHARE = 0.3  # an image covering this share of the page is "the scan"
_FIT_TOLERANCE = 0.01  # the image must fill the page to within 1 %
_PLAIN_COLOURSPACES = frozenset({pdfium_c.FPDF_COLORSPACE_DEVICERGB, pdfium_c.FPDF_COLORSPACE_DEVICEGRAY})


@dataclass(frozen=True, eq=False)
class EmbeddedImage:
    obj: pdfium.PdfImage
    px: tuple[int, int]
    bounds: tuple[float, float, float, float]  # left, bottom, right, top in points

    @property
    def area(self) -> float:
        left, bottom, right, top = self.bounds
        return max(right - left, 0.0) * max(top - bottom, 0.0)


def page_images(page: pdfium.PdfPage) -> list[EmbeddedImage]:
    found = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        try:
            w, h = obj.get_px_size()
            bounds = obj.get_bounds()
        except Exception:  # noqa: BLE001 - an unreadable image object is simply not the scan
            continue
        if w > 0 and h > 0:
            found.append(EmbeddedImage(obj, (int(w), int(h)), tuple(float(v) for v in bounds)))  # type: ignore[arg-type]
    return found


def largest_pixels(images: list[EmbeddedImage]) -> int:
    return max((i.px[0] * i.px[1] for i in images), default=0)


def scan_geometry(images: list[EmbeddedImage], page_area_pt: float
                  ) -> tuple[tuple[int, int] | None, tuple[float, float] | None]:
    """Pixel size and placed size (inches) of the largest image if it covers a good share of the
    page; (None, None) for pages made of text and vector graphics."""
    best = max(images, key=lambda i: i.area, default=None)
    if best is None or best.area < _MIN_SCAN_SHARE * page_area_pt:
        return None, None
    left, bottom, right, top = best.bounds
    return best.px, ((right - left) / POINTS_PER_INCH, (top - bottom) / POINTS_PER_INCH)


def _fills_page(obj: pdfium.PdfImage, w_pt: float, h_pt: float) -> bool:
    a, b, c, d, e, f = obj.get_matrix().get()
    tol_w, tol_h = w_pt * _FIT_TOLERANCE, h_pt * _FIT_TOLERANCE
    return (b == 0 and c == 0 and abs(a - w_pt) <= tol_w and abs(d - h_pt) <= tol_h
            and abs(e) <= tol_w and abs(f) <= tol_h)


def plain_scan(page: pdfium.PdfPage, images: list[EmbeddedImage], size_px: tuple[int, int]
               ) -> npt.NDArray[np.uint8] | None:
    """The page as pixels of ``size_px`` decoded directly from its single JPEG, or None when the
    page is not that simple (the caller then renders it with PDFium)."""
    if len(images) != 1 or page.get_rotation() != 0 or pdfium_c.FPDFPage_GetAnnotCount(page) != 0:
        return None
    left, bottom, right, top = page.get_cropbox()
    if (left, bottom) != (0.0, 0.0) or sum(1 for _ in page.get_objects(max_depth=1)) != 1:
        return None
    obj = images[0].obj
    w_pt, h_pt = right - left, top - bottom
    if obj.get_filters() != ["DCTDecode"] or not _fills_page(obj, w_pt, h_pt):
        return None
    meta = obj.get_metadata()
    if meta.colorspace not in _PLAIN_COLOURSPACES or meta.bits_per_pixel not in (8, 24):
        return None
    with Image.open(io.BytesIO(bytes(obj.get_data(decode_simple=False))), formats=("JPEG",)) as img:
        if img.mode not in ("L", "RGB") or img.size != images[0].px:
            return None
        # PDF viewers ignore EXIF orientation inside embedded JPEGs, and so must we
        arr = decode_frame(img, max(size_px), apply_exif=False)
    if (arr.shape[1], arr.shape[0]) != size_px:
        arr = np.asarray(cv2.resize(arr, size_px, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    return arr
