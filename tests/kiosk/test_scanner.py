"""Keyboard-wedge scanner bursts vs. human typing (timestamps injected, no sleeping)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.scanner import ENTER, Hold, Release, Scanned, ScannerBurstDetector
from kiosk.window import KioskWindow
from tests.kiosk.conftest import ADULT_ID


def feed_all(d: ScannerBurstDetector, keys: str, start: float, gap: float) -> list[object]:
    out: list[object] = []
    for i, k in enumerate(keys):
        out += d.feed(k, start + i * gap)
    return out


def test_burst_ending_in_enter_is_a_scan() -> None:
    d = ScannerBurstDetector(max_gap_s=0.05, min_length=4)
    out = feed_all(d, "OW1:A:20260002" + ENTER, 0.0, 0.008)
    assert out[-1] == Scanned("OW1:A:20260002")
    assert all(isinstance(x, Hold) for x in out[:-1])


def test_human_typing_is_released_key_by_key() -> None:
    d = ScannerBurstDetector(max_gap_s=0.05, min_length=4)
    out = feed_all(d, "1234" + ENTER, 0.0, 0.18)
    released = "".join(x.keys for x in out if isinstance(x, Release))
    assert released == "1234" + ENTER
    assert not any(isinstance(x, Scanned) for x in out)


def test_timer_expiry_releases_a_single_typed_key() -> None:
    d = ScannerBurstDetector(max_gap_s=0.05)
    assert d.feed("7", 1.0) == [Hold()]
    assert d.expire(1.02) is None
    assert d.expire(1.2) == Release("7")
    assert not d.holding


def test_short_fast_burst_is_typing_and_a_pause_splits_bursts() -> None:
    d = ScannerBurstDetector(max_gap_s=0.05, min_length=4)
    out = feed_all(d, "12" + ENTER, 0.0, 0.01)  # too short for a code
    assert out[-1] == Release("12" + ENTER)
    # Typing "9", pausing, then a real scan: the 9 is typing, the burst is the code.
    out = d.feed("9", 5.0) + feed_all(d, "B012X" + ENTER, 5.5, 0.01)
    assert Release("9") in out and out[-1] == Scanned("B012X")


def _key(qtbot, widget, ch: str, mono, gap: float) -> None:  # noqa: ANN001
    mono.advance(gap)
    if ch == "\n":
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(widget, ch)


def test_scan_on_home_opens_appointment_check_in(qtbot, kiosk: KioskWindow, mono, backend) -> None:  # noqa: ANN001
    scans: list[str] = []
    kiosk.scanner.scanned.connect(scans.append)
    target = kiosk.session.screen
    for ch in "OW1:A:100004\n":  # the demo appointment for this half hour
        _key(qtbot, target, ch, mono, 0.006)
    assert scans == ["OW1:A:100004"]
    assert kiosk.session.screen_name == "ticket_result"
    assert kiosk.session.screen.ticket.priority == "appointment"


def test_typing_reaches_the_focused_field(qtbot, kiosk: KioskWindow, mono) -> None:  # noqa: ANN001
    kiosk.session.go("rating")
    field = kiosk.session.screen.field
    field.setFocus()
    scans: list[str] = []
    kiosk.scanner.scanned.connect(scans.append)
    for ch in "B012":
        _key(qtbot, field, ch, mono, 0.2)
        if ch != "2":
            mono.advance(0.2)
            kiosk.scanner.flush_expired()
    mono.advance(0.2)
    kiosk.scanner.flush_expired()
    assert scans == []
    assert field.text() == "B012"


def test_burst_into_a_field_does_not_type(qtbot, kiosk: KioskWindow, mono, backend) -> None:  # noqa: ANN001
    kiosk.session.go("progress")
    screen = kiosk.session.screen
    screen.receipt.setFocus()
    for ch in "OW1:R:H023-20261120-0007\n":
        _key(qtbot, screen.receipt, ch, mono, 0.004)
    # The burst was a scan, not typing: the field holds the receipt number the QR names, without the
    # "OW1:R:" a typed burst would have left in it.
    assert screen.receipt.text() == "H023-20261120-0007"
    # A receipt QR names the case only: the citizen still proves it is theirs with the last 4 ID characters.
    assert kiosk.session.screen_name == "progress" and "身份证后4位" in screen.error.text()
    assert screen.last4.hasFocus() and screen.last4.text() == ""


def test_id_reader_in_keyboard_mode_issues_a_real_name_ticket(qtbot, kiosk: KioskWindow, mono) -> None:  # noqa: ANN001
    """A desk ID reader set to keyboard emulation types the number and Enter as a burst: on the ID screen it is
    the card; on any other screen it is dropped (an ID number is never passed to a screen that did not ask)."""
    kiosk.session.go("progress")
    screen = kiosk.session.screen
    screen.receipt.setFocus()
    for ch in ADULT_ID + "\n":
        _key(qtbot, screen.receipt, ch, mono, 0.004)
    assert kiosk.session.screen_name == "progress"
    assert screen.receipt.text() == "" and not screen.error.isVisible()

    kiosk.session.go("id_entry", prefix="B")
    target = kiosk.session.screen
    for ch in ADULT_ID.lower() + "\n":
        _key(qtbot, target, ch, mono, 0.004)
    assert kiosk.session.screen_name == "ticket_result"
    assert kiosk.session.screen.ticket.category_prefix == "B"


def test_no_scan_reaches_a_session_behind_the_pin_pad(kiosk: KioskWindow) -> None:
    kiosk.admin.open()
    kiosk.scans.route("OW1:A:100004")  # the demo appointment for this half hour
    assert kiosk.session.screen_name == "home"
    kiosk.admin.pad.cancel()
    kiosk.scans.route("OW1:A:100004")
    assert kiosk.session.screen_name == "ticket_result"


def test_a_camera_scan_wakes_the_attract_screen_and_is_used(kiosk: KioskWindow, mono) -> None:  # noqa: ANN001
    mono.advance(kiosk.idle.policy.attract_s)
    kiosk.tick()
    assert kiosk.idle.attract is not None
    kiosk.scans.route("OW1:A:100004")  # from the camera: no key press went through the activity filter
    assert kiosk.idle.attract is None
    assert kiosk.session.screen_name == "ticket_result"
