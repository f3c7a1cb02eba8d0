"""Decode JPEG, PNG and TIFF files into analysis pages, safely.

Hostile or broken files are expected at a service counter: the pixel count is checked from the
header before decoding (decompression bombs), JPEGs are decoded at reduced size straight from the
DCT (fast, and never the full 300 dpi raster), truncated data becomes a finding, and every TIFF
frame is a page up to the configured cap.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import cv2
import numpy as np
import numpy.typing as npt
from PIL import ExifTags, Image

from app.checks import sniff
from app.checks.config import CheckConfig
from app.checks.findings import Finding
from app.checks.page import PageImage, make_page

_GREY_MODES = frozenset({"1", "L", "LA", "La"})
_WIDE_GREY_MODES = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
_FORMATS = ("JPEG", "PNG", "TIFF")


def unreadable(cfg: CheckConfig, zh: str, en: str, page: int | None = None,
               measured: float | str | None = None, threshold: float | str | None = None) -> Finding:
    return Finding("file.unreadable", cfg.file.unreadable_severity, page, zh, en, measured, threshold)


def too_many_pixels(cfg: CheckConfig, size: tuple[int, int], page: int | None) -> Finding | None:
    w, h = size
    limit = cfg.file.max_pixels
    if w <= 0 or h <= 0:
        return unreadable(cfg, f"图像尺寸无效（{w}×{h}）", f"Invalid image size ({w}x{h})", page)
    if w * h <= limit:
        return None
    mp, limit_mp = w * h / 1e6, limit / 1e6
    return unreadable(
        cfg,
        f"图像 {w}×{h} 像素（{mp:.0f} 百万像素），超过安全上限 {limit_mp:.0f} 百万像素，未解码；请降低扫描分辨率后重扫",
        f"Image is {w}x{h} pixels ({mp:.0f} MP), above the safe limit of {limit_mp:.0f} MP; "
        "not decoded. Please rescan at a lower resolution",
        page,
        round(mp, 1),
        round(limit_mp, 1),
    )


@contextlib.contextmanager
def _pillow_guard() -> Iterator[None]:
    """Pillow warns about odd metadata (noise for a clerk); its bomb warning must stop decoding."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _to_array(img: Image.Image) -> npt.NDArray[np.uint8]:
    """Pixels as uint8 grey (H, W) when the source has no colour channels, else RGB (H, W, 3)."""
    mode = img.mode
    if mode in _GREY_MODES:
        return np.asarray(img if mode == "L" else img.convert("L"), dtype=np.uint8)
    if mode in _WIDE_GREY_MODES:  # 16-bit and float greyscale scans
        arr = np.asarray(img, dtype=np.float32)
        top = 65535.0 if mode.startswith("I;16") else max(float(arr.max()), 1.0)
        return np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8)
    if "A" in mode or (mode == "P" and "transparency" in img.info):
        # transparent areas are paper, not black
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return np.asarray(img if img.mode == "RGB" else img.convert("RGB"), dtype=np.uint8)


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_REDUCIBLE_MODES = frozenset({"L", "LA", "RGB", "RGBA", "CMYK", "I", "F"})


def decode_frame(img: Image.Image, long_side: int, apply_exif: bool = True) -> npt.NDArray[np.uint8]:
    """Decode one frame to at least ``long_side`` pixels and at most about twice that: the
    analysis never needs more, and copying a full 300 dpi raster costs more than all checks."""
    if img.format in ("JPEG", "MPO"):
        # let libjpeg scale by 1/2, 1/4 or 1/8 while decoding, staying at or above the target size
        w, h = img.size
        scale = long_side / max(w, h)
        if scale < 1.0:
            img.draft(img.mode, (max(1, int(w * scale)), max(1, int(h * scale))))
    img.load()
    orientation = img.getexif().get(ExifTags.Base.Orientation, 1) if apply_exif else 1
    out: Image.Image = img
    factor = max(out.size) // long_side
    if factor >= 2 and out.mode in _REDUCIBLE_MODES:
        out = out.reduce(int(factor))  # fast box filter in C
    method = _TRANSPOSE.get(orientation)
    if method is not None:  # phone photos: upright as a viewer shows them
        out = out.transpose(method)
    return _to_array(out)


def decode_png(path: Path, img: Image.Image, long_side: int) -> npt.NDArray[np.uint8] | None:
    """A plain 8-bit grey or RGB PNG decoded by OpenCV, scaled by 1/2, 1/4 or 1/8 in the same pass
    (PNG has no reduced decoding; this saves Pillow's full-size copy and its separate reduce).
    None for anything else (palette, alpha, transparency, 16-bit grey, EXIF orientation, a broken
    file): Pillow decodes those, and reports broken data as a finding."""
    if img.format != "PNG" or img.mode not in ("L", "RGB") or "transparency" in img.info:
        return None
    if getattr(img, "n_frames", 1) != 1:
        return None
    if not _upright(img):  # the eXIf chunk comes before the pixels
        return None
    factor = max(img.size) // long_side
    flags = {1: (cv2.IMREAD_GRAYSCALE, cv2.IMREAD_COLOR_RGB),
             2: (cv2.IMREAD_REDUCED_GRAYSCALE_2, cv2.IMREAD_REDUCED_COLOR_2),
             4: (cv2.IMREAD_REDUCED_GRAYSCALE_4, cv2.IMREAD_REDUCED_COLOR_4),
             8: (cv2.IMREAD_REDUCED_GRAYSCALE_8, cv2.IMREAD_REDUCED_COLOR_8)}
    step = 8 if factor >= 8 else 4 if factor >= 4 else 2 if factor >= 2 else 1
    grey_flag, colour_flag = flags[step]
    try:
        data = np.fromfile(path, dtype=np.uint8)
        arr = cv2.imdecode(data, grey_flag if img.mode == "L" else colour_flag)
    except (OSError, cv2.error):
        return None
    if arr is None or arr.ndim != (2 if img.mode == "L" else 3):
        return None
    if step > 1 and img.mode == "RGB":
        arr = cv2.cvtColor(arr, cv2.COLOR_BGR2RGB)  # the reduced colour modes give BGR
    expected = (-(-img.size[1] // step), -(-img.size[0] // step))
    if abs(arr.shape[0] - expected[0]) > 1 or abs(arr.shape[1] - expected[1]) > 1:
        return None
    return np.asarray(arr, dtype=np.uint8)


def _upright(img: Image.Image) -> bool:
    """No EXIF orientation other than "as stored" (read from the header; img.getexif() could decode pixels)."""
    if "exif" not in img.info:
        return True
    exif = Image.Exif()
    exif.load(img.info["exif"])
    return bool(exif.get(ExifTags.Base.Orientation, 1) == 1)


def decode_jpeg(path: Path, img: Image.Image, long_side: int) -> npt.NDArray[np.uint8] | None:
    """A plain grey or RGB JPEG decoded by OpenCV straight into the array the checks use, scaled by
    1/2, 1/4 or 1/8 inside libjpeg (the same scaled IDCT as Pillow's draft mode, so the same pixels).
    Pillow's route decodes into its own image, then copies it out in chunks and joins them (two more
    passes over the page): about a tenth of the check time of a 300 dpi scan.

    None for anything else (CMYK, EXIF orientation, an MPO's frames, a file not ending in the JPEG
    end marker, which Pillow reports as truncated, or any decoder complaint): Pillow decodes those."""
    if img.format != "JPEG" or img.mode not in ("L", "RGB") or not _upright(img):
        return None
    w, h = img.size
    step = next((s for s in (8, 4, 2) if max(w, h) // s >= long_side), 1)  # what draft() would choose
    if max(w, h) // step >= 2 * long_side:
        return None  # would need a further reduce: rare (beyond 8x), left to the general path
    try:
        data = np.fromfile(path, dtype=np.uint8)
        if data.size < 4 or data[-2] != 0xFF or data[-1] != 0xD9:
            return None  # truncated (or trailing bytes): Pillow tells a broken file from a good one
        reduced = {1: 0, 2: cv2.IMREAD_REDUCED_GRAYSCALE_2, 4: cv2.IMREAD_REDUCED_GRAYSCALE_4,
                   8: cv2.IMREAD_REDUCED_GRAYSCALE_8}[step]
        colour = cv2.IMREAD_COLOR_RGB if img.mode == "RGB" else cv2.IMREAD_GRAYSCALE
        arr = cv2.imdecode(data, reduced | colour | cv2.IMREAD_IGNORE_ORIENTATION)
    except (OSError, cv2.error):
        return None
    if arr is None or arr.ndim != (2 if img.mode == "L" else 3):
        return None
    if arr.shape[:2] != (-(-h // step), -(-w // step)):
        return None
    return np.asarray(arr, dtype=np.uint8)


class ImageSource:
    """An opened image file: file-level findings, page count, and its pages one at a time
    (so that a 50-frame TIFF never sits in memory all at once)."""

    def __init__(self, path: Path, detected: str, cfg: CheckConfig) -> None:
        self.cfg = cfg
        self.findings: list[Finding] = []
        self.page_count: int | None = None
        self._img: Image.Image | None = None
        self._path = path
        self._open(path, detected)

    def _open(self, path: Path, detected: str) -> None:
        cfg = self.cfg
        try:
            with open(path, "rb") as fh:
                size = sniff.header_size(fh, detected)
        except OSError as exc:
            self.findings.append(unreadable(cfg, f"无法读取文件：{exc.strerror or exc}",
                                            f"Cannot read the file: {exc.strerror or exc}"))
            return
        if size is not None and (bomb := too_many_pixels(cfg, size, None)) is not None:
            self.findings.append(bomb)
            return
        try:
            with _pillow_guard():
                self._img = Image.open(path, formats=_FORMATS)
                # an MPO (phone camera JPEG) carries a preview as a second frame: one page
                frames = 1 if self._img.format == "MPO" else getattr(self._img, "n_frames", 1)
                self.page_count = int(frames or 1)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            self.findings.append(unreadable(cfg, "图像像素数超过安全上限，未解码",
                                            "The image has more pixels than the safe limit; not decoded"))
        except Exception as exc:  # noqa: BLE001 - any decoder failure on hostile input is a finding
            self.findings.append(unreadable(cfg, f"图像文件无法打开（{type(exc).__name__}）",
                                            f"The image file cannot be opened ({type(exc).__name__})"))

    def pages(self) -> Iterator[PageImage | Finding]:
        img, cfg = self._img, self.cfg
        if img is None or self.page_count is None:
            return
        multi = self.page_count > 1
        for index in range(min(self.page_count, cfg.file.max_pages_checked)):
            number = index + 1
            try:
                with _pillow_guard():
                    if index:
                        img.seek(index)
                    source_px = img.size
                    bomb = too_many_pixels(cfg, source_px, number if multi else None)
                    if bomb is None:
                        fast = None if multi else (decode_png(self._path, img, cfg.analysis_long_side)
                                                   if img.format == "PNG"
                                                   else decode_jpeg(self._path, img, cfg.analysis_long_side))
                        arr = fast if fast is not None else decode_frame(img, cfg.analysis_long_side)
            except Exception as exc:  # noqa: BLE001 - truncated/corrupt data must not escape
                yield unreadable(
                    cfg,
                    f"图像数据损坏或不完整，无法解码（{type(exc).__name__}）",
                    f"The image data is corrupt or incomplete and cannot be decoded ({type(exc).__name__})",
                    number if multi else None,
                )
                if index == 0:
                    return  # nothing after a broken first frame can be trusted
                continue
            if bomb is not None:
                yield bomb
                continue
            yield make_page(number, arr, cfg.analysis_long_side, source_px)

    def close(self) -> None:
        if self._img is not None:
            self._img.close()
            self._img = None

    def __enter__(self) -> ImageSource:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
