"""The resident ID card reader interface.

The ID number is only ever held for the few seconds between entry and ``issue_ticket``: screens pass it
straight to the backend and drop it; logs and screens use ``app.domain.masking.mask_id``. Whether a number is
valid, and whether its holder gets elderly priority, are app.domain rules (ric, person).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.domain import ric


class CardReader(Protocol):
    """An ID-card reader (e.g. a GB/T ... resident ID reader). Only the number is read, nothing else kept."""

    def start(self, on_card: Callable[[str], None]) -> None: ...

    def stop(self) -> None: ...


class KeyboardCardReader:
    """A resident-ID reader in keyboard-emulation mode (模拟键盘输出, which most desk readers offer): it types
    the number and Enter like a QR scanner, so it arrives through the kiosk's scanner input
    (kiosk.scanner_input) and the window hands it here with ``present``. Only a screen that asked for a card
    (``start``) gets it; anywhere else the window drops it, never kept."""

    def __init__(self) -> None:
        self._on_card: Callable[[str], None] | None = None

    @property
    def active(self) -> bool:
        return self._on_card is not None

    def start(self, on_card: Callable[[str], None]) -> None:
        self._on_card = on_card

    def stop(self) -> None:
        self._on_card = None

    def present(self, number: str) -> bool:
        """A number read from a card; True if a screen took it."""
        if self._on_card is None:
            return False
        self._on_card(ric.compact(number))
        return True


def looks_like_card_number(code: str) -> bool:
    """What a reader types (18 characters, digits with a final X) as opposed to a QR code's payload."""
    c = ric.compact(code)
    return len(c) == 18 and c[:17].isdigit() and (c[17].isdigit() or c[17] == "X")
