"""Status banners at the top of the kiosk: printer and network/sync. Words and a mark, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from app.devices.printer_status import PrinterState
from app.ui.runner import ServiceRunner
from kiosk.backend import KioskBackend, SyncStatus
from kiosk.printer import PrinterMonitor
from kiosk.widgets import label


def printer_banner(state: PrinterState) -> tuple[str, str] | None:
    """(role, text) for the printer banner, or None when there is nothing to say."""
    if state is PrinterState.OK:
        return None
    if state is PrinterState.PAPER_NEAR_END:
        return "banner-warn", QCoreApplication.translate("KioskBanner", "▲ 号票纸即将用完,已通知工作人员")
    if state is PrinterState.PAPER_OUT:
        return "banner-error", QCoreApplication.translate(
            "KioskBanner", "! 号票纸已用完:取号后请用手机拍下屏幕上的二维码"
        )
    if state is PrinterState.OFFLINE:
        return "banner-error", QCoreApplication.translate(
            "KioskBanner", "! 打印机离线:取号后请用手机拍下屏幕上的二维码"
        )
    return "banner-error", QCoreApplication.translate(
        "KioskBanner", "! 打印机状态未知:取号后请用手机拍下屏幕上的二维码"
    )


def network_banner(status: SyncStatus | None) -> tuple[str, str] | None:
    if status is None or (status.online and status.pending_uploads == 0):
        return None
    if getattr(status, "local_only", False):
        return None  # a hall without a central server: nothing is wrong, so citizens see no banner
    if not status.online:
        return "banner-warn", QCoreApplication.translate(
            "KioskBanner", "▲ 网络中断:取号和查询照常,数据将在网络恢复后自动同步"
        )
    return "banner-info", QCoreApplication.translate("KioskBanner", "● 正在同步数据({n} 条待上传)").format(
        n=status.pending_uploads
    )


class StatusBanners(QObject):
    """The two banner labels above the citizen session: they follow the printer monitor and the hall's sync status
    (polled off the GUI thread), and stay hidden while there is nothing to say."""

    def __init__(self, printer: PrinterMonitor, backend: KioskBackend, worker: ServiceRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.monitor, self.backend, self.worker = printer, backend, worker
        self.printer = label("")
        self.printer.setObjectName("printer_banner")
        self.network = label("")
        self.network.setObjectName("network_banner")
        self.sync_status: SyncStatus | None = None
        printer.state_changed.connect(self._printer_changed)

    def _printer_changed(self, _state: PrinterState) -> None:
        self.update()

    @property
    def widgets(self) -> tuple[QLabel, QLabel]:
        return self.printer, self.network

    def refresh_sync(self) -> None:
        def done(status: SyncStatus) -> None:
            self.sync_status = status
            self.update()

        # A failed poll leaves the last known status: the next poll tries again.
        self.worker.submit(self.backend.sync_status, done, lambda exc: None, owner=self)

    def update(self) -> None:
        """Show the current words (also after a language switch: the texts are translated here)."""
        for widget, info in ((self.printer, printer_banner(self.monitor.state)),
                             (self.network, network_banner(self.sync_status))):
            if info is None:
                widget.hide()
                continue
            role, text = info
            if widget.property("role") != role:
                widget.setProperty("role", role)
                widget.style().unpolish(widget)  # the stylesheet picks its colours by role
                widget.style().polish(widget)
            widget.setText(text)
            widget.show()
