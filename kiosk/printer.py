"""The kiosk's ticket printer: state polling for the banner, printing, and the on-screen QR fallback.

Uses app.devices (ESC/POS slip + DLE EOT real-time status). An empty or unreadable status counts as
UNKNOWN, which is *not* printable: the kiosk then shows the ticket's QR code on screen instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from escpos.printer import Dummy
from PySide6.QtCore import QObject, Signal

from app.devices import escpos_text as esc
from app.devices.escpos_ticket import print_ticket
from app.devices.printer_status import PrinterState, query_printer_state
from app.devices.slip_from_ticket import slip_for
from app.devices.ticket_slip import clean
from app.ui.runner import ServiceRunner
from kiosk.backend import KioskBackend, Ticket

log = logging.getLogger("onewindow.kiosk.printer")

PRINTABLE = frozenset({PrinterState.OK, PrinterState.PAPER_NEAR_END})
STATUS_OK = 0x12  # a DLE EOT reply byte with only the fixed bits set: online, paper present


class StatusDummy(Dummy):
    """python-escpos Dummy that answers DLE EOT n with bytes a test (or the demo) sets.

    ``replies[n]`` is the reply to DLE EOT n; b"" models a printer that does not answer.
    """

    def __init__(self) -> None:
        super().__init__()
        self.replies: dict[int, bytes] = {1: bytes((STATUS_OK,)), 2: bytes((STATUS_OK,)), 4: bytes((STATUS_OK,))}
        self.printed = 0

    def query_status(self, mode: bytes) -> bytes:
        return self.replies.get(mode[-1], b"")

    def set_paper_out(self) -> None:
        self.replies[4] = bytes((STATUS_OK | 0x60,))

    def set_ok(self) -> None:
        self.replies = {1: bytes((STATUS_OK,)), 2: bytes((STATUS_OK,)), 4: bytes((STATUS_OK,))}


def open_printer(spec: str) -> Any:
    """``usb:VID:PID``, ``network:HOST[:PORT]``, ``serial:/dev/ttyUSB0``, ``file:/dev/usb/lp0`` or ``dummy``."""
    from escpos import printer as p

    kind, _, rest = spec.partition(":")
    if kind == "dummy":
        return StatusDummy()
    if kind == "usb":
        vid, pid = (int(x, 16) for x in rest.split(":"))
        return p.Usb(vid, pid)
    if kind == "network":
        host, _, port = rest.partition(":")
        return p.Network(host, int(port or 9100))
    if kind == "serial":
        return p.Serial(rest)
    if kind == "file":
        return p.File(rest)
    raise ValueError(f"unknown printer spec {spec!r}")


class PrinterMonitor(QObject):
    """Current printer state for the banner; prints slips through the worker (device I/O is slow)."""

    state_changed = Signal(object)

    def __init__(self, device: Any | None, worker: ServiceRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.worker = worker
        self.state = PrinterState.UNKNOWN
        self._checked = False  # the first reading is announced even when it is "unknown" (a dead printer at boot)

    @property
    def printable(self) -> bool:
        return self.state in PRINTABLE

    def _query(self) -> PrinterState:
        return query_printer_state(self.device) if self.device is not None else PrinterState.UNKNOWN

    def _set(self, state: PrinterState) -> None:
        first, self._checked = not self._checked, True
        if state != self.state or first:
            log.info("printer state %s -> %s", self.state.value, state.value)
            self.state = state
            self.state_changed.emit(state)

    def refresh(self) -> None:
        self.worker.submit(self._query, self._set, lambda exc: self._set(PrinterState.UNKNOWN), owner=self)

    def print_ticket(self, ticket: Ticket, on_result: Callable[[bool], None], owner: QObject) -> None:
        """Check the state, print, and call ``on_result(printed: bool)`` on the GUI thread."""
        self._print(lambda device: print_ticket(device, slip_for(ticket)), on_result, owner)

    def print_lines(self, lines: list[str], on_result: Callable[[bool], None], owner: QObject) -> None:
        """Print plain Chinese text (a material list) in the printer's GB18030 Chinese mode."""

        def write(device: Any) -> None:
            esc.begin(device)
            for line in lines:
                esc.line(device, clean(line), errors="replace")
            esc.end(device)

        self._print(write, on_result, owner)

    def _print(self, write: Callable[[Any], None], on_result: Callable[[bool], None], owner: QObject) -> None:
        """Off the GUI thread: print with ``write`` if the printer can; the state it was found in goes to the banner."""

        def job() -> tuple[PrinterState, bool]:
            state = self._query()
            if state not in PRINTABLE:
                return state, False
            write(self.device)
            if isinstance(self.device, Dummy):
                self.device.clear()  # the demo printer keeps no history (and does not grow)
            return state, True

        def done(result: tuple[PrinterState, bool]) -> None:
            state, printed = result
            self._set(state)
            on_result(printed)

        def failed(exc: BaseException) -> None:
            log.error("printing failed: %s", failure_reason(exc))
            self._set(PrinterState.UNKNOWN)
            on_result(False)

        self.worker.submit(job, done, failed, owner=owner)


def report_to_hall(monitor: PrinterMonitor, backend: KioskBackend) -> None:
    """Record each change of state (and the first reading) in the hall, off the GUI thread, so the supervisor is
    alarmed when paper runs out or the printer never answers."""

    def report(state: PrinterState) -> None:
        monitor.worker.submit(
            partial(backend.report_printer, state.value),
            lambda _r: None,
            lambda exc: log.warning("printer state not recorded: %s", exc),
            owner=monitor,
        )

    monitor.state_changed.connect(report)


def failure_reason(exc: BaseException) -> str:
    """Why printing failed, never empty: many printer errors carry no message (USBNotFoundError())."""
    text = str(exc).strip()
    name = type(exc).__name__
    return f"{name}: {text}" if text else f"{name} ({exc.__class__.__module__}, no message from the driver)"
