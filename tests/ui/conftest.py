"""UI fixtures: the app with the bundled font, a synchronous service runner, a sample hall."""

import pytest

from app.services.board import QueueBoard
from app.services.queue import QueueService
from app.ui.runner import ServiceRunner


@pytest.fixture(scope="session")
def qapp(qapp_args):  # type: ignore[no-untyped-def]
    from app.ui.app_setup import make_app

    return make_app(qapp_args)


@pytest.fixture
def runner(qapp) -> ServiceRunner:  # type: ignore[no-untyped-def]
    return ServiceRunner(synchronous=True)


@pytest.fixture
def queue(sqlite_hall, clock) -> QueueService:  # type: ignore[no-untyped-def]
    return QueueService(sqlite_hall, clock=clock)


@pytest.fixture
def board(sqlite_hall, clock) -> QueueBoard:  # type: ignore[no-untyped-def]
    return QueueBoard(sqlite_hall, clock=clock)
