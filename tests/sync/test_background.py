"""The agent in the background of the apps: retries on its own timer, one per PC, status on the kiosk."""

from __future__ import annotations

import threading

from app.services.queue import QueueService
from app.sync.agent import SyncAgent
from app.sync.background import BackgroundSync
from app.sync.status import sync_status
from kiosk.queue_backend import QueueKioskBackend


def test_kiosk_banner_status_comes_from_the_real_agent(make_hall):  # type: ignore[no-untyped-def]
    lone = make_hall("H030", enrolled=False)
    assert QueueKioskBackend.over(lone).sync_status().local_only
    db = make_hall("H023")
    QueueService(db).issue_ticket("B")
    before = QueueKioskBackend.over(db).sync_status()
    assert not before.local_only and before.pending_uploads > 0 and before.last_sync_at is None
    SyncAgent(db).run_once()
    after = QueueKioskBackend.over(db).sync_status()
    assert after.online and after.pending_uploads == 0 and after.last_sync_at is not None


def test_background_agent_syncs_without_a_local_write_and_only_once_per_pc(make_hall):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    QueueService(db).issue_ticket("B")
    first, second = BackgroundSync(db, interval_s=0.2), BackgroundSync(db, interval_s=0.2)
    try:
        assert first.start() is True
        assert second.start() is False  # the lock: another app on this PC already syncs the hall
        done = threading.Event()
        for _ in range(300):  # bounded: the agent's own timer does the work, nobody writes locally
            if sync_status(db)["pending"] == 0 and sync_status(db)["last_success"]:
                done.set()
                break
            done.wait(0.1)
        assert done.is_set()
    finally:
        first.stop()
        second.stop()


def test_run_forever_survives_failures_and_backs_off(make_hall, central):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    central.stop()
    stop = threading.Event()
    delays: list[float] = []
    real_wait = stop.wait

    def recording_wait(timeout: float | None = None) -> bool:
        delays.append(float(timeout or 0))
        if len(delays) >= 4:
            stop.set()
        return real_wait(0)

    stop.wait = recording_wait  # type: ignore[method-assign]
    SyncAgent(db).run_forever(stop, interval_s=30, retry_s=5, max_backoff_s=600)
    assert len(delays) == 4  # four failures, the agent still alive
    assert delays[0] <= 10 and delays[-1] > delays[0]  # exponential, with jitter inside [d/2, d]
    assert sync_status(db)["last_error"]
