"""Chinese is the default; English comes from the one .ts file (every role and the kiosk) through Qt's translation."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui import i18n
from app.ui.i18n import I18N_DIR, compiled_qm, load_ts, set_language

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = I18N_DIR / "onewindow_en_US.ts"


def translatable_strings(*folders: str) -> set[tuple[str, str]]:
    """(context, source) for self.tr("...") (context: the enclosing class), QCoreApplication.translate and
    QT_TRANSLATE_NOOP with literal arguments, as lupdate extracts them."""
    found: set[tuple[str, str]] = set()
    for path in (p for f in folders for p in (ROOT / f).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            name = getattr(node.func, "attr", getattr(node.func, "id", "")) if isinstance(node, ast.Call) else ""
            if (name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_string_has_an_english_translation():
    tree = ET.parse(CATALOGUE)
    unfinished = [
        m.findtext("source") for m in tree.iter("message") if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []
    table = load_ts(CATALOGUE)
    for folder in ("app/ui", "kiosk"):
        strings = translatable_strings(folder)
        assert len(strings) > 100, folder  # the scan itself still finds the strings
        missing = sorted(s for s in strings if s not in table)
        assert not missing, f"run pyside6-lupdate and translate ({folder}): {missing}"


def test_without_lrelease_the_ts_itself_is_read(qapp, monkeypatch, tmp_path):
    """A kiosk PC without pyside6-lrelease still switches to English (the .ts is read directly)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    try:
        assert set_language("en_US") == "en_US"
        assert type(i18n._installed) is not QTranslator  # the .ts reader, not a compiled catalogue
        assert QCoreApplication.translate("HomeScreen", "取号排队") == "Take a ticket"
        assert QCoreApplication.translate("StaffWindow", "叫下一位") == "Call next"
    finally:
        set_language("zh_CN")


def test_switching_language(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled_qm("zh_CN") is None  # the source language needs no translator
    assert compiled_qm("en_US") is not None
    try:
        assert set_language("en_US") == "en_US"
        assert QCoreApplication.translate("StaffWindow", "叫下一位") == "Call next"
        assert QCoreApplication.translate("TicketStatus", "已过号") == "No-show"
        assert QCoreApplication.translate("HomeScreen", "取号排队") == "Take a ticket"  # the kiosk's, same file
    finally:
        set_language("zh_CN")
    assert QCoreApplication.translate("StaffWindow", "叫下一位") == "叫下一位"


def test_qt_own_dialog_strings_follow_the_language(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    try:
        set_language("zh_CN")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Open)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert "取消" in texts and "Cancel" not in texts  # qtbase_zh_CN from PySide6's translations
        set_language("en_US")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text().replace("&", "") == "Cancel"
    finally:
        set_language("zh_CN")
