"""In English the console and the rating pad show the data's English names and messages (the category's name_en,
the alarm's message_en, the rating reasons' English words, a refusal's English line), through `pick`."""

from __future__ import annotations

import pytest

from app.domain.errors import RuleViolation
from app.services.alarms import AlarmService
from app.services.auth import trusted_actor
from app.services.ratings import RatingService
from app.ui.i18n import set_language
from tests.ui.supervisor.test_console import _console
from tests.ui.supervisor.test_rating_pad import _pad


@pytest.fixture
def english(qapp, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert set_language("en_US") == "en_US"
    yield
    set_language("zh_CN")


def test_console_columns_in_english(english, qtbot, sqlite_hall, queue, clock, runner):
    wang = trusted_actor(sqlite_hall, "wang")
    queue.open_window(3, wang)
    rated = queue.issue_ticket("B")
    queue.call_next(3, actor=wang)
    queue.start(3, actor=wang)
    queue.finish(3, actor=wang)
    RatingService(sqlite_hall, clock=clock).rate(rated.qr_payload, 1, ["wait", "attitude"])
    AlarmService(sqlite_hall, clock=clock).help_call(3, actor=wang)
    w = _console(sqlite_hall, clock, runner)
    qtbot.addWidget(w)
    names = [w.categories.index(r, 0).data() for r in range(w.categories.rowCount())]
    assert "B Social affairs" in names, names
    assert w.alarms.index(0, 2).data() == "Window 3 (wang) needs help"
    assert "needs help" in w.help_banner.text()
    reasons = w.follow_up_rows.index(0, 2).data()
    assert reasons.isascii() and "wait" in reasons.lower(), reasons


def test_rating_pad_refusal_in_english(english, qtbot, sqlite_hall, board, runner, clock):
    pad = _pad(sqlite_hall, board, runner, clock)
    qtbot.addWidget(pad)
    pad._failed(RuleViolation("这次服务已评价过", "This service was rated already"))
    assert pad.thanks.text() == "This service was rated already"
