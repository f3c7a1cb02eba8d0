"""The kiosk's on-screen language switch (its strings are checked with the app's in tests/ui/test_i18n.py)."""

from __future__ import annotations


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
    assert kiosk.language == "en_US"
    home = kiosk.session.screen
    assert home.findChild(type(home.language_button), "tile_ticket").text() == "Take a ticket"
    kiosk.home_language = "zh_CN"
    kiosk.reset_session("idle")
    assert kiosk.language == "zh_CN"


def test_english_guide_names_departments_in_english(make_kiosk) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QPushButton

    kiosk = make_kiosk()
    kiosk.restyle("en_US", False)
    kiosk.session.go("guide")
    screen = kiosk.session.screen
    rows = {b.objectName(): b.text() for b in screen.results.findChildren(QPushButton)}
    # A bundle lists its departments as the first and how many; its members are in three departments.
    assert rows["matter_BB01"].splitlines()[1] == "Public Security Bureau and others (3 departments)"
    screen.field.setText("SFZ")  # 身份证: matters of the Public Security Bureau
    rows = {b.objectName(): b.text() for b in screen.results.findChildren(QPushButton) if b.isVisibleTo(screen)}
    assert rows["matter_C001"].splitlines()[1] == "Public Security Bureau"
    kiosk.session.go("matter", code="BB01")
    texts = [w.text() for w in kiosk.session.screen.content.findChildren(type(kiosk.session.screen.message))]
    assert ("Department: Public Security Bureau; Healthcare Security Bureau; "
            "Human Resources and Social Security Bureau") in texts
