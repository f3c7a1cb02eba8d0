import pytest
from escpos.printer import Dummy

from app.devices.printer_status import PrinterState, parse_status, query_printer_state, status_byte

OK_BYTE = bytes([0x12])  # fixed bits only: online, paper present
OFFLINE = bytes([0x1A])  # bit3
NEAR_END = bytes([0x1E])  # bits 2-3 of the paper sensor byte
PAPER_END = bytes([0x72])  # bits 5-6 of the paper sensor byte
COVER_OPEN = bytes([0x16])  # offline cause bit2
STOPPED_PAPER_END = bytes([0x32])  # offline cause bit5


@pytest.mark.parametrize(
    ("printer", "paper", "cause", "expected"),
    [
        (OK_BYTE, OK_BYTE, None, PrinterState.OK),
        (OK_BYTE, NEAR_END, None, PrinterState.PAPER_NEAR_END),
        (OK_BYTE, bytes([0x16]), None, PrinterState.PAPER_NEAR_END),  # clone setting one bit only
        (OK_BYTE, PAPER_END, None, PrinterState.PAPER_OUT),
        (OFFLINE, OK_BYTE, COVER_OPEN, PrinterState.OFFLINE),
        (OFFLINE, OK_BYTE, None, PrinterState.OFFLINE),
        (OFFLINE, None, STOPPED_PAPER_END, PrinterState.PAPER_OUT),
        (OFFLINE, PAPER_END, STOPPED_PAPER_END, PrinterState.PAPER_OUT),
        (OK_BYTE, None, None, PrinterState.UNKNOWN),  # paper never answered: not OK
        (None, OK_BYTE, None, PrinterState.UNKNOWN),
        (b"", b"", None, PrinterState.UNKNOWN),
        (bytes([0xFF]), OK_BYTE, None, PrinterState.UNKNOWN),  # not a status byte
        (bytes([0x00]), bytes([0x00]), None, PrinterState.UNKNOWN),
        (b"\x00\x12", b"\x12", None, PrinterState.OK),  # stale byte before the reply
    ],
)
def test_parse_status(printer: bytes | None, paper: bytes | None, cause: bytes | None,
                      expected: PrinterState) -> None:
    assert parse_status(printer, paper, cause) is expected


def test_status_byte_checks_fixed_bits() -> None:
    assert status_byte(b"\x12") == 0x12
    assert status_byte(b"\x13") is None
    assert status_byte(None) is None


class StatusPrinter(Dummy):
    """A Dummy that answers DLE EOT n with the bytes the test sets (b"" = no answer)."""

    def __init__(self, replies: dict[int, bytes]) -> None:
        super().__init__()
        self.replies = replies
        self.queried: list[int] = []

    def _read(self) -> bytes:
        n = self._output_list[-1][-1]
        self.queried.append(n)
        return self.replies.get(n, b"")


def test_query_ok() -> None:
    printer = StatusPrinter({1: OK_BYTE, 4: OK_BYTE})
    assert query_printer_state(printer) is PrinterState.OK
    assert printer.queried == [1, 4]  # offline cause only asked when offline
    assert printer.output == b"\x10\x04\x01\x10\x04\x04"


def test_query_offline_asks_for_the_cause() -> None:
    printer = StatusPrinter({1: OFFLINE, 2: STOPPED_PAPER_END, 4: OK_BYTE})
    assert query_printer_state(printer) is PrinterState.PAPER_OUT
    assert printer.queried == [1, 4, 2]


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        ({1: OK_BYTE, 4: NEAR_END}, PrinterState.PAPER_NEAR_END),
        ({1: OK_BYTE, 4: PAPER_END}, PrinterState.PAPER_OUT),
        ({1: OFFLINE, 2: COVER_OPEN, 4: OK_BYTE}, PrinterState.OFFLINE),
        ({}, PrinterState.UNKNOWN),
        ({1: OK_BYTE}, PrinterState.UNKNOWN),
    ],
)
def test_query_states(replies: dict[int, bytes], expected: PrinterState) -> None:
    assert query_printer_state(StatusPrinter(replies)) is expected


def test_printer_without_read_channel_is_unknown() -> None:
    assert query_printer_state(Dummy()) is PrinterState.UNKNOWN  # Dummy._read raises NotImplementedError


def test_device_error_is_unknown() -> None:
    class Broken(Dummy):
        def _read(self) -> bytes:
            raise OSError("USB timeout")

    assert query_printer_state(Broken()) is PrinterState.UNKNOWN


def test_object_without_query_is_unknown() -> None:
    assert query_printer_state(object()) is PrinterState.UNKNOWN
