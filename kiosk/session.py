"""One citizen session: the screen stack for one person, thrown away whole when they leave.

The window builds a new ``CitizenSession`` after every idle time-out, every "完成", and every
language or elderly-mode switch; screens are created when shown and deleted when left, so no
citizen data survives in any widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from app.domain.appointments import parse_reference as parse_appointment
from app.domain.cases import is_receipt_number, receipt_from_scan
from app.domain.errors import UserError
from app.domain.ticket_ref import ticket_from_scan
from kiosk.context import SessionContext
from kiosk.screens.appointment import AppointmentScreen
from kiosk.screens.guide import GuideScreen, MatterScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.misc import AfterHoursScreen, ThanksScreen
from kiosk.screens.progress import ProgressResultScreen, ProgressScreen
from kiosk.screens.rating import RatingScreen
from kiosk.screens.result import TicketResultScreen
from kiosk.screens.ticket import CategoryScreen, IdEntryScreen
from kiosk.widgets import Screen

log = logging.getLogger("onewindow.kiosk.session")

SCREENS: dict[str, Callable[..., Screen]] = {
    "home": HomeScreen,
    "category": CategoryScreen,
    "id_entry": IdEntryScreen,
    "ticket_result": TicketResultScreen,
    "appointment": AppointmentScreen,
    "progress": ProgressScreen,
    "progress_result": ProgressResultScreen,
    "guide": GuideScreen,
    "matter": MatterScreen,
    "rating": RatingScreen,
    "thanks": ThanksScreen,
    "after_hours": AfterHoursScreen,
}

# Screens a scanned code can open from anywhere, by what the code is.
SCAN_ROUTES = {"appointment": "appointment", "receipt": "progress", "ticket": "rating"}


def classify_scan(code: str) -> str:
    """Tell what a scanned QR code is: appointment, receipt (case) or ticket; 'unknown' otherwise."""
    if receipt_from_scan(code) is not None or is_receipt_number(code.strip().upper()):
        return "receipt"
    try:
        parse_appointment(code)  # the appointment QR, or a bare code of the hall's length and alphabet
    except UserError:
        pass
    else:
        return "appointment"
    if ticket_from_scan(code) is not None:
        return "ticket"
    return "unknown"


class CitizenSession(QWidget):
    finished = Signal()  # the citizen is done: the window wipes and rebuilds the session
    restyle = Signal(str, bool)  # language, elderly: rebuild the session in the new style
    screen_changed = Signal(str)

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__()
        self.setObjectName("Session")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ctx = ctx
        self._stack = QStackedLayout(self)
        self._history: list[tuple[str, dict[str, Any]]] = []
        # Shadows QWidget.screen() (the monitor), which nothing asks a session for; every test and screen says
        # session.screen for the screen shown.
        self.screen: Screen | None = None  # type: ignore[assignment]
        self.screen_name = ""
        self._params: dict[str, Any] = {}
        self._building = False
        self._pending: tuple[str, dict[str, Any]] | None = None
        self.go("home")

    # ---- Navigator -----------------------------------------------------------------------------------------

    def _show(self, name: str, params: dict[str, Any]) -> None:
        old = self.screen
        if old is not None:
            old.leave()
        # A screen may navigate while it is being built (a synchronous backend answered at once):
        # finish building this one first, then follow the request.
        self._building = True
        try:
            screen = SCREENS[name](self.ctx, self, **params)
        finally:
            self._building = False
        screen.go_home.connect(self.home)
        screen.go_back.connect(self.back)
        self._stack.addWidget(screen)
        self._stack.setCurrentWidget(screen)
        self.screen, self.screen_name = screen, name
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
        self.screen_changed.emit(name)
        if self._pending is not None:
            # A redirect replaces the screen that asked for it (Back must not bounce into it again).
            pending, self._pending = self._pending, None
            self._params = pending[1]
            self._show(*pending)
            return
        self.ctx.speak(screen.voice_text())

    def go(self, name: str, **params: Any) -> None:
        if self._building:
            self._pending = (name, params)
            return
        # Results (tickets, case progress) are never kept in the back history: Back skips them.
        if self.screen_name and self.screen_name not in ("ticket_result", "progress_result", "thanks"):
            self._history.append((self.screen_name, self._params))
        self._params = params
        self._show(name, params)

    def back(self) -> None:
        if not self._history:
            self.home()
            return
        name, params = self._history.pop()
        self._params = params
        self._show(name, params)

    def home(self) -> None:
        self._history.clear()
        self._params = {}
        self._show("home", {})

    def leave(self) -> None:
        """The whole session is being torn down."""
        if self.screen is not None:
            self.screen.leave()

    def finish(self) -> None:
        self.finished.emit()

    def set_language(self, language: str) -> None:
        self.restyle.emit(language, self.ctx.theme.elderly)

    def set_elderly(self, elderly: bool) -> None:
        self.restyle.emit(self.ctx.language, elderly)

    # ---- scanner -------------------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        if self.screen is not None and self.screen.handle_scan(code):
            return
        target = SCAN_ROUTES.get(classify_scan(code))
        if target is None:
            log.info("ignored a scanned code that is not ours (%d chars)", len(code))
            return
        self.go(target)
        if self.screen is not None:
            self.screen.handle_scan(code)
