"""The wait as a citizen reads it, for every screen that shows one (the kiosk, the take-ticket screen), by the one
rule in app.domain.wait_estimate.wait_kind and in the printed slip's words (app.devices.ticket_slip). `short` is for a
category tile, where a line must stay short."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.wait_estimate import WaitKind, wait_kind
from app.ui.i18n import QT_TRANSLATE_NOOP

_LONG = {
    WaitKind.NO_WINDOW: QT_TRANSLATE_NOOP("Wait", "暂无窗口办理此业务"),
    WaitKind.UNKNOWN: QT_TRANSLATE_NOOP("Wait", "预计等待：暂无估计"),
    WaitKind.NO_WAIT: QT_TRANSLATE_NOOP("Wait", "无需等待，请留意叫号"),
}
_SHORT = {
    WaitKind.NO_WINDOW: QT_TRANSLATE_NOOP("Wait", "暂无窗口办理"),
    WaitKind.UNKNOWN: QT_TRANSLATE_NOOP("Wait", "暂无估计"),
    WaitKind.NO_WAIT: QT_TRANSLATE_NOOP("Wait", "无需等待"),
}


def wait_text(minutes: int | None, open_windows: int | None = None, *, short: bool = False) -> str:
    kind = wait_kind(minutes, open_windows)
    words = (_SHORT if short else _LONG).get(kind)
    if words is not None:
        return QCoreApplication.translate("Wait", words)
    if short:
        return QCoreApplication.translate("Wait", "约 {m} 分钟").replace("{m}", str(minutes))
    # replace, not format: a translation with other braces in it must not crash the kiosk
    return QCoreApplication.translate("Wait", "预计等待约 {m} 分钟").replace("{m}", str(minutes))
