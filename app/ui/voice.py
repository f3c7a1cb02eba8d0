"""Calling-display voice: a chime, then "请 B012 号 到 3 号窗口办理" spoken, in strict call order.

Announcements queue FIFO and never cut each other off. Each one: announcement_started + visual_call,
the chime, the sentence `repeat` times with a pause between, announcement_finished. Speech goes to an
injectable backend (QtSpeechBackend wraps QTextToSpeech); with no TTS engine, or no audio device for
the chime, the missing step is skipped and the display still gets visual_call. A watchdog ends any
step whose backend never reports back, so a hung engine cannot stall the hall's calling.

QtMultimedia/QtTextToSpeech need the system's libpulse; when they cannot be imported the announcer
runs visual-only.
"""

from __future__ import annotations

import hashlib
import logging
import math
import struct
import tempfile
import wave
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal, SignalInstance

try:
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # libpulse missing: no speech, visual calls still work
    QTextToSpeech = None

log = logging.getLogger("onewindow.ui.voice")

# --- texts -------------------------------------------------------------------------------------
# Explicit per-language templates (not the UI language): a hall may announce in both languages.
_SCREEN = {
    "zh": "请 {number} 号 到 {window} 号窗口办理",
    "en": "Ticket {number}, please go to window {window}",
}
_SPOKEN = {
    "zh": "请，{number}号，到{window}号窗口办理",
    "en": "Ticket {number}, please go to window {window}",
}
_ZH_DIGITS = "零一二三四五六七八九"


def _template(table: dict[str, str], language: str) -> str:
    try:
        return table[language]
    except KeyError:
        raise ValueError(f"no call text for language {language!r}") from None


def call_text(display_number: str, window_number: int, language: str = "zh") -> str:
    """On-screen text of a call, e.g. "请 B012 号 到 3 号窗口办理"."""
    return _template(_SCREEN, language).format(number=display_number, window=window_number)


def spell_number(display_number: str, language: str = "zh") -> str:
    """Digit by digit, as halls call tickets: "B012" -> "B 零 一 二" (not "B 十二")."""
    chars = [_ZH_DIGITS[int(c)] if language == "zh" and c.isdigit() else c for c in display_number]
    return " ".join(chars)


def spoken_call_text(display_number: str, window_number: int, language: str = "zh") -> str:
    """What the TTS engine is given; window numbers stay numerals ("12号" reads as 十二号)."""
    spelled = spell_number(display_number, language)
    return _template(_SPOKEN, language).format(number=spelled, window=window_number)


# --- backends ----------------------------------------------------------------------------------
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


class QtSpeechBackend(QObject):
    """QTextToSpeech, set to a Chinese locale when the engine offers one."""

    finished = Signal()

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if QTextToSpeech is None:
            raise RuntimeError("PySide6.QtTextToSpeech is not available")
        self._tts = QTextToSpeech(engine, self)
        self._speaking = False
        self._tts.stateChanged.connect(self._on_state)
        self.has_chinese = self.usable and self._select_chinese()

    @property
    def engine(self) -> str:
        return self._tts.engine()

    @property
    def usable(self) -> bool:
        return self._tts.state() != QTextToSpeech.State.Error

    @classmethod
    def create(cls, parent: QObject | None = None, engines: Sequence[str] | None = None) -> QtSpeechBackend | None:
        """First working engine, preferring one with a Chinese voice; None when there is none.

        Qt's "mock" engine (shipped in the wheel for Qt's own tests) is silent, so it is only used
        when asked for by name.
        """
        if QTextToSpeech is None:
            return None
        names = list(engines) if engines is not None else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        fallback: QtSpeechBackend | None = None
        for name in names:
            backend = cls(name, parent)
            if backend.usable and backend.has_chinese:
                if fallback is not None:
                    fallback.deleteLater()
                return backend
            if backend.usable and fallback is None:
                fallback = backend
            else:
                backend.deleteLater()
        return fallback

    def _select_chinese(self) -> bool:
        chinese = [loc for loc in self._tts.availableLocales() if loc.language() == QLocale.Language.Chinese]
        chinese.sort(key=lambda loc: loc.territory() != QLocale.Territory.China)  # zh_CN first
        if chinese:
            self._tts.setLocale(chinese[0])
        return bool(chinese)

    def say(self, text: str) -> None:
        self._speaking = True
        self._tts.say(text)
        if self._tts.state() == QTextToSpeech.State.Error:
            QTimer.singleShot(0, self._done)

    def stop(self) -> None:
        self._speaking = False
        self._tts.stop()

    def _on_state(self, state: QTextToSpeech.State) -> None:
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._done()

    def _done(self) -> None:
        if self._speaking:
            self._speaking = False
            self.finished.emit()


def chime_wav_bytes(rate: int = 22050) -> bytes:
    """A soft two-tone "ding-dong" (E5 then C5, decaying), 16-bit mono WAV."""
    frames = bytearray()
    for freq in (659.25, 523.25):
        for i in range(int(rate * 0.45)):
            t = i / rate
            sample = 0.4 * math.exp(-4.0 * t) * math.sin(2 * math.pi * freq * t)
            frames += struct.pack("<h", int(sample * 32767))
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def _chime_file() -> Path:
    data = chime_wav_bytes()
    path = Path(tempfile.gettempdir()) / f"onewindow-chime-{hashlib.sha256(data).hexdigest()[:12]}.wav"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


class SoundEffectChime(QObject):
    """The chime through QSoundEffect; create() returns None when there is no audio output."""

    finished = Signal()

    def __init__(self, wav: Path, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        super().__init__(parent)
        self._playing = False
        self._effect = QSoundEffect(self)
        self._error_status = QSoundEffect.Status.Error
        self._effect.setSource(QUrl.fromLocalFile(str(wav)))
        self._effect.playingChanged.connect(self._on_playing)
        self._effect.statusChanged.connect(self._on_status)

    @classmethod
    def create(cls, parent: QObject | None = None) -> SoundEffectChime | None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return None
        if not QMediaDevices.audioOutputs():
            return None
        try:
            return cls(_chime_file(), parent)
        except OSError as exc:
            log.warning("chime disabled: %s", exc)
            return None

    def play(self) -> None:
        self._playing = True
        if self._effect.status() == self._error_status:
            QTimer.singleShot(0, self._done)
        else:
            self._effect.play()  # plays once loaded if still loading

    def stop(self) -> None:
        self._playing = False
        self._effect.stop()

    def _on_playing(self) -> None:
        if not self._effect.isPlaying():
            self._done()

    def _on_status(self) -> None:
        if self._effect.status() == self._error_status:
            self._done()

    def _done(self) -> None:
        if self._playing:
            self._playing = False
            self.finished.emit()


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
        _template(_SCREEN, language)  # fail early on an unknown language
        self._speech, self._chime = speech, chime
        self._repeat, self._gap_ms, self._language = repeat, gap_ms, language
        self._queue: deque[_Call] = deque()
        self._current: str | None = None  # on-screen text of the call in progress
        self._steps: deque[tuple[str, str]] = deque()
        self._waiting: str | None = None  # "chime" | "speech" | "pause" while a step runs
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_timeout)
        if speech is not None:
            speech.finished.connect(lambda: self._step_done("speech"))
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
        while self._steps:
            kind, text = self._steps.popleft()
            if kind == "chime" and self._chime is not None:
                self._run("chime", self.CHIME_TIMEOUT_MS, self._chime.play)
                return
            if kind == "speech" and self._speech is not None:
                self._run("speech", 5000 + 400 * len(text), partial(self._speech.say, text))
                return
            if kind == "pause" and self._speech is not None:
                self._run("pause", self._gap_ms, None)  # the pause simply ends at the timeout
                return
        self._finish()

    def _run(self, kind: str, timeout_ms: int, start: Callable[[], None] | None) -> None:
        # Arm first: a backend may report "finished" synchronously from inside start().
        self._waiting = kind
        self._watchdog.start(timeout_ms)
        if start is not None:
            start()

    def _step_done(self, kind: str) -> None:
        if self._waiting == kind:
            self._advance()

    def _on_timeout(self) -> None:
        kind = self._waiting
        if kind == "chime" and self._chime is not None:
            self._chime.stop()
        elif kind == "speech" and self._speech is not None:
            log.warning("speech did not finish in time; skipping")
            self._speech.stop()
        self._advance()

    def _finish(self) -> None:
        text, self._current = self._current, None
        if text is not None:
            self.announcement_finished.emit(text)
        self._start_next()
