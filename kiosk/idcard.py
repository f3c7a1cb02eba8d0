"""Resident ID number (居民身份证号码) helpers and the card-reader interface.

The ID number is only ever held for the few seconds between entry and ``issue_ticket``: screens pass it
straight to the backend and drop it; logs and screens use ``app.domain.masking.mask_id``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from app.domain import ric
from app.domain.queue_policy import ELDERLY_AGE


def normalize_id(text: str) -> str:
    return ric.compact(text)


def is_valid_id(text: str, today: date | None = None) -> bool:
    """The hall's one rule (app.domain.ric): checksum, date and plausible age; any region code ever issued."""
    return ric.is_valid_ric(text, today or date.today())


def is_elderly(text: str, today: date) -> bool:
    """70+ get elderly priority (the queue service decides for real; the kiosk uses this only for hints)."""
    return ric.age_on(ric.birth_date(text), today) >= ELDERLY_AGE


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
        self._on_card(normalize_id(number))
        return True


def looks_like_card_number(code: str) -> bool:
    """What a reader types (18 characters, digits with a final X) as opposed to a QR code's payload."""
    c = normalize_id(code)
    return len(c) == 18 and c[:17].isdigit() and (c[17].isdigit() or c[17] == "X")
