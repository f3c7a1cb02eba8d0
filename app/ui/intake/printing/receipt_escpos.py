"""Print a receipt slip on an ESC/POS thermal printer, Chinese as GB18030 (same scheme as tickets).

Qt-free: it lives beside the Qt renderer because both print app.ui.intake.printing.receipt_text.
See app/devices/escpos_ticket.py for why Chinese goes through FS & and raw GB18030 bytes.
"""

from __future__ import annotations

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.printer import Dummy

from app.devices.escpos_ticket import CHINESE_MODE_OFF, CHINESE_MODE_ON, ENCODING, QR_MODULE_DOTS
from app.services.intake_views import ReceiptView
from app.ui.intake.printing.receipt_text import receipt_text


def _line(printer: Escpos, text: str) -> None:
    printer._raw(text.encode(ENCODING, errors="replace") + b"\n")


def _size(printer: Escpos, scale: int, *, bold: bool = False, align: str = "center") -> None:
    printer.set(align=align, bold=bold, custom_size=True, width=scale, height=scale)


def print_receipt(printer: Escpos, receipt: ReceiptView) -> None:
    """Send one receipt to an open python-escpos printer (Usb, Serial, Network, Dummy...)."""
    t = receipt_text(receipt)
    printer.hw("INIT")
    printer._raw(CHINESE_MODE_ON)
    _size(printer, 1, bold=True)
    _line(printer, t.hall)
    _size(printer, 2, bold=True)
    _line(printer, t.title)
    _size(printer, 1)
    _line(printer, "受理编号")
    _size(printer, 2, bold=True)
    _line(printer, t.number)
    _size(printer, 1, align="left")
    printer._raw(b"\n")
    for line in t.lines:
        _line(printer, line)
    if t.owed:
        printer._raw(b"\n")
        _size(printer, 1, bold=True, align="left")
        _line(printer, t.owed[0])
        _size(printer, 1, align="left")
        for line in t.owed[1:]:
            _line(printer, line)
    printer._raw(b"\n")
    printer.set(align="center")
    printer.qr(t.qr_payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
    _line(printer, t.qr_caption)
    _size(printer, 1, align="left")
    _line(printer, t.footer)
    printer._raw(CHINESE_MODE_OFF)
    printer.cut()


def receipt_escpos_bytes(receipt: ReceiptView) -> bytes:
    dummy = Dummy()
    print_receipt(dummy, receipt)
    return dummy.output
