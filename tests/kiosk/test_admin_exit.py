"""The administrator-exit controller on its own: corner gesture, the PIN pad's messages, the confirmation."""

from __future__ import annotations

from argon2 import PasswordHasher
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.admin_exit import AdminExit
from kiosk.config import KioskConfig

PIN = "731942"
PIN_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PIN)  # cheap: logic, not cost


def _window(qtbot) -> QWidget:  # noqa: ANN001
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(1080, 1920)
    w.show()
    qtbot.waitExposed(w)
    return w


def _press(w: QWidget, x: int, y: int) -> QMouseEvent:
    local = QPointF(x, y)
    return QMouseEvent(QEvent.Type.MouseButtonPress, local, QPointF(w.mapToGlobal(QPoint(x, y))),
                       Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_corner_presses_open_the_pad(qtbot, mono) -> None:  # noqa: ANN001
    w = _window(qtbot)
    admin = AdminExit(KioskConfig(admin_pin_hash=PIN_HASH), mono, w)
    for _ in range(4):
        admin.press(_press(w, w.width() - 20, 20))
        mono.advance(0.2)
    assert not admin.pad.isVisible()
    admin.press(_press(w, 500, 900))  # a press elsewhere breaks the sequence
    for _ in range(4):
        admin.press(_press(w, w.width() - 20, 20))
    assert not admin.pad.isVisible()
    admin.press(_press(w, w.width() - 20, 20))
    assert admin.pad.isVisible()


def test_pin_messages_count_down_then_lock_out(qtbot, mono) -> None:  # noqa: ANN001
    w = _window(qtbot)
    config = KioskConfig(admin_pin_hash=PIN_HASH, admin_max_failures=3, admin_lockout_minutes=5)
    admin = AdminExit(config, mono, w)
    confirmed: list[bool] = []
    admin.confirmed.connect(lambda: confirmed.append(True))
    admin.open()
    admin.check("000000")
    assert "还可尝试 2 次" in admin.pad.message.text()
    admin.check("111111")
    assert "还可尝试 1 次" in admin.pad.message.text()
    admin.check("222222")
    assert "5 分钟" in admin.pad.message.text()
    mono.advance(4 * 60 + 30)  # 30 s left: said as a whole minute, never "0 分钟"
    admin.check(PIN)
    assert "1 分钟" in admin.pad.message.text() and confirmed == []
    mono.advance(31)
    admin.check(PIN)
    assert confirmed == [True] and not admin.pad.isVisible()


def test_no_pin_configured_says_so(qtbot, mono) -> None:  # noqa: ANN001
    w = _window(qtbot)
    admin = AdminExit(KioskConfig(), mono, w)
    confirmed: list[bool] = []
    admin.confirmed.connect(lambda: confirmed.append(True))
    admin.open()
    admin.check(PIN)
    assert admin.pad.message.text() == "! 未配置管理员密码" and confirmed == [] and admin.pad.isVisible()
