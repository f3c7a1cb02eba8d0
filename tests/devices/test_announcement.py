import io
import wave

import pytest

from app.devices.announcement import (
    call_text,
    chime_file,
    chime_wav_bytes,
    is_mandarin_voice,
    spell_number,
    spoken_call_text,
)


def test_call_texts() -> None:
    assert call_text("B012", 3) == "请 B012 号 到 3 号窗口办理"
    assert spell_number("B012") == "B 零 一 二"
    assert spoken_call_text("B012", 3) == "请，B 零 一 二号，到3号窗口办理"
    assert call_text("B012", 3, "en") == "Ticket B012, please go to window 3"
    assert spoken_call_text("B012", 12, "en") == "Ticket B 0 1 2, please go to window 12"
    with pytest.raises(ValueError):
        call_text("B012", 3, "fr")


@pytest.mark.parametrize(
    ("name", "mandarin"),
    [
        ("Chinese (Mandarin, latin as English)", True),
        ("Microsoft Huihui Desktop - Chinese (Simplified)", True),
        ("Chinese (Cantonese)", False),
        ("Hakka Chinese", False),
        ("English (Great Britain)", False),
    ],
)
def test_mandarin_voice_names(name: str, mandarin: bool) -> None:
    assert is_mandarin_voice(name) is mandarin


def test_chime_is_a_short_wav() -> None:
    with wave.open(io.BytesIO(chime_wav_bytes())) as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert 0.5 < wav.getnframes() / wav.getframerate() < 1.5
    assert chime_file().read_bytes() == chime_wav_bytes()
