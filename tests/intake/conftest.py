"""Intake fixtures: the sample catalogue imported into the sample hall, services on a fake clock."""

from __future__ import annotations

import pytest

from app.domain.applicant import Applicant, ApplicantKind
from app.services.blobs import BlobStore
from app.services.cases import CaseService
from app.services.catalogue import CatalogueService
from app.services.intake import IntakeService
from app.services.queue import QueueService
from tests.intake.builders import make_ric


@pytest.fixture
def catalogue(hall_db, clock) -> CatalogueService:  # type: ignore[no-untyped-def]
    service = CatalogueService(hall_db, clock=clock)
    service.ensure_sample()
    return service


@pytest.fixture
def blobs(tmp_path) -> BlobStore:  # type: ignore[no-untyped-def]
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def intake(hall_db, catalogue, blobs, clock) -> IntakeService:  # type: ignore[no-untyped-def]
    return IntakeService(hall_db, catalogue, blobs=blobs, clock=clock)


@pytest.fixture
def cases(hall_db, clock) -> CaseService:  # type: ignore[no-untyped-def]
    return CaseService(hall_db, clock=clock)


@pytest.fixture
def hall_queue(hall_db, clock) -> QueueService:  # type: ignore[no-untyped-def]
    return QueueService(hall_db, clock=clock)


@pytest.fixture
def person() -> Applicant:
    return Applicant(ApplicantKind.PERSON, "王小明", make_ric(), "13800138000", "示范区人民路 1 号")


@pytest.fixture
def reviewer(hall_db):  # type: ignore[no-untyped-def]
    from app.services.auth import trusted_actor

    return trusted_actor(hall_db, "shen")


@pytest.fixture
def clerk(hall_db):  # type: ignore[no-untyped-def]
    from app.services.auth import trusted_actor

    return trusted_actor(hall_db, "wang")
