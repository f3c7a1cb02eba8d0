"""The OCR engine: RapidOCR (PP-OCRv4 detection and recognition, ONNX models inside the
``rapidocr-onnxruntime`` wheel) on the CPU through onnxruntime. Nothing is downloaded at run time.

Loaded lazily, once per process (a check worker of the pool): importing onnxruntime and reading the
models costs ~0.4 s and ~100 MB, so a check of a kind without OCR never touches this module's engine.
One inference thread per process: the pool already uses the cores.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

_lock = threading.Lock()
_engine: Any = None


@dataclass(frozen=True)
class Line:
    """One recognised text line: its text, its box in the page's pixels and the model's confidence."""

    text: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    score: float
    angle: float = 0.0  # slope of the box's top edge, radians (skewed scans, phone photos)

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR
            from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

            eng = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, print_verbose=False)
            det = eng.text_det
            det.ow_side = 960
            # The wheel picks the detector's input size from the image size alone (960-2000 px); we cap it per
            # region instead: the text we need is large, and detection time grows with the square of the side.
            det.get_preprocess = lambda _max_wh: DetPreProcess(det.ow_side, "max", det.mean, det.std)
            _engine = eng
        return _engine


def read_region(rgb: npt.NDArray[np.uint8], offset: tuple[int, int] = (0, 0), det_side: int = 640,
                scale: float = 1.0) -> list[Line]:
    """Text lines of an RGB region; boxes are divided by ``scale`` (a region enlarged for reading) and
    shifted by ``offset`` into page coordinates.

    ``det_side`` caps the long side the detector sees (text of an ID card or a licence header stays
    well above the detector's minimum size at 640-960 px); recognition always uses full resolution."""
    if rgb.size == 0:
        return []
    bgr = np.ascontiguousarray(rgb[:, :, ::-1]) if rgb.ndim == 3 else np.stack([rgb] * 3, axis=-1)
    eng = engine()
    eng.text_det.ow_side = det_side
    result, _ = eng(bgr, use_cls=True)  # ~20 ms: a line upside down (a card turned over) is read too
    lines: list[Line] = []
    for points, text, score in result or []:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (int(min(xs) / scale) + offset[0], int(min(ys) / scale) + offset[1],
               int(max(xs) / scale) + offset[0], int(max(ys) / scale) + offset[1])
        (x0, y0), (x1, y1) = points[0], points[1]
        angle = math.atan2(y1 - y0, x1 - x0) if x1 - x0 > 1 else 0.0
        lines.append(Line(str(text), box, float(score), angle))
    return lines


class Budget:
    """A time budget for one page: regions are read in order of importance until it is spent."""

    def __init__(self, ms: float) -> None:
        self.deadline = time.perf_counter() + ms / 1000
        self.exceeded = False

    def left(self) -> bool:
        if time.perf_counter() >= self.deadline:
            self.exceeded = True
        return not self.exceeded
