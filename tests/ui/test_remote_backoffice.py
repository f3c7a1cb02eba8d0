"""`onewindow backoffice --server URL`: the same back-office window, on the central server's cases."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.sync.agent import SyncAgent
from app.sync.remote_cases import RemoteCaseService
from app.ui.backoffice.backoffice_window import BackofficeWindow
from app.ui.runner import ServiceRunner
from tests.sync.cases import PERSON_ID, accepted_case
from tests.sync.conftest import central, make_hall  # noqa: F401 - fixtures: a real server, enrolled halls


def test_reviewer_on_the_central_server_moves_a_case_in_the_window(qtbot, make_hall, central, tmp_path, artifacts):  # type: ignore[no-untyped-def]  # noqa: F811
    db = make_hall("H023")
    receipt = accepted_case(db, tmp_path)
    SyncAgent(db).run_once()
    central.cli("reviewer", "add", "--login", "shen", "--name", "沈审批", "--pin", "2468")
    remote = RemoteCaseService(central.url)
    reviewer = remote.login("shen", "2468")
    runner = ServiceRunner()
    w = BackofficeWindow(remote, runner, role=reviewer.role, staff=reviewer, poll_ms=60_000)
    errors: list[Exception] = []
    w.error_handler = errors.append
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=20_000)
    w.table.selectRow(0)
    qtbot.waitUntil(lambda: w.buttons["in_review"].isEnabled(), timeout=20_000)
    for step in ("in_review", "approved", "ready_for_pickup"):
        qtbot.waitUntil(lambda step=step: w.buttons[step].isEnabled(), timeout=20_000)
        qtbot.mouseClick(w.buttons[step], Qt.MouseButton.LeftButton)
        w._dialog.accept()  # every decision is confirmed first
        qtbot.waitUntil(lambda step=step: remote.row(w.model.row_at(0).id).status == step, timeout=20_000)
    w.grab().save(str(artifacts / "backoffice_central.png"))
    assert errors == []
    runner.wait_idle()
    SyncAgent(db).run_once()
    from app.services.cases import CaseService

    assert CaseService(db).progress(receipt.receipt_number, PERSON_ID[-4:]).status == "ready_for_pickup"
