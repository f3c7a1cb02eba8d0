from datetime import datetime

import pytest

from app.devices.ticket_slip import DEFAULT_NOTICE, TicketSlip, clean, slip_text


def make_slip(**overrides: object) -> TicketSlip:
    fields: dict[str, object] = {
        "hall_name": "杭州市民之家政务服务中心",
        "category_name": "社会事务",
        "display_number": "B012",
        "issued_at": datetime(2026, 11, 22, 9, 15),
        "people_ahead": 5,
        "estimated_wait_minutes": 12,
        "qr_payload": "https://q.example/H023/20261122/B012",
    }
    fields.update(overrides)
    return TicketSlip(**fields)  # type: ignore[arg-type]


def test_slip_text_lines() -> None:
    text = slip_text(make_slip(window_hint="3 号窗口"))
    assert text.number == "B012"
    assert text.people_ahead == "前面还有 5 人"
    assert text.wait == "预计等待约 12 分钟"
    assert text.issued == "取号时间 2026-11-22 09:15"
    assert text.window == "办理窗口：3 号窗口"
    assert text.notice == DEFAULT_NOTICE


def test_optional_lines_absent() -> None:
    text = slip_text(make_slip(estimated_wait_minutes=None))
    assert text.wait == "预计等待：暂无估计"  # never "0 分钟" when nothing is known
    assert slip_text(make_slip(estimated_wait_minutes=0)).wait == "无需等待，请留意叫号"
    assert text.window is None


@pytest.mark.parametrize(
    "overrides", [{"people_ahead": -1}, {"estimated_wait_minutes": -3}, {"display_number": " "}]
)
def test_rejects_invalid(overrides: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        make_slip(**overrides)


def test_clean_drops_control_characters() -> None:
    assert clean("大厅\x1b@\x1d V") == "大厅@ V"
    assert clean("第一行\n第二行") == "第一行 第二行"


def test_every_printed_slip_shows_the_halls_own_clock(sqlite_hall) -> None:  # type: ignore[no-untyped-def]
    """Before: the staff window's reprint and the take-ticket screen printed Asia/Shanghai time whatever the
    hall's zone (only the kiosk and the CLI passed it); the zone now travels with the ticket view."""
    from datetime import UTC

    from sqlalchemy import select

    from app.devices.slip_from_ticket import slip_for
    from app.services.queue import QueueService
    from app.store.models import Hall

    with sqlite_hall.write() as s:
        s.scalars(select(Hall)).one().timezone = "Asia/Urumqi"  # UTC+6: 新疆 halls keep local time
    issued = QueueService(sqlite_hall, clock=lambda: datetime(2026, 11, 23, 3, 30, tzinfo=UTC)).issue_ticket(
        "B", source="staff"
    )
    assert issued.hall_timezone == "Asia/Urumqi"
    assert slip_text(slip_for(issued)).issued == "取号时间 2026-11-23 09:30"
