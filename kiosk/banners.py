"""Status banners at the top of the kiosk: printer and network/sync. Words and a mark, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.devices.printer_status import PrinterState
from kiosk.backend import SyncStatus


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
