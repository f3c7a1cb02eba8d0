"""``onewindow kiosk``: start the self-service kiosk.

Exit codes: 0 demo window closed; 64 administrator exit (PIN); 70 crash (unhandled exception);
75 scheduled maintenance restart while idle; 78 configuration error (no hall, bad config).
The systemd unit restarts on everything except 64 (RestartPreventExitStatus=64).
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from app.ui.pyside_workaround import immortalize_singletons
from kiosk.backend import KioskBackend, KioskError
from kiosk.config import KioskConfig, load_config
from kiosk.crash import install_crash_handlers
from kiosk.fake_backend import FakeKioskBackend
from kiosk.idcard import FakeCardReader
from kiosk.printer import open_printer
from kiosk.queue_backend import FAKED_PARTS, QueueKioskBackend
from kiosk.voice import NullSpeaker, make_speaker
from kiosk.watchdog import SystemdWatchdog
from kiosk.window import KioskDeps, KioskWindow
from kiosk.worker import ThreadWorker

log = logging.getLogger("onewindow.kiosk")

CONFIG_EXIT_CODE = 78
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="onewindow kiosk", description="24-hour self-service kiosk")
    p.add_argument("--demo", action="store_true", help="unlocked, in a window, sample hall, demo printer")
    p.add_argument("--db", metavar="URL", help="hall database URL or SQLite path")
    p.add_argument("--config", metavar="PATH", type=Path, help="kiosk.toml (default: user config dir)")
    p.add_argument("--printer", metavar="SPEC", help="usb:VID:PID | network:HOST[:PORT] | serial:DEV | dummy")
    orientation = p.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", dest="orientation", action="store_const", const="landscape")
    orientation.add_argument("--portrait", dest="orientation", action="store_const", const="portrait")
    p.add_argument("--size", metavar="WxH", help="demo window size, e.g. 1280x720")
    p.add_argument("--lang", choices=["zh_CN", "en_US"], default="zh_CN",
                   help="the language each citizen session starts in (zh_CN by default)")
    p.add_argument("--fake-backend", action="store_true", help="no database at all: in-memory sample hall")
    return p.parse_args(argv)


def _setup_logging(config: KioskConfig) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_onewindow_kiosk", False) for h in root.handlers):
        return
    log_dir = config.resolved_log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "kiosk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._onewindow_kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def make_backend(args: argparse.Namespace, config: KioskConfig) -> tuple[KioskBackend, Any]:
    """The real queue over the hall database; the sample hall is created for --demo."""
    if args.fake_backend:
        return FakeKioskBackend(), None
    from app.services.cases import CaseService
    from app.services.catalogue import CatalogueService
    from app.services.hall import create_sample_hall
    from app.services.queue import QueueService
    from app.settings import db_url, device_id
    from app.store.database import Database

    db = Database(db_url(args.db), device_id=device_id())
    db.upgrade()
    catalogue = CatalogueService(db)
    from app.services.appointments import AppointmentService
    from app.services.ratings import RatingService

    if args.demo:
        create_sample_hall(db, always_open=True)  # a demo works at any hour; no-op if the hall exists
        catalogue.ensure_sample()
        AppointmentService(db, hall_code=config.hall_code).seed_demo()  # codes 100001-100004

    backend = QueueKioskBackend(
        QueueService(db, hall_code=config.hall_code),
        cases=CaseService(db, hall_code=config.hall_code),
        catalogue=catalogue,
        appointments=AppointmentService(db, hall_code=config.hall_code),
        ratings=RatingService(db, hall_code=config.hall_code),
    )
    if FAKED_PARTS:
        log.warning("kiosk parts not yet backed by a real service (faked): %s", ", ".join(FAKED_PARTS))
    return backend, db


def _install_font(app: QApplication) -> None:
    try:
        from app.ui.fonts import install_app_font
    except ImportError:
        log.warning("bundled font module missing: Chinese needs a system CJK font")
        return
    install_app_font(app)


def run(argv: list[str]) -> int:
    immortalize_singletons()  # PySide6 6.12 + Python 3.11 refcount bug: see app/ui/pyside_workaround.py
    args = parse_args(argv)
    try:
        config = load_config(args.config)
    except (OSError, ValueError) as exc:
        print(f"kiosk config: {exc}", file=sys.stderr)
        return CONFIG_EXIT_CODE
    _setup_logging(config)
    locked = not args.demo
    if locked:
        install_crash_handlers(config.resolved_log_dir())

    from app.ui.qt_check import platform_problem

    problem = None if QApplication.instance() else platform_problem()
    if problem:  # found before Qt loads its platform plugin, which would abort without naming a package
        print(problem, file=sys.stderr)
        return CONFIG_EXIT_CODE
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(not locked)
    _install_font(app)

    try:
        backend, db = make_backend(args, config)
        hall_name = backend.hall_name()
    except KioskError as exc:
        log.error("cannot start the kiosk: %s", exc)
        print(exc.message_en, file=sys.stderr)
        return CONFIG_EXIT_CODE

    printer_spec = args.printer or config.printer or ("dummy" if args.demo else None)
    printer = open_printer(printer_spec) if printer_spec else None
    worker = ThreadWorker()
    watchdog = SystemdWatchdog()
    speaker = make_speaker(engine=config.voice_engine) if config.voice else NullSpeaker()
    deps = KioskDeps(
        backend=backend,
        printer=printer,
        worker=worker,
        speaker=speaker,
        card_reader=FakeCardReader(),
        watchdog=watchdog,
        hall_name=hall_name,
    )
    if locked:
        screen = app.primaryScreen().geometry()
        size = (screen.width(), screen.height())
    else:
        size = SIZES[args.orientation or "landscape"]
        if args.size:
            w, h = (int(v) for v in args.size.lower().split("x"))
            size = (w, h)
    window = KioskWindow(deps, config, locked=locked, size=size)
    window.exit_requested.connect(app.exit)
    if args.lang != window.home_language:
        window.home_language = args.lang
        window.restyle(args.lang, False)
    if locked:
        window.setMaximumSize(*size)  # never grow past the screen, whatever a screen asks for
        if config.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        window.showFullScreen()
    else:
        window.show()
    # READY=1 only once the first screen is really up (the event loop has run and painted it).
    QTimer.singleShot(0, lambda: watchdog.ready(status="kiosk ready"))
    code = app.exec()
    window.shutdown()
    worker.shutdown()
    if db is not None:
        db.dispose()
    log.info("kiosk exited with %d", code)
    return int(code)


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
