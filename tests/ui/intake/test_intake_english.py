"""Intake in English: matter, material and category names come from the data's *_en fields, and the matter
list keeps a readable width."""

from __future__ import annotations

import pytest

from app.ui.i18n import set_language
from app.ui.intake.intake_window import IntakeWindow


@pytest.fixture
def english(qapp, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    set_language("en_US")
    yield
    set_language("zh_CN")


def test_intake_in_english_uses_english_names(
    qtbot, english, intake, catalogue, runner, checker, clerk, queue, tmp_path, artifacts
):  # type: ignore[no-untyped-def]  # noqa: E501
    queue.issue_ticket("D", matters=("企业开办",))
    ticket = queue.call_next(4, actor=clerk)
    w = IntakeWindow(intake, catalogue, runner, checker=checker, ticket=ticket, window_number=4, staff=clerk,
                     print_dir=tmp_path / "prints", scan_folder=tmp_path / "scans")  # fmt: skip
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    w.search("D00")
    w.grab().save(str(artifacts / "intake_english.png"))
    names = [w.picker.model.index(r, 1).data() for r in range(w.picker.model.rowCount())]
    assert names and all(n.isascii() for n in names), names
    assert w.picker.width() >= 470, "the matter list is squeezed"
    assert w.picker.table.columnWidth(1) >= 200
