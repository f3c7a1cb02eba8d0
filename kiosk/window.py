"""The kiosk window: lock-down, idle reset, admin exit, banners, and the current citizen session."""

from __future__ import annotations

import gc
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.ui.i18n import DEFAULT_LANGUAGE, set_language
from app.ui.runner import ServiceRunner
from kiosk.admin import ADMIN_EXIT_CODE, MAINTENANCE_EXIT_CODE, CornerTapDetector, PinResult, PinVerifier
from kiosk.backend import KioskBackend, SyncStatus
from kiosk.banners import network_banner, printer_banner
from kiosk.camera_scanner import CameraScanner
from kiosk.config import KioskConfig
from kiosk.context import SessionContext
from kiosk.idcard import CardReader, KeyboardCardReader, looks_like_card_number
from kiosk.idle import IdleAction, IdleMachine
from kiosk.lockdown import LockdownFilter, wipe_transient_state
from kiosk.overlays import PinPadOverlay, StillThereOverlay
from kiosk.printer import PrinterMonitor, PrinterState
from kiosk.scanner_input import ScannerInput
from kiosk.screens.misc import AttractScreen
from kiosk.session import CitizenSession
from kiosk.theme import stylesheet, theme_for
from kiosk.voice import NullSpeaker, Speaker
from kiosk.watchdog import SystemdWatchdog, maintenance_due
from kiosk.widgets import label

log = logging.getLogger("onewindow.kiosk")

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


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


class _ActivityFilter(QObject):
    """Sees every input event once (deduplicated across propagation) and reports it."""

    def __init__(self, on_input: Callable[[QEvent], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_input = on_input
        self._last: tuple[int, int, float, float] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY:
            pos = event.globalPosition() if isinstance(event, QMouseEvent) else None
            key = (int(event.type().value), int(getattr(event, "timestamp", lambda: 0)()),
                   pos.x() if pos else -1.0, pos.y() if pos else -1.0)
            if key != self._last:  # the same press seen again while it propagates to parents
                self._last = key
                self.on_input(event)
        return False


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
        self.elderly = False
        self.theme = theme_for(False)
        self.printer = PrinterMonitor(deps.printer, deps.worker, self)
        self.printer.state_changed.connect(lambda _s: self._update_banners())
        # Each change (and the first reading) is recorded in the hall off the GUI thread, so the supervisor is
        # alarmed when paper runs out or the printer never answers.
        self.printer.state_changed.connect(partial(self._report_printer, deps))
        self.sync_status: SyncStatus | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.printer_banner = label("")
        self.printer_banner.setObjectName("printer_banner")
        self.network_banner = label("")
        self.network_banner.setObjectName("network_banner")
        layout.addWidget(self.printer_banner)
        layout.addWidget(self.network_banner)
        self._layout = layout
        self.session: CitizenSession | None = None

        self.still_there = StillThereOverlay(self)
        self.still_there.keep.connect(lambda: self._on_input_now())
        self.pin_pad = PinPadOverlay(self)
        self.pin_pad.submitted.connect(self._check_pin)
        self.attract: AttractScreen | None = None

        now = deps.clock()
        self.idle = IdleMachine(config.idle_policy(False, self.theme.idle_factor), now)
        self.corner = CornerTapDetector(config.admin_taps, config.admin_tap_window_s, config.admin_corner_px)
        self.pin = PinVerifier(config.admin_pin_hash, config.admin_max_failures, config.admin_lockout_minutes * 60)

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.lockdown = LockdownFilter(self)
        self.activity = _ActivityFilter(self._on_input, self)
        self.scanner = ScannerInput(clock=deps.clock, parent=self)
        self.scanner.scanned.connect(self._on_scan)
        for f in (self.lockdown, self.scanner, self.activity):
            app.installEventFilter(f)  # the last installed runs first: activity, scanner, lock-down
        self.camera: CameraScanner | None = None
        if config.camera:
            self.camera = CameraScanner(clock=deps.clock, parent=self)
            self.camera.scanned.connect(self._on_scan)
            if not self.camera.start(config.camera_device):
                self.camera = None

        self.idle_timer = self._timer(1000, self.tick)
        self.printer_timer = self._timer(int(config.printer_poll_seconds * 1000), self.printer.refresh)
        self.sync_timer = self._timer(int(config.sync_poll_seconds * 1000), self.refresh_sync)
        self.started_at = deps.wall_clock()

        self._apply_style()
        self._build_session()
        self.printer.refresh()
        self.refresh_sync()
        self._update_banners()

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        t = QTimer(self)
        t.setInterval(ms)
        t.timeout.connect(slot)
        t.start()
        return t

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

    def restyle(self, language: str, elderly: bool) -> None:
        """Language or elderly-mode switch from the home screen: same citizen, new session widgets."""
        self._drop_session()
        self.language = set_language(language)
        self.elderly = elderly
        self.theme = theme_for(elderly)
        self.idle.policy = self.config.idle_policy(elderly, self.theme.idle_factor)
        self._apply_style()
        self._retranslate()
        self._build_session()

    def reset_session(self, reason: str) -> None:
        """Tear the citizen session down and rebuild it: nothing of the last person survives."""
        self._drop_session()
        self.deps.speaker.stop()
        self.scanner.reset()
        self.deps.card_reader.stop()
        wipe_transient_state()
        self.still_there.hide()
        self.pin_pad.hide()
        if self.language != self.home_language or self.elderly:
            self.language = set_language(self.home_language)
            self.elderly = False
            self.theme = theme_for(False)
            self._apply_style()
            self._retranslate()
        self.idle.policy = self.config.idle_policy(False, self.theme.idle_factor)
        self._build_session()
        self.idle.session_reset(self.deps.clock())
        gc.collect()  # break Python-side cycles (lambdas, closures) holding the old screens' data now
        log.info("citizen session reset (%s)", reason)

    # ---- idle ----------------------------------------------------------------------------------------------

    def _on_input(self, event: QEvent) -> None:
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress:
            p = self.mapFromGlobal(event.globalPosition().toPoint())
            if self.corner.tap(p.x(), p.y(), self.width(), self.deps.clock()):
                self.open_admin()
        self._on_input_now()

    def _on_input_now(self) -> None:
        self._apply_idle(self.idle.activity(self.deps.clock()))

    def tick(self) -> None:
        now = self.deps.clock()
        self._apply_idle(self.idle.tick(now))
        if self.still_there.isVisible():
            self.still_there.set_remaining(self.idle.warning_remaining(now))
        self._maybe_maintenance_restart()

    def _apply_idle(self, actions: list[IdleAction]) -> None:
        for action in actions:
            if action is IdleAction.SHOW_WARNING:
                self.still_there.set_remaining(self.idle.warning_remaining(self.deps.clock()))
                self.still_there.open()
                if self.elderly:
                    self.deps.speaker.say(self.still_there.question.text())
            elif action is IdleAction.HIDE_WARNING:
                self.still_there.hide()
            elif action is IdleAction.RESET:
                self.reset_session("idle")
            elif action is IdleAction.SHOW_ATTRACT:
                self.attract = AttractScreen()
                self.attract.setParent(self)
                self.attract.setGeometry(self.rect())
                self.attract.show()
                self.attract.raise_()
            elif action is IdleAction.HIDE_ATTRACT and self.attract is not None:
                self.attract.hide()
                self.attract.deleteLater()
                self.attract = None

    def _maybe_maintenance_restart(self) -> None:
        if self.idle.idle and maintenance_due(
            self.deps.wall_clock(), self.started_at, self.config.maintenance_hours,
            min_uptime=timedelta(hours=self.config.maintenance_min_uptime_hours),
        ):
            log.info("maintenance restart while idle")
            self.request_exit(MAINTENANCE_EXIT_CODE)

    # ---- scanner, banners ----------------------------------------------------------------------------------

    def _on_scan(self, code: str) -> None:
        if self.attract is not None or self.still_there.isVisible():
            self._on_input_now()
        if self.session is None or self.pin_pad.isVisible():
            return
        if looks_like_card_number(code):  # typed by an ID reader in keyboard mode: only for a screen that asked
            if isinstance(self.deps.card_reader, KeyboardCardReader):
                self.deps.card_reader.present(code)
            return
        self.session.handle_scan(code)

    def refresh_sync(self) -> None:
        def done(status: SyncStatus) -> None:
            self.sync_status = status
            self._update_banners()

        self.deps.worker.submit(self.deps.backend.sync_status, done, lambda exc: None, owner=self)

    def _report_printer(self, deps: KioskDeps, state: PrinterState) -> None:
        deps.worker.submit(
            partial(deps.backend.report_printer, state.value),
            lambda _r: None,
            lambda exc: log.warning("printer state not recorded: %s", exc),
            owner=self,
        )

    def _update_banners(self) -> None:
        for widget, info in ((self.printer_banner, printer_banner(self.printer.state)),
                             (self.network_banner, network_banner(self.sync_status))):
            if info is None:
                widget.hide()
                continue
            role, text = info
            if widget.property("role") != role:
                widget.setProperty("role", role)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            widget.setText(text)
            widget.show()

    def _retranslate(self) -> None:
        self.still_there.retranslate()
        self._update_banners()

    # ---- admin exit and closing ----------------------------------------------------------------------------

    def open_admin(self) -> None:
        log.warning("admin gesture recognised: PIN pad opened")
        self.pin_pad.open()

    def _check_pin(self, pin: str) -> None:
        now = self.deps.clock()
        result = self.pin.verify(pin, now)
        del pin
        if result is PinResult.OK:
            self.pin_pad.hide()
            self.request_exit(ADMIN_EXIT_CODE)
        elif result is PinResult.LOCKED:
            minutes = max(1, math.ceil(self.pin.locked_remaining(now) / 60))
            self.pin_pad.show_message(self.tr("! 错误次数过多,请 {m} 分钟后再试").format(m=minutes))
        elif result is PinResult.NOT_CONFIGURED:
            self.pin_pad.show_message(self.tr("! 未配置管理员密码"))
        else:
            left = self.pin.max_failures - self.pin.failures
            self.pin_pad.show_message(self.tr("! 密码错误,还可尝试 {n} 次").format(n=left))

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
        for overlay in (self.still_there, self.pin_pad, self.attract):
            if overlay is not None:
                overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Someone (a window manager, a key) minimised or un-fullscreened us: go back to full screen.
        if self.locked and event.type() == QEvent.Type.WindowStateChange and not self.isFullScreen():
            QTimer.singleShot(0, self.showFullScreen)
        super().changeEvent(event)


