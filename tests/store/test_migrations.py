"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.store.database import Database
from app.store.migrate import alembic_config
from app.store.models import Base


def test_migrations_match_models_and_downgrade(db_url):
    db = Database(db_url)
    db.upgrade()
    with db.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Our UTCDateTime is stored as a plain DateTime: not a schema difference.
    real = [d for d in diff if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert real == []
    cfg = alembic_config(db.write_engine)
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(db.write_engine).get_table_names()) <= {"alembic_version"}
    db.upgrade()  # and up again
    assert "ticket" in inspect(db.write_engine).get_table_names()
    db.dispose()


def test_sqlite_pragmas_give_durability(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'h.db'}")
    with db.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
