"""Intake UI fixtures: the sample hall and catalogue on SQLite, synchronous runners, a logged-in clerk."""

from __future__ import annotations

import pytest

from app.services.blobs import BlobStore
from app.services.cases import CaseService
from app.services.catalogue import CatalogueService
from app.services.hall import login
from app.services.intake import IntakeService
from app.ui.intake.check_runner import CheckRunner


@pytest.fixture
def catalogue(sqlite_hall, clock) -> CatalogueService:  # type: ignore[no-untyped-def]
    service = CatalogueService(sqlite_hall, clock=clock)
    service.ensure_sample()
    return service


@pytest.fixture
def intake(sqlite_hall, catalogue, clock, tmp_path) -> IntakeService:  # type: ignore[no-untyped-def]
    return IntakeService(sqlite_hall, catalogue, blobs=BlobStore(tmp_path / "blobs"), clock=clock)


@pytest.fixture
def cases(sqlite_hall, clock) -> CaseService:  # type: ignore[no-untyped-def]
    return CaseService(sqlite_hall, clock=clock)


@pytest.fixture
def checker(qapp) -> CheckRunner:  # type: ignore[no-untyped-def]
    return CheckRunner(synchronous=True)


@pytest.fixture
def clerk(sqlite_hall):  # type: ignore[no-untyped-def]
    return login(sqlite_hall, "li", "1234")
