"""The sync agent in the background of the staff, kiosk and display apps: one thread, one agent per PC.

Several apps on one PC share the hall database; a lock file lets only the first of them run the agent
(the others still show its status, read from the database). The thread never touches the GUI.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import IO

from app import settings
from app.store.database import Database
from app.sync.agent import SyncAgent
from app.sync.state import load_settings

log = logging.getLogger("onewindow.sync")


def _try_lock(path: Path) -> IO[str] | None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; one agent per app is still safe, only wasteful
        return open(path, "a", encoding="utf-8")  # noqa: SIM115 - held for the agent's life
    handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - held for the agent's life
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


class BackgroundSync:
    def __init__(self, db: Database, interval_s: float = 30.0) -> None:
        self.db, self.interval_s = db, interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock: IO[str] | None = None

    def start(self) -> bool:
        """Start when the hall is enrolled and no other app on this PC syncs it; True when started."""
        try:
            cfg = load_settings(self.db)
        except Exception:  # noqa: BLE001 - no hall yet, or no sync tables: nothing to sync
            return False
        if not cfg.enrolled:
            return False
        lock_dir = settings.paths().data_dir
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _try_lock(lock_dir / f"sync-{cfg.hall_code}.lock")
        if self._lock is None:
            log.info("another app on this PC is syncing hall %s", cfg.hall_code)
            return False
        agent = SyncAgent(self.db)
        self._thread = threading.Thread(
            target=agent.run_forever, args=(self._stop, self.interval_s), name="onewindow-sync", daemon=True
        )
        self._thread.start()
        log.info("background sync started for hall %s", cfg.hall_code)
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._lock is not None:
            self._lock.close()
            self._lock = None
