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

import json
import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QProcess, QTimer, QUrl, Signal, SignalInstance

from app.devices.announcement import (
    LANGUAGES,
    call_text,
    chime_file,
    is_mandarin_voice,
    spell_number,
    spoken_call_text,
)

try:
    from PySide6.QtTextToSpeech import QTextToSpeech

    HAVE_TTS = True
except ImportError:  # libpulse missing: no speech, visual calls still work
    HAVE_TTS = False

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


# --- speech ------------------------------------------------------------------------------------
# QTextToSpeech runs in a helper process (this module run with --speech-helper ENGINE), spoken to with
# JSON lines over stdin/stdout. Engines can block inside Qt calls while holding Python's GIL (seen with
# speech-dispatcher and no working audio), which would freeze the whole display if done in-process.
def _select_chinese(tts: QTextToSpeech) -> bool:
    chinese = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.Chinese]
    if chinese:
        chinese.sort(key=lambda loc: loc.name() != "zh_CN")
        tts.setLocale(chinese[0])
        return True
    # speech-dispatcher + espeak-ng file Mandarin under the "C" locale (language code "cmn"), so
    # look by voice name; prefer a base voice that reads Latin letters (the "B" of B012) as English.
    every_voice = tts.allVoices(None)  # type: ignore[arg-type]  # None: all locales (the stub lacks it)
    voices = [v for v in every_voice if is_mandarin_voice(v.name())]
    if not voices:
        return False
    voices.sort(key=lambda v: ("+" in v.name(), "english" not in v.name().lower()))
    tts.setVoice(voices[0])
    return True


class _LineReader(QObject):
    """Helper side: stdin lines, read on a thread, delivered to the main thread as signals."""

    line = Signal(str)
    eof = Signal()

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in sys.stdin.buffer:
            self.line.emit(raw.decode("utf-8"))
        self.eof.emit()


def _helper_main(engine: str) -> int:
    app = QCoreApplication([])

    def send(**message: object) -> None:
        sys.stdout.buffer.write(json.dumps(message).encode() + b"\n")
        sys.stdout.buffer.flush()

    if not HAVE_TTS:
        send(ready=False, chinese=False)
        return 1
    tts = QTextToSpeech(engine)
    usable = tts.state() != QTextToSpeech.State.Error
    send(ready=usable, chinese=usable and _select_chinese(tts))
    if not usable:
        return 1
    current: dict[str, object] = {"seq": None, "started": False}

    def on_state(state: QTextToSpeech.State) -> None:
        if state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing):
            current["started"] = True
        # Only after Speaking: a late Ready from an earlier stop must not end the new utterance.
        elif current["seq"] is not None and (current["started"] or state == QTextToSpeech.State.Error):
            send(done=current["seq"])
            current["seq"] = None

    def on_line(line: str) -> None:
        command = json.loads(line)
        current.update(seq=command["seq"], started=False)
        tts.say(command["say"])

    tts.stateChanged.connect(on_state)
    reader = _LineReader()
    reader.line.connect(on_line)
    reader.eof.connect(app.quit)
    reader.start()
    return app.exec()


class QtSpeechBackend(QObject):
    """QTextToSpeech in a helper process, set to a Chinese voice when the engine offers one.

    stop() kills the helper and starts a fresh one, which also clears an engine that hung. While no
    helper is ready, say() finishes at once (that call goes unspoken) and a restart is tried later.
    """

    finished = Signal()
    OPEN_TIMEOUT_MS = 8000
    RETRY_AFTER_S = 60.0

    def __init__(self, engine: str, parent: QObject | None = None, command: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.has_chinese = False
        self.ready = False
        self.restarts = 0
        self._command = list(command) if command else [sys.executable, "-m", __name__, "--speech-helper", engine]
        self._seq = 0
        self._retry_at = 0.0
        self._buffer = b""
        self._process: QProcess | None = None
        self._open_timer = QTimer(self, singleShot=True)
        self._open_timer.timeout.connect(self._on_open_timeout)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._start()

    @classmethod
    def create(cls, parent: QObject | None = None, engines: Sequence[str] | None = None) -> QtSpeechBackend | None:
        """First engine that starts, preferring one with a Chinese voice; None when there is none.

        Waits (bounded) for the helpers, so call it once at start-up. Qt's "mock" engine (shipped in
        the wheel for Qt's own tests) is silent, so it is only used when asked for by name.
        """
        if not HAVE_TTS:
            return None
        names = list(engines) if engines is not None else [
            e for e in QTextToSpeech.availableEngines() if e != "mock"]
        chosen: QtSpeechBackend | None = None
        for name in names:
            backend = cls(name, parent)
            backend.wait_ready()
            if backend.ready and (chosen is None or (backend.has_chinese and not chosen.has_chinese)):
                if chosen is not None:
                    chosen.shutdown()
                chosen = backend
            else:
                backend.shutdown()
            if chosen is not None and chosen.has_chinese:
                break
        return chosen

    def wait_ready(self, timeout_ms: int | None = None) -> bool:
        """Block until the helper reported in (start-up only)."""
        deadline = time.monotonic() + (timeout_ms or self.OPEN_TIMEOUT_MS) / 1000
        while not self.ready and self._process is not None and time.monotonic() < deadline:
            remaining = int((deadline - time.monotonic()) * 1000)
            if not self._process.waitForReadyRead(max(1, remaining)):
                break
            self._on_output()
        return self.ready

    def say(self, text: str) -> None:
        self._seq += 1
        if self.ready and self._process is not None:
            self._process.write(json.dumps({"seq": self._seq, "say": text}).encode() + b"\n")
            return
        if self._process is None and time.monotonic() >= self._retry_at:
            self._start()
        QTimer.singleShot(0, self.finished.emit)

    def stop(self) -> None:
        self._seq += 1  # any late "done" from the abandoned helper is stale
        self._kill()
        self.restarts += 1
        self._start()

    def shutdown(self) -> None:
        """End the helper: EOF first, then kill if it does not leave promptly."""
        self._open_timer.stop()
        process, self._process, self.ready = self._process, None, False
        if process is not None:
            process.closeWriteChannel()
            if not process.waitForFinished(1000):
                process.kill()
                process.waitForFinished(1000)

    def _start(self) -> None:
        self.ready, self._buffer = False, b""
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._on_output)
        process.readyReadStandardError.connect(self._on_stderr)
        # A partial, not disconnect() later: PySide6 6.12's disconnect() corrupts the refcount of True.
        process.finished.connect(partial(self._on_exit, process))
        self._process = process
        self._open_timer.start(self.OPEN_TIMEOUT_MS)
        process.setWorkingDirectory(str(Path(__file__).resolve().parents[2]))  # so -m finds the app package
        process.start(self._command[0], self._command[1:])

    def _kill(self) -> None:
        self._open_timer.stop()
        process, self._process, self.ready = self._process, None, False
        if process is not None:
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()

    def _on_open_timeout(self) -> None:
        log.error("text-to-speech helper for %r did not start; retrying in %.0f s", self.engine, self.RETRY_AFTER_S)
        self._kill()
        self._retry_at = time.monotonic() + self.RETRY_AFTER_S

    def _on_exit(self, process: QProcess, *_: object) -> None:
        if process is not self._process:
            return  # a helper we shut down or replaced on purpose
        log.warning("text-to-speech helper for %r exited", self.engine)
        self._open_timer.stop()
        self._process, self.ready = None, False
        self._retry_at = time.monotonic() + self.RETRY_AFTER_S

    def _on_stderr(self) -> None:
        if self._process is not None:
            log.debug("tts helper: %s", bytes(self._process.readAllStandardError().data()).decode(errors="replace"))

    def _on_output(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:  # a library chatting on stdout; not ours
                log.debug("tts helper said: %r", line)
                continue
            if not isinstance(message, dict):
                continue
            if "ready" in message:
                self._open_timer.stop()
                self.ready, self.has_chinese = bool(message["ready"]), bool(message["chinese"])
            elif message.get("done") == self._seq:
                self.finished.emit()


# --- chime -------------------------------------------------------------------------------------
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
            return cls(chime_file(), parent)
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


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--speech-helper":
    sys.exit(_helper_main(sys.argv[2]))
