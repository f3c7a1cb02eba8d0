"""Thermal printer health from ESC/POS real-time status (DLE EOT n).

Bit meanings follow Epson's ESC/POS reference for DLE EOT (real-time status transmission):

  every status byte: bit0 = 0, bit1 = 1, bit4 = 1, bit7 = 0 (fixed; anything else is not a status byte)
  n=1 printer status:   bit3 = 1 offline
  n=2 offline cause:    bit2 = 1 cover open, bit3 = 1 paper fed by button, bit5 = 1 stopped by paper end,
                        bit6 = 1 error
  n=4 roll paper sensor: bits2-3 = 1 paper near end, bits5-6 = 1 paper end (Epson sets both bits of a
                        pair; some clones set one, so either counts)

A missing, empty or malformed reply is UNKNOWN, never OK: a kiosk must not promise a slip it cannot print.
(python-escpos's own paper_status() reports "paper adequate" for an empty reply; we do not use it.)
"""

from __future__ import annotations

import enum
from typing import Protocol, cast

from escpos.constants import RT_STATUS
from escpos.exceptions import Error as EscposError

_FIXED_MASK = 0b1001_0011
_FIXED_VALUE = 0b0001_0010
_OFFLINE = 1 << 3
_COVER_OPEN = 1 << 2
_STOPPED_PAPER_END = 1 << 5
_ERROR = 1 << 6
_NEAR_END = 0b0000_1100
_PAPER_END = 0b0110_0000

N_PRINTER, N_OFFLINE_CAUSE, N_PAPER = 1, 2, 4


class PrinterState(enum.Enum):
    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


class StatusQueryable(Protocol):
    def query_status(self, mode: bytes) -> bytes: ...


def status_byte(reply: bytes | bytearray | None) -> int | None:
    """The status byte of a DLE EOT reply, or None when the reply is empty or not a status byte.

    The last byte is used: stale bytes left in the receive buffer come before our reply.
    """
    if not reply:
        return None
    value = reply[-1]
    return value if value & _FIXED_MASK == _FIXED_VALUE else None


def parse_status(printer: bytes | None, paper: bytes | None, offline_cause: bytes | None = None) -> PrinterState:
    """Combine DLE EOT 1, 4 and (optional) 2 replies into one state, worst first."""
    p, s, c = status_byte(printer), status_byte(paper), status_byte(offline_cause)
    if (s is not None and s & _PAPER_END) or (c is not None and c & _STOPPED_PAPER_END):
        return PrinterState.PAPER_OUT
    if p is None:
        return PrinterState.UNKNOWN
    if p & _OFFLINE or (c is not None and c & (_COVER_OPEN | _ERROR)):
        return PrinterState.OFFLINE
    if s is None:
        return PrinterState.UNKNOWN
    if s & _NEAR_END:
        return PrinterState.PAPER_NEAR_END
    return PrinterState.OK


def _query(printer: StatusQueryable, n: int) -> bytes | None:
    try:
        reply = printer.query_status(RT_STATUS + bytes((n,)))
    except (NotImplementedError, OSError, EscposError, AttributeError):
        # No read channel (Dummy, some drivers), a closed device (AttributeError inside the
        # driver), a device error or a timeout: nothing is known.
        return None
    return bytes(reply) if reply else None


def query_printer_state(printer: object) -> PrinterState:
    """Ask an open python-escpos printer for its state; UNKNOWN if it cannot answer."""
    if not callable(getattr(printer, "query_status", None)):
        return PrinterState.UNKNOWN
    queryable = cast(StatusQueryable, printer)
    main = _query(queryable, N_PRINTER)
    if main is None:
        return PrinterState.UNKNOWN
    paper = _query(queryable, N_PAPER)
    main_byte = status_byte(main)
    cause = _query(queryable, N_OFFLINE_CAUSE) if main_byte is not None and main_byte & _OFFLINE else None
    return parse_status(main, paper, cause)
