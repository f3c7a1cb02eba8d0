"""The clerk's window driven by keys and clicks, on a real hall database."""

import pytest
from PySide6.QtCore import Qt

from app.services.hall import login
from app.ui.staff.login_dialog import LoginDialog
from app.ui.staff.staff_window import StaffWindow


@pytest.fixture
def window(qtbot, queue, board, runner, sqlite_hall):  # type: ignore[no-untyped-def]
    staff = login(sqlite_hall, "zhang", "1234")
    w = StaffWindow(queue, board, 3, staff, runner, poll_ms=60_000)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_keyboard_drives_the_whole_ticket_journey(qtbot, window, queue, clock, artifacts):
    first = queue.issue_ticket("B")
    second = queue.issue_ticket("C", person_id="11010519491231002X")  # elderly: goes first
    window.refresh()
    assert window.model.rowCount() == 2
    assert window.model.index(0, 0).data() == second.display_number
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.current.number.text() == second.display_number
    assert window.model.rowCount() == 1
    window.grab().save(str(artifacts / "staff_window.png"))
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert "重呼 1" in window.current.detail.text()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert queue.ticket_status(second.id).status == "serving"
    clock.advance(minutes=4)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert queue.ticket_status(second.id).status == "finished"
    assert window.current.number.text() == "—"
    assert "办结 1" in window.counts.text()
    qtbot.mouseClick(window.buttons["call_next"], Qt.MouseButton.LeftButton)
    assert window.current.number.text() == first.display_number
    qtbot.keyClick(window, Qt.Key.Key_F6)  # park
    assert first.display_number in window.counts.text()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "暂无等待的号" in window.statusBar().currentMessage()


def test_pause_and_rule_errors_are_shown_not_raised(qtbot, window, queue, monkeypatch):
    shown: list[Exception] = []
    monkeypatch.setattr("app.ui.staff.staff_window.show_error", lambda _parent, exc: shown.append(exc))
    queue.issue_ticket("B")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert "恢复窗口" in window.buttons["pause"].text()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown and "暂停" in shown[-1].message_zh
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.keyClick(window, Qt.Key.Key_F2)  # recall with nobody at the window
    assert "没有号" in shown[-1].message_zh


def test_transfer_dialog_sends_ticket_to_window(qtbot, window, queue, artifacts):
    t = queue.issue_ticket("B")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    dialog = window._transfer_dialog
    dialog.to_window.setChecked(True)
    dialog.window_box.setCurrentIndex(dialog.window_box.findData(6))
    dialog.front.setChecked(True)
    dialog.grab().save(str(artifacts / "staff_transfer_dialog.png"))
    dialog.accept()
    assert queue.ticket_status(t.id).status == "waiting"
    assert queue.call_next(6).id == t.id


def test_double_press_calls_once(qtbot, window, queue):
    queue.issue_ticket("B")
    queue.issue_ticket("B")
    window._set_busy(True)  # the first press is still on its way
    window.call_next()
    window._set_busy(False)
    assert window.current.number.text() == "—"


def test_login_dialog(qtbot, runner, sqlite_hall, board, artifacts):
    dialog = LoginDialog(runner, lambda u, p: login(sqlite_hall, u, p), board.window_numbers(), 3)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("wang")
    dialog.pin.setText("0000")
    dialog.grab().save(str(artifacts / "staff_login.png"))
    dialog.try_login()
    assert dialog.staff is None and "密码错误" in dialog.message.text() and dialog.pin.text() == ""
    dialog.pin.setText("1234")
    dialog.try_login()
    assert dialog.staff is not None and dialog.staff.name == "王芳" and dialog.window_number == 3


def test_double_f1_keeps_the_called_ticket_and_ctrl_z_undoes(qtbot, window, queue, clock, monkeypatch, artifacts):
    shown: list[Exception] = []
    monkeypatch.setattr("app.ui.staff.staff_window.show_error", lambda _parent, exc: shown.append(exc))
    first, second = queue.issue_ticket("B"), queue.issue_ticket("B")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the second press of a double press, 0 ms later
    assert shown and shown[-1].code == "call_too_soon"
    assert queue.ticket_status(first.id).status == "called"
    assert queue.ticket_status(second.id).status == "waiting"
    assert window.current.number.text() == first.display_number
    assert "Ctrl+Z" in window.buttons["undo"].text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert queue.ticket_status(first.id).status == "waiting"
    assert window.current.number.text() == "—"
    assert "已撤销" in window.statusBar().currentMessage()
    window.grab().save(str(artifacts / "staff_window_undo.png"))


def test_f10_intake_starts_service(qtbot, window, queue):
    opened: list = []
    w = window
    w.on_intake = opened.append
    t = queue.issue_ticket("B")
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert w.current.number.text() == t.display_number, w.statusBar().currentMessage()
    qtbot.keyClick(w, Qt.Key.Key_F10)
    assert opened and opened[0].id == t.id and opened[0].status == "serving"
    assert queue.ticket_status(t.id).status == "serving"


def test_closing_with_a_ticket_asks_finish_park_or_hand_back(qtbot, window, queue, board, artifacts):
    w = window
    first, second = queue.issue_ticket("B"), queue.issue_ticket("B")
    qtbot.keyClick(w, Qt.Key.Key_F1)
    w.close()
    assert w.isVisible() and w.close_box.isVisible()
    assert first.display_number in w.close_box.text()
    w.close_box.grab().save(str(artifacts / "staff_close_ask.png"))
    w.close_box.choices["hand_back"].click()
    assert not w.isVisible()
    back = queue.ticket_status(first.id)
    assert back.status == "waiting" and back.people_ahead == 0  # at the front of its line, before B002
    assert board.window_view(3).status == "closed"
    assert queue.ticket_status(second.id).people_ahead == 1


def test_english_staff_window_names_window_and_categories_in_english(
    qtbot, queue, board, runner, tmp_path, monkeypatch
):
    from app.ui.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    set_language("en_US")
    try:
        queue.issue_ticket("G")
        w = StaffWindow(queue, board, 3, None, runner, poll_ms=60_000)
        qtbot.addWidget(w)
        w.show()
        assert w.header.text().startswith("Window 3") and "综合受理" not in w.header.text()
        assert w.model.index(0, 1).data() == "Medical and social insurance"
        assert w.buttons["call_next"].text().startswith("Call next")
    finally:
        set_language("zh_CN")


def test_reprint_a_lost_ticket_to_the_window_slip_printer(qtbot, window, queue, tmp_path):
    import json

    from app import settings

    first, second = queue.issue_ticket("B"), queue.issue_ticket("C")
    window.refresh()
    window.table.selectRow(1)
    window.reprint()  # no slip printer yet: the PDF is kept and the clerk is told
    assert "未配置号票打印机" in window.statusBar().currentMessage()
    assert window.last_reprint.exists() and second.display_number in window.last_reprint.name
    device = tmp_path / "lp0"
    path = settings.paths().data_dir / "printers.json"
    path.write_text(json.dumps({"slip-window-3": str(device)}), encoding="utf-8")
    window.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert f"已重打号票 {first.display_number}" in window.statusBar().currentMessage()
    assert first.display_number.encode() in device.read_bytes()


def test_the_waiting_list_shows_the_halls_clock(window, queue, sqlite_hall):  # type: ignore[no-untyped-def]
    """The ticket's time in the list is the hall's wall clock (before: China's, whatever the hall's zone)."""
    from sqlalchemy import select

    from app.domain.calendar import hall_time
    from app.store.models import Hall

    with sqlite_hall.write() as s:
        s.scalars(select(Hall)).one().timezone = "Asia/Urumqi"  # UTC+6, two hours behind Beijing time
    ticket = queue.issue_ticket("B", source="staff")  # the kiosk's opening hours are not the subject
    window.refresh()
    assert window.model.index(0, 3).data() == hall_time(ticket.issued_at, "Asia/Urumqi").strftime("%H:%M")
