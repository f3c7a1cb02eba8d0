"""QR codes from a camera: frames from QtMultimedia, decoded with zxing-cpp off the GUI thread.

Kiosks usually have a keyboard-wedge scanner (kiosk/scanner_input.py); a camera is the alternative for
machines without one. Frames are sampled a few times a second, decoded on a worker thread, and the
same code seen again within a few seconds is reported once (a citizen holds the paper still).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import zxingcpp
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

log = logging.getLogger("onewindow.kiosk.camera")

SAMPLE_INTERVAL_S = 0.2
REPEAT_SUPPRESS_S = 3.0
MAX_SIDE = 960  # downscale big frames: QR codes on paper held to a kiosk camera stay readable


def decode_qr(image: QImage) -> list[str]:
    """Every QR payload in the image (pure function: safe on any thread)."""
    if image.isNull():
        return []
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = grey.bytesPerLine()
    raw = np.frombuffer(grey.constBits(), dtype=np.uint8, count=stride * grey.height())
    pixels = raw.reshape(grey.height(), stride)[:, : grey.width()].copy()
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in zxingcpp.read_barcodes(pixels, formats=qr_only) if r.text]


class CameraScanner(QObject):
    scanned = Signal(str)
    _decoded = Signal(object)  # list[str], from the worker thread to the GUI thread

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-decode")
        self._busy = False
        self._last_sample = float("-inf")
        self._recent: dict[str, float] = {}
        self._camera: object | None = None
        self._session: object | None = None
        self._decoded.connect(self._on_decoded)

    def start(self, device_id: str | None = None) -> bool:
        """Open the camera; False (and a log line) when QtMultimedia or a camera is missing."""
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
        except ImportError as exc:
            log.warning("camera scanning unavailable: QtMultimedia cannot load (%s)", exc)
            return False
        devices = QMediaDevices.videoInputs()
        chosen = next((d for d in devices if device_id and bytes(d.id().data()).decode() == device_id), None)
        chosen = chosen or (devices[0] if devices else None)
        if chosen is None:
            log.warning("camera scanning unavailable: no camera found")
            return False
        camera, session, sink = QCamera(chosen, self), QMediaCaptureSession(self), QVideoSink(self)
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(lambda frame: self.offer(frame.toImage()))
        camera.start()
        self._camera, self._session = camera, session
        log.info("camera scanning on %s", chosen.description())
        return True

    def offer(self, image: QImage) -> None:
        """A new frame: decode it unless one is still being decoded or one was taken moments ago."""
        now = self.clock()
        if self._busy or now - self._last_sample < SAMPLE_INTERVAL_S:
            return
        self._busy, self._last_sample = True, now
        future = self._pool.submit(decode_qr, image.copy())
        future.add_done_callback(self._deliver)

    def _deliver(self, future: Future[list[str]]) -> None:
        try:
            codes = future.result()
        except Exception:  # a broken frame is simply skipped
            log.exception("QR decode failed")
            codes = []
        try:
            self._decoded.emit(codes)
        except RuntimeError:  # the scanner was deleted while decoding
            pass

    @Slot(object)
    def _on_decoded(self, codes: list[str]) -> None:
        self._busy = False
        now = self.clock()
        self._recent = {c: t for c, t in self._recent.items() if now - t < REPEAT_SUPPRESS_S}
        for code in codes:
            if code not in self._recent:
                self._recent[code] = now
                self.scanned.emit(code)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
        self._pool.shutdown(wait=False, cancel_futures=True)
