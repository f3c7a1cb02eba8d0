"""Alembic environment: uses the connection handed over by app.store.migrate, or the configured URL."""

from alembic import context
from sqlalchemy import Connection, create_engine

import app.store.models_audit  # noqa: F401 - registers the audit trail and alarm tables
import app.store.models_intake  # noqa: F401 - registers the intake tables on Base.metadata
import app.store.models_sync  # noqa: F401 - registers the local sync bookkeeping tables
import app.store.models_visits  # noqa: F401 - registers the appointment and rating tables
from app.store.migrate import compare_type
from app.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _configure(conn)
        return
    _configure(connection)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True, compare_type=compare_type
    )
    with context.begin_transaction():
        context.run_migrations()


run()
