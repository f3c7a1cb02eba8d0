"""Hall device health the supervisor is alarmed about: today the kiosk's ticket printer.

The kiosk reports its printer's state (app.devices.printer_status: ok, paper_near_end, paper_out, offline,
unknown) when it changes; `report_printer` keeps the last state per device with the moment it began, and the
alarm rules (app.services.alarms) read how long a bad state has lasted. A report of the state already on record
writes nothing, so a kiosk that restarts (and reports its first state again) does not reset the clock.

A system operation like the display's `report_display`: no staff member acts, nothing is audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.domain.errors import RuleViolation
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.store.database import Database
from app.store.models_audit import DeviceStatus

log = logging.getLogger("onewindow.devices.status")

PRINTER = "printer"
PRINTER_STATES = ("ok", "paper_near_end", "paper_out", "offline", "unknown")


@dataclass(frozen=True)
class PrinterReport:
    device_id: str
    state: str
    since: datetime
    reported_at: datetime


class DeviceStatusService:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def report_printer(self, device_id: str, state: str) -> PrinterReport:
        """The kiosk `device_id` says its ticket printer is now in `state`."""
        if state not in PRINTER_STATES:
            raise RuleViolation(f"未知的打印机状态“{state}”", f"Unknown printer state '{state}'")
        device = (device_id or "").strip()[:64]
        if not device:
            raise RuleViolation("缺少设备编号", "A device id is needed")
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            now = self.clock()
            row = s.get(DeviceStatus, (hall.id, device, PRINTER), with_for_update=True)
            if row is None:
                row = DeviceStatus(hall_id=hall.id, device_id=device, part=PRINTER, state=state, since=now,
                                   reported_at=now)  # fmt: skip
                s.add(row)
            elif row.state != state:
                row.state, row.since, row.reported_at = state, now, now
            else:
                return _view(row)  # the same state again: its episode goes on, nothing to write
            s.flush()
            log.info("printer of %s: %s", device, state)
            return _view(row)

    def printers(self) -> list[PrinterReport]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            rows = s.scalars(
                select(DeviceStatus)
                .where(DeviceStatus.hall_id == hall.id, DeviceStatus.part == PRINTER)
                .order_by(DeviceStatus.device_id)
            ).all()
            return [_view(r) for r in rows]


def _view(row: DeviceStatus) -> PrinterReport:
    return PrinterReport(row.device_id, row.state, row.since, row.reported_at)
