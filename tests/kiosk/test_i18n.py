"""Every translatable kiosk string has an English translation, and switching language works."""

from __future__ import annotations

import ast
from pathlib import Path

from kiosk.i18n import I18N_DIR, load_ts

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def translatable_strings() -> set[tuple[str, str]]:
    """(context, source) for self.tr("...") (context = enclosing class) and QCoreApplication.translate."""
    found: set[tuple[str, str]] = set()
    for path in KIOSK.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_string_has_an_english_translation() -> None:
    table = load_ts(I18N_DIR / "kiosk_en_US.ts")
    strings = translatable_strings()
    assert len(strings) > 100
    missing = sorted(s for s in strings if s not in table)
    assert not missing, f"run pyside6-lupdate and translate: {missing}"


def test_english_session(make_kiosk) -> None:  # noqa: ANN001
    kiosk = make_kiosk()
    kiosk.restyle("en_US", False)
    home = kiosk.session.screen
    assert home.findChild(type(home.language_button), "tile_ticket").text() == "Take a ticket"
    assert home.language_button.text() == "中文"
    assert home.title_label.text() == "Demo District Government Service Centre"
    kiosk.session.go("category")
    assert kiosk.session.screen.findChild(type(home.language_button), "category_B").text().startswith("B Social")
    kiosk.restyle("zh_CN", False)
    assert kiosk.session.screen.findChild(type(home.language_button), "tile_ticket").text() == "取号排队"


def test_kiosk_takes_lang_and_sessions_start_in_it(make_kiosk) -> None:  # noqa: ANN001
    from kiosk.main import parse_args

    assert parse_args(["--demo", "--lang", "en_US"]).lang == "en_US"
    assert parse_args([]).lang == "zh_CN"
    kiosk = make_kiosk()
    kiosk.home_language = "en_US"
    kiosk.restyle("en_US", False)
    kiosk.reset_session("idle")  # the next citizen starts in the hall's chosen language, not Chinese
    assert kiosk.language.language == "en_US"
    home = kiosk.session.screen
    assert home.findChild(type(home.language_button), "tile_ticket").text() == "Take a ticket"
    kiosk.home_language = "zh_CN"
    kiosk.reset_session("idle")
    assert kiosk.language.language == "zh_CN"
