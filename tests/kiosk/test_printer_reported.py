"""The kiosk tells the hall when its printer changes state, so the supervisor's console can alarm."""

from __future__ import annotations

from app.services.device_status import DeviceStatusService
from kiosk.printer import StatusDummy
from kiosk.queue_backend import QueueKioskBackend
from kiosk.window import KioskWindow


def _recorded(backend: QueueKioskBackend) -> dict[str, tuple[str, object]]:
    service = DeviceStatusService(backend.queue.db, clock=backend.queue.clock)
    return {p.device_id: (p.state, p.since) for p in service.printers()}


def test_printer_state_changes_reach_the_hall(kiosk: KioskWindow, printer: StatusDummy, backend, wall) -> None:  # noqa: ANN001
    assert _recorded(backend) == {"kiosk-test": ("ok", backend.queue.clock())}  # the first poll at start-up
    printer.set_paper_out()
    kiosk.printer.refresh()
    state, since = _recorded(backend)["kiosk-test"]
    assert state == "paper_out"
    wall.now = wall.now.replace(minute=5)
    kiosk.printer.refresh()  # the same state: nothing new is sent, the episode keeps its start
    assert _recorded(backend)["kiosk-test"] == ("paper_out", since)
    printer.set_ok()
    kiosk.printer.refresh()
    assert _recorded(backend)["kiosk-test"][0] == "ok"


def test_a_printer_dead_from_start_up_is_reported(make_kiosk, backend) -> None:  # noqa: ANN001
    """No printer answers at boot: the state never *changes* from unknown, yet the hall must hear of it."""
    make_kiosk(printer=None)
    assert _recorded(backend)["kiosk-test"][0] == "unknown"
