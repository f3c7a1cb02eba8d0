"""The kiosk over the real hall database (SQLite): tickets, elderly priority, daily limit, hours."""

from __future__ import annotations

import pytest

from app.domain.errors import UserError
from kiosk.backend import KioskBackend
from kiosk.queue_backend import QueueKioskBackend
from tests.kiosk.conftest import ADULT_ID, ELDER_ID


@pytest.fixture
def real(sqlite_hall, clock) -> QueueKioskBackend:  # noqa: ANN001
    return QueueKioskBackend.over(sqlite_hall, clock=clock)


def test_is_a_kiosk_backend(real: QueueKioskBackend) -> None:
    assert isinstance(real, KioskBackend)
    assert real.hall_name()[0] == "示范区政务服务中心"
    assert real.hall_open()
    assert [c.prefix for c in real.list_categories()][:2] == ["A", "B"]


def test_issue_with_people_ahead_and_qr(real: QueueKioskBackend) -> None:
    first = real.issue_ticket("B")
    second = real.issue_ticket("B")
    assert (first.display_number, second.display_number) == ("B001", "B002")
    assert second.people_ahead == 1
    assert second.qr_payload.startswith("OW1:T:")
    with pytest.raises(UserError):  # a waiting ticket cannot be rated: only a served one
        real.rating_target(second.qr_payload)


def test_elderly_priority_and_daily_limit(real: QueueKioskBackend) -> None:
    real.issue_ticket("B")
    elder = real.issue_ticket("B", person_id=ELDER_ID)
    assert elder.priority == "elderly" and elder.people_ahead == 0
    for _ in range(5):
        real.issue_ticket("C", person_id=ADULT_ID)
    with pytest.raises(UserError) as err:
        real.issue_ticket("C", person_id=ADULT_ID)
    assert err.value.code == "daily_limit" and err.value.message_zh


def test_after_hours(real: QueueKioskBackend, clock) -> None:  # noqa: ANN001
    clock.advance(hours=12)  # 22:00 in Beijing
    assert not real.hall_open()
    with pytest.raises(UserError) as err:
        real.issue_ticket("B")
    assert err.value.code == "hall_closed"


def test_appointment_becomes_a_real_priority_ticket(real: QueueKioskBackend, clock) -> None:  # noqa: ANN001
    real.issue_ticket("B")
    booked = real.appointments.book("B", clock().date(), "10:00-10:30")
    ticket = real.check_in_appointment(f"OW1:A:{booked.code}")
    assert ticket.priority == "appointment" and ticket.category_prefix == "B" and ticket.people_ahead == 0
    with pytest.raises(UserError):
        real.check_in_appointment(booked.code)  # each code checks in once
    with pytest.raises(UserError):
        real.check_in_appointment("20260001")  # a code nobody booked


def test_kiosk_window_on_the_real_queue(make_kiosk, real, clock) -> None:  # noqa: ANN001
    kiosk = make_kiosk(backend=real)
    kiosk.session.go("category")
    kiosk.session.screen.choose("D")
    assert kiosk.session.screen_name == "ticket_result"
    assert kiosk.session.screen.number.text() == "D001"
    kiosk.session.finish()
    clock.advance(hours=12)
    kiosk.session.go("category")
    assert kiosk.session.screen_name == "after_hours"


def test_after_hours_redirect_and_back(make_kiosk, backend, wall) -> None:  # noqa: ANN001
    wall.now = wall.now.replace(hour=20)  # the sample hall closes at 17:30
    kiosk = make_kiosk()
    kiosk.session.go("category")
    assert kiosk.session.screen_name == "after_hours"
    kiosk.session.back()
    assert kiosk.session.screen_name == "home"


def test_kiosk_shows_unknown_wait_and_closed_categories(qtbot, make_kiosk, sqlite_hall, clock, artifacts) -> None:  # noqa: ANN001
    """No window open yet: the ticket says 暂无估计 (never "0 分钟") and the tiles say no window serves them."""
    from PySide6.QtWidgets import QPushButton

    backend = QueueKioskBackend.over(sqlite_hall, clock=clock)
    backend.queue.open_window(6, None)  # only 医保社保 6 号窗口 (G, B) is open
    kiosk = make_kiosk(backend=backend)
    kiosk.session.go("category")
    screen = kiosk.session.screen
    tiles = {b.objectName(): b.text() for b in screen.findChildren(QPushButton) if b.objectName().startswith("cat")}
    assert "暂无窗口办理" in tiles["category_F"] and "暂无窗口办理" not in tiles["category_G"]
    kiosk.grab().save(str(artifacts / "kiosk_categories_closed.png"))
    screen.choose("F")
    result = kiosk.session.screen
    assert kiosk.session.screen_name == "ticket_result"
    assert "暂无估计" in result.wait.text() and "0 分钟" not in result.wait.text()
    screen = None
    kiosk.session.go("category")
    kiosk.session.screen.choose("G")
    assert "无需等待" in kiosk.session.screen.wait.text()
