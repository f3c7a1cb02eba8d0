"""The kiosk's tests run on the real hall services over a temporary sample hall (no fake backend).

One template database per test session (sample hall, catalogue, the demo appointments, two accepted cases);
each test gets its own copy. The services read the kiosk's wall clock, as hall-local time.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.store.database import Database
from kiosk.backend import Ticket
from kiosk.queue_backend import QueueKioskBackend

HALL_ZONE = ZoneInfo("Asia/Shanghai")
DEMO_START = datetime(2026, 11, 23, 10, 0)  # a Monday morning, hall open (the kiosk tests' wall clock)

# Accepted cases a citizen can follow at the kiosk: (receipt, status, applicant, ID last 4, title)
CASES = (
    ("H023-20261120-0007", "ready_for_pickup", "张三", "1234", "居住证签注"),
    ("H023-20261121-0015", "in_review", "李小华", "5678", "个体工商户设立登记"),
    ("H023-20261119-0003", "needs_supplement", "赵四", "4321", "最低生活保障申请"),
)


class HallClock:
    """The services' clock: the kiosk's wall clock (naive hall-local time) as an aware UTC instant."""

    def __init__(self, wall: Callable[[], datetime]) -> None:
        self.wall = wall

    def __call__(self) -> datetime:
        return self.wall().replace(tzinfo=HALL_ZONE).astimezone(UTC)


def id_ending_in(last4: str) -> str:
    """A valid resident ID number (born in the 1960s in 西湖区) whose last four characters are `last4`."""
    from app.domain.ric import check_character

    for day in range(1, 29):
        first17 = f"3301061965{day % 12 + 1:02d}{day:02d}{last4[:3]}"
        if check_character(first17) == last4[3]:
            return first17 + last4[3]
    raise ValueError(last4)


def _seed(path: Path) -> None:
    from app.services.appointments import AppointmentService
    from app.services.catalogue import CatalogueService
    from app.services.hall import create_sample_hall
    from app.store.models import Hall
    from app.store.models_intake import IntakeCase

    clock = HallClock(lambda: DEMO_START)
    db = Database(f"sqlite:///{path}", device_id="kiosk-test")
    db.upgrade()
    # Real PIN hashes: the sample's are hashed once per process and cached (app.services.hall._sample_pin_hash), so a
    # stand-in hash here would be what every later sample hall in this process gets, and their logins would fail.
    create_sample_hall(db)
    CatalogueService(db, clock=clock).ensure_sample()
    AppointmentService(db, clock=clock).seed_demo()  # codes 100001-100004 today
    with db.write() as s:
        hall = s.scalars(select(Hall)).one()
        for receipt, status, name, last4, title in CASES:
            accepted = datetime.strptime(receipt.split("-")[1], "%Y%m%d").replace(hour=2, tzinfo=UTC)
            s.add(
                IntakeCase(
                    hall_id=hall.id,
                    receipt_number=receipt,
                    service_day=accepted.date(),
                    catalogue_version=1,
                    title_zh=title,
                    title_en="",
                    matter_kind="promised",
                    status=status,
                    status_changed_at=accepted,
                    created_at=accepted,
                    decided_at=accepted,
                    promised_date=date(2026, 12, 4),
                    applicant_name=name,
                    applicant_id_number=id_ending_in(last4),
                )
            )
    db.dispose()
    with sqlite3.connect(path) as con:  # everything in the one file, so a copy is the whole hall
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def make_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kiosk_hall") / "hall.db"
    _seed(path)
    return path


def served_ticket(backend: QueueKioskBackend, prefix: str = "B", window: int = 3) -> Ticket:
    """A ticket issued at the kiosk, then called, served and finished at `window`: only such a ticket can be rated."""
    ticket = backend.issue_ticket(prefix)
    queue = backend.queue
    called = queue.call_next(window)
    assert called is not None and called.id == ticket.id, "the hall's queue was not empty"
    queue.start(window)
    queue.finish(window)
    return ticket


def open_backend(template: Path, folder: Path, wall: Callable[[], datetime]) -> tuple[QueueKioskBackend, Database]:
    path = folder / "kiosk_hall.db"  # not "hall.db": a test may also have tests/visits' sqlite_hall in `folder`
    shutil.copy(template, path)
    db = Database(f"sqlite:///{path}", device_id="kiosk-test")
    return QueueKioskBackend.over(db, clock=HallClock(wall)), db
