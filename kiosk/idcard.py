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


class FakeCardReader:
    """Test and demo reader: ``present(number)`` plays a card being laid on the reader."""

    def __init__(self) -> None:
        self._on_card: Callable[[str], None] | None = None

    @property
    def active(self) -> bool:
        return self._on_card is not None

    def start(self, on_card: Callable[[str], None]) -> None:
        self._on_card = on_card

    def stop(self) -> None:
        self._on_card = None

    def present(self, number: str) -> None:
        if self._on_card is not None:
            self._on_card(number)
