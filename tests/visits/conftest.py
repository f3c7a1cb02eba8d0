"""Fixtures for appointments and ratings: services on the sample hall (SQLite and PostgreSQL), a fake clock.

The clock starts on Monday 2026-11-23 at 10:00 Beijing time, inside the sample hall's opening hours.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from app.services.appointments import AppointmentService
from app.services.hall import create_sample_hall
from app.services.queue import QueueService
from app.services.ratings import RatingService
from app.store.database import Database
from app.store.models import Hall, Staff
from app.store.models_intake import IntakeCase

TODAY = date(2026, 11, 23)
RECEIPT = "H023-20261120-0007"


def _sample_hall(url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    # Staff PINs are argon2-hashed on purpose (0.1 s each, 8 staff); nothing here logs in, so a cheap
    # stand-in keeps these tests fast. Otherwise the same as tests/conftest.py's hall fixtures.
    monkeypatch.setattr("app.services.hall.hash_secret", lambda secret: "not-argon2:" + secret)
    db = Database(url, device_id="test-device")
    db.upgrade()
    create_sample_hall(db)
    yield db
    db.dispose()


@pytest.fixture
def hall_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    yield from _sample_hall(db_url, monkeypatch)


@pytest.fixture
def sqlite_hall(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    yield from _sample_hall(f"sqlite:///{tmp_path / 'hall.db'}", monkeypatch)


@pytest.fixture
def appts(hall_db, clock) -> AppointmentService:  # type: ignore[no-untyped-def]
    return AppointmentService(hall_db, clock=clock)


@pytest.fixture
def queue(hall_db, clock) -> QueueService:  # type: ignore[no-untyped-def]
    return QueueService(hall_db, clock=clock)


@pytest.fixture
def ratings(hall_db, clock) -> RatingService:  # type: ignore[no-untyped-def]
    return RatingService(hall_db, clock=clock)


def staff_id(db, login: str = "wang") -> str:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return str(s.scalars(select(Staff.id).where(Staff.login == login)).one())


APPLICANT_ID = "11010519491231002X"  # the case's applicant: last 4 characters 002X


def served(queue, prefix: str = "B", window: int = 3):  # type: ignore[no-untyped-def]
    """A ticket served and finished at `window`: only such a ticket can be rated."""
    t = queue.issue_ticket(prefix)
    for _ in range(50):
        called = queue.call_next(window)
        queue.start(window)
        queue.finish(window)
        if called.id == t.id:
            return queue.ticket_status(t.id)
    raise AssertionError("the ticket was never called")


def make_case(db, clock, receipt: str = RECEIPT, window: int | None = 2, login: str | None = "li") -> str:  # type: ignore[no-untyped-def]
    """An accepted case as intake leaves it (only the columns a rating reads matter here)."""
    sid = staff_id(db, login) if login else None
    with db.write() as s:
        hall = s.scalars(select(Hall)).one()
        case = IntakeCase(
            hall_id=hall.id,
            receipt_number=receipt,
            service_day=date(2026, 11, 20),
            catalogue_version=1,
            title_zh="居住证签注",
            title_en="Residence permit endorsement",
            matter_kind="promised",
            status="received",
            status_changed_at=clock(),
            created_at=clock(),
            window_number=window,
            staff_id=sid,
            applicant_id_number=APPLICANT_ID,
        )
        s.add(case)
        s.flush()
        return case.id
