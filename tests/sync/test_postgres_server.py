"""The central server on PostgreSQL (production): sync, feed order, back office and the public page."""

from __future__ import annotations

import pytest
import requests

from app.services.cases import CaseService
from app.services.hall import load_hall
from app.services.queue import QueueService
from app.sync.agent import SyncAgent
from app.sync.status import enrol, verify
from server.process import CentralServer
from tests.sync.cases import PERSON_ID, accepted_case
from tests.sync.conftest import new_hall

pytestmark = pytest.mark.postgres


def test_server_on_postgresql(pg_cluster, tmp_path):  # type: ignore[no-untyped-def]
    root = tmp_path / "central"
    root.mkdir()
    central = CentralServer(root, db_url=pg_cluster.new_database()).start()
    try:
        halls = []
        for code in ("H051", "H052"):
            db = new_hall(tmp_path / f"{code}.db", code)
            enrol(db, central.url, central.enrol_code(code))
            with db.write() as s:
                hall = load_hall(s)
                hall.settings = {**hall.settings, "public_base_url": central.url}
            halls.append(db)
        q = QueueService(halls[0])
        tickets = [q.issue_ticket("C") for _ in range(3)]
        receipt = accepted_case(halls[0], tmp_path)
        for db in halls:
            assert SyncAgent(db, push_batch=4, pull_limit=5).run_once().caught_up
            assert verify(db)["equal"]
        page = requests.get(tickets[2].qr_payload, timeout=10)
        assert "前面还有 2 人" in page.text
        central.cli("reviewer", "add", "--login", "shen", "--name", "沈", "--pin", "2468")
        token = requests.post(central.url + "/v1/backoffice/login", json={"login": "shen", "pin": "2468"}, timeout=10)
        headers = {"Authorization": f"Bearer {token.json()['token']}"}
        case = requests.get(central.url + "/v1/backoffice/cases", headers=headers, timeout=10).json()["cases"][0]
        url = f"{central.url}/v1/backoffice/cases/{case['case_id']}/move"
        for step in ("in_review", "approved", "ready_for_pickup"):
            requests.post(url, json={"to": step}, headers=headers, timeout=10).raise_for_status()
        assert SyncAgent(halls[0]).run_once().caught_up
        assert CaseService(halls[0]).progress(receipt.receipt_number, PERSON_ID[-4:]).status == "ready_for_pickup"
        assert verify(halls[0])["equal"]
        for db in halls:
            db.dispose()
    finally:
        central.stop()
