"""Printer states: banner, and the on-screen QR fallback when the slip cannot be printed."""

from __future__ import annotations

import pytest

from app.devices.printer_status import PrinterState
from kiosk.banners import printer_banner
from kiosk.camera_scanner import decode_qr
from kiosk.printer import StatusDummy
from kiosk.window import KioskWindow


def _take_ticket(kiosk: KioskWindow):  # noqa: ANN202
    kiosk.session.go("category")
    kiosk.session.screen.choose("B")
    assert kiosk.session.screen_name == "ticket_result"
    return kiosk.session.screen


def test_paper_out_shows_banner_and_qr_fallback(kiosk: KioskWindow, printer: StatusDummy) -> None:
    printer.set_paper_out()
    kiosk.printer.refresh()
    assert kiosk.printer.state is PrinterState.PAPER_OUT
    assert kiosk.banners.printer.isVisible()
    assert "纸" in kiosk.banners.printer.text() and kiosk.banners.printer.text().startswith("!")
    before = len(printer.output)
    screen = _take_ticket(kiosk)
    assert screen.qr_shown
    assert decode_qr(screen.qr.pixmap().toImage()) == [screen.ticket.qr_payload]  # a phone can read it
    assert "二维码" in screen.print_status.text()
    assert len(printer.output) == before  # nothing was sent to a printer without paper


def test_ok_printer_prints_and_hides_qr(kiosk: KioskWindow, printer: StatusDummy) -> None:
    kiosk.printer.refresh()
    assert kiosk.printer.state is PrinterState.OK
    assert not kiosk.banners.printer.isVisible()
    printed: list[bytes] = []
    original_clear = printer.clear

    def spy_clear() -> None:
        printed.append(printer.output)
        original_clear()

    printer.clear = spy_clear  # type: ignore[method-assign]
    screen = _take_ticket(kiosk)
    assert not screen.qr_shown
    assert b"B001" in printed[0]
    assert b"2026-11-23 10:00" in printed[0]  # the hall's wall clock, not the UTC instant (02:00) it is stored as
    assert "取走" in screen.print_status.text()


@pytest.mark.parametrize("replies", [{}, {1: b"", 4: b""}, {1: b"\x00", 4: b"\x12"}])
def test_silent_or_garbled_printer_is_unknown_not_ok(kiosk: KioskWindow, printer: StatusDummy, replies) -> None:  # noqa: ANN001
    printer.replies = replies
    kiosk.printer.refresh()
    assert kiosk.printer.state is PrinterState.UNKNOWN
    assert kiosk.banners.printer.isVisible()
    assert _take_ticket(kiosk).qr_shown


def test_no_printer_configured_falls_back(make_kiosk) -> None:  # noqa: ANN001
    kiosk = make_kiosk(printer=None)
    assert _take_ticket(kiosk).qr_shown


def test_paper_near_end_still_prints_with_a_warning(kiosk: KioskWindow, printer: StatusDummy) -> None:
    printer.replies[4] = bytes((0x12 | 0x0C,))
    kiosk.printer.refresh()
    assert kiosk.printer.state is PrinterState.PAPER_NEAR_END
    assert kiosk.banners.printer.property("role") == "banner-warn"
    assert not _take_ticket(kiosk).qr_shown


def test_banner_words_for_every_state() -> None:
    assert printer_banner(PrinterState.OK) is None
    for state in PrinterState:
        if state is not PrinterState.OK:
            role, text = printer_banner(state)  # type: ignore[misc]
            assert text[0] in "!▲"  # a mark and words, not only a colour


def test_material_list_prints_in_gb18030(kiosk: KioskWindow, printer: StatusDummy) -> None:
    sent: list[bytes] = []
    original_clear = printer.clear

    def spy_clear() -> None:
        sent.append(printer.output)
        original_clear()

    printer.clear = spy_clear  # type: ignore[method-assign]
    kiosk.session.go("matter", code="BB01")  # 新生儿出生一件事: a bundle, its materials merged
    kiosk.session.screen.print_list()
    assert "新生儿出生".encode("gb18030") in sent[0]
    assert "已打印" in kiosk.session.screen.message.text()


def test_a_printing_failure_always_has_a_reason() -> None:
    from escpos.exceptions import USBNotFoundError

    from kiosk.printer import failure_reason

    assert failure_reason(OSError(5, "Input/output error")).startswith("OSError: ")
    reason = failure_reason(RuntimeError())
    assert reason.startswith("RuntimeError") and "no message" in reason
    assert failure_reason(USBNotFoundError("")).strip()
