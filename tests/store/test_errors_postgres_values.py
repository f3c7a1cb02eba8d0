"""The one line for a value PostgreSQL refused that no input check caught, and only for that: a data error from our
own SQL (a division by zero) is a bug for the crash log, not the user's "value too long"."""

from __future__ import annotations

import psycopg.errors
from sqlalchemy import exc as sa_exc

from app.store.errors import as_user_error

URL = "postgresql+psycopg://hall@127.0.0.1/hall"


def _wrapped(orig: Exception) -> sa_exc.DBAPIError:
    return sa_exc.DataError("INSERT ...", {}, orig)


def test_a_value_the_column_cannot_hold_is_one_line() -> None:
    for orig in (
        psycopg.errors.StringDataRightTruncation("value too long for type character varying(4)"),
        psycopg.errors.NumericValueOutOfRange("integer out of range"),
        psycopg.errors.CharacterNotInRepertoire("invalid byte sequence for encoding UTF8: 0x00"),
    ):
        error = as_user_error(_wrapped(orig), URL)
        assert error is not None and error.code == "bad_value", orig


def test_a_data_error_from_our_own_sql_is_a_bug() -> None:
    assert as_user_error(_wrapped(psycopg.errors.DivisionByZero("division by zero")), URL) is None
