"""Where a scanned code goes: the current citizen session, or the ID reader when the code is an ID number.

Codes come from the keyboard-wedge scanner (kiosk/scanner_input.py) and the camera (kiosk/camera_scanner.py).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.admin_exit import AdminExit
from kiosk.idcard import CardReader, KeyboardCardReader, looks_like_card_number
from kiosk.idle_watch import IdleWatch
from kiosk.session import CitizenSession


class ScanRouter:
    def __init__(self, session: Callable[[], CitizenSession | None], card_reader: CardReader, idle: IdleWatch,
                 admin: AdminExit) -> None:
        self.session, self.card_reader, self.idle, self.admin = session, card_reader, idle, admin

    def route(self, code: str) -> None:
        self.idle.wake_if_shown()
        session = self.session()
        if session is None or self.admin.pad.isVisible():
            return  # never into the administrator's PIN pad, nor between two sessions
        if looks_like_card_number(code):  # typed by an ID reader in keyboard mode: only for a screen that asked
            if isinstance(self.card_reader, KeyboardCardReader):
                self.card_reader.present(code)
            return
        session.handle_scan(code)
