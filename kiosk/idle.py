"""Idle policy for the citizen session, as a pure state machine driven by an injected clock.

ACTIVE --idle_s--> WARNING ("还在吗?" countdown) --countdown_s--> reset --> PRISTINE --attract_s--> ATTRACT
Any input in WARNING or PRISTINE means ACTIVE; the touch that wakes ATTRACT only shows a fresh home (PRISTINE).
A pristine session (nothing touched since the last reset) is never warned about: there is nothing to lose.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class IdlePolicy:
    idle_s: float = 60.0
    countdown_s: float = 20.0
    attract_s: float = 180.0

    def scaled(self, factor: float) -> IdlePolicy:
        """Elderly mode: everything takes longer (适老化: 延长操作时间)."""
        return IdlePolicy(self.idle_s * factor, self.countdown_s * factor, self.attract_s)


class IdleState(enum.Enum):
    PRISTINE = "pristine"
    ACTIVE = "active"
    WARNING = "warning"
    ATTRACT = "attract"


class IdleAction(enum.Enum):
    SHOW_WARNING = "show_warning"
    HIDE_WARNING = "hide_warning"
    RESET = "reset"
    SHOW_ATTRACT = "show_attract"
    HIDE_ATTRACT = "hide_attract"


class IdleMachine:
    def __init__(self, policy: IdlePolicy, now: float) -> None:
        self.policy = policy
        self.state = IdleState.PRISTINE
        self._since = now  # last input, or when the current state began

    def activity(self, now: float) -> list[IdleAction]:
        previous = self.state
        self._since = now
        if previous is IdleState.ATTRACT:
            # The touch that wakes the attract screen only reveals a fresh home screen.
            self.state = IdleState.PRISTINE
            return [IdleAction.HIDE_ATTRACT]
        self.state = IdleState.ACTIVE
        if previous is IdleState.WARNING:
            return [IdleAction.HIDE_WARNING]
        return []

    def session_reset(self, now: float) -> None:
        """The session was rebuilt (by time-out or because the citizen finished)."""
        self.state = IdleState.PRISTINE
        self._since = now

    def warning_remaining(self, now: float) -> float:
        if self.state is not IdleState.WARNING:
            return 0.0
        return max(0.0, self.policy.countdown_s - (now - self._since))

    def tick(self, now: float) -> list[IdleAction]:
        elapsed = now - self._since
        if self.state is IdleState.ACTIVE and elapsed >= self.policy.idle_s:
            self.state = IdleState.WARNING
            self._since = now
            return [IdleAction.SHOW_WARNING]
        if self.state is IdleState.WARNING and elapsed >= self.policy.countdown_s:
            self.state = IdleState.PRISTINE
            self._since = now
            return [IdleAction.HIDE_WARNING, IdleAction.RESET]
        if self.state is IdleState.PRISTINE and elapsed >= self.policy.attract_s:
            self.state = IdleState.ATTRACT
            self._since = now
            return [IdleAction.SHOW_ATTRACT]
        return []

    @property
    def idle(self) -> bool:
        """No citizen is in the middle of something (used to allow a maintenance restart)."""
        return self.state in (IdleState.PRISTINE, IdleState.ATTRACT)
