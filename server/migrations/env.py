"""Alembic environment of the central server (its own tables, its own version history)."""

from alembic import context
from sqlalchemy import Connection, create_engine

from server.models import ServerBase

config = context.config
target_metadata = ServerBase.metadata


def _configure(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _configure(conn)
        return
    _configure(connection)


run()
