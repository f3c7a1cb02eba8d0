"""A status-bar line: when the hall last synced and how much is waiting (hidden for a hall without a server)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.calendar import hall_time
from app.sync.status import SyncView
from app.ui.runner import ServiceRunner


class SyncIndicator(QLabel):
    def __init__(
        self,
        runner: ServiceRunner,
        read_status: Callable[[], SyncView],
        poll_ms: int = 30_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.read_status = runner, read_status
        self.setObjectName("syncIndicator")
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        self.runner.submit(self.read_status, self.show_status, lambda _exc: None)

    def show_status(self, st: SyncView) -> None:
        if not st.enrolled:
            self.hide()  # a hall on its own: nothing to report
            return
        last = st.last_success
        when = hall_time(last, st.hall_timezone).strftime("%m-%d %H:%M") if last else "—"
        text = self.tr("同步：上次 %1 · 待上传 %2").replace("%1", when).replace("%2", str(st.pending))
        if st.blobs_pending:
            text += self.tr(" · 待传文件 %1").replace("%1", str(st.blobs_pending))
        failing = bool(st.last_error)
        if failing:
            text += self.tr(" · 网络未通，数据已保存在本地")
        self.setStyleSheet("color: #b45309; font-weight: bold;" if failing else "color: #166534;")
        self.setText(text)
        self.show()
