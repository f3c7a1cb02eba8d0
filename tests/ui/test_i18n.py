"""Chinese is the default; English comes from the .ts file through Qt's translation system."""

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import I18N_DIR, compiled_qm, set_language


def test_every_string_has_an_english_translation():
    tree = ET.parse(I18N_DIR / "onewindow_en_US.ts")
    unfinished = [
        m.findtext("source") for m in tree.iter("message") if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_switching_language(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled_qm("zh_CN") is None  # the source language needs no translator
    assert compiled_qm("en_US") is not None
    try:
        assert set_language("en_US") == "en_US"
        assert QCoreApplication.translate("StaffWindow", "叫下一位") == "Call next"
        assert QCoreApplication.translate("TicketStatus", "已过号") == "No-show"
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
