"""Print a ticket slip on an ESC/POS thermal printer (python-escpos), Chinese as GB18030.

python-escpos's text() picks a code page per character ("magic encode"), which has no Chinese code
page and garbles hanzi. Chinese thermal printers (Xprinter, GPrinter, Epson TM-T82 China, ...) instead
have a Chinese character mode: select it with FS & and send GB18030 bytes. We do that with _raw().
Characters outside GBK become 4-byte GB18030 sequences, which older firmware may not know; the
bundled font set (GB2312 + extras) is the practical limit.

Sizes use GS ! (custom_size) because ESC ! double sizes do not apply to Chinese characters.
"""

from __future__ import annotations

from escpos.constants import FS, QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.printer import Dummy

from app.devices.ticket_slip import TicketSlip, slip_text

CHINESE_MODE_ON = FS + b"&"  # FS &: select Chinese (Kanji) character mode
CHINESE_MODE_OFF = FS + b"."  # FS .: cancel it, so the next job starts in a known state
ENCODING = "gb18030"
QR_MODULE_DOTS = 8  # 8 dots per module at 203 dpi is ~1 mm: scans well from a phone


def _line(printer: Escpos, text: str) -> None:
    printer._raw(text.encode(ENCODING) + b"\n")


def _blank(printer: Escpos) -> None:
    # Not printer.ln(): its text() path emits code-page commands meant for single-byte text.
    printer._raw(b"\n")


def _size(printer: Escpos, scale: int, *, bold: bool = False, align: str = "center") -> None:
    printer.set(align=align, bold=bold, custom_size=True, width=scale, height=scale)


def print_ticket(printer: Escpos, slip: TicketSlip) -> None:
    """Send one slip to an open python-escpos printer (Usb, Serial, Network, Dummy...)."""
    text = slip_text(slip)
    printer.hw("INIT")
    printer._raw(CHINESE_MODE_ON)

    _size(printer, 1, bold=True)
    _line(printer, text.hall)
    _size(printer, 2)
    _line(printer, text.category)
    _blank(printer)
    _size(printer, 4, bold=True)
    _line(printer, text.number)
    _size(printer, 1)
    _blank(printer)
    if text.window:
        _line(printer, text.window)
    _size(printer, 2)
    _line(printer, text.people_ahead)
    _size(printer, 1)
    if text.wait:
        _line(printer, text.wait)
    _line(printer, text.issued)
    _blank(printer)

    # Native QR (GS ( k): the printer draws it at its own resolution, always crisp. Alignment is
    # set with ESC a, which printers apply to the 2D code (python-escpos refuses center= natively).
    printer.set(align="center")
    printer.qr(slip.qr_payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
    _line(printer, text.qr_caption)
    _blank(printer)
    _size(printer, 1, align="left")
    _line(printer, text.notice)

    printer._raw(CHINESE_MODE_OFF)
    printer.cut()


def ticket_escpos_bytes(slip: TicketSlip) -> bytes:
    """The complete byte stream for one slip (for tests, spooling or sending through another channel)."""
    dummy = Dummy()
    print_ticket(dummy, slip)
    return dummy.output
