"""`onewindow server` in a child process on 127.0.0.1 and a free port: for the demo, benchmarks and tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class CentralServer:
    def __init__(self, root: Path, db_url: str | None = None) -> None:
        self.root = root
        self.db_url = db_url or f"sqlite:///{root / 'server.db'}"
        self.blobs = root / "server-blobs"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "server", *args, "--db", self.db_url],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ.copy(),
        )

    def start(self) -> CentralServer:
        with open(self.root / "server.err", "ab") as err:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli",
                    "server",
                    "--db",
                    self.db_url,
                    "--port",
                    str(self.port),
                    "--blobs",
                    str(self.blobs),
                ],
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=os.environ.copy(),
            )
        for _ in range(300):  # a bounded wait for the port: the child imports FastAPI and runs migrations
            if self.proc.poll() is not None:
                raise RuntimeError((self.root / "server.err").read_text())
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("central server did not start")

    def stop(self, sig: int = signal.SIGTERM) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        code = self.proc.returncode
        self.proc = None
        return code

    def enrol_code(self, hall_code: str) -> str:
        """A one-time code, made in this process (what `onewindow server enrol-code` does, without its start-up)."""
        from server.auth import new_enrol_code
        from server.db import ServerDatabase

        db = ServerDatabase(self.db_url)
        try:
            with db.write() as s:
                return new_enrol_code(s, hall_code, ttl_hours=24)
        finally:
            db.dispose()
