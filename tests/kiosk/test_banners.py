"""The status banners on their own: hidden when all is well, role and words per state, a language switch."""

from __future__ import annotations

from datetime import datetime

from app.devices.printer_status import PrinterState
from app.ui.i18n import set_language
from app.ui.runner import ServiceRunner
from kiosk.backend import SyncStatus
from kiosk.banners import StatusBanners
from kiosk.printer import PrinterMonitor, StatusDummy
from kiosk.queue_backend import QueueKioskBackend


def test_banners_follow_the_printer_and_the_sync_status(qtbot, backend: QueueKioskBackend) -> None:  # noqa: ANN001
    device = StatusDummy()
    monitor = PrinterMonitor(device, ServiceRunner(synchronous=True))
    banners = StatusBanners(monitor, backend, ServiceRunner(synchronous=True))
    for w in banners.widgets:
        qtbot.addWidget(w)
        w.show()
    monitor.refresh()
    banners.refresh_sync()  # the test hall never enrolled with a central server: local mode, nothing to say
    assert banners.sync_status is not None and banners.sync_status.local_only
    assert not banners.printer.isVisible() and not banners.network.isVisible()

    device.set_paper_out()
    monitor.refresh()  # the banner follows the monitor's signal, nobody asks it
    assert banners.printer.isVisible() and banners.printer.property("role") == "banner-error"
    banners.sync_status = SyncStatus(online=False, pending_uploads=2, last_sync_at=datetime(2026, 11, 23))
    banners.update()
    assert banners.network.property("role") == "banner-warn" and banners.network.text().startswith("▲")
    banners.sync_status = SyncStatus(online=True, pending_uploads=2, last_sync_at=datetime(2026, 11, 23))
    banners.update()
    assert banners.network.property("role") == "banner-info" and "2" in banners.network.text()
    try:
        set_language("en_US")
        banners.update()
        assert banners.printer.text().startswith("! Out of ticket paper")
    finally:
        set_language("zh_CN")
    device.set_ok()
    monitor.refresh()
    assert not banners.printer.isVisible() and monitor.state is PrinterState.OK
