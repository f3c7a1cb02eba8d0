"""The calling display: current calls, recent calls, waiting counts, announcements queued in order."""

from PySide6.QtCore import QObject, Signal

from app.domain.calendar import DEFAULT_TZ
from app.ui.display.display_window import DisplayWindow
from app.ui.voice import Announcer


class RecordingSpeech(QObject):
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)
        self.finished.emit()

    def stop(self) -> None:
        pass


def test_display_shows_calls_and_announces_each_once(qtbot, queue, board, runner, artifacts):
    for prefix in "BBCG":
        queue.issue_ticket(prefix)
    queue.call_next(2)  # a call made before the display started is not announced again
    speech = RecordingSpeech()
    announcer = Announcer(speech, None, repeat=1, gap_ms=0)
    display = DisplayWindow(board, runner, announcer, poll_ms=60_000, tz=DEFAULT_TZ)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitExposed(display)
    assert [(n.text(), w.text()) for _r, n, w in display.call_rows[:1]] == [("B001", "请到 2 号窗口")]
    b2 = queue.call_next(3)
    g1 = queue.call_next(6)
    display.refresh_if_changed()
    # Literal numbers and windows, not the service's own answers: a numbering or routing bug must fail here.
    assert (b2.display_number, g1.display_number) == ("B002", "G001")  # window 6 serves G before C
    shown = [(n.text(), w.text()) for _row, n, w in display.call_rows if n.text()]
    assert shown == [("B001", "请到 2 号窗口"), ("B002", "请到 3 号窗口"), ("G001", "请到 6 号窗口")]
    qtbot.waitUntil(lambda: len(speech.said) == 2)
    # spoken digit by digit, in call order; the call made before the display started is not announced
    assert speech.said == ["请，B 零 零 二号，到3号窗口办理", "请，G 零 零 一号，到6号窗口办理"]
    assert "社会事务" in display.categories.itemAt(1).widget().findChildren(type(display.title))[0].text()
    assert display.marquee.text().startswith("请留意叫号")
    display.grab().save(str(artifacts / "display.png"))
    display.refresh_if_changed()  # nothing new: nothing announced again
    assert len(speech.said) == 2


def test_display_drops_calls_of_windows_nobody_is_at(qtbot, queue, board, runner, clock, artifacts):
    queue.issue_ticket("B")
    queue.issue_ticket("G")
    queue.call_next(3)
    queue.call_next(6)
    display = DisplayWindow(board, runner, None, poll_ms=60_000, tz=DEFAULT_TZ)
    qtbot.addWidget(display)
    display.show()
    assert [n.text() for _r, n, _w in display.call_rows if n.text()] == ["B001", "G001"]
    assert not display.unattended.isVisible()
    for _ in range(4):  # window 3 beats; window 6's staff client was killed
        clock.advance(seconds=60)
        queue.heartbeat(3)
    display.refresh()  # the display's 30-second look, which needs no change in the hall
    assert [n.text() for _r, n, _w in display.call_rows if n.text()] == ["B001"]
    assert display.unattended.isVisible() and "6 号窗口" in display.unattended.text()
    display.grab().save(str(artifacts / "display_unattended.png"))


def test_no_speech_shows_on_the_display_and_in_the_staff_status_bar(qtbot, queue, board, runner, artifacts):
    from app.ui.staff.staff_window import StaffWindow

    announcer = Announcer(None, None)
    display = DisplayWindow(board, runner, announcer, poll_ms=60_000, tz=DEFAULT_TZ, report_speech=queue.report_display)
    qtbot.addWidget(display)
    display.show()
    assert display.voice_off.isVisible() and not display.speech_available
    display.grab().save(str(artifacts / "display_no_voice.png"))
    staff = StaffWindow(queue, board, 3, None, runner, poll_ms=60_000)
    qtbot.addWidget(staff)
    staff.show()
    assert staff.voice_note.isVisible() and "无语音" in staff.voice_note.text()
    queue.report_display(True)  # a display that can speak
    staff.refresh()
    assert not staff.voice_note.isVisible()
    speaking = DisplayWindow(board, runner, Announcer(RecordingSpeech(), None), poll_ms=60_000, tz=DEFAULT_TZ)
    qtbot.addWidget(speaking)
    speaking.show()
    assert not speaking.voice_off.isVisible()
