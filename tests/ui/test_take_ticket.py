"""The take-ticket screen issues a ticket, shows it with its QR code and saves a PDF."""

import zxingcpp
from PIL import Image

from app.ui.take_ticket.take_ticket_window import TakeTicketWindow


def test_take_ticket_shows_and_saves_ticket(qtbot, queue, runner, tmp_path, artifacts):
    queue.open_window(3, None)
    queue.issue_ticket("B")
    screen = TakeTicketWindow(queue, runner, tmp_path / "tickets")
    qtbot.addWidget(screen)
    screen.resize(1080, 1200)
    screen.show()
    qtbot.waitExposed(screen)
    assert set(screen.buttons) == set("ABCDEFG")
    assert "等待 1 人" in screen.buttons["B"].text()
    screen.grab().save(str(artifacts / "take_ticket_home.png"))
    screen.buttons["B"].click()
    t = screen.last_ticket
    assert t is not None and t.display_number == "B002" and t.people_ahead == 1
    assert "B002" in screen.result_text.text() and "1 人" in screen.result_text.text()
    assert screen.last_pdf is not None and screen.last_pdf.read_bytes().startswith(b"%PDF")
    shot = artifacts / "take_ticket_result.png"
    screen.grab().save(str(shot))
    codes = zxingcpp.read_barcodes(Image.open(shot))
    assert any(c.text == t.qr_payload for c in codes)
    screen.show_home()
    assert screen.stack.currentWidget() is screen.home


def test_take_ticket_uses_the_one_wait_rule(qtbot, queue, runner, tmp_path):
    queue.open_window(6, None)  # G and B only
    screen = TakeTicketWindow(queue, runner, tmp_path / "tickets")
    qtbot.addWidget(screen)
    screen.show()
    assert "暂无窗口办理" in screen.buttons["F"].text() and "无需等待" in screen.buttons["G"].text()
    screen.buttons["F"].click()
    assert "暂无估计" in screen.result_text.text() and "0 分钟" not in screen.result_text.text()
