"""The staff window's sync line: hidden for a hall on its own, last sync and backlog once enrolled."""

from __future__ import annotations

from datetime import UTC, datetime

from app.sync.status import SyncView
from app.ui.widgets.sync_indicator import SyncIndicator


def _view(**fields: object) -> SyncView:
    base = dict(
        hall="H023", hall_timezone="Asia/Shanghai", enrolled=False, server=None, pending=0, oldest_pending_s=None,
        last_success=None, last_attempt=None, last_error=None, blobs_pending=0, cursor="", feed_epoch="",
        snapshot_needed=False,
    )  # fmt: skip
    return SyncView(**{**base, **fields})  # type: ignore[arg-type]


def test_sync_line_says_when_and_how_much(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    status = {"enrolled": False}
    line = SyncIndicator(runner, lambda: _view(**status), poll_ms=60_000)
    qtbot.addWidget(line)
    assert line.isHidden()
    status.update(enrolled=True, last_success=datetime(2026, 12, 1, 6, 5, tzinfo=UTC), pending=12, blobs_pending=2)
    line.refresh()
    assert not line.isHidden()
    assert "12-01 14:05" in line.text() and "待上传 12" in line.text() and "待传文件 2" in line.text()
    status.update(last_error="连不上中心服务器")
    line.refresh()
    assert "网络未通" in line.text()
    status.update(hall_timezone="Asia/Urumqi")  # before: China's clock whatever the hall's zone
    line.refresh()
    assert "12-01 12:05" in line.text()


def test_staff_window_carries_the_sync_line(qtbot, queue, board, runner, sqlite_hall) -> None:  # type: ignore[no-untyped-def]
    from app.ui.staff.staff_window import StaffWindow

    w = StaffWindow(queue, board, 3, None, runner)
    qtbot.addWidget(w)
    assert w.sync_note.isHidden()  # the sample hall is not enrolled with a central server
