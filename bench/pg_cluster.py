"""A throwaway PostgreSQL cluster started from the machine's own server binaries.

pytest-postgresql cannot run as root (initdb refuses), and CI runs as root; so when we are root the
cluster runs as the `postgres` system user (Debian's postgresql package creates it).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


def server_bin_dir() -> Path | None:
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / "pg_ctl").exists() and (base / "initdb").exists():
            return base
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def unavailable_reason() -> str | None:
    if server_bin_dir() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl) on this machine: apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self) -> None:
        bindir = server_bin_dir()
        assert bindir is not None
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="onewindow-pg-"))
        self.datadir = self.root / "data"
        self.port = _free_port()
        self.as_user = "postgres" if os.geteuid() == 0 else None
        if self.as_user:
            entry = pwd.getpwnam(self.as_user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            os.chmod(self.root, 0o700)

    def _run(self, *cmd: str) -> None:
        full = [str(self.bindir / cmd[0]), *cmd[1:]]
        if self.as_user:
            full = ["runuser", "-u", self.as_user, "--", *full]
        subprocess.run(full, check=True, capture_output=True, cwd=self.root)

    def start(self, *, durable: bool = False, max_connections: int = 60) -> PgCluster:
        """`durable`: fsync on, as a hall server runs (benchmarks); tests need no durability and go faster."""
        self._run("initdb", "-D", str(self.datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        fsync = "on" if durable else "off"
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync={fsync} -c max_connections={max_connections}"
        self._run("pg_ctl", "-D", str(self.datadir), "-o", opts, "-l", str(self.root / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
