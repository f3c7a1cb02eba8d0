"""``onewindow kiosk``: start the self-service kiosk.

Exit codes: 0 demo window closed; 64 administrator exit (PIN); 70 crash (unhandled exception);
75 scheduled maintenance restart while idle; 78 configuration error (no hall, bad config).
The systemd unit restarts on everything except 64 (RestartPreventExitStatus=64).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from app.cli_args import BilingualParser, screen_size
from app.domain.errors import UserError
from app.logs import configure
from app.ui.app_setup import make_app
from app.ui.pyside_workaround import immortalize_singletons
from app.ui.runner import ServiceRunner
from kiosk.backend import KioskBackend
from kiosk.config import KioskConfig, load_config
from kiosk.crash import install_crash_handlers
from kiosk.idcard import KeyboardCardReader
from kiosk.printer import open_printer
from kiosk.queue_backend import QueueKioskBackend
from kiosk.voice import NullSpeaker, make_speaker
from kiosk.watchdog import SystemdWatchdog
from kiosk.window import KioskDeps, KioskWindow

if TYPE_CHECKING:
    from app.store.database import Database

log = logging.getLogger("onewindow.kiosk")

CONFIG_EXIT_CODE = 78
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = BilingualParser(prog="onewindow kiosk", description="24-hour self-service kiosk")
    p.add_argument("--demo", action="store_true", help="unlocked, in a window, sample hall, demo printer")
    p.add_argument("--db", metavar="URL", help="hall database URL or SQLite path")
    p.add_argument("--config", metavar="PATH", type=Path, help="kiosk.toml (default: user config dir)")
    p.add_argument("--printer", metavar="SPEC", help="usb:VID:PID | network:HOST[:PORT] | serial:DEV | dummy")
    orientation = p.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", dest="orientation", action="store_const", const="landscape")
    orientation.add_argument("--portrait", dest="orientation", action="store_const", const="portrait")
    p.add_argument("--size", metavar="WxH", type=screen_size, help="demo window size, e.g. 1280x720")
    p.add_argument(
        "--lang",
        choices=["zh_CN", "en_US"],
        default="zh_CN",
        help="the language each citizen session starts in (zh_CN by default)",
    )
    return p.parse_args(argv)


def _setup_logging(config: KioskConfig) -> None:
    configure(config.resolved_log_dir(), file_name="kiosk.log", logger="")  # the app's masked rotating file
    # python-escpos' basicConfig(): the terminal gets warnings, the file everything.
    for console in logging.getLogger().handlers:
        if type(console) is logging.StreamHandler:
            console.setLevel(logging.WARNING)
            # but not ours: what the kiosk has to say on the terminal is its one bilingual line
            console.addFilter(lambda record: not record.name.startswith("onewindow"))


def make_backend(args: argparse.Namespace, config: KioskConfig) -> tuple[KioskBackend, Database]:
    """The kiosk on the hall's services over its database; --demo creates the sample hall if missing."""
    from app.settings import db_url, device_id

    return open_backend(db_url(args.db), device_id(), demo=args.demo, hall_code=config.hall_code)


def open_backend(
    url: str, device: str, *, demo: bool, hall_code: str | None = None
) -> tuple[QueueKioskBackend, Database]:
    """The kiosk's services over the hall database at `url` (the demo and the soak make the sample hall)."""
    from app.services.hall import create_sample_hall
    from app.store.database import Database

    db = Database(url, device_id=device, create=demo)  # only the demo makes a hall
    db.check_integrity()  # a damaged file is refused before the upgrade could write to it
    db.upgrade()
    if demo:
        create_sample_hall(db, always_open=True)  # a demo works at any hour; no-op if the hall exists
    backend = QueueKioskBackend.over(db, hall_code=hall_code)
    if demo:
        backend.catalogue.ensure_sample()
        backend.appointments.seed_demo()  # codes 100001-100004
    return backend, db


def _show_on_screen(error: UserError) -> None:
    """The start-up error on the kiosk's screen for a minute (nobody can click it away), then systemd restarts us."""
    from app.ui.app_setup import show_startup_error

    make_app()
    show_startup_error(error, timeout_ms=60_000, echo=False)


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
    try:  # before any window: a wrong --db is one line on stderr (and in the log), like every other command
        backend, db = make_backend(args, config)
        hall_name = backend.hall_name()
    except Exception as exc:
        from app.settings import db_url
        from app.store.errors import as_user_error

        known = as_user_error(exc, db_url(args.db))
        if known is None:
            raise  # a bug: the crash handler logs it
        log.error("cannot start the kiosk: %s", known.message_en)
        print(f"错误 / error: {known.bilingual()}", file=sys.stderr)
        if locked and os.environ.get("NOTIFY_SOCKET"):
            _show_on_screen(known)  # under systemd nobody reads stderr at the kiosk: the technician sees the screen
        return CONFIG_EXIT_CODE
    app = make_app()  # the app's one set-up: font, translator, GC on the GUI thread
    app.setQuitOnLastWindowClosed(not locked)

    printer_spec = args.printer or config.printer or ("dummy" if args.demo else None)
    printer = open_printer(printer_spec) if printer_spec else None
    worker = ServiceRunner()
    watchdog = SystemdWatchdog()
    speaker = make_speaker(engine=config.voice_engine) if config.voice else NullSpeaker()
    deps = KioskDeps(
        backend=backend,
        printer=printer,
        worker=worker,
        speaker=speaker,
        card_reader=KeyboardCardReader(),
        watchdog=watchdog,
        hall_name=hall_name,
    )
    if locked:
        screen = app.primaryScreen().geometry()
        size = (screen.width(), screen.height())
    else:
        size = SIZES[args.orientation or "landscape"]
        if args.size:
            size = args.size
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
    # Everything loaded so far (Qt, SQLAlchemy, Alembic, the services) lives as long as the process: keep it out of
    # the collector, so the full gc.collect() of every session reset scans only what citizens' sessions made
    # (with the hall services loaded it was ~0.3 s of frozen screen per reset on the 2-core test machine).
    gc.freeze()
    # READY=1 only once the first screen is really up (the event loop has run and painted it).
    QTimer.singleShot(0, lambda: watchdog.ready(status="kiosk ready"))
    from app.sync.background import BackgroundSync

    background = BackgroundSync(db)  # the kiosk syncs too when it is the hall's only PC
    background.start()
    code = app.exec()
    background.stop()
    window.shutdown()
    worker.wait_idle()
    db.dispose()
    log.info("kiosk exited with %d", code)
    return int(code)


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
