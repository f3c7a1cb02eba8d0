"""The public queue status page behind a ticket's QR code (`/q/<hall>/<ticket>`): people ahead, estimated
wait, called or not, as of the hall's last sync. Read from the records the hall has synced."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.calendar import DEFAULT_TZ
from app.store.limits import misfit
from server.models import Record, RegisteredHall


def _field(name: str) -> Any:
    return Record.payload[name].as_string()


def ticket_status(session: Session, hall_code: str, ticket_id: str) -> dict[str, Any] | None:
    if misfit(RegisteredHall.code, hall_code) or misfit(Record.entity_id, ticket_id):
        return None  # a hand-typed address no hall or ticket can have (a NUL would fail the lookup on PostgreSQL)
    hall = session.get(RegisteredHall, hall_code.upper())
    if hall is None or hall.hall_id is None:
        return None
    rec = session.get(Record, (hall.hall_id, "ticket", ticket_id))
    if rec is None or rec.deleted:
        return None
    t = rec.payload
    number = f"{t.get('prefix', '')}{int(t.get('number', 0)):03d}"
    category = session.get(Record, (hall.hall_id, "category", str(t.get("category_id"))))
    cat = category.payload if category is not None else {}
    ahead = 0
    if t.get("status") == "waiting":
        ahead = int(
            session.scalar(
                select(func.count())
                .select_from(Record)
                .where(
                    Record.hall_id == hall.hall_id,
                    Record.entity == "ticket",
                    _field("service_day") == str(t.get("service_day")),
                    _field("category_id") == str(t.get("category_id")),
                    _field("status") == "waiting",
                    _field("sort_at") < str(t.get("sort_at")),
                )
            )
            or 0
        )
    window_number = None
    if t.get("window_id"):
        window = session.get(Record, (hall.hall_id, "window", str(t["window_id"])))
        window_number = window.payload.get("number") if window is not None else None
    serving = _open_windows_serving(session, hall.hall_id, str(t.get("category_id")))
    minutes = int(cat.get("default_service_minutes") or 0)
    wait = None if t.get("status") != "waiting" or not serving or not minutes else math.ceil(ahead * minutes / serving)
    as_of = session.scalar(select(func.max(Record.updated_at)).where(Record.hall_id == hall.hall_id))
    hall_row = session.get(Record, (hall.hall_id, "hall", hall.hall_id))
    return {
        "hall_code": hall.code,
        "hall_name": (hall_row.payload.get("name_zh") if hall_row is not None else "") or hall.name,
        "number": number,
        "category_zh": cat.get("name_zh", ""),
        "category_en": cat.get("name_en", ""),
        "status": t.get("status"),
        "people_ahead": ahead,
        "estimated_wait_minutes": wait,
        "window_number": window_number,
        "as_of": as_of.isoformat() if isinstance(as_of, datetime) else None,
        "timezone": _known_zone(hall_row.payload.get("timezone") if hall_row is not None else None),
    }


def _open_windows_serving(session: Session, hall_id: str, category_id: str) -> int:
    window_ids = set(
        session.scalars(
            select(_field("window_id")).where(
                Record.hall_id == hall_id,
                Record.entity == "window_category",
                Record.deleted.is_(False),
                _field("category_id") == category_id,
            )
        )
    )
    count = 0
    for wid in window_ids:
        w = session.get(Record, (hall_id, "window", str(wid)))
        if w is not None and w.payload.get("status") == "open":
            count += 1
    return count


def _known_zone(name: Any) -> str:
    """The hall's time zone as pushed, or China's when it is missing or one this machine does not know (the
    public page must not fail over a hall's typo)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return DEFAULT_TZ
    return str(name)
