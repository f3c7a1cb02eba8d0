"""Administrator exit: hidden corner gesture, argon2 PIN, lock-out, dedicated exit code, no PIN in logs."""

from __future__ import annotations

import logging

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.admin import ADMIN_EXIT_CODE, CornerTapDetector, PinResult, PinVerifier
from kiosk.config import KioskConfig

PIN = "731942"
# Cheap argon2 parameters: the tests check the logic, not the hash cost.
PIN_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PIN)


def test_corner_gesture_needs_five_quick_taps_in_the_corner() -> None:
    d = CornerTapDetector(taps=5, window_s=3.0, corner_px=100)
    assert not any(d.tap(1070, 10, 1080, t) for t in (0, 0.5, 1, 1.5))
    assert d.tap(1070, 10, 1080, 2.0)
    assert not any(d.tap(1070, 10, 1080, t) for t in (10, 11, 12, 13))
    assert not d.tap(1070, 10, 1080, 13.5)  # 5 taps but over 3.5 s
    assert not any(d.tap(1070, 10, 1080, t) for t in (20, 20.1, 20.2, 20.3))
    assert not d.tap(500, 500, 1080, 20.4)  # a tap elsewhere breaks the sequence
    assert not d.tap(1070, 10, 1080, 20.5)


def test_pin_lockout_and_recovery(caplog: pytest.LogCaptureFixture) -> None:
    v = PinVerifier(PIN_HASH, max_failures=3, lockout_s=600)
    with caplog.at_level(logging.WARNING, logger="onewindow.kiosk.admin"):
        assert v.verify("000000", 0) is PinResult.WRONG
        assert v.verify("111111", 1) is PinResult.WRONG
        assert v.verify("222222", 2) is PinResult.LOCKED
        assert v.verify(PIN, 3) is PinResult.LOCKED  # even the right PIN while locked out
        assert v.verify(PIN, 601) is PinResult.LOCKED
        assert v.verify(PIN, 603) is PinResult.OK
    assert "admin PIN failure 1/3" in caplog.text and "locked out" in caplog.text
    for secret in (PIN, "000000", "111111", "222222"):
        assert secret not in caplog.text


def test_no_hash_configured_means_no_exit() -> None:
    assert PinVerifier(None).verify(PIN, 0) is PinResult.NOT_CONFIGURED


def _corner_taps(qtbot, kiosk, n: int = 5) -> None:  # noqa: ANN001
    pos = QPoint(kiosk.width() - 20, 20)
    for _ in range(n):
        qtbot.mouseClick(kiosk, Qt.MouseButton.LeftButton, pos=pos)


def test_gesture_pin_lockout_then_exit(qtbot, make_kiosk, mono, caplog) -> None:  # noqa: ANN001
    config = KioskConfig(admin_pin_hash=PIN_HASH, admin_max_failures=3, admin_lockout_minutes=5)
    kiosk = make_kiosk(config)
    codes: list[int] = []
    kiosk.exit_requested.connect(codes.append)
    _corner_taps(qtbot, kiosk, 4)
    assert not kiosk.admin.pad.isVisible()
    _corner_taps(qtbot, kiosk, 1)
    assert kiosk.admin.pad.isVisible()

    def enter(pin: str) -> None:
        pad = kiosk.admin.pad
        for digit in pin:
            qtbot.mouseClick(pad.findChild(QPushButton, f"key_{digit}"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pad.findChild(QPushButton, "admin_ok"), Qt.MouseButton.LeftButton)

    with caplog.at_level(logging.INFO):
        for wrong in ("123456", "654321", "111111"):
            enter(wrong)
        assert "5" in kiosk.admin.pad.message.text()  # "try again in 5 minutes"
        enter(PIN)
        assert codes == [] and kiosk.isVisible()
        mono.advance(5 * 60 + 1)
        enter(PIN)
    assert codes == [ADMIN_EXIT_CODE]
    assert not kiosk.isVisible()
    assert PIN not in caplog.text and "123456" not in caplog.text
