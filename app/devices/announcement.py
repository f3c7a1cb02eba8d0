"""Qt-free parts of the calling announcement: the words on screen, the words spoken, the chime sound."""

from __future__ import annotations

import hashlib
import math
import struct
import tempfile
import wave
from io import BytesIO
from pathlib import Path

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
LANGUAGES = tuple(_SCREEN)


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


def is_mandarin_voice(name: str) -> bool:
    """Guess from a TTS voice name (engines without a zh_CN locale still name their voices)."""
    lower = name.lower()
    if "cantonese" in lower or "hakka" in lower or "粤" in name:
        return False
    return "mandarin" in lower or "chinese" in lower or "普通话" in name or "中文" in name


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


def chime_file() -> Path:
    """The chime as a file (QSoundEffect plays URLs); named by content, written once, atomically."""
    data = chime_wav_bytes()
    path = Path(tempfile.gettempdir()) / f"onewindow-chime-{hashlib.sha256(data).hexdigest()[:12]}.wav"
    if not path.exists():
        tmp = path.with_name(f"{path.stem}.{id(data)}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path
