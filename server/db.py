"""The central server's database: engine and sessions (SQLite file by default, PostgreSQL by URL), migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.store.database import check_sqlite_integrity, make_engines, normalise_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser reads "%" as interpolation (see app.store.migrate.alembic_config).
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


class ServerDatabase:
    def __init__(self, url: str, *, create: bool = True) -> None:
        from app.store.errors import missing_database, sqlite_path

        self.url = normalise_url(url)
        path = sqlite_path(self.url)
        if not create and path is not None and not path.exists():
            raise missing_database(self.url, "服务器数据库", "server database")
        self.write_engine, self.read_engine = make_engines(self.url)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def upgrade(self) -> None:
        check_sqlite_integrity(self.read_engine, self.url)  # a damaged file is refused before Alembic writes to it
        cfg = alembic_config(self.write_engine)
        with self.write_engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
