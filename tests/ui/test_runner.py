"""The one service runner: results on the GUI thread, in order, never to a widget deleted meanwhile."""

from __future__ import annotations

import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from app.domain.errors import NotFoundError, UserError
from app.ui.runner import ServiceRunner


def test_results_come_back_on_the_gui_thread_in_order(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    runner = ServiceRunner()
    got: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    for n in range(5):
        runner.submit(lambda n=n: n, lambda r: got.append((r, threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: len(got) == 5, timeout=5000)
    assert got == [(n, True) for n in range(5)]
    runner.wait_idle()


@pytest.mark.parametrize("synchronous", [True, False])
def test_a_deleted_owner_gets_no_callback(qtbot, qapp, synchronous: bool) -> None:  # type: ignore[no-untyped-def]
    runner = ServiceRunner(synchronous=synchronous)
    owner, survivor = QLabel(), QObject()
    gate = threading.Event()
    delivered: list[str] = []

    def slow() -> str:
        if synchronous:
            shiboken6.delete(owner)  # the session is wiped while the call runs
        else:
            gate.wait(5)
        return "result"

    runner.submit(slow, lambda r: delivered.append("dead:" + owner.text()), delivered.append, owner=owner)
    if not synchronous:
        shiboken6.delete(owner)  # the session is wiped before the result arrives
        gate.set()
    runner.submit(lambda: "kept", delivered.append, delivered.append, owner=survivor)
    qtbot.waitUntil(lambda: delivered == ["kept"], timeout=5000)
    runner.wait_idle()
    qapp.processEvents()
    assert delivered == ["kept"]  # the deleted label's callback never ran (owner.text() would raise)


def test_an_error_for_a_deleted_owner_is_still_logged(qapp, caplog) -> None:  # type: ignore[no-untyped-def]
    runner = ServiceRunner(synchronous=True)
    owner = QObject()

    def bug() -> None:
        shiboken6.delete(owner)
        raise ZeroDivisionError("a bug")

    shown: list[Exception] = []
    with caplog.at_level(logging.ERROR, logger="onewindow.ui.runner"):
        runner.submit(bug, None, shown.append, owner=owner)
    assert shown == []
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_known_errors_reach_on_error_as_user_errors(qapp) -> None:  # type: ignore[no-untyped-def]
    runner = ServiceRunner(synchronous=True)
    errors: list[Exception] = []

    def missing() -> None:
        raise NotFoundError("没有", "Not there")

    runner.submit(missing, None, errors.append)
    assert len(errors) == 1 and isinstance(errors[0], UserError) and errors[0].message_en == "Not there"
