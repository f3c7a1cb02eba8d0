"""Run backend calls off the GUI thread and deliver results back on it.

One worker thread (the hall database is used from one thread at a time); tests use ``SyncWorker``.
Results for a widget that was deleted meanwhile (the session was reset) are dropped, never delivered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger("onewindow.kiosk.worker")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Worker(Protocol):
    def submit(self, fn: Callable[[], Any], on_done: Done, on_error: Failed, owner: QObject | None = None) -> None:
        ...

    def shutdown(self) -> None: ...


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


def _deliver(result: Any, error: BaseException | None, on_done: Done, on_error: Failed,
             owner: QObject | None) -> None:
    if not _alive(owner):
        return
    if error is not None:
        on_error(error)
    else:
        on_done(result)


class SyncWorker:
    """Runs the call inline: deterministic for tests and the soak benchmark."""

    def submit(self, fn: Callable[[], Any], on_done: Done, on_error: Failed, owner: QObject | None = None) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to on_error, which shows or logs it
            _deliver(None, exc, on_done, on_error, owner)
            return
        _deliver(result, None, on_done, on_error, owner)

    def shutdown(self) -> None:
        pass


class ThreadWorker(QObject):
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-db")
        self._finished.connect(self._on_finished)  # queued: emitted from the worker thread

    def submit(self, fn: Callable[[], Any], on_done: Done, on_error: Failed, owner: QObject | None = None) -> None:
        future = self._pool.submit(fn)

        def finished(f: Future[Any]) -> None:
            self._finished.emit((f, on_done, on_error, owner))

        future.add_done_callback(finished)

    def _on_finished(self, item: tuple[Future[Any], Done, Failed, QObject | None]) -> None:
        future, on_done, on_error, owner = item
        error = future.exception()
        _deliver(None if error else future.result(), error, on_done, on_error, owner)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
