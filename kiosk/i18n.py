"""Language switching. Source strings are Chinese (the default); English comes from a Qt .ts file.

Qt convention is to ship compiled .qm files, which are built and git-ignored. The kiosk must show
English even where nobody ran lrelease, so a built ``kiosk_en_US.qm`` is used when present and the
.ts is read directly otherwise (same file, same contexts, no second source of truth).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger("onewindow.kiosk.i18n")

I18N_DIR = Path(__file__).resolve().parent / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en_US")


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._table.get((context, source), "")


class LanguageSwitcher:
    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        QLocale.setDefault(QLocale(language))
        from app.ui.i18n import install_qt_translations

        install_qt_translations(language)  # Qt's own buttons and dialogs, shared with the other roles
        if language == DEFAULT_LANGUAGE:
            return
        translator: QTranslator
        qm = I18N_DIR / f"kiosk_{language}.qm"
        ts = I18N_DIR / f"kiosk_{language}.ts"
        if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
            translator = QTranslator()
            if not translator.load(str(qm)):
                log.warning("could not load %s", qm.name)
        elif ts.exists():
            translator = TsTranslator(load_ts(ts))
        else:
            log.warning("no translation for %s", language)
            return
        QCoreApplication.installTranslator(translator)
        self._translator = translator
