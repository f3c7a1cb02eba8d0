"""Voice guidance for elderly mode (语音播报). Screens call ``speaker.say(text)``; tests record it."""

from __future__ import annotations

import logging
from typing import Any, Protocol

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


class TtsSpeaker:
    """Speaks through app.ui.voice.Announcer when it exists, else QTextToSpeech directly."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def say(self, text: str) -> None:
        self._engine.stop()  # the newest screen's guidance wins
        self._engine.say(text)

    def stop(self) -> None:
        self._engine.stop()


def make_speaker(language: str = "zh_CN") -> Speaker:
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        log.info("QtTextToSpeech not available: no voice guidance")
        return NullSpeaker()
    if not QTextToSpeech.availableEngines():
        log.info("no text-to-speech engine installed: no voice guidance")
        return NullSpeaker()
    engine = QTextToSpeech()
    engine.setLocale(QLocale(language))
    return TtsSpeaker(engine)
