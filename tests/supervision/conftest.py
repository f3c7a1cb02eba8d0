"""Supervision fixtures: the intake fixtures (sample hall and catalogue on a fake clock) plus one actor per role."""

from __future__ import annotations

import pytest

from app.services.auth import trusted_actor
from tests.intake.conftest import blobs, cases, catalogue, clerk, hall_queue, intake, person, reviewer  # noqa: F401


@pytest.fixture
def supervisor(hall_db):  # type: ignore[no-untyped-def]
    return trusted_actor(hall_db, "admin")


@pytest.fixture
def second_supervisor(hall_db):  # type: ignore[no-untyped-def]
    """A second supervisor (appeals are decided by someone else than who filed them)."""
    from app.services.auth import hash_secret
    from app.store.models import Hall, Staff

    with hall_db.write() as s:
        hall = s.query(Hall).one()
        s.add(Staff(hall_id=hall.id, login="zhou", name="周主任", role="supervisor", secret_hash=hash_secret("5678")))
    return trusted_actor(hall_db, "zhou")
