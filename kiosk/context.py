"""What every screen of one citizen session can reach: services, devices and the session's settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject

from app.domain.errors import UserError
from app.ui.i18n import pick
from app.ui.runner import ServiceRunner
from kiosk.backend import KioskBackend
from kiosk.idcard import CardReader
from kiosk.printer import PrinterMonitor
from kiosk.theme import Theme
from kiosk.voice import Speaker

log = logging.getLogger("onewindow.kiosk")


class Navigator(Protocol):
    """Implemented by the session: screens ask to move, never build each other."""

    def go(self, name: str, **params: Any) -> None: ...

    def back(self) -> None: ...

    def home(self) -> None: ...

    def finish(self) -> None:
        """The citizen is done (ticket taken, rating sent): wipe the session now."""
        ...

    def set_language(self, language: str) -> None: ...

    def set_elderly(self, elderly: bool) -> None: ...


@dataclass
class SessionContext:
    backend: KioskBackend
    worker: ServiceRunner  # the app's one runner: backend calls off the GUI thread
    theme: Theme
    language: str
    speaker: Speaker
    printer: PrinterMonitor
    card_reader: CardReader
    today: Callable[[], date]
    hall_name_zh: str = ""
    hall_name_en: str = ""
    landscape: bool = False
    width: int = 1080  # the kiosk window's width when the session was built

    @property
    def english(self) -> bool:
        return self.language.startswith("en")

    def pick(self, zh: str, en: str) -> str:
        """Data from the backend comes in both languages; show the session's one (the app's rule, app.ui.i18n)."""
        return pick(zh, en, self.language)

    def error_text(self, exc: BaseException) -> str:
        if isinstance(exc, UserError):
            return "! " + self.pick(exc.message_zh, exc.message_en)
        # A bug, not something the citizen did: they get the polite line, the log gets the traceback.
        log.error("kiosk call failed", exc_info=exc)
        return "! " + QCoreApplication.translate("SessionContext", "系统繁忙,请稍后重试或咨询工作人员")

    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None], owner: QObject) -> None:
        self.worker.submit(fn, on_done, on_error, owner=owner)

    def speak(self, text: str) -> None:
        if self.theme.elderly and text:
            self.speaker.say(text)
