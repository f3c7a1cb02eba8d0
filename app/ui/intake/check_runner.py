"""Runs material checks in a process pool and reports back on the GUI thread.

Checks decode and analyse images for tens to hundreds of milliseconds per page; in a separate
process they neither stall painting nor contend for the GIL with the GUI. A worker that dies on a
hostile file (a decoder crash) breaks the pool: the job is reported as a blocking finding, the pool
is rebuilt, and the other files carry on. Tests use `synchronous=True` (no processes).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.services.intake_checks import CheckOutcome, failed_outcome, run_check_job
from app.services.intake_views import CheckJob

log = logging.getLogger("onewindow.ui.checks")


def default_workers() -> int:
    # Leave a core for the GUI and the database worker on the usual 2-4 core counter PC.
    return max(1, (os.cpu_count() or 2) - 1)


class CheckRunner(QObject):
    checked = Signal(object)  # CheckOutcome, on the GUI thread
    progress = Signal(int, int)  # done, total in the current batch
    _delivered = Signal(object, object)  # (job or call token, result or exception): crosses threads

    def __init__(self, synchronous: bool = False, workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.workers = workers or default_workers()
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: dict[str, CheckJob] = {}
        self._calls: dict[int, Callable[[Any], None]] = {}
        self._next_call = 0
        self._done = 0
        self._total = 0
        self._delivered.connect(self._on_delivered)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def submit(self, job: CheckJob) -> None:
        if not self._jobs:
            self._done, self._total = 0, 0
        self._total += 1
        self._jobs[job.file_id] = job
        self.progress.emit(self._done, self._total)
        if self.synchronous:
            try:
                result: object = run_check_job(job)
            except Exception as exc:  # the same path as a crashed worker
                result = exc
            self._on_delivered(job, result)
            return
        self._start(job)

    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        """Run another pure function (e.g. rendering a page for the viewer) in the pool."""
        if self.synchronous:
            on_done(fn(*args))
            return
        self._next_call += 1
        token = self._next_call
        self._calls[token] = on_done
        future = self._executor().submit(fn, *args)
        future.add_done_callback(lambda f: self._emit(token, f.exception() or f.result()))

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: forking a process that runs Qt threads can deadlock the child
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def _start(self, job: CheckJob) -> None:
        try:
            future = self._executor().submit(run_check_job, job)
        except BrokenProcessPool:
            self._reset_pool()
            future = self._executor().submit(run_check_job, job)
        future.add_done_callback(partial(self._finished, job))

    def _finished(self, job: CheckJob, future: Future[CheckOutcome]) -> None:
        self._emit(job, _result(future))

    def _emit(self, key: object, result: object) -> None:
        """Called on the pool's thread; the queued signal brings the result to the GUI thread."""
        try:
            self._delivered.emit(key, result)
        except RuntimeError:  # the window (and this runner) closed while the check ran: nothing to show
            pass

    def _reset_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    @Slot(object, object)
    def _on_delivered(self, key: object, result: object) -> None:
        if isinstance(key, int):
            callback = self._calls.pop(key, None)
            if callback is not None and not isinstance(result, BaseException):
                callback(result)
            return
        assert isinstance(key, CheckJob)
        if isinstance(result, BaseException):
            log.error("check worker failed (%s)", type(result).__name__)
            if isinstance(result, BrokenProcessPool):
                self._reset_pool()
            result = failed_outcome(key, result)
        assert isinstance(result, CheckOutcome)
        self._jobs.pop(key.file_id, None)
        self._done += 1
        self.progress.emit(self._done, self._total)
        self.checked.emit(result)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _result(future: Future[CheckOutcome]) -> object:
    exc = future.exception()
    return exc if exc is not None else future.result()
