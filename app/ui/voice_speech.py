"""Speech for the calling display: QTextToSpeech in a helper process that cannot hang the GUI."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QProcess, QTimer, Signal

from app.devices.announcement import (
    is_mandarin_voice,
)

try:
    from PySide6.QtTextToSpeech import QTextToSpeech

    HAVE_TTS = True
except ImportError:  # libpulse missing: no speech, visual calls still work
    QTextToSpeech = None  # type: ignore[assignment,misc]
    HAVE_TTS = False

log = logging.getLogger("onewindow.ui.voice")


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
        if command.get("stop"):  # cut short, nobody waits for it: no "done"
            current.update(seq=None, started=False)
            tts.stop()
            return
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
        self._command = (
            list(command) if command else [sys.executable, "-m", "app.ui.voice_speech", "--speech-helper", engine]
        )
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
        names = list(engines) if engines is not None else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
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

    def interrupt(self) -> None:
        """Stop speaking now and keep the helper (the kiosk's guidance: each screen's replaces the last one's)."""
        self._seq += 1  # a late "done" for the utterance cut short is stale
        if self.ready and self._process is not None:
            self._process.write(json.dumps({"stop": True}).encode() + b"\n")

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


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--speech-helper":
    sys.exit(_helper_main(sys.argv[2]))
