"""Voice guidance for elderly mode (语音播报). Screens call ``speaker.say(text)``; tests record it."""

from __future__ import annotations

import logging
import os
from pathlib import Path
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
    """QTextToSpeech for elderly-mode guidance (the hall announcer in app.ui.voice is for calls)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def say(self, text: str) -> None:
        self._engine.stop()  # the newest screen's guidance wins
        self._engine.say(text)

    def stop(self) -> None:
        self._engine.stop()


def _speechd_running() -> bool:
    """speechd's QTextToSpeech plugin blocks for a long time when no speech-dispatcher answers."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and Path(runtime, "speech-dispatcher", "speechd.sock").exists()


def pick_engine(available: list[str], wanted: str | None) -> str | None:
    if wanted:
        return wanted if wanted in available else None
    for name in ("flite", "speechd", "sapi", "winrt", "darwin", "android"):
        if name in available and (name != "speechd" or _speechd_running()):
            return name
    return None  # "mock" (Qt's silent test engine) is never chosen by default


def make_speaker(language: str = "zh_CN", engine: str | None = None) -> Speaker:
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        log.info("QtTextToSpeech not available: no voice guidance")
        return NullSpeaker()
    name = pick_engine(list(QTextToSpeech.availableEngines()), engine)
    if name is None:
        log.info("no usable text-to-speech engine: no voice guidance")
        return NullSpeaker()
    tts = QTextToSpeech(name)
    tts.setLocale(QLocale(language))
    log.info("voice guidance through the %s engine", name)
    return TtsSpeaker(tts)
