"""Voice guidance for elderly mode (语音播报). Screens call ``speaker.say(text)``; tests record it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.ui.voice_speech import QtSpeechBackend

log = logging.getLogger("onewindow.kiosk.voice")


class Speaker(Protocol):
    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


class NullSpeaker:
    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


class RecordingSpeaker:
    """For tests: remembers what would have been spoken."""

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)

    def stop(self) -> None:
        pass


class HelperSpeaker:
    """Guidance through the app's speech helper process (app.ui.voice_speech, as the calling display speaks):
    an engine that hangs cannot freeze the kiosk's screen."""

    def __init__(self, backend: QtSpeechBackend) -> None:
        self.backend = backend

    def say(self, text: str) -> None:
        self.backend.interrupt()  # the newest screen's guidance wins
        self.backend.say(text)

    def stop(self) -> None:
        self.backend.interrupt()


def make_speaker(engine: str | None = None) -> Speaker:
    """The engine named in the kiosk config, or the first that starts, preferring a Chinese voice."""
    from app.ui.voice_speech import QtSpeechBackend

    backend = QtSpeechBackend.create(engines=[engine] if engine else None)
    if backend is None:
        log.info("no usable text-to-speech engine: no voice guidance")
        return NullSpeaker()
    log.info("voice guidance through the %s engine (Chinese voice: %s)", backend.engine, backend.has_chinese)
    return HelperSpeaker(backend)
