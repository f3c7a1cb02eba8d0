"""Worker processes for the visit concurrency tests (module-level so 'spawn' can import them)."""

from datetime import datetime
from typing import Any

from app.domain.errors import UserError
from app.services.appointments import AppointmentService
from app.services.ratings import RatingService
from app.store.database import Database


def check_in(url: str, code: str, at: datetime, barrier: Any, out: Any) -> None:
    db = Database(url, device_id="kiosk-worker")
    service = AppointmentService(db)
    barrier.wait()
    try:
        out.put(("ticket", service.check_in(code, now=at).ticket.id))
    except UserError as exc:
        out.put(("refused", exc.code))
    finally:
        db.dispose()


def rate(url: str, ticket_id: str, at: datetime, level: int, barrier: Any, out: Any) -> None:
    db = Database(url, device_id="pad-worker")
    service = RatingService(db, clock=lambda: at)
    barrier.wait()
    try:
        reasons = ("wait",) if level <= 2 else ()
        out.put(("rated", service.submit("ticket", ticket_id, level, reasons, channel="window_pad").id))
    except UserError as exc:
        out.put(("refused", exc.code))
    finally:
        db.dispose()
