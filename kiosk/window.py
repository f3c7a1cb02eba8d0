"""The kiosk window: composes the parts around the current citizen session and owns its lifecycle.

Parts, one concern each: status banners (kiosk/banners.py), idle time-out (kiosk/idle_watch.py), administrator
exit (kiosk/admin_exit.py), scanned codes (kiosk/scan_routing.py), lock-down (kiosk/lockdown.py).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.ui.i18n import DEFAULT_LANGUAGE, set_language
from app.ui.runner import ServiceRunner
from kiosk.admin import ADMIN_EXIT_CODE, MAINTENANCE_EXIT_CODE
from kiosk.admin_exit import AdminExit
from kiosk.backend import KioskBackend
from kiosk.banners import StatusBanners
from kiosk.camera_scanner import CameraScanner
from kiosk.config import KioskConfig
from kiosk.context import SessionContext
from kiosk.idcard import CardReader, KeyboardCardReader
from kiosk.idle_watch import ActivityFilter, IdleWatch
from kiosk.lockdown import LockdownFilter, wipe_transient_state
from kiosk.printer import PrinterMonitor, report_to_hall
from kiosk.scan_routing import ScanRouter
from kiosk.scanner_input import ScannerInput
from kiosk.session import CitizenSession
from kiosk.theme import stylesheet, theme_for
from kiosk.voice import NullSpeaker, Speaker
from kiosk.watchdog import SystemdWatchdog, maintenance_due

log = logging.getLogger("onewindow.kiosk")


@dataclass
class KioskDeps:
    """Everything the window needs from outside; tests pass fakes and a fake clock."""

    backend: KioskBackend
    printer: object | None = None  # an open python-escpos printer, or None
    worker: ServiceRunner = field(default_factory=lambda: ServiceRunner(synchronous=True))
    speaker: Speaker = field(default_factory=NullSpeaker)
    card_reader: CardReader = field(default_factory=KeyboardCardReader)
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], datetime] = datetime.now
    watchdog: SystemdWatchdog | None = None
    hall_name: tuple[str, str] = ("", "")


class KioskWindow(QWidget):
    exit_requested = Signal(int)

    def __init__(self, deps: KioskDeps, config: KioskConfig, locked: bool = True,
                 size: tuple[int, int] | None = None) -> None:
        super().__init__()
        if size is not None:
            self.resize(*size)  # before the first session: screens lay out for this orientation
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.deps, self.config, self.locked = deps, config, locked
        self.setWindowTitle("OneWindow Kiosk")
        if locked:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self._allow_close = False
        self.sessions_built = 0
        self.language = set_language(DEFAULT_LANGUAGE)  # the app's one translator, shared with every role
        self.home_language = DEFAULT_LANGUAGE  # what each new citizen session starts in (onewindow kiosk --lang)
        self.theme = theme_for(False)
        self.printer = PrinterMonitor(deps.printer, deps.worker, self)
        report_to_hall(self.printer, deps.backend)
        self.banners = StatusBanners(self.printer, deps.backend, deps.worker, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for banner in self.banners.widgets:
            layout.addWidget(banner)
        self._layout = layout
        self.session: CitizenSession | None = None

        self.idle = IdleWatch(config, self.theme, deps.clock, deps.speaker, self)
        self.idle.timed_out.connect(lambda: self.reset_session("idle"))
        self.admin = AdminExit(config, deps.clock, self)
        self.admin.confirmed.connect(lambda: self.request_exit(ADMIN_EXIT_CODE))
        self.scans = ScanRouter(lambda: self.session, deps.card_reader, self.idle, self.admin)

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.lockdown = LockdownFilter(self)
        self.activity = ActivityFilter(self._on_input, self)
        self.scanner = ScannerInput(clock=deps.clock, parent=self)
        self.scanner.scanned.connect(self.scans.route)
        for f in (self.lockdown, self.scanner, self.activity):
            app.installEventFilter(f)  # the last installed runs first: activity, scanner, lock-down
        self.camera: CameraScanner | None = None
        if config.camera:
            self.camera = CameraScanner(clock=deps.clock, parent=self)
            self.camera.scanned.connect(self.scans.route)
            if not self.camera.start(config.camera_device):
                self.camera = None

        self.idle_timer = self._timer(1000, self.tick)
        self.printer_timer = self._timer(int(config.printer_poll_seconds * 1000), self.printer.refresh)
        self.sync_timer = self._timer(int(config.sync_poll_seconds * 1000), self.banners.refresh_sync)
        self.started_at = deps.wall_clock()

        self._apply_style()
        self._build_session()
        self.printer.refresh()
        self.banners.refresh_sync()
        self.banners.update()

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        t = QTimer(self)
        t.setInterval(ms)
        t.timeout.connect(slot)
        t.start()
        return t

    @property
    def elderly(self) -> bool:
        return self.theme.elderly

    # ---- session lifecycle ---------------------------------------------------------------------------------

    def _context(self) -> SessionContext:
        zh, en = self.deps.hall_name
        today: Callable[[], date] = lambda: self.deps.wall_clock().date()  # noqa: E731
        return SessionContext(self.deps.backend, self.deps.worker, self.theme, self.language,
                              self.deps.speaker, self.printer, self.deps.card_reader, today, zh, en,
                              landscape=self.width() > self.height(), width=self.width())

    def _apply_style(self) -> None:
        self.setStyleSheet(stylesheet(self.theme))

    def _build_session(self) -> None:
        session = CitizenSession(self._context())
        session.finished.connect(lambda: self.reset_session("finished"))
        session.restyle.connect(self.restyle)
        self._layout.addWidget(session, 1)
        self.session = session
        self.sessions_built += 1

    def _drop_session(self) -> None:
        old, self.session = self.session, None
        if old is not None:
            old.leave()
            self._layout.removeWidget(old)
            old.hide()
            old.setParent(None)
            old.deleteLater()

    def _set_style(self, language: str, elderly: bool) -> None:
        self.language = set_language(language)
        self.theme = theme_for(elderly)
        self._apply_style()
        self.idle.still_there.retranslate()
        self.banners.update()

    def restyle(self, language: str, elderly: bool) -> None:
        """Language or elderly-mode switch from the home screen: same citizen, new session widgets."""
        self._drop_session()
        self._set_style(language, elderly)
        self.idle.set_theme(self.theme)
        self._build_session()

    def reset_session(self, reason: str) -> None:
        """Tear the citizen session down and rebuild it: nothing of the last person survives."""
        self._drop_session()
        self.deps.speaker.stop()
        self.scanner.reset()
        self.deps.card_reader.stop()
        wipe_transient_state()
        self.idle.still_there.hide()
        self.admin.pad.hide()
        if self.language != self.home_language or self.elderly:
            self._set_style(self.home_language, False)
        self.idle.set_theme(self.theme)
        self._build_session()
        self.idle.session_reset()
        gc.collect()  # break Python-side cycles (lambdas, closures) holding the old screens' data now
        log.info("citizen session reset (%s)", reason)

    # ---- input and time ------------------------------------------------------------------------------------

    def _on_input(self, event: QEvent) -> None:
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress:
            self.admin.press(event)
        self.idle.activity()

    def tick(self) -> None:
        self.idle.tick()
        if self.idle.idle and maintenance_due(
            self.deps.wall_clock(), self.started_at, self.config.maintenance_hours,
            min_uptime=timedelta(hours=self.config.maintenance_min_uptime_hours),
        ):
            log.info("maintenance restart while idle")
            self.request_exit(MAINTENANCE_EXIT_CODE)

    # ---- exit and window events ----------------------------------------------------------------------------

    def request_exit(self, code: int) -> None:
        self._allow_close = True
        if self.deps.watchdog is not None:
            self.deps.watchdog.stopping()
        self.exit_requested.emit(code)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.locked and not self._allow_close:
            # Window-manager close (WM_DELETE_WINDOW), Alt+F4, close() from anywhere: refused.
            log.info("close request refused (kiosk is locked)")
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        for t in (self.idle_timer, self.printer_timer, self.sync_timer):
            t.stop()
        if self.camera is not None:
            self.camera.stop()
        app = QApplication.instance()
        if app is not None:
            for f in (self.lockdown, self.scanner, self.activity):
                app.removeEventFilter(f)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        for overlay in (*self.idle.overlays(), self.admin.pad):
            overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Someone (a window manager, a key) minimised or un-fullscreened us: go back to full screen.
        if self.locked and event.type() == QEvent.Type.WindowStateChange and not self.isFullScreen():
            QTimer.singleShot(0, self.showFullScreen)
        super().changeEvent(event)
