"""QR codes read from camera frames: decoded off the GUI thread, each code reported once."""

import io

import pytest
import qrcode
from PySide6.QtGui import QImage

from kiosk.camera_scanner import CameraScanner, decode_qr
from tests.support.qt_optional import needs_qt_multimedia


def qr_frame(payload: str, size: int = 640) -> QImage:
    buf = io.BytesIO()
    qrcode.make(payload, border=4).save(buf, format="PNG")
    image = QImage.fromData(buf.getvalue())
    # A camera frame: the code sits in a larger, grey, RGB picture.
    frame = QImage(size * 2, size * 3 // 2, QImage.Format.Format_RGB32)
    frame.fill(0x808080)
    from PySide6.QtGui import QPainter

    painter = QPainter(frame)
    painter.drawImage(size // 2, size // 8, image.scaled(size, size))
    painter.end()
    return frame


def test_decode_qr_from_a_big_frame(qapp):
    assert decode_qr(qr_frame("OW1:T:H023:abc", size=1200)) == ["OW1:T:H023:abc"]
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert decode_qr(blank) == [] and decode_qr(QImage()) == []


def test_each_code_reported_once_while_held(qtbot):
    now = [100.0]
    scanner = CameraScanner(clock=lambda: now[0])
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    frame = qr_frame("OW1:R:H023-20261123-0001")
    with qtbot.waitSignal(scanner.scanned, timeout=5000):
        scanner.offer(frame)
    for _ in range(5):  # the citizen keeps holding the receipt up
        now[0] += 0.5
        scanner.offer(frame)
        qtbot.waitUntil(lambda: not scanner._busy, timeout=5000)
    assert seen == ["OW1:R:H023-20261123-0001"]
    now[0] += 10  # much later, the same code is a new scan
    with qtbot.waitSignal(scanner.scanned, timeout=5000):
        scanner.offer(frame)
    assert len(seen) == 2
    scanner.stop()


@needs_qt_multimedia
def test_no_camera_is_reported_not_raised(qapp):
    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera")
    scanner = CameraScanner()
    assert scanner.start() is False
    scanner.stop()
