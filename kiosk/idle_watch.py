"""The idle time-out on screen: citizen input, the 还在吗? countdown, the reset it ends in, the attract screen.

The rules are kiosk.idle.IdleMachine's (pure, on an injected clock); this module only shows what it decides.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from kiosk.config import KioskConfig
from kiosk.idle import IdleAction, IdleMachine, IdlePolicy
from kiosk.overlays import StillThereOverlay
from kiosk.screens.misc import AttractScreen
from kiosk.theme import Theme
from kiosk.voice import Speaker

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


class ActivityFilter(QObject):
    """Sees every input event once (deduplicated across propagation) and reports it."""

    def __init__(self, on_input: Callable[[QEvent], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_input = on_input
        self._last: tuple[int, int, float, float] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY:
            pos = event.globalPosition() if isinstance(event, QMouseEvent) else None
            key = (int(event.type().value), int(getattr(event, "timestamp", lambda: 0)()),
                   pos.x() if pos else -1.0, pos.y() if pos else -1.0)
            if key != self._last:  # the same press seen again while it propagates to parents
                self._last = key
                self.on_input(event)
        return False


class IdleWatch(QObject):
    timed_out = Signal()  # nobody answered 还在吗?: the window wipes the session

    def __init__(self, config: KioskConfig, theme: Theme, clock: Callable[[], float], speaker: Speaker,
                 window: QWidget) -> None:
        super().__init__(window)
        self.config, self.clock, self.speaker, self.window = config, clock, speaker, window
        self.still_there = StillThereOverlay(window)
        self.still_there.keep.connect(self.activity)
        self.attract: AttractScreen | None = None
        self.machine = IdleMachine(config.idle_policy(False, theme.idle_factor), clock())
        self.speak_warning = theme.elderly

    def set_theme(self, theme: Theme) -> None:
        """Elderly mode gives more time, and reads the warning aloud."""
        self.machine.policy = self.config.idle_policy(theme.elderly, theme.idle_factor)
        self.speak_warning = theme.elderly

    def activity(self) -> None:
        """The citizen touched or typed (or pressed 我还在)."""
        self.apply(self.machine.activity(self.clock()))

    def wake_if_shown(self) -> None:
        """A code from the camera answers 还在吗? and wakes the attract screen, as a touch would."""
        if self.attract is not None or self.still_there.isVisible():
            self.activity()

    def tick(self) -> None:
        now = self.clock()
        self.apply(self.machine.tick(now))
        if self.still_there.isVisible():
            self.still_there.set_remaining(self.machine.warning_remaining(now))

    def session_reset(self) -> None:
        """A new citizen session was built: nothing to warn about, the clock starts again."""
        self.machine.session_reset(self.clock())

    @property
    def policy(self) -> IdlePolicy:
        return self.machine.policy

    @property
    def idle(self) -> bool:
        """No citizen is in the middle of something."""
        return self.machine.idle

    def overlays(self) -> tuple[QWidget, ...]:
        return (self.still_there,) if self.attract is None else (self.still_there, self.attract)

    def apply(self, actions: list[IdleAction]) -> None:
        for action in actions:
            if action is IdleAction.SHOW_WARNING:
                self.still_there.set_remaining(self.machine.warning_remaining(self.clock()))
                self.still_there.open()
                if self.speak_warning:
                    self.speaker.say(self.still_there.question.text())
            elif action is IdleAction.HIDE_WARNING:
                self.still_there.hide()
            elif action is IdleAction.RESET:
                self.timed_out.emit()
            elif action is IdleAction.SHOW_ATTRACT:
                self.attract = AttractScreen()
                self.attract.setParent(self.window)
                self.attract.setGeometry(self.window.rect())
                self.attract.show()
                self.attract.raise_()
            elif action is IdleAction.HIDE_ATTRACT and self.attract is not None:
                self.attract.hide()
                self.attract.deleteLater()
                self.attract = None
