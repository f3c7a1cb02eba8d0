"""The bundled font: registered, covers what we print, and renders with no system fonts at all."""

import re
from pathlib import Path

from PySide6.QtGui import QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication

from app.devices.ticket_slip import slip_text
from app.ui.fonts import FAMILY, FONT_DIR, FONT_FILES, app_font
from tests.devices.test_ticket_slip import make_slip

REPO = Path(__file__).resolve().parents[3]
HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def test_install_sets_application_font(qapp: QApplication, app_font_family: str) -> None:
    assert app_font_family == FAMILY
    assert qapp.font().families()[0] == FAMILY
    assert QFontInfo(app_font(pixel_size=20)).family() == FAMILY
    assert QFontInfo(app_font(pixel_size=20, bold=True)).bold()


def test_font_files_small_and_licensed() -> None:
    for name in FONT_FILES:
        assert (FONT_DIR / name).stat().st_size < 5_000_000
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def _missing(text: str, raw: QRawFont) -> set[str]:
    # By code point: the str (QChar) overload reports hanzi as missing.
    return {ch for ch in text if not ch.isspace() and not raw.supportsCharacter(ord(ch))}


def test_covers_slip_text_and_common_words(app_font_family: str) -> None:
    t = slip_text(make_slip(window_hint="3 号、5 号窗口", estimated_wait_minutes=12))
    text = "".join(str(v) for v in vars(t).values()) + "长辈版 适老 一窗通 ①②③ ℃ ★☆ ✓ ——“”…（）：；，。、"
    for name in FONT_FILES:
        raw = QRawFont(str(FONT_DIR / name), 20)
        assert raw.isValid()
        assert not _missing(text, raw)


def test_covers_every_hanzi_in_the_sources(app_font_family: str) -> None:
    """Fails when new, uncommon hanzi appear: rebuild the subset (resources/fonts/README.md)."""
    found: set[str] = set()
    for top in ("app", "kiosk", "server", "resources"):
        for path in (REPO / top).rglob("*"):
            if path.suffix in {".py", ".json", ".ts"} and path.is_file():
                found.update(HANZI.findall(path.read_text(encoding="utf-8", errors="ignore")))
    raw = QRawFont(str(FONT_DIR / FONT_FILES[0]), 20)
    missing = _missing("".join(found), raw)
    assert not missing, f"rebuild the font subset; missing: {''.join(sorted(missing))}"
