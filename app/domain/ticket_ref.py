"""What a ticket's QR code says, in either form: ``OW1:T:<hall>:<id>`` (a hall without a public page) or
``https://<public base>/q/<hall>/<id>`` (the public queue status page). The id is the ticket's UUIDv7,
whose 74 random bits make it unguessable from the ticket number."""

from __future__ import annotations

import re

QR_SCHEME = "OW1"
_URL = re.compile(r"^https?://[^\s]+/q/([A-Za-z0-9]{1,16})/([0-9a-fA-F-]{32,36})/?$")


def ticket_qr_payload(hall_code: str, ticket_id: str, public_base_url: str = "") -> str:
    if public_base_url:
        return f"{public_base_url.rstrip('/')}/q/{hall_code}/{ticket_id}"
    return f"{QR_SCHEME}:T:{hall_code}:{ticket_id}"


def ticket_from_scan(text: str) -> tuple[str | None, str] | None:
    """(hall code or None, ticket id) for a scanned ticket code in either form; None for anything else."""
    raw = (text or "").strip()
    if raw.upper().startswith(f"{QR_SCHEME}:T:") or raw.upper().startswith("OW:T:"):
        parts = raw.split(":")
        return (parts[2].upper() if len(parts) == 4 else None), parts[-1]
    found = _URL.match(raw)
    if found:
        return found.group(1).upper(), found.group(2).lower()
    return None
