"""Cyclic garbage holding Qt objects is collected on the GUI thread, never by a service worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget

from app.ui.gc_guard import collect_if_due
from app.ui.runner import ServiceRunner


def test_a_worker_never_collects_a_widget_cycle(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()  # make_app (the qapp fixture) handed collection to the GUI thread
    destroyed_in: list[str] = []
    widget = QWidget()
    widget.destroyed.connect(lambda: destroyed_in.append(threading.current_thread().name))
    holder: dict[str, object] = {"widget": widget}
    holder["self"] = holder  # a cycle: only the cyclic collector can free it
    del widget, holder

    def allocate() -> int:
        junk = [[] for _ in range(50_000)]  # far past gen-0's threshold: the automatic collector would run here
        return len(junk)

    runner = ServiceRunner()
    done: list[int] = []
    runner.submit(allocate, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert destroyed_in == []  # the worker did not collect it
    collect_if_due()
    gc.collect()
    assert destroyed_in == ["MainThread"]
