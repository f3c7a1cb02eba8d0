"""Centrally published catalogue and calendar versions (同源发布), taken in as the hall pulls them.

Both are idempotent (a catalogue version is keyed by its content hash, the calendar by its number), so they
are taken in before the page that carries them commits: a crash in between repeats them harmlessly.
"""

from __future__ import annotations

import logging
from typing import Any

from app.services.catalogue import CatalogueService
from app.services.hall import load_hall
from app.store.database import Database

log = logging.getLogger("onewindow.sync")


def take_in(db: Database, rows: list[dict[str, Any]]) -> int:
    taken = 0
    for row in sorted(rows, key=lambda r: int(r["payload"].get("number", 0))):
        payload = row["payload"]
        if row["entity"] == "catalogue_release":
            view = CatalogueService(db).import_catalogue(payload["content"])
            log.info("central catalogue #%s taken in as local version %s", payload.get("number"), view.number)
            taken += 1
        elif row["entity"] == "calendar_release":
            taken += _calendar(db, payload)
    return taken


def _calendar(db: Database, payload: dict[str, Any]) -> int:
    with db.write() as s:
        hall = load_hall(s)
        # the raw JSON, not HallSettings: a hand-edited wrong key elsewhere must not stop the hall taking releases in
        current = (hall.settings or {}).get("central_calendar") or {}
        if int(current.get("number", 0)) >= int(payload.get("number", 0)):
            return 0
        spec = {"number": payload["number"], "sha256": payload.get("content_sha256"), "spec": payload["content"]}
        hall.settings = {**(hall.settings or {}), "central_calendar": spec}
        return 1
