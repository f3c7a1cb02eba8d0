"""Print a ticket slip on an ESC/POS thermal printer (python-escpos), Chinese as GB18030.

See app/devices/escpos_text.py for why Chinese goes through FS & and raw GB18030 bytes.
"""

from __future__ import annotations

from escpos.escpos import Escpos

from app.devices import escpos_text as esc
from app.devices.ticket_slip import TicketSlip, slip_text


def print_ticket(printer: Escpos, slip: TicketSlip) -> None:
    """Send one slip to an open python-escpos printer (Usb, Serial, Network, Dummy...)."""
    text = slip_text(slip)
    esc.begin(printer)

    esc.size(printer, 1, bold=True)
    esc.line(printer, text.hall)
    esc.size(printer, 2)
    esc.line(printer, text.category)
    esc.blank(printer)
    esc.size(printer, 4, bold=True)
    esc.line(printer, text.number)
    esc.size(printer, 1)
    esc.blank(printer)
    if text.window:
        esc.line(printer, text.window)
    esc.size(printer, 2)
    esc.line(printer, text.people_ahead)
    esc.size(printer, 1)
    if text.wait:
        esc.line(printer, text.wait)
    esc.line(printer, text.issued)
    esc.blank(printer)

    esc.qr(printer, slip.qr_payload)
    esc.line(printer, text.qr_caption)
    esc.blank(printer)
    esc.size(printer, 1, align="left")
    esc.line(printer, text.notice)

    esc.end(printer)


def ticket_escpos_bytes(slip: TicketSlip) -> bytes:
    """The complete byte stream for one slip (for tests, spooling or sending through another channel)."""
    return esc.job_bytes(print_ticket, slip)
