"""The bundled CJK font (Noto Sans SC subset, SIL OFL 1.1, see resources/fonts/README.md).

Registered with QFontDatabase at start-up so Chinese renders on machines without any CJK system
font, including the offscreen test platform. Needs a QGuiApplication to exist.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger("onewindow.ui.fonts")

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = ("NotoSansSC-Subset-Regular.otf", "NotoSansSC-Subset-Bold.otf")
FAMILY = "Noto Sans SC Subset"
# Tried per character after the bundled font: full system CJK fonts cover rare name characters.
FALLBACK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Sans Serif",
)

_registered: str | None = None


def register_bundled_fonts() -> str | None:
    """Add the bundled faces to QFontDatabase once; return their family, or None if they failed."""
    global _registered
    if _registered is not None:
        return _registered
    family: str | None = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
        if font_id < 0:
            log.error("could not load bundled font %s", FONT_DIR / name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    _registered = family
    return family


def font_families() -> list[str]:
    """Family list for QFont.setFamilies: bundled font first, then system fallbacks."""
    bundled = register_bundled_fonts()
    return ([bundled] if bundled else []) + list(FALLBACK_FAMILIES)


def app_font(*, pixel_size: int | None = None, bold: bool = False) -> QFont:
    """A QFont using the bundled family with fallbacks (for painting outside widgets, e.g. printing)."""
    font = QFont()
    font.setFamilies(font_families())
    if pixel_size is not None:
        font.setPixelSize(pixel_size)
    font.setBold(bold)
    # Full hinting snaps CJK strokes to pixels: crisper on 203 dpi thermal paper and kiosk screens.
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    return font


def install_app_font(app: QGuiApplication) -> str:
    """Register the bundled font and make it the application default; return the family in use."""
    families = font_families()
    font = QFont(app.font())
    font.setFamilies(families)
    app.setFont(font)
    return families[0]
