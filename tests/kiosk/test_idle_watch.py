"""The idle time-out on screen, on its own: warning, spoken warning in elderly mode, time-out, attract screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.config import KioskConfig
from kiosk.idle import IdleState
from kiosk.idle_watch import IdleWatch
from kiosk.theme import theme_for
from kiosk.voice import RecordingSpeaker

CONFIG = KioskConfig(idle_seconds=60, countdown_seconds=20, attract_seconds=180)


def _watch(qtbot, mono, elderly: bool = False) -> tuple[IdleWatch, RecordingSpeaker, list[bool]]:  # noqa: ANN001
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(1080, 1920)
    w.show()
    qtbot.waitExposed(w)
    speaker = RecordingSpeaker()
    watch = IdleWatch(CONFIG, theme_for(False), mono, speaker, w)
    watch.set_theme(theme_for(elderly))
    timed_out: list[bool] = []
    watch.timed_out.connect(lambda: timed_out.append(True))
    return watch, speaker, timed_out


def test_warning_then_time_out(qtbot, mono) -> None:  # noqa: ANN001
    watch, speaker, timed_out = _watch(qtbot, mono)
    watch.activity()
    mono.advance(60)
    watch.tick()
    assert watch.still_there.isVisible() and "20" in watch.still_there.countdown.text()
    assert speaker.spoken == []  # read aloud only in elderly mode
    mono.advance(5)
    watch.tick()
    assert "15" in watch.still_there.countdown.text()
    mono.advance(15)
    watch.tick()
    assert timed_out == [True] and not watch.still_there.isVisible()


def test_elderly_mode_waits_longer_and_speaks_the_warning(qtbot, mono) -> None:  # noqa: ANN001
    watch, speaker, _ = _watch(qtbot, mono, elderly=True)
    assert watch.policy == CONFIG.idle_policy(True)
    watch.activity()
    mono.advance(60)
    watch.tick()
    assert not watch.still_there.isVisible()
    mono.advance(60)
    watch.tick()
    assert watch.still_there.isVisible() and speaker.spoken == [watch.still_there.question.text()]
    qtbot.mouseClick(watch.still_there.keep_button, Qt.MouseButton.LeftButton)
    assert not watch.still_there.isVisible() and watch.machine.state is IdleState.ACTIVE


def test_a_camera_scan_only_counts_while_something_covers_the_screen(qtbot, mono) -> None:  # noqa: ANN001
    watch, _, _ = _watch(qtbot, mono)
    watch.activity()
    mono.advance(50)
    watch.wake_if_shown()  # the citizen is busy: a scan is no touch, the minute keeps running
    mono.advance(10)
    watch.tick()
    assert watch.still_there.isVisible()
    watch.wake_if_shown()  # ... but it answers 还在吗?
    assert not watch.still_there.isVisible()

    watch.session_reset()
    mono.advance(CONFIG.attract_seconds)
    watch.tick()
    assert watch.attract is not None and watch.attract.isVisible() and watch.idle
    assert watch.attract in watch.overlays()
    watch.wake_if_shown()
    assert watch.attract is None
