"""Project-wide test set-up: offscreen Qt, a throwaway data directory, hall database fixtures."""

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.ui.pyside_workaround import immortalize_singletons
from bench.pg_cluster import PgCluster, unavailable_reason

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ONEWINDOW_DEVICE", "test-device")

# PySide6 6.12 on Python 3.11 drains references to None/True/False; a long test run would abort.
immortalize_singletons()

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class FakeClock:
    """A settable clock; starts on a Monday at 10:00 Beijing time (inside opening hours)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


PG_UNAVAILABLE = unavailable_reason()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    if PG_UNAVAILABLE:
        pytest.skip(PG_UNAVAILABLE)
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


def _backends() -> list[object]:
    marks = [pytest.mark.skip(reason=PG_UNAVAILABLE)] if PG_UNAVAILABLE else []
    return ["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, *marks])]


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hall.db'}"
        return
    yield request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def hall_db(db_url: str):  # type: ignore[no-untyped-def]
    from app.services.hall import create_sample_hall
    from app.store.database import Database

    db = Database(db_url, device_id="test-device")
    db.upgrade()
    create_sample_hall(db)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.services.hall import create_sample_hall
    from app.store.database import Database

    db = Database(f"sqlite:///{tmp_path / 'hall.db'}", device_id="test-device")
    db.upgrade()
    create_sample_hall(db)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def sample_hall_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real hall database made once by `onewindow hall init --sample`; tests copy it (`copy_of_sample_hall`)."""
    import sqlite3

    from app.cli import main

    path = tmp_path_factory.mktemp("sample") / "hall.db"
    assert main(["hall", "init", "--sample", "--db", str(path)]) == 0
    with sqlite3.connect(path) as con:  # everything into the main file, so a copy of it is the whole hall
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.fixture
def copy_of_sample_hall(sample_hall_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    import shutil

    capsys.readouterr()  # what making the template printed is not this test's output
    path = tmp_path / "hall.db"
    shutil.copy(sample_hall_file, path)
    return path


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """Once a GUI test installed app.ui.gc_guard, automatic collection is off for the session: collect between
    tests here (the main thread), as the GUI's timer does between events."""
    yield
    import gc

    if not gc.isenabled():
        from app.ui.gc_guard import collect_if_due

        collect_if_due()
