"""The staff window's sync line: hidden for a hall on its own, last sync and backlog once enrolled."""

from __future__ import annotations

from app.ui.widgets.sync_indicator import SyncIndicator


def test_sync_line_says_when_and_how_much(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    status = {"enrolled": False}
    line = SyncIndicator(runner, lambda: dict(status), poll_ms=60_000)
    qtbot.addWidget(line)
    assert line.isHidden()
    status.update(enrolled=True, last_success="2026-12-01T06:05:00+00:00", pending=12, blobs_pending=2, last_error=None)
    line.refresh()
    assert not line.isHidden()
    assert "12-01 14:05" in line.text() and "待上传 12" in line.text() and "待传文件 2" in line.text()
    status.update(last_error="连不上中心服务器")
    line.refresh()
    assert "网络未通" in line.text()


def test_staff_window_carries_the_sync_line(qtbot, queue, board, runner, sqlite_hall) -> None:  # type: ignore[no-untyped-def]
    from app.ui.staff.staff_window import StaffWindow

    w = StaffWindow(queue, board, 3, None, runner)
    qtbot.addWidget(w)
    assert w.sync_note.isHidden()  # the sample hall is not enrolled with a central server
