"""The administrator's way out of a locked kiosk, on screen: the hidden corner taps open the PIN pad, the PIN is
checked (kiosk.admin: argon2, lock-out), and the right one asks the window for the administrator exit."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.admin import CornerTapDetector, PinResult, PinVerifier
from kiosk.config import KioskConfig
from kiosk.overlays import PinPadOverlay

log = logging.getLogger("onewindow.kiosk.admin")


class AdminExit(QObject):
    confirmed = Signal()  # the right PIN was typed: the window exits with ADMIN_EXIT_CODE

    def __init__(self, config: KioskConfig, clock: Callable[[], float], window: QWidget) -> None:
        super().__init__(window)
        self.window, self.clock = window, clock
        self.corner = CornerTapDetector(config.admin_taps, config.admin_tap_window_s, config.admin_corner_px)
        self.pin = PinVerifier(config.admin_pin_hash, config.admin_max_failures, config.admin_lockout_minutes * 60)
        self.pad = PinPadOverlay(window)
        self.pad.submitted.connect(self.check)

    def press(self, event: QMouseEvent) -> None:
        """A press anywhere on screen (seen by the app-wide activity filter): counts towards the corner gesture."""
        p = self.window.mapFromGlobal(event.globalPosition().toPoint())
        if self.corner.tap(p.x(), p.y(), self.window.width(), self.clock()):
            self.open()

    def open(self) -> None:
        log.warning("admin gesture recognised: PIN pad opened")
        self.pad.open()

    def check(self, pin: str) -> None:
        now = self.clock()
        result = self.pin.verify(pin, now)
        del pin
        if result is PinResult.OK:
            self.pad.hide()
            self.confirmed.emit()
        elif result is PinResult.LOCKED:
            minutes = max(1, math.ceil(self.pin.locked_remaining(now) / 60))
            self.pad.show_message(self.tr("! 错误次数过多,请 {m} 分钟后再试").format(m=minutes))
        elif result is PinResult.NOT_CONFIGURED:
            self.pad.show_message(self.tr("! 未配置管理员密码"))
        else:
            left = self.pin.max_failures - self.pin.failures
            self.pad.show_message(self.tr("! 密码错误,还可尝试 {n} 次").format(n=left))
