"""Elderly-mode guidance goes through the app's speech helper process: each screen's words cut the last ones
short without restarting the helper, and a machine without speech gets silence, not an error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.ui.voice_speech import QtSpeechBackend
from kiosk.voice import HelperSpeaker, NullSpeaker, make_speaker


def _recording_helper(log: Path) -> list[str]:
    """A helper that reports in and writes down every command it is sent."""
    script = (
        "import json, sys\n"
        "print(json.dumps({'ready': True, 'chinese': True}), flush=True)\n"
        f"with open({str(log)!r}, 'a', encoding='utf-8') as out:\n"
        "    for line in sys.stdin:\n"
        "        out.write(line)\n"
        "        out.flush()\n"
    )
    return [sys.executable, "-c", script]


def test_each_screen_cuts_the_last_guidance_short(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "commands.jsonl"
    backend = QtSpeechBackend("fake", command=_recording_helper(log))
    try:
        assert backend.wait_ready(10000)
        speaker = HelperSpeaker(backend)
        speaker.say("欢迎使用自助服务")
        speaker.say("请选择要办理的业务类别")
        speaker.stop()  # the session is wiped
        qtbot.waitUntil(lambda: log.exists() and len(log.read_text(encoding="utf-8").splitlines()) == 5,
                        timeout=10000)
        commands = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        assert [c.get("say", "stop" if c.get("stop") else None) for c in commands] == [
            "stop", "欢迎使用自助服务", "stop", "请选择要办理的业务类别", "stop"
        ]
        assert backend.restarts == 0 and backend.ready  # interrupted, never killed and started again
    finally:
        backend.shutdown()


def test_no_engine_means_no_voice(qapp) -> None:  # noqa: ANN001
    assert isinstance(make_speaker(engine="no-such-engine"), NullSpeaker)
