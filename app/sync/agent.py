"""The hall sync agent: push the outbox, upload files, pull the feed — on its own timer, with back-off.

Retries never wait for the next local write (a town centre may write nothing all night while the link
comes back): `run_forever` wakes on a timer, backs off exponentially with jitter after a failure, and treats
any exception as a failure to retry, never as the end of the agent.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, field

import requests

from app.services.blobs import BlobStore, hall_blob_store
from app.store.database import Database
from app.sync import blob_upload, faultpoints, incoming, outgoing, releases, state
from app.sync.client import SyncClient
from app.sync.errors import FeedReset, NotEnrolled, SyncError

log = logging.getLogger("onewindow.sync")


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    retry_later: int = 0
    blobs_uploaded: int = 0
    blobs_failed: int = 0
    pulled: int = 0
    clock_flags: int = 0
    snapshots: int = 0
    releases: int = 0
    resets: list[str] = field(default_factory=list)
    caught_up: bool = False


class SyncAgent:
    def __init__(
        self,
        db: Database,
        http: requests.Session | None = None,
        blobs: BlobStore | None = None,
        push_batch: int = 1000,
        pull_limit: int = 2000,
    ) -> None:
        self.db = db
        self.http = http
        self.blobs = blobs or hall_blob_store()
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self._client: SyncClient | None = None

    def _client_for(self, cfg: state.SyncSettings) -> SyncClient:
        if self._client is None or self._client.base_url != cfg.server_url.rstrip("/"):
            self._client = SyncClient(cfg.server_url, cfg.device_id, cfg.device_secret, session=self.http)
        return self._client

    # ---- one round -------------------------------------------------------------------------------------------

    def run_once(self, max_rounds: int = 50) -> SyncReport:
        """Push, upload and pull until caught up (or `max_rounds` passes). Raises SyncError on failure."""
        cfg = state.load_settings(self.db)
        if not cfg.enrolled:
            raise NotEnrolled(
                "本大厅尚未注册到中心服务器：请先运行 onewindow sync enrol --server URL --code CODE",
                "This hall is not enrolled: run `onewindow sync enrol --server URL --code CODE` first",
            )
        report = SyncReport()
        try:
            for _ in range(max_rounds):
                try:
                    if self._round(report):
                        report.caught_up = True
                        break
                except FeedReset as reset:
                    log.warning("feed reset by the server (%s): re-pushing a snapshot", reset.reason)
                    report.resets.append(reset.reason)
                    state.require_reset(self.db, cfg.hall_id, reset.epoch)
            state.mark(
                self.db, cfg.hall_id, success=report.caught_up, error=None if report.caught_up else "not caught up"
            )
            outgoing.prune_pushed(self.db)
        except SyncError as exc:
            state.mark(self.db, cfg.hall_id, success=False, error=exc.bilingual())
            raise
        return report

    def _round(self, report: SyncReport) -> bool:
        cfg = state.load_settings(self.db)
        client = self._client_for(cfg)
        schema = state.schema_version(self.db)
        if cfg.snapshot_needed:
            self._push_snapshot(client, cfg, schema, report)
        retry = self._push_outbox(client, cfg, schema, report)
        uploaded, failed = blob_upload.upload_pending(self.db, client, self.blobs, cfg.hall_id)
        report.blobs_uploaded += uploaded
        report.blobs_failed += failed
        more = self._pull(client, cfg, report)
        pending, _ = outgoing.pending_summary(self.db, cfg.hall_id)
        return not more and not retry and pending == 0 and blob_upload.count_pending(self.db, cfg.hall_id) == 0

    def _push_outbox(self, client: SyncClient, cfg: state.SyncSettings, schema: int, report: SyncReport) -> set[str]:
        retry: set[str] = set()
        while True:
            batch = outgoing.pending_batch(self.db, cfg.hall_id, self.push_batch, retry)
            if not batch:
                return retry
            answer = client.push(schema, batch)
            faultpoints.reached("after_push_response")  # the server committed; the hall has not recorded it
            self._note_epoch(cfg, str(answer.get("feed_epoch", "")))
            results = answer["results"]
            retry.update(outgoing.record_results(self.db, results))
            report.pushed += sum(r["status"] in ("applied", "duplicate") for r in results)
            report.rejected += sum(r["status"] == "rejected" for r in results)
            report.retry_later = len(retry)

    def _push_snapshot(self, client: SyncClient, cfg: state.SyncSettings, schema: int, report: SyncReport) -> None:
        batches = outgoing.snapshot(self.db, cfg.hall_id, cfg.feed_epoch, self.push_batch, cfg.snapshot_progress)
        for progress, batch in batches:
            client.push(schema, batch)
            faultpoints.reached("mid_snapshot")
            report.snapshots += len(batch)
            state.save_snapshot_progress(self.db, cfg.hall_id, progress)
        state.save_snapshot_progress(self.db, cfg.hall_id, "", done=True)

    def _note_epoch(self, cfg: state.SyncSettings, epoch: str) -> None:
        if epoch and cfg.feed_epoch and epoch != cfg.feed_epoch and not cfg.snapshot_needed:
            raise FeedReset("feed_epoch", epoch)

    def _pull(self, client: SyncClient, cfg: state.SyncSettings, report: SyncReport) -> bool:
        cursor = cfg.cursor
        for _ in range(1000):
            page = client.pull(cursor, self.pull_limit)
            central = [r for r in page["rows"] if r["entity"] in ("catalogue_release", "calendar_release")]
            if central:
                report.releases += releases.take_in(self.db, central)
            written, flagged = incoming.apply_page(
                self.db, cfg.hall_id, page["rows"], page["cursor"], page["feed_epoch"]
            )
            report.pulled += written
            report.clock_flags += flagged
            cursor = page["cursor"]
            if not page["more"]:
                return False
        return True

    # ---- in the background -----------------------------------------------------------------------------------

    def run_forever(
        self, stop: threading.Event, interval_s: float = 30.0, retry_s: float = 5.0, max_backoff_s: float = 600.0
    ) -> None:
        failures = 0
        while not stop.is_set():
            try:
                report = self.run_once()
                failures = 0 if report.caught_up else failures
                delay = interval_s
            except NotEnrolled:
                delay = interval_s * 4  # nothing to do until somebody enrols the hall
            except Exception as exc:  # noqa: BLE001 - any failure is retried; the agent must never die
                failures += 1
                delay = min(max_backoff_s, retry_s * 2 ** min(failures, 12))
                delay = random.uniform(delay / 2, delay)  # jitter: fifty halls must not all retry in step
                log.warning("sync failed (attempt %d), next try in %.0f s: %s", failures, delay, exc)
            stop.wait(delay)
