"""Runs service calls off the GUI thread; results come back on the GUI thread.

One worker thread for the hall database: calls run in submission order and never block painting.
Tests use `synchronous=True`, which runs the call at once and invokes the callbacks directly.
A call may name an `owner` widget: when that widget was deleted meanwhile (the kiosk wiped the citizen's
session, a dialog was closed), its callbacks are not called, since they would touch a dead C++ object.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.domain.errors import UserError
from app.services.errors import as_user_error

log = logging.getLogger("onewindow.ui.runner")

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class _Signals(QObject):
    finished = Signal(int, object, object)  # token, result, error


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.token, self.fn, self.signals = token, fn, signals

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # handed back to the GUI thread, which decides how to show it
            result, error = None, as_user_error(exc) or exc  # a database that went away: a message, not a bug
        self.signals.finished.emit(self.token, result, error)


class ServiceRunner(QObject):
    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._deliver)
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Done | None, Failed | None, QObject | None]] = {}
        self.default_error_handler: Failed = _log_error

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `fn` on the worker thread; `on_done(result)` or `on_error(exc)` on the GUI thread, unless
        `owner` was deleted by then."""
        if self.synchronous:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, as_user_error(exc) or exc
            self._finish(result, error, on_done, on_error, owner)
            return
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error, owner)
        self._pool.start(_Job(token, fn, self._signals))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: Any, error: Exception | None) -> None:
        on_done, on_error, owner = self._pending.pop(token, (None, None, None))
        self._finish(result, error, on_done, on_error, owner)

    def _finish(
        self, result: Any, error: Exception | None, on_done: Done | None, on_error: Failed | None, owner: QObject | None
    ) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            if error is not None:
                _log_error(error)  # nobody left to show it to, but a bug must still reach the log
            return
        if error is not None:
            (on_error or self.default_error_handler)(error)
        elif on_done is not None:
            on_done(result)


def _log_error(exc: Exception) -> None:
    if isinstance(exc, UserError):
        log.warning("user error: %s", exc.message_en)
    else:
        log.error("service call failed", exc_info=exc)
