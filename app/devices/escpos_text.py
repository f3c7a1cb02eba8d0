"""Chinese text on ESC/POS thermal printers (python-escpos), shared by the ticket and receipt slips.

python-escpos's text() picks a code page per character ("magic encode"), which has no Chinese code
page and garbles hanzi. Chinese thermal printers (Xprinter, GPrinter, Epson TM-T82 China, ...) instead
have a Chinese character mode: select it with FS & and send GB18030 bytes. We do that with _raw().
Characters outside GBK become 4-byte GB18030 sequences, which older firmware may not know; the
bundled font set (GB2312 + extras) is the practical limit.

Sizes use GS ! (custom_size) because ESC ! double sizes do not apply to Chinese characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from escpos.constants import FS, QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.printer import Dummy

CHINESE_MODE_ON = FS + b"&"  # FS &: select Chinese (Kanji) character mode
CHINESE_MODE_OFF = FS + b"."  # FS .: cancel it, so the next job starts in a known state
ENCODING = "gb18030"
QR_MODULE_DOTS = 8  # 8 dots per module at 203 dpi is ~1 mm: scans well from a phone

T = TypeVar("T")


def begin(printer: Escpos) -> None:
    """Reset the printer and enter Chinese mode."""
    printer.hw("INIT")
    printer._raw(CHINESE_MODE_ON)


def end(printer: Escpos) -> None:
    """Leave Chinese mode and cut the paper."""
    printer._raw(CHINESE_MODE_OFF)
    printer.cut()


def line(printer: Escpos, text: str, *, errors: str = "strict") -> None:
    printer._raw(text.encode(ENCODING, errors=errors) + b"\n")


def blank(printer: Escpos) -> None:
    # Not printer.ln(): its text() path emits code-page commands meant for single-byte text.
    printer._raw(b"\n")


def size(printer: Escpos, scale: int, *, bold: bool = False, align: str = "center") -> None:
    printer.set(align=align, bold=bold, custom_size=True, width=scale, height=scale)


def qr(printer: Escpos, payload: str) -> None:
    """Native QR (GS ( k), centred: the printer draws it at its own resolution, always crisp.

    Alignment is set with ESC a, which printers apply to the 2D code (python-escpos refuses
    center= natively).
    """
    printer.set(align="center")
    printer.qr(payload, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)


def job_bytes(print_job: Callable[[Escpos, T], None], item: T) -> bytes:
    """The complete byte stream print_job sends for item (for tests, spooling or another channel)."""
    dummy = Dummy()
    print_job(dummy, item)
    return dummy.output
