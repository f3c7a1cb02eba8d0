"""Qt translations. Source strings are Chinese (zh_CN is the default language); en_US is the second.

One catalogue for every role and the kiosk: resources/i18n/onewindow_<language>.ts is the maintained source
(`pyside6-lupdate` over app/ui and kiosk updates it). The .qm is built from it with pyside6-lrelease into the
cache directory on first use (never hand-edited, never committed). A kiosk must show English even where no
lrelease is installed, so without one the .ts itself is read: same file, same contexts, no second source.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

log = logging.getLogger("onewindow.ui.i18n")

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en_US")
DEFAULT_LANGUAGE = "zh_CN"
_installed: QTranslator | None = None
_qt_own: QTranslator | None = None
_current = DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def pick(zh: str, en: str | None, language: str | None = None) -> str:
    """A name from the data in `language` (default: the current one): the *_en field in English when the data has
    one."""
    return en if (language or _current).startswith("en") and en else zh


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for lupdate under `context` and return it untranslated (translate it where it is shown).

    Same name as Qt's, so lupdate and tests/ui/test_i18n.py still find the marks; ours is typed `str -> str`
    where PySide6's stub returns `object`, which would make every table of marked strings untyped."""
    return source


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compiled_qm(language: str) -> Path | None:
    """The .qm for `language`, rebuilt when its .ts is newer. None for the source language."""
    ts = I18N_DIR / f"onewindow_{language}.ts"
    if language == DEFAULT_LANGUAGE or not ts.exists():
        return None
    cache = Path(platformdirs.user_cache_dir("onewindow", appauthor=False)) / "i18n"
    qm = cache / f"onewindow_{language}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: %s is read from its .ts", language)
        return None
    cache.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".tmp.qm")
    subprocess.run([tool, str(ts), "-qm", str(tmp)], check=True, capture_output=True)
    tmp.replace(qm)
    return qm


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for the finished messages of a .ts file."""
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, node = message.findtext("source"), message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


class TsTranslator(QTranslator):
    """Translates from a .ts read at run time, for a machine without pyside6-lrelease."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._table.get((context, source), "")


def _translator(language: str, parent: QObject) -> QTranslator | None:
    """The catalogue for `language`: the built .qm, else the .ts itself; None for the source language."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return None
    try:
        qm = compiled_qm(language)
    except (OSError, subprocess.CalledProcessError) as exc:  # an unwritable cache, a failing lrelease
        log.warning("could not build the %s catalogue (%s): reading its .ts", language, exc)
        qm = None
    if qm is not None:
        translator = QTranslator(parent)
        if translator.load(str(qm)):
            return translator
        log.warning("could not load %s: reading its .ts", qm)
    ts = I18N_DIR / f"onewindow_{language}.ts"
    return TsTranslator(load_ts(ts), parent) if ts.exists() else None


def install_qt_translations(language: str) -> bool:
    """Qt's own strings (Cancel, the file and print dialogs) in `language`, from PySide6's qtbase_*.qm.

    Shared by every role and the kiosk; English needs none (Qt's source strings are English)."""
    global _qt_own
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    if _qt_own is not None:
        QCoreApplication.removeTranslator(_qt_own)
        _qt_own = None
    if language.startswith("en"):
        return True
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        log.warning("Qt's own %s translations not found: dialogs stay in English", language)
        return False
    QCoreApplication.installTranslator(translator)
    _qt_own = translator
    return True


def set_language(language: str) -> str:
    """Switch the whole application's language; widgets retranslate on LanguageChange."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    install_qt_translations(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    translator = _translator(language, app)
    if translator is not None:
        QCoreApplication.installTranslator(translator)
        _installed = translator
    global _current
    _current = language if (translator is not None or language == DEFAULT_LANGUAGE) else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(_current))  # numbers and dates in widgets follow the language too
    return _current
