"""Voice announcer: FIFO order, repeats, no overlap, fallbacks, watchdog; real QTextToSpeech smoke tests."""

import sys

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from app.devices.announcement import spoken_call_text
from app.ui import voice
from app.ui.voice import Announcer, QtSpeechBackend


class FakeSpeech(QObject):
    """Records utterances; finishes each one on the next event-loop turn (auto) or when told."""

    finished = Signal()

    def __init__(self, auto: bool = True) -> None:
        super().__init__()
        self.auto = auto
        self.said: list[str] = []
        self.speaking = False
        self.stopped = 0

    def say(self, text: str) -> None:
        assert not self.speaking, "an utterance started while another was still speaking"
        self.speaking = True
        self.said.append(text)
        if self.auto:
            QTimer.singleShot(0, self.finish)

    def finish(self) -> None:
        if self.speaking:
            self.speaking = False
            self.finished.emit()

    def stop(self) -> None:
        self.stopped += 1
        self.speaking = False


class FakeChime(QObject):
    finished = Signal()

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def play(self) -> None:
        self.log.append("chime")
        QTimer.singleShot(0, self.finished.emit)

    def stop(self) -> None:
        pass


class Recorder:
    def __init__(self, announcer: Announcer) -> None:
        self.events: list[tuple[str, object]] = []
        announcer.announcement_started.connect(lambda t: self.events.append(("started", t)))
        announcer.announcement_finished.connect(lambda t: self.events.append(("finished", t)))
        announcer.visual_call.connect(lambda n, w: self.events.append(("visual", (n, w))))


def test_calls_are_queued_in_order_and_repeated(qtbot: QtBot) -> None:
    speech, log = FakeSpeech(), []
    speech.finished.connect(lambda: log.append("spoken"))
    announcer = Announcer(speech, FakeChime(log), repeat=2, gap_ms=0)
    events = Recorder(announcer).events

    with qtbot.waitSignals([announcer.announcement_finished] * 3, order="strict", timeout=5000):
        announcer.announce("B012", 3)
        announcer.announce("A001", 1)  # while B012 is still being announced
        announcer.announce("C105", 12)
        assert announcer.busy and announcer.pending == 2

    first, second, third = (spoken_call_text(*c) for c in (("B012", 3), ("A001", 1), ("C105", 12)))
    assert speech.said == [first, first, second, second, third, third]
    assert log == ["chime", "spoken", "spoken"] * 3
    assert events == [
        ("started", "请 B012 号 到 3 号窗口办理"), ("visual", ("B012", 3)), ("finished", "请 B012 号 到 3 号窗口办理"),
        ("started", "请 A001 号 到 1 号窗口办理"), ("visual", ("A001", 1)), ("finished", "请 A001 号 到 1 号窗口办理"),
        ("started", "请 C105 号 到 12 号窗口办理"), ("visual", ("C105", 12)),
        ("finished", "请 C105 号 到 12 号窗口办理"),
    ]
    assert not announcer.busy and announcer.pending == 0


def test_next_call_waits_for_speech_to_finish(qtbot: QtBot) -> None:
    speech = FakeSpeech(auto=False)
    announcer = Announcer(speech, None, repeat=1, gap_ms=0)
    announcer.announce("B012", 3)
    announcer.announce("B013", 4)
    assert speech.said == [spoken_call_text("B012", 3)]  # B013 not spoken over B012

    with qtbot.waitSignal(announcer.announcement_started, timeout=2000) as started:
        speech.finish()
    assert started.args == ["请 B013 号 到 4 号窗口办理"]
    assert speech.said[-1] == spoken_call_text("B013", 4)
    with qtbot.waitSignal(announcer.announcement_finished, timeout=2000):
        speech.finish()


@pytest.mark.parametrize("repeat", [1, 3])
def test_repeat_setting(qtbot: QtBot, repeat: int) -> None:
    speech = FakeSpeech()
    announcer = Announcer(speech, None, repeat=repeat, gap_ms=10)
    with qtbot.waitSignal(announcer.announcement_finished, timeout=5000):
        announcer.announce("B012", 3)
    assert speech.said == [spoken_call_text("B012", 3)] * repeat


def test_without_speech_chime_and_visual_call_only(qtbot: QtBot) -> None:
    log: list[str] = []
    announcer = Announcer(None, FakeChime(log))
    events = Recorder(announcer).events
    assert not announcer.has_speech
    with qtbot.waitSignal(announcer.announcement_finished, timeout=2000):
        announcer.announce("B012", 3)
    assert ("visual", ("B012", 3)) in events
    assert log == ["chime"]


def test_without_any_backend_still_calls_visually(qtbot: QtBot) -> None:
    announcer = Announcer()
    with qtbot.waitSignals([announcer.visual_call, announcer.visual_call], timeout=2000):
        announcer.announce("B012", 3)
        announcer.announce("B013", 4)
    assert not announcer.busy


def test_hung_speech_engine_does_not_stall_the_queue(qtbot: QtBot) -> None:
    speech = FakeSpeech(auto=False)  # never reports back
    announcer = Announcer(speech, None, repeat=2, gap_ms=0)
    announcer.SPEECH_TIMEOUT_MS, announcer.SPEECH_TIMEOUT_PER_CHAR_MS = 50, 0
    announcer.MUTE_AFTER_TIMEOUTS = 99  # muting has its own test
    with qtbot.waitSignals([announcer.announcement_finished] * 2, timeout=5000):
        announcer.announce("B012", 3)
        announcer.announce("B013", 4)
    assert speech.stopped == 4
    assert speech.said == [spoken_call_text("B012", 3)] * 2 + [spoken_call_text("B013", 4)] * 2


def test_clear_pending_keeps_current_call(qtbot: QtBot) -> None:
    speech = FakeSpeech(auto=False)
    announcer = Announcer(speech, None, repeat=1)
    events = Recorder(announcer).events
    announcer.announce("B012", 3)
    announcer.announce("B013", 4)
    announcer.clear_pending()
    with qtbot.waitSignal(announcer.announcement_finished, timeout=2000):
        speech.finish()
    assert [e for e in events if e[0] == "started"] == [("started", "请 B012 号 到 3 号窗口办理")]
    assert not announcer.busy


def test_invalid_settings() -> None:
    with pytest.raises(ValueError):
        Announcer(repeat=0)
    with pytest.raises(ValueError):
        Announcer(language="fr")


# --- real Qt backends -------------------------------------------------------------------------
needs_tts = pytest.mark.skipif(not voice.HAVE_TTS,
                               reason="PySide6.QtTextToSpeech cannot load (system libpulse missing)")


def test_repeated_timeouts_mute_speech_for_a_while(qtbot: QtBot) -> None:
    speech = FakeSpeech(auto=False)  # hung engine
    announcer = Announcer(speech, None, repeat=2, gap_ms=0)
    announcer.SPEECH_TIMEOUT_MS, announcer.SPEECH_TIMEOUT_PER_CHAR_MS = 30, 0
    with qtbot.waitSignal(announcer.announcement_finished, timeout=5000):
        announcer.announce("B012", 3)
    assert announcer.speech_muted and len(speech.said) == 2
    with qtbot.waitSignal(announcer.announcement_finished, timeout=5000):
        announcer.announce("B013", 4)
    assert len(speech.said) == 2  # muted: the display keeps calling without waiting on speech

    announcer.MUTE_FOR_S = 0.0  # the mute has expired: speech is tried again
    announcer._muted_until = 0.0
    speech.auto = True
    with qtbot.waitSignal(announcer.announcement_finished, timeout=5000):
        announcer.announce("B014", 5)
    assert speech.said[-1] == spoken_call_text("B014", 5)


# --- the speech helper process ------------------------------------------------------------------
HUNG_HELPER = [sys.executable, "-c",  # chatter on stdout, reports in, then never answers
               "import json, sys; print('engine banner'); print(json.dumps({'ready': True, 'chinese': True}),"
               " flush=True); sys.stdin.read()"]
SILENT_HELPER = [sys.executable, "-c", "import sys; sys.stdin.read()"]


@pytest.fixture
def backends() -> list[QtSpeechBackend]:
    made: list[QtSpeechBackend] = []
    yield made
    for backend in made:
        backend.shutdown()


def test_hung_helper_is_replaced(qtbot: QtBot, backends: list[QtSpeechBackend]) -> None:
    speech = QtSpeechBackend("fake", command=HUNG_HELPER)
    backends.append(speech)
    assert speech.wait_ready(10000) and speech.has_chinese
    announcer = Announcer(speech, None, repeat=1)
    announcer.SPEECH_TIMEOUT_MS, announcer.SPEECH_TIMEOUT_PER_CHAR_MS = 200, 0
    with qtbot.waitSignal(announcer.announcement_finished, timeout=10000):
        announcer.announce("B012", 3)
    assert speech.restarts == 1  # stop() after the time-out killed it and started a fresh helper
    assert speech.wait_ready(10000)


def test_helper_that_never_starts(qtbot: QtBot, backends: list[QtSpeechBackend]) -> None:
    QtSpeechBackend.OPEN_TIMEOUT_MS, saved = 300, QtSpeechBackend.OPEN_TIMEOUT_MS
    try:
        speech = QtSpeechBackend("fake", command=SILENT_HELPER)
        backends.append(speech)
        assert not speech.wait_ready()
    finally:
        QtSpeechBackend.OPEN_TIMEOUT_MS = saved
    qtbot.waitUntil(lambda: speech._process is None, timeout=5000)  # killed at the open time-out
    announcer = Announcer(speech, None, repeat=2)
    with qtbot.waitSignal(announcer.announcement_finished, timeout=2000):
        announcer.announce("B012", 3)  # unspoken, without waiting for any time-out


@needs_tts
def test_real_qtexttospeech_with_qt_mock_engine(qtbot: QtBot, backends: list[QtSpeechBackend]) -> None:
    """Qt's silent "mock" engine (shipped in this wheel) drives real QTextToSpeech in the helper."""
    if "mock" not in voice.QTextToSpeech.availableEngines():
        pytest.skip(f"no 'mock' TTS engine in this Qt build ({voice.QTextToSpeech.availableEngines()})")
    speech = QtSpeechBackend("mock")
    backends.append(speech)
    assert speech.wait_ready(20000)
    done: list[bool] = []
    speech.finished.connect(lambda: done.append(True))
    announcer = Announcer(speech, None, repeat=2, gap_ms=0)
    with qtbot.waitSignals([announcer.announcement_finished] * 2, timeout=20000):
        announcer.announce("B012", 3)
        announcer.announce("B013", 4)
    assert len(done) == 4  # every utterance reported by the engine, none by the watchdog


@needs_tts
def test_real_speech_engine_smoke(qtbot: QtBot, backends: list[QtSpeechBackend]) -> None:
    """Speaks through the machine's real TTS engine (speech-dispatcher, SAPI, ...) if there is one."""
    speech = QtSpeechBackend.create()
    if speech is None:
        pytest.skip(f"no working text-to-speech engine on this machine "
                    f"(plug-ins: {voice.QTextToSpeech.availableEngines()}; 'mock' is not used for real calls)")
    backends.append(speech)
    assert speech.engine != "mock"
    spoken: list[bool] = []
    speech.finished.connect(lambda: spoken.append(True))
    announcer = Announcer(speech, None, repeat=1)
    # Speech that never completes (e.g. speech-dispatcher with no audio sink) ends at the watchdog.
    announcer.SPEECH_TIMEOUT_MS, announcer.SPEECH_TIMEOUT_PER_CHAR_MS = 4000, 100
    with qtbot.waitSignal(announcer.announcement_finished, timeout=30000):
        announcer.announce("B012", 3)
    print(f"engine={speech.engine} chinese={speech.has_chinese} completed={bool(spoken)}")


# QtMultimedia warns when it finds no audio system.
@pytest.mark.qt_log_level_fail("CRITICAL")
def test_system_backends_degrade_gracefully(qtbot: QtBot) -> None:
    announcer = Announcer.with_system_backends(repeat=1, gap_ms=0)
    announcer.SPEECH_TIMEOUT_MS, announcer.SPEECH_TIMEOUT_PER_CHAR_MS = 4000, 100
    try:
        with qtbot.waitSignals([announcer.visual_call, announcer.announcement_finished], timeout=30000):
            announcer.announce("B012", 3)
    finally:
        for speech in announcer.findChildren(QtSpeechBackend):
            speech.shutdown()
