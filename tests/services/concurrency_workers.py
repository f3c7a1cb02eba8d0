"""Worker processes for the concurrency tests (module-level so 'spawn' can import them)."""

import sys
from typing import Any

from app.domain.errors import RuleViolation
from app.services.queue import QueueService
from app.store.database import Database


def issuer(url: str, prefixes: str, count: int, barrier: Any, out: Any) -> None:
    db = Database(url, device_id=f"issuer-{prefixes}")
    q = QueueService(db)
    barrier.wait()
    issued = []
    for i in range(count):
        t = q.issue_ticket(prefixes[i % len(prefixes)], source="staff")
        issued.append((t.id, t.display_number))
    out.put(("issued", issued))
    db.dispose()


def caller(url: str, window: int, rounds: int, barrier: Any, out: Any) -> None:
    db = Database(url, device_id=f"window-{window}")
    q = QueueService(db)
    barrier.wait()
    called = []
    for _ in range(rounds):
        try:
            t = q.call_next(window)
        except RuleViolation:
            continue
        if t is not None:
            called.append(t.id)
            q.start(window)  # served: the next call-next finishes it (a called-only ticket is never finished)
    out.put(("called", called))
    db.dispose()


def issue_forever(url: str) -> None:
    """Issue until killed; report each number only after its transaction has committed."""
    q = QueueService(Database(url, device_id="victim"))
    while True:
        t = q.issue_ticket("B", source="staff")
        sys.stdout.write(t.display_number + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    issue_forever(sys.argv[1])
