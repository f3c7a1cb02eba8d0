"""Counting wrong PINs in a `login_attempt` table: one implementation for the hall's staff logins
(app.store.models_audit.LoginAttempt, per hall) and the central server's reviewer logins (server.models.LoginAttempt).
The rule itself (how many, for how long) is app.domain.lockout."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, or_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.lockout import Attempts, locked_out

KEEP_UNLOCKED = timedelta(days=1)  # rows of logins typed once (often mistyped PINs or ID numbers) do not stay


def unknown_login_key(login: str, secret: str) -> str:
    """How the attempts of a login that does not exist are stored: people type PINs and ID numbers into the login
    field, and those must not sit in the table as typed. Keyed with a secret of the hall (or server), so the
    stored value cannot be reversed by trying every 4-12 digit PIN."""
    return "?" + hmac.new(secret.encode(), login.encode(), hashlib.sha256).hexdigest()[:40]


def attempts_of(row: Any) -> Attempts:
    """The wrong PINs in a row and any lock-out of a stored row (None: none)."""
    if row is None:
        return Attempts()
    return Attempts(row.failures, row.locked_until.timestamp() if row.locked_until else None)


def count_attempt(
    s: Session, model: Any, key: Any, fields: Mapping[str, Any], now: datetime, scope: list[ColumnElement[bool]]
) -> Attempts:
    """Count one attempt as a wrong PIN, before its PIN is checked (the caller clears the row on success), so
    attempts sent in parallel each take a turn and the rest meet the lock; locked_out if the login is locked.

    `key` is the row's primary key, `fields` what a new row is made of, `scope` limits the pruning of old rows
    (e.g. to one hall), which runs only when a new login is typed."""
    row = s.get(model, key, with_for_update=True)
    before = attempts_of(row)
    if before.locked_for(now.timestamp()) > 0:
        raise locked_out(before.locked_for(now.timestamp()))
    after = before.failed(now.timestamp())
    if row is None:
        s.execute(
            delete(model).where(
                *scope,
                model.last_failure_at < now - KEEP_UNLOCKED,
                or_(model.locked_until.is_(None), model.locked_until < now),
            )
        )
        row = model(**fields)
        s.add(row)
    row.failures, row.last_failure_at = after.failures, now
    row.locked_until = datetime.fromtimestamp(after.locked_until, UTC) if after.locked_until else None
    return after


def in_own_transaction(
    write: Callable[[], AbstractContextManager[Session]], count: Callable[[Session], Attempts]
) -> Attempts:
    """`count` (a count_attempt call) in its own write transaction, so a refused login does not undo it; tried
    again once when PostgreSQL reports that another request inserted this login's first attempt at the same moment."""
    for retry in range(2):
        try:
            with write() as s:
                return count(s)
        except IntegrityError:
            if retry:
                raise
    raise AssertionError("unreachable")
