"""Crash handling: log the exception and exit non-zero so the service manager restarts the kiosk.

State lives in the hall database, so a restart loses nothing; staying up after an unknown error could
leave a citizen's data on screen or the event loop half-broken.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from kiosk.admin import CRASH_EXIT_CODE

log = logging.getLogger("onewindow.kiosk.crash")
_fault_file: TextIO | None = None


def make_excepthook(exit_fn: Callable[[int], None] = os._exit, log_dir: Path | None = None) -> Callable[..., None]:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception, exiting with %d", CRASH_EXIT_CODE, exc_info=(exc_type, exc, tb))
        for handler in logging.getLogger().handlers:
            handler.flush()
        where = log_dir / "kiosk.log" if log_dir is not None else "the kiosk log"
        print(f"自助机意外出错，详情已记录在 {where} / kiosk crashed, details logged in {where}", file=sys.stderr)
        # os._exit, not sys.exit: we may be inside a Qt virtual call where SystemExit would be swallowed.
        exit_fn(CRASH_EXIT_CODE)

    return hook


def install_crash_handlers(log_dir: Path) -> None:
    global _fault_file
    sys.excepthook = make_excepthook(log_dir=log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    # Segfaults in native code bypass excepthook: faulthandler writes their Python stacks here.
    _fault_file = (log_dir / "kiosk-faults.log").open("a", encoding="utf-8")
    faulthandler.enable(_fault_file)
