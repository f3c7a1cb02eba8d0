"""Kiosk test fixtures: a kiosk window on fakes, driven by a settable monotonic clock (tests never sleep)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.ui.i18n import set_language
from app.ui.pyside_workaround import immortalize_singletons
from kiosk.config import KioskConfig
from kiosk.idcard import KeyboardCardReader
from kiosk.printer import StatusDummy
from kiosk.queue_backend import QueueKioskBackend
from kiosk.voice import RecordingSpeaker
from kiosk.window import KioskDeps, KioskWindow
from tests.kiosk.real_hall import make_template, open_backend

# The offscreen platform warns about every top-level window with a layout; it is not our bug.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class MonoClock:
    """Stands in for time.monotonic."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class WallClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0)  # a Monday morning, hall open

    def __call__(self) -> datetime:
        return self.now


def make_id(prefix17: str) -> str:
    """A valid resident ID number from its first 17 digits."""
    from stdnum.cn import ric

    return prefix17 + ric.calc_check_digit(prefix17 + "0")  # it reads 18 chars and ignores the last


ELDER_ID = make_id("11010519500101123")  # born 1950 in Beijing: 76 in 2026
ADULT_ID = make_id("33010619900101123")  # born 1990


def process_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture(scope="session", autouse=True)
def _pyside_refcount_workaround() -> None:
    """See app/ui/pyside_workaround.py: without it a long kiosk test run aborts the interpreter."""
    immortalize_singletons()


@pytest.fixture(scope="session", autouse=True)
def _bundled_font(qapp: QApplication) -> None:
    """Render with the same bundled font as production, whatever the machine has installed."""
    from app.ui.fonts import install_app_font

    install_app_font(qapp)


@pytest.fixture
def mono() -> MonoClock:
    return MonoClock()


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture(scope="session")
def hall_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory)


@pytest.fixture
def backend(hall_template: Path, tmp_path: Path, wall: WallClock) -> Iterator[QueueKioskBackend]:
    """The real hall services over a copy of the sample hall; they read the kiosk's wall clock."""
    real, db = open_backend(hall_template, tmp_path, wall)
    yield real
    db.dispose()


@pytest.fixture
def printer() -> StatusDummy:
    return StatusDummy()


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


@pytest.fixture
def card_reader() -> KeyboardCardReader:
    return KeyboardCardReader()


KioskFactory = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(qtbot, backend, printer, speaker, card_reader, mono, wall) -> Iterator[KioskFactory]:  # noqa: ANN001
    windows: list[KioskWindow] = []

    def factory(config: KioskConfig | None = None, locked: bool = True, size: tuple[int, int] = (1080, 1920),
                show: bool = True, **deps: object) -> KioskWindow:
        d = KioskDeps(backend=deps.pop("backend", backend), printer=deps.pop("printer", printer),
                      speaker=speaker, card_reader=card_reader, clock=mono, wall_clock=wall,
                      hall_name=("示范区政务服务中心", "Demo District Government Service Centre"), **deps)  # type: ignore[arg-type]
        w = KioskWindow(d, config or KioskConfig(), locked=locked, size=size)
        windows.append(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        return w

    yield factory
    for w in windows:
        if shiboken6.isValid(w):
            w.shutdown()
            set_language("zh_CN")
            w._allow_close = True
            w.close()
            w.deleteLater()
    process_deletes()
    QApplication.clipboard().clear()


@pytest.fixture
def kiosk(make_kiosk: KioskFactory) -> KioskWindow:
    return make_kiosk()
