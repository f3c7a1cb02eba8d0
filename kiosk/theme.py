"""Kiosk look: one token set per mode, turned into a Qt stylesheet.

Elderly mode (长辈版) follows the MIIT 适老化 numbers: body text >= 18 pt (largest >= 30 pt), touch targets
>= 60x60 px, contrast >= 4.5:1. Colour is never the only cue: selected/checked controls also gain a
"✓" mark in their text and a thicker border; errors start with "!" and are worded.
Sizes are in pt (fonts) and px (targets) so tests can read them back from the widgets. The font family
is the application font (app.ui.fonts: bundled Noto Sans SC subset with fallbacks), not set here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    elderly: bool
    body_pt: int
    button_pt: int
    title_pt: int
    number_pt: int
    hint_pt: int
    target_px: int  # minimum height/width of anything tappable
    tile_px: int  # height of the big home/category tiles
    keypad_px: int  # side of a keypad key
    spacing: int
    idle_factor: float  # multiply the idle time-outs
    bg: str = "#F4F6F9"
    surface: str = "#FFFFFF"
    text: str = "#1A1F29"
    muted: str = "#4A5568"
    primary: str = "#0B5CAD"
    primary_pressed: str = "#08457F"
    on_primary: str = "#FFFFFF"
    error: str = "#B3261E"
    warn_bg: str = "#FFE8A3"
    warn_text: str = "#5A3A00"
    ok_bg: str = "#1E6B34"
    border: str = "#4A5568"
    disabled_bg: str = "#E2E8F0"
    disabled_text: str = "#4A5568"


NORMAL = Theme(
    name="normal", elderly=False, body_pt=16, button_pt=18, title_pt=28, number_pt=72, hint_pt=14,
    target_px=64, tile_px=120, keypad_px=80, spacing=16, idle_factor=1.0,
)

# 长辈版: bigger everything, pure black on white, a darker primary for more contrast.
ELDERLY = Theme(
    name="elderly", elderly=True, body_pt=22, button_pt=26, title_pt=36, number_pt=96, hint_pt=20,
    target_px=96, tile_px=150, keypad_px=104, spacing=20, idle_factor=2.0,
    bg="#FFFFFF", surface="#FFFFFF", text="#000000", muted="#2D3748", primary="#003A80",
    primary_pressed="#002657", border="#000000",
)


def theme_for(elderly: bool) -> Theme:
    return ELDERLY if elderly else NORMAL


def stylesheet(t: Theme) -> str:
    """The whole kiosk stylesheet. Roles are set with ``widget.setProperty("role", ...)``."""
    border_w = 3 if t.elderly else 2
    return f"""
QWidget#KioskRoot, QWidget#Session, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background-color: {t.bg}; }}
QWidget[role="screen"] {{ background-color: {t.bg}; }}
QLabel {{ color: {t.text}; background-color: transparent; font-size: {t.body_pt}pt; }}
QLabel[role="title"] {{ font-size: {t.title_pt}pt; font-weight: bold; }}
QLabel[role="subtitle"] {{ font-size: {t.button_pt}pt; font-weight: bold; }}
QLabel[role="number"] {{ font-size: {t.number_pt}pt; font-weight: bold; color: {t.primary}; }}
QLabel[role="hint"] {{ font-size: {t.hint_pt}pt; color: {t.muted}; }}
QLabel[role="card"] {{ background-color: {t.surface}; border: {border_w}px solid {t.border};
    border-radius: 8px; padding: 12px; }}
QLabel[role="error"] {{ background-color: {t.error}; color: {t.on_primary}; font-weight: bold;
    border-radius: 6px; padding: 10px; }}
QLabel[role="banner-error"] {{ background-color: {t.error}; color: {t.on_primary}; font-weight: bold;
    padding: 8px 16px; }}
QLabel[role="banner-warn"] {{ background-color: {t.warn_bg}; color: {t.warn_text}; font-weight: bold;
    padding: 8px 16px; }}
QLabel[role="banner-info"] {{ background-color: {t.primary}; color: {t.on_primary}; padding: 8px 16px; }}
QLabel[role="qr"] {{ background-color: #FFFFFF; padding: 12px; border: {border_w}px solid {t.border}; }}
QPushButton {{
    background-color: {t.surface}; color: {t.text}; border: {border_w}px solid {t.border};
    border-radius: 10px; padding: 8px 18px; font-size: {t.button_pt}pt;
    min-height: {t.target_px}px; min-width: {t.target_px}px; }}
QPushButton:pressed {{ background-color: {t.disabled_bg}; }}
QPushButton:checked {{ background-color: {t.primary}; color: {t.on_primary}; border-color: {t.text}; }}
QPushButton:disabled {{ background-color: {t.disabled_bg}; color: {t.disabled_text}; }}
QPushButton[role="primary"], QPushButton[role="tile"] {{
    background-color: {t.primary}; color: {t.on_primary}; border: {border_w}px solid {t.primary}; }}
QPushButton[role="primary"]:pressed, QPushButton[role="tile"]:pressed {{
    background-color: {t.primary_pressed}; }}
QPushButton[role="tile"] {{ min-height: {t.tile_px}px; font-size: {t.button_pt + 2}pt; font-weight: bold; }}
QPushButton[role="key"] {{ min-height: {t.keypad_px}px; min-width: {t.keypad_px}px;
    font-size: {t.title_pt}pt; padding: 0px; }}
QPushButton[role="toggle"] {{ font-weight: bold; }}
QLineEdit {{ background-color: {t.surface}; color: {t.text}; border: {border_w}px solid {t.border};
    border-radius: 8px; padding: 6px 12px; font-size: {t.title_pt}pt; min-height: {t.target_px}px;
    placeholder-text-color: {t.muted}; }}
QScrollBar:vertical {{ width: {24 if not t.elderly else 32}px; background: {t.disabled_bg}; }}
QScrollBar::handle:vertical {{ background: {t.muted}; min-height: 60px; border-radius: 6px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0px; }}
QWidget#Overlay {{ background-color: rgba(0, 0, 0, 150); }}
QFrame#OverlayPanel {{ background-color: {t.surface}; border: {border_w}px solid {t.border};
    border-radius: 16px; }}
QWidget#Attract {{ background-color: {t.primary}; }}
QLabel[role="attract"] {{ color: {t.on_primary}; font-size: {t.number_pt // 2}pt; font-weight: bold; }}
QLabel[role="attract-sub"] {{ color: {t.on_primary}; font-size: {t.title_pt}pt; }}
"""
