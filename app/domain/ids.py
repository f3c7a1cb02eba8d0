"""Row identifiers: UUIDv7, generated where the row is written (never used for ordering)."""

import uuid_utils


def new_id() -> str:
    return str(uuid_utils.uuid7())
