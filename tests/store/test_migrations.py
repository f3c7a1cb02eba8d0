"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.store.database import Database
from app.store.migrate import alembic_config, compare_type
from app.store.models import Base


def test_migrations_match_models_and_downgrade(db_url):
    db = Database(db_url)
    db.upgrade()
    with db.write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": compare_type})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []  # types and lengths included: only UTCDateTime-vs-DateTime is the same type
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


def test_type_drift_is_caught(db_url):
    """A column whose type or length differs from the model is reported (what the test above relies on)."""
    from sqlalchemy import DateTime, MetaData, String

    from app.store.types import UTCDateTime

    db = Database(db_url)
    db.upgrade()
    drifted = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(drifted)
    hall = drifted.tables["hall"]
    hall.c.code.type = String(hall.c.code.type.length + 10)  # type: ignore[attr-defined]
    with db.write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": compare_type})
        diff = compare_metadata(context, drifted)
        assert [d[0][:3] for d in diff if isinstance(d, list)] == [("modify_type", None, "hall")]
        assert compare_type(context, None, None, DateTime(), UTCDateTime()) is False  # the same on disk
        assert compare_type(context, None, None, DateTime(timezone=True), UTCDateTime()) is None  # alembic decides
    db.dispose()
