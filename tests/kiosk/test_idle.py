"""Idle reset: 还在吗? countdown, then the whole session torn down and rebuilt; attract screen later."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from kiosk.config import KioskConfig
from kiosk.idle import IdleAction, IdleMachine, IdlePolicy, IdleState
from kiosk.window import KioskWindow
from tests.kiosk.conftest import ADULT_ID, process_deletes

CONFIG = KioskConfig(idle_seconds=60, countdown_seconds=20, attract_seconds=180)


def test_machine_warns_then_resets_then_attracts() -> None:
    m = IdleMachine(IdlePolicy(60, 20, 180), now=0)
    assert m.tick(100) == []  # pristine: nothing to warn about
    assert m.tick(0 + 180) == [IdleAction.SHOW_ATTRACT]
    assert m.activity(200) == [IdleAction.HIDE_ATTRACT] and m.state is IdleState.PRISTINE
    assert m.activity(201) == [] and m.state is IdleState.ACTIVE
    assert m.tick(260) == []
    assert m.tick(261) == [IdleAction.SHOW_WARNING]
    assert m.warning_remaining(271) == 10
    assert m.activity(272) == [IdleAction.HIDE_WARNING]
    assert m.tick(333) == [IdleAction.SHOW_WARNING]
    assert m.tick(353) == [IdleAction.HIDE_WARNING, IdleAction.RESET]
    assert m.idle


def test_elderly_policy_is_longer() -> None:
    assert CONFIG.idle_policy(True).idle_s == 2 * CONFIG.idle_policy(False).idle_s


def _all_texts() -> list[str]:
    out = []
    for w in QApplication.allWidgets():
        if isinstance(w, QLineEdit | QLabel) and shiboken6.isValid(w):
            out.append(w.text())
    return out


def test_idle_reset_wipes_the_session(qtbot, make_kiosk, mono) -> None:  # noqa: ANN001
    kiosk: KioskWindow = make_kiosk(CONFIG)
    kiosk.restyle("en_US", True)  # a citizen switched to English and elderly mode
    session = kiosk.session
    session.go("category")
    session.go("id_entry", prefix="B")
    screen = session.screen
    screen.field.setText(ADULT_ID[:12])  # half-typed ID number
    QApplication.clipboard().setText("left behind")
    qtbot.mouseClick(screen.field, Qt.MouseButton.LeftButton)

    policy = kiosk.idle.policy
    mono.advance(policy.idle_s - 1)
    kiosk.tick()
    assert not kiosk.idle.still_there.isVisible()
    mono.advance(2)
    kiosk.tick()
    assert kiosk.idle.still_there.isVisible()
    assert "20" in kiosk.idle.still_there.countdown.text() or "40" in kiosk.idle.still_there.countdown.text()
    mono.advance(policy.countdown_s)
    kiosk.tick()

    process_deletes()
    assert not shiboken6.isValid(session)
    assert not shiboken6.isValid(screen)
    assert kiosk.session is not session and kiosk.session.screen_name == "home"
    assert not kiosk.idle.still_there.isVisible()
    assert all(ADULT_ID[:12] not in t for t in _all_texts())
    assert QApplication.clipboard().text() == ""
    assert kiosk.language == "zh_CN" and not kiosk.elderly
    assert kiosk.idle.policy == CONFIG.idle_policy(False)

    mono.advance(CONFIG.attract_seconds)
    kiosk.tick()
    assert kiosk.idle.attract is not None and kiosk.idle.attract.isVisible()
    qtbot.mouseClick(kiosk.idle.attract, Qt.MouseButton.LeftButton)
    assert kiosk.idle.attract is None


def test_touch_during_countdown_keeps_the_session(qtbot, make_kiosk, mono) -> None:  # noqa: ANN001
    kiosk: KioskWindow = make_kiosk(CONFIG)
    kiosk.session.go("guide")
    kiosk.idle.activity()
    session = kiosk.session
    mono.advance(61)
    kiosk.tick()
    assert kiosk.idle.still_there.isVisible()
    qtbot.mouseClick(kiosk.idle.still_there.keep_button, Qt.MouseButton.LeftButton)
    assert not kiosk.idle.still_there.isVisible()
    mono.advance(30)
    kiosk.tick()
    assert kiosk.session is session and session.screen_name == "guide"


def test_pristine_home_is_never_warned(make_kiosk, mono) -> None:  # noqa: ANN001
    kiosk: KioskWindow = make_kiosk(CONFIG)
    built = kiosk.sessions_built
    mono.advance(170)
    kiosk.tick()
    assert not kiosk.idle.still_there.isVisible()
    assert kiosk.sessions_built == built


def test_finishing_resets_at_once(make_kiosk) -> None:  # noqa: ANN001
    kiosk: KioskWindow = make_kiosk(CONFIG)
    kiosk.session.go("category")
    kiosk.session.screen.choose("B")
    assert kiosk.session.screen_name == "ticket_result"
    old = kiosk.session
    kiosk.session.finish()
    process_deletes()
    assert not shiboken6.isValid(old)
    assert kiosk.session.screen_name == "home"
