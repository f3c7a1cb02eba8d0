"""Calling-display voice: a chime, then "请 B012 号 到 3 号窗口办理" spoken, in strict call order.

Announcements queue FIFO and never cut each other off. Each one: announcement_started + visual_call,
the chime, the sentence `repeat` times with a pause between, announcement_finished. Speech goes to an
injectable backend (QtSpeechBackend wraps QTextToSpeech); with no TTS engine, or no audio device for
the chime, the missing step is skipped and the display still gets visual_call.

Engines can hang (speech-dispatcher with no working audio blocks every later call), so QTextToSpeech
runs in a helper process, and a watchdog ends any step whose backend never reports back; after
repeated time-outs speech is muted for a while instead of delaying every call.

QtMultimedia/QtTextToSpeech need the system's libpulse; when they cannot be imported the announcer
runs visual-only.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from app.devices.announcement import (
    LANGUAGES,
    call_text,
    spell_number,
    spoken_call_text,
)
from app.ui.voice_chime import SoundEffectChime
from app.ui.voice_speech import HAVE_TTS, QTextToSpeech, QtSpeechBackend  # noqa: F401 - re-exported

__all__ = ["Announcer", "QtSpeechBackend", "SoundEffectChime", "call_text", "spell_number", "spoken_call_text"]

log = logging.getLogger("onewindow.ui.voice")


class SpeechBackend(Protocol):
    """Speaks one utterance at a time; `finished` fires once per say() when it ends or fails."""

    @property
    def finished(self) -> SignalInstance: ...

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


class ChimeBackend(Protocol):
    @property
    def finished(self) -> SignalInstance: ...

    def play(self) -> None: ...

    def stop(self) -> None: ...


# --- the announcer -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Call:
    display_number: str
    window_number: int


class Announcer(QObject):
    """FIFO of calls; each: visual_call, chime, the spoken sentence `repeat` times."""

    announcement_started = Signal(str)
    announcement_finished = Signal(str)
    visual_call = Signal(str, int)

    CHIME_TIMEOUT_MS = 4000
    SPEECH_TIMEOUT_MS = 5000  # plus per character: generous, only a hung engine should reach it
    SPEECH_TIMEOUT_PER_CHAR_MS = 400
    MUTE_AFTER_TIMEOUTS = 2  # consecutive speech time-outs before speech is muted ...
    MUTE_FOR_S = 60.0  # ... for this long, then tried again

    def __init__(
        self,
        speech: SpeechBackend | None = None,
        chime: ChimeBackend | None = None,
        *,
        repeat: int = 2,
        gap_ms: int = 700,
        language: str = "zh",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if repeat < 1:
            raise ValueError("repeat must be >= 1")
        if language not in LANGUAGES:
            raise ValueError(f"no call text for language {language!r}")
        self._speech, self._chime = speech, chime
        self._repeat, self._gap_ms, self._language = repeat, gap_ms, language
        self._queue: deque[_Call] = deque()
        self._current: str | None = None  # on-screen text of the call in progress
        self._steps: deque[tuple[str, str]] = deque()
        self._waiting: str | None = None  # "chime" | "speech" | "pause" while a step runs
        self._timeouts = 0
        self._muted_until = 0.0
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_timeout)
        if speech is not None:
            speech.finished.connect(self._on_speech_finished)
        if chime is not None:
            chime.finished.connect(lambda: self._step_done("chime"))

    @classmethod
    def with_system_backends(
        cls, parent: QObject | None = None, *, repeat: int = 2, gap_ms: int = 700, language: str = "zh"
    ) -> Announcer:
        """Real TTS and chime where the machine has them; visual-only otherwise."""
        speech = QtSpeechBackend.create()
        chime = SoundEffectChime.create()
        log.info("announcer: speech=%s chime=%s", speech.engine if speech else None, chime is not None)
        announcer = cls(speech, chime, repeat=repeat, gap_ms=gap_ms, language=language, parent=parent)
        for backend in (speech, chime):
            if backend is not None:
                backend.setParent(announcer)
        return announcer

    @property
    def has_speech(self) -> bool:
        return self._speech is not None

    @property
    def speech_muted(self) -> bool:
        return time.monotonic() < self._muted_until

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def pending(self) -> int:
        """Calls waiting behind the one being announced."""
        return len(self._queue)

    def announce(self, display_number: str, window_number: int) -> None:
        """Queue a call; it starts at once when nothing else is being announced."""
        self._queue.append(_Call(display_number, window_number))
        self._start_next()

    def clear_pending(self) -> None:
        """Drop queued calls (the one in progress finishes normally)."""
        self._queue.clear()

    def _start_next(self) -> None:
        if self._current is not None or not self._queue:
            return
        call = self._queue.popleft()
        self._current = call_text(call.display_number, call.window_number, self._language)
        spoken = spoken_call_text(call.display_number, call.window_number, self._language)
        steps: list[tuple[str, str]] = [("chime", "")]
        for i in range(self._repeat):
            steps += [("pause", "")] if i else []
            steps.append(("speech", spoken))
        self._steps = deque(steps)
        self.announcement_started.emit(self._current)
        self.visual_call.emit(call.display_number, call.window_number)
        self._advance()

    def _advance(self) -> None:
        self._watchdog.stop()
        self._waiting = None
        speech = self._speech if not self.speech_muted else None
        while self._steps:
            kind, text = self._steps.popleft()
            if kind == "chime" and self._chime is not None:
                self._run("chime", self.CHIME_TIMEOUT_MS, self._chime.play)
                return
            if kind == "speech" and speech is not None:
                timeout = self.SPEECH_TIMEOUT_MS + self.SPEECH_TIMEOUT_PER_CHAR_MS * len(text)
                self._run("speech", timeout, partial(speech.say, text))
                return
            if kind == "pause" and speech is not None:
                self._run("pause", self._gap_ms, None)  # the pause simply ends at the timeout
                return
        self._finish()

    def _run(self, kind: str, timeout_ms: int, start: Callable[[], None] | None) -> None:
        # Arm first: a backend may report "finished" synchronously from inside start().
        self._waiting = kind
        self._watchdog.start(timeout_ms)
        if start is not None:
            start()

    def _on_speech_finished(self) -> None:
        self._timeouts = 0
        self._step_done("speech")

    def _step_done(self, kind: str) -> None:
        if self._waiting == kind:
            self._advance()

    def _on_timeout(self) -> None:
        kind = self._waiting
        if kind == "chime" and self._chime is not None:
            self._chime.stop()
        elif kind == "speech" and self._speech is not None:
            self._speech.stop()
            self._timeouts += 1
            log.warning("speech did not finish in time (%d in a row)", self._timeouts)
            if self._timeouts >= self.MUTE_AFTER_TIMEOUTS:
                log.error("speech muted for %.0f s: the text-to-speech engine does not respond", self.MUTE_FOR_S)
                self._muted_until = time.monotonic() + self.MUTE_FOR_S
                self._timeouts = 0
        self._advance()

    def _finish(self) -> None:
        text, self._current = self._current, None
        if text is not None:
            self.announcement_finished.emit(text)
        self._start_next()
