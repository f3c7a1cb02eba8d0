"""The central server's database: engine and sessions (SQLite file by default, PostgreSQL by URL), migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.store.database import check_sqlite_integrity, make_engines, normalise_url, sqlite_preflight

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
        cfg = alembic_config(self.write_engine)
        self._refuse_unusable(cfg)
        with self.write_engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def _refuse_unusable(self, cfg: Config) -> None:
        """A damaged file, another program's database or one of a schema we do not know (a hall database, a newer
        server) is refused before Alembic writes to it, reading SQLite through a read-only connection (see
        app.store.database.read_only_engine)."""
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        from app.store.errors import foreign_database, unknown_schema
        from app.store.migrate import NotAHall, current_revisions, refuse_non_hall

        with sqlite_preflight(self.url) as read_only:
            if read_only is not None:
                check_sqlite_integrity(read_only, self.url)
            reader = read_only or self.read_engine
            try:
                refuse_non_hall(reader, create=True)
            except NotAHall as exc:
                raise foreign_database(self.url, exc.tables) from None
            script = ScriptDirectory.from_config(cfg)
            for rev in current_revisions(reader):
                try:
                    script.get_revision(rev)
                except CommandError as exc:
                    raise unknown_schema(self.url, str(exc).splitlines()[0][:120]) from None

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
