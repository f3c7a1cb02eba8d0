"""Start-up never queues behind the hall's writers: the revision is read first, the lock taken only to upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from app.store.database import Database
from app.store.migrate import alembic_config, current_revisions, head_revisions


def test_upgrade_of_an_up_to_date_hall_does_not_wait_for_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "hall.db"
    first = Database(f"sqlite:///{path}")
    assert first.upgrade() is True
    first.dispose()

    clerk = sqlite3.connect(path, isolation_level=None, timeout=0)
    clerk.execute("BEGIN IMMEDIATE")  # a clerk's transaction holds the write lock ...
    clerk.execute("UPDATE hall SET settings = settings")
    try:
        kiosk = Database(f"sqlite:///{path}")
        # ... and a restarting kiosk upgrades anyway: with the lock taken it would wait 30 s and then fail.
        assert kiosk.upgrade() is False
        with kiosk.read() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
        assert clerk.in_transaction  # the upgrade finished while the lock was still held
        kiosk.dispose()
    finally:
        clerk.execute("COMMIT")
        clerk.close()


def test_an_old_schema_is_still_upgraded(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'hall.db'}")
    db.upgrade()
    cfg = alembic_config(db.write_engine)
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert current_revisions(db.read_engine) == {"0003"} != head_revisions()
    assert "sync_state" not in inspect(db.write_engine).get_table_names()
    assert db.upgrade() is True
    assert current_revisions(db.read_engine) == head_revisions()
    assert "sync_state" in inspect(db.write_engine).get_table_names()  # made by 0004
    db.dispose()
