from escpos.printer import Dummy

from app.devices.escpos_text import CHINESE_MODE_ON
from app.devices.escpos_ticket import print_ticket, ticket_escpos_bytes
from tests.devices.test_ticket_slip import make_slip

GS_QR = b"\x1d(k"
CUT = b"\x1dV"


def test_bytes_carry_gb18030_text_number_qr_and_cut() -> None:
    data = ticket_escpos_bytes(make_slip())
    assert CHINESE_MODE_ON in data
    assert "社会事务".encode("gb18030") in data
    assert "前面还有".encode("gb18030") in data
    assert "杭州市民之家政务服务中心".encode("gb18030") in data
    assert b"B012" in data
    assert GS_QR in data
    assert b"https://q.example/H023/20261122/B012" in data
    assert CUT in data
    assert data.index(CHINESE_MODE_ON) < data.index("社会事务".encode("gb18030")) < data.rindex(CUT)
    # Never the UTF-8 bytes: a GB18030 printer would print them as mojibake.
    assert "前面还有".encode() not in data


def test_print_ticket_on_a_printer_matches_bytes() -> None:
    printer = Dummy()
    print_ticket(printer, make_slip())
    assert printer.output == ticket_escpos_bytes(make_slip())


def test_optional_lines_are_left_out() -> None:
    data = ticket_escpos_bytes(make_slip(estimated_wait_minutes=None))
    assert "暂无估计".encode("gb18030") in data and "0 分钟".encode("gb18030") not in data
    assert "办理窗口".encode("gb18030") not in data
    assert "办理窗口".encode("gb18030") in ticket_escpos_bytes(make_slip(window_hint="3 号窗口"))


def test_names_cannot_inject_printer_commands() -> None:
    data = ticket_escpos_bytes(make_slip(hall_name="大厅\x1b@\x1dV\x00"))
    assert data.count(b"\x1b@") == 1  # only our own initialise
    assert data.count(CUT) == 1
