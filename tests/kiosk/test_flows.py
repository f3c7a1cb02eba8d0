"""Citizen journeys driven through the screens (clicks on the real buttons where it matters)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.backend import RatingLevel
from kiosk.screens.rating import rating_ready
from kiosk.session import classify_scan
from kiosk.window import KioskWindow
from tests.kiosk.conftest import ADULT_ID, ELDER_ID
from tests.kiosk.real_hall import served_ticket


def click(qtbot, root, name: str) -> None:  # noqa: ANN001
    QCoreApplication.processEvents()  # widgets added to shown layouts appear on the next loop pass
    visible = [b for b in root.findChildren(QPushButton, name) if b.isVisible()]
    assert len(visible) == 1, name
    qtbot.mouseClick(visible[0], Qt.MouseButton.LeftButton)


def test_take_a_ticket_by_touch(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    click(qtbot, kiosk, "tile_ticket")
    click(qtbot, kiosk, "category_C")
    screen = kiosk.session.screen
    assert kiosk.session.screen_name == "ticket_result"
    assert screen.number.text() == "C001" and "前面还有" in screen.ahead.text()
    click(qtbot, kiosk, "done")
    assert kiosk.session.screen_name == "home"


def test_real_name_elderly_priority_by_keypad(qtbot, kiosk: KioskWindow, speaker) -> None:  # noqa: ANN001
    kiosk.restyle("zh_CN", True)
    click(qtbot, kiosk, "tile_ticket")
    click(qtbot, kiosk, "real_name")
    assert kiosk.session.screen.real_name.text().startswith("✓")  # not colour alone
    click(qtbot, kiosk, "category_G")
    for ch in ELDER_ID:
        click(qtbot, kiosk, f"key_{ch}")
    field = kiosk.session.screen.field
    click(qtbot, kiosk, "confirm")
    assert field.text() == ""  # the number is gone from the screen at once
    result = kiosk.session.screen
    assert kiosk.session.screen_name == "ticket_result" and result.ticket.priority == "elderly"
    assert any("长辈" in s for s in speaker.spoken) and any("G 0 0 1" in s for s in speaker.spoken)


def test_card_reader_and_daily_limit(kiosk: KioskWindow, card_reader) -> None:  # noqa: ANN001
    for _ in range(5):  # the hall's daily_tickets_per_person, enforced by QueueService as at the windows
        kiosk.session.go("id_entry", prefix="B")
        assert card_reader.active
        card_reader.present(ADULT_ID)
        assert kiosk.session.screen_name == "ticket_result"
    assert not card_reader.active  # stopped when the screen went away
    kiosk.session.go("id_entry", prefix="B")
    card_reader.present(ADULT_ID)
    screen = kiosk.session.screen
    assert kiosk.session.screen_name == "id_entry" and "上限" in screen.error.text()


def test_invalid_id_is_refused_locally(kiosk: KioskWindow, backend) -> None:  # noqa: ANN001
    kiosk.session.go("id_entry", prefix="B")
    kiosk.session.screen.field.setText(ADULT_ID[:-1] + ("0" if ADULT_ID[-1] != "0" else "1"))
    kiosk.session.screen.submit()
    assert kiosk.session.screen.error.text().startswith("!")
    assert [c.waiting for c in backend.list_categories() if c.prefix == "B"] == [0]  # nothing was issued


def test_progress_shows_plain_status_and_masks(kiosk: KioskWindow) -> None:
    kiosk.session.go("progress")
    s = kiosk.session.screen
    s.receipt.setText("H023-20261121-0015")
    s.last4.setText("5678")
    s.submit()
    r = kiosk.session.screen
    assert r.status.text() == "审批中"
    texts = [w.text() for w in r.findChildren(type(r.status))]
    assert any("李**" in t for t in texts) and any("330***********5678" in t for t in texts)  # one policy
    kiosk.session.go("progress")
    kiosk.session.screen.receipt.setText("H023-20261121-0015")
    kiosk.session.screen.last4.setText("0000")
    kiosk.session.screen.submit()
    assert kiosk.session.screen_name == "progress" and "未查到" in kiosk.session.screen.error.text()


def test_guide_search_detail_and_ticket_by_matter(qtbot, kiosk: KioskWindow, backend) -> None:  # noqa: ANN001
    click(qtbot, kiosk, "tile_guide")
    for ch in "SFZ":
        click(qtbot, kiosk, f"key_{ch}")
    QCoreApplication.processEvents()
    names = [b.objectName() for b in kiosk.session.screen.results.findChildren(QPushButton) if b.isVisible()]
    assert names == ["matter_C001", "matter_C002"]  # 身份证: found by its pinyin initials
    click(qtbot, kiosk, "matter_C001")
    matter = kiosk.session.screen
    assert matter.title_label.text() == "居民身份证换领（有效期满）"
    click(qtbot, kiosk, "take_ticket")
    assert kiosk.session.screen_name == "ticket_result"
    assert kiosk.session.screen.ticket.category_prefix == "C"
    assert backend.queue.ticket_status("C001") is not None


def test_drag_scrolls_the_list_without_clicking(qtbot, make_kiosk) -> None:  # noqa: ANN001
    kiosk = make_kiosk(size=(1920, 1080))
    kiosk.restyle("zh_CN", True)  # big buttons: the list is longer than the screen
    kiosk.session.go("guide")
    QCoreApplication.processEvents()
    screen = kiosk.session.screen
    bar = screen.area.verticalScrollBar()
    assert bar.maximum() > 0
    button = screen.results.findChild(QPushButton, "matter_A001")
    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseMove(button, QPoint(20, -200))
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=QPoint(20, -200))
    assert bar.value() > 0
    assert kiosk.session.screen_name == "guide"


def test_rating_requires_a_reason_for_bad_levels(qtbot, kiosk: KioskWindow, backend) -> None:  # noqa: ANN001
    assert rating_ready(RatingLevel.SATISFIED, ()) and not rating_ready(RatingLevel.DISSATISFIED, ())
    assert not rating_ready(None, ("wait",))
    assert not rating_ready(RatingLevel.SATISFIED, ("wait",))  # the rating rule: a good level has no complaint
    ticket = served_ticket(backend, "B")  # only a served ticket can be rated, and only by its QR (proof)
    kiosk.session.go("rating")
    s = kiosk.session.screen
    s.field.setText(ticket.display_number)
    click(qtbot, kiosk, "lookup")
    assert s.target is None and s.error.isVisible()  # a typed number proves nothing: refused
    s.field.setText(ticket.qr_payload)
    click(qtbot, kiosk, "lookup")
    assert s.target is not None and s.target.reference == "B001"
    click(qtbot, kiosk, "level_1")
    click(qtbot, kiosk, "submit")  # no reason yet: the press says what is missing instead of doing nothing
    assert kiosk.session.screen_name == "rating" and s.error.isVisible() and "原因" in s.error.text()
    assert s.submit_button.property("ready") is False
    click(qtbot, kiosk, "reason_attitude")
    assert s.submit_button.property("ready") is True
    click(qtbot, kiosk, "submit")
    assert kiosk.session.screen_name == "thanks"
    [rating] = backend.ratings.list_ratings()
    assert (rating.reference, rating.level, rating.reasons) == ("B001", RatingLevel.VERY_DISSATISFIED, ("attitude",))
    assert rating.channel == "kiosk" and backend.ratings.list_ratings(bad_only=True) == [rating]


def test_good_rating_sends_no_reasons(qtbot, kiosk: KioskWindow, backend) -> None:  # noqa: ANN001
    kiosk.session.go("rating")
    kiosk.session.screen.handle_scan("OW1:R:H023-20261120-0007")  # the receipt's QR code
    click(qtbot, kiosk, "level_2")
    click(qtbot, kiosk, "reason_wait")
    click(qtbot, kiosk, "level_5")  # changed their mind: the pressed reason is hidden and not sent
    assert kiosk.session.screen.submit_button.property("ready") is True
    click(qtbot, kiosk, "submit")
    [rating] = backend.ratings.list_ratings()
    assert (rating.target_kind, rating.reference, rating.level, rating.reasons) == (
        "case", "H023-20261120-0007", RatingLevel.VERY_SATISFIED, ()
    )


def test_scan_routing() -> None:
    assert classify_scan("OW1:A:20260001") == "appointment"
    assert classify_scan("OW1:A:H023:100004") == "appointment"
    assert classify_scan("100004") == "appointment"
    assert classify_scan("20260001") == "unknown"  # appointment codes have 6 digits; 8 is a product's EAN-8
    assert classify_scan("OW1:T:H023:0192") == "ticket"
    assert classify_scan("H023-20261120-0007") == "receipt"
    assert classify_scan("OW1:R:H023-20261120-0007") == "receipt"
    assert classify_scan("H023-20261120-G003") == "unknown"  # a one-time notice is not a case to follow
    assert classify_scan("https://example.org") == "unknown"


def test_a_scanned_receipt_fills_the_number_and_asks_for_the_last_4(kiosk: KioskWindow) -> None:
    kiosk.session.handle_scan("OW1:R:H023-20261121-0015")  # from the home screen: routed to the progress query
    s = kiosk.session.screen
    assert kiosk.session.screen_name == "progress" and s.receipt.text() == "H023-20261121-0015"
    assert "后4位" in s.error.text() and not s.error.text().startswith("!")
    s.last4.setText("5678")
    s.submit()
    assert kiosk.session.screen_name == "progress_result" and kiosk.session.screen.status.text() == "审批中"
    kiosk.session.go("progress")
    kiosk.session.screen.handle_scan("OW1:T:H023:0192")  # a ticket is no receipt: say what the query needs
    assert kiosk.session.screen.error.text().startswith("!") and kiosk.session.screen.receipt.text() == ""


def test_a_hall_working_locally_shows_no_network_banner(kiosk: KioskWindow, backend) -> None:  # noqa: ANN001
    assert backend.sync_status().local_only  # no sync agent has reported: the hall works on its own
    kiosk.banners.refresh_sync()
    assert not kiosk.banners.network.isVisible()
    kiosk.session.go("category")
    kiosk.session.screen.choose("B")  # tickets come from the hall database, link or no link
    assert kiosk.session.screen_name == "ticket_result"


def test_no_banner_for_a_hall_without_a_central_server() -> None:
    from datetime import datetime

    from kiosk.backend import SyncStatus
    from kiosk.banners import network_banner

    assert network_banner(SyncStatus(online=False, pending_uploads=0, last_sync_at=None, local_only=True)) is None
    offline = network_banner(SyncStatus(online=False, pending_uploads=3, last_sync_at=datetime(2026, 11, 23)))
    assert offline is not None and offline[0] == "banner-warn"
    assert classify_scan("100004") == "appointment"


def test_a_wrong_id_keeps_the_typed_digits_for_correction(qtbot, kiosk: KioskWindow) -> None:  # noqa: ANN001
    kiosk.session.go("id_entry", prefix="B")
    screen = kiosk.session.screen
    wrong = ADULT_ID[:-1] + ("0" if ADULT_ID[-1] != "0" else "1")  # one wrong check digit
    screen.field.setText(wrong)
    click(qtbot, kiosk, "confirm")
    assert kiosk.session.screen_name == "id_entry" and "有误" in screen.error.text()
    assert screen.field.text() == wrong  # corrected with one key, not typed again
    screen.field.setText(ADULT_ID)
    click(qtbot, kiosk, "confirm")
    assert kiosk.session.screen_name == "ticket_result"
