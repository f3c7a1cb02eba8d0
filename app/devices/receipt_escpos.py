"""Print a receipt slip on an ESC/POS thermal printer, Chinese as GB18030 (same scheme as tickets).

See app/devices/escpos_text.py for why Chinese goes through FS & and raw GB18030 bytes.
"""

from __future__ import annotations

from escpos.escpos import Escpos

from app.devices import escpos_text as esc
from app.devices.receipt_text import receipt_text
from app.services.intake_views import ReceiptView


def _line(printer: Escpos, text: str) -> None:
    # Receipt lines carry applicant-typed names: never fail the whole job over one character.
    esc.line(printer, text, errors="replace")


def print_receipt(printer: Escpos, receipt: ReceiptView) -> None:
    """Send one receipt to an open python-escpos printer (Usb, Serial, Network, Dummy...)."""
    t = receipt_text(receipt)
    esc.begin(printer)
    esc.size(printer, 1, bold=True)
    _line(printer, t.hall)
    esc.size(printer, 2, bold=True)
    _line(printer, t.title)
    esc.size(printer, 1)
    _line(printer, "受理编号")
    esc.size(printer, 2, bold=True)
    _line(printer, t.number)
    esc.size(printer, 1, align="left")
    esc.blank(printer)
    for line in t.lines:
        _line(printer, line)
    if t.owed:
        esc.blank(printer)
        esc.size(printer, 1, bold=True, align="left")
        _line(printer, t.owed[0])
        esc.size(printer, 1, align="left")
        for line in t.owed[1:]:
            _line(printer, line)
    esc.blank(printer)
    esc.qr(printer, t.qr_payload)
    _line(printer, t.qr_caption)
    esc.size(printer, 1, align="left")
    _line(printer, t.footer)
    esc.end(printer)


def receipt_escpos_bytes(receipt: ReceiptView) -> bytes:
    return esc.job_bytes(print_receipt, receipt)
