"""Three halls, the server and a reviewer, driven by Hypothesis: create, edit, sync, crash, partition.
Invariants: each sync result consistent, the feed cursor only moves forward, a hall always reads its own
writes, and once everything syncs: every hall equal to the server, no row lost or doubled."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from app.services.queue import QueueService
from app.sync.agent import SyncAgent
from app.sync.errors import NetworkError
from app.sync.status import enrol, verify
from server.process import CentralServer
from tests.sync.cases import accepted_case
from tests.sync.conftest import new_hall
from tests.sync.faults import faulty_session

HALLS = ("H041", "H042", "H043")
STEPS = ("in_review", "approved", "ready_for_pickup")


@pytest.fixture(scope="module")
def shared_central(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("central-sm")
    server = CentralServer(root).start()
    server.cli("reviewer", "add", "--login", "rev", "--name", "审批", "--pin", "2468")
    yield server
    server.stop()


def test_sync_state_machine(shared_central, tmp_path_factory):  # type: ignore[no-untyped-def]
    central = shared_central
    token = requests.post(central.url + "/v1/backoffice/login", json={"login": "rev", "pin": "2468"}, timeout=10)
    headers = {"Authorization": f"Bearer {token.json()['token']}"}

    class Halls(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            root = Path(tmp_path_factory.mktemp("halls"))
            self.dbs = {}
            self.codes = {code: f"{code[:2]}{uuid.uuid4().hex[:4].upper()}" for code in HALLS}
            self.cursors: dict[str, str] = {}
            self.partitioned: set[str] = set()
            self.issued: dict[str, list[str]] = {}
            for code in HALLS:
                real = self.codes[code]
                db = new_hall(root / f"{real}.db", real, device=f"pc-{real}")
                enrol(db, central.url, central.enrol_code(real))
                accepted_case(db, root)
                self.dbs[code], self.issued[code] = db, []

        @rule(hall=st.sampled_from(HALLS), prefix=st.sampled_from("ABC"))
        def issue(self, hall: str, prefix: str) -> None:
            t = QueueService(self.dbs[hall]).issue_ticket(prefix)
            self.issued[hall].append(t.id)

        @rule(hall=st.sampled_from(HALLS))
        def serve(self, hall: str) -> None:
            q = QueueService(self.dbs[hall])
            if q.call_next(3) is not None:
                q.start(3)
                q.finish(3)

        @rule(hall=st.sampled_from(HALLS))
        def sync(self, hall: str) -> None:
            if hall in self.partitioned:
                http, _ = faulty_session(1, drop_request=1.0)
                with pytest.raises(NetworkError):
                    SyncAgent(self.dbs[hall], http=http).run_once()
                return
            report = SyncAgent(self.dbs[hall]).run_once()
            assert report.caught_up and report.rejected == 0

        @rule(hall=st.sampled_from(HALLS), seed=st.integers(0, 1000))
        def crash_mid_sync(self, hall: str, seed: int) -> None:
            http, _ = faulty_session(seed, drop_response=0.5)  # the server commits, the hall never hears
            try:
                SyncAgent(self.dbs[hall], http=http, push_batch=5).run_once()
            except NetworkError:
                pass

        @rule(hall=st.sampled_from(HALLS))
        def partition(self, hall: str) -> None:
            self.partitioned ^= {hall}

        @rule(step=st.integers(0, 2))
        def review(self, step: int) -> None:
            cases = requests.get(central.url + "/v1/backoffice/cases", headers=headers, timeout=10).json()["cases"]
            for case in cases:
                url = f"{central.url}/v1/backoffice/cases/{case['case_id']}/move"
                requests.post(url, json={"to": STEPS[step]}, headers=headers, timeout=10)  # refused unless next

        @invariant()
        def reads_own_writes_and_cursor_moves_forward(self) -> None:
            if not hasattr(self, "dbs"):
                return
            from app.sync.state import load_settings

            for hall, db in self.dbs.items():
                q = QueueService(db)
                assert all(q.ticket_status(tid) is not None for tid in self.issued[hall][-3:])
                cursor = load_settings(db).cursor
                before = self.cursors.get(hall, "")
                if before and cursor and before.split(":")[0] == cursor.split(":")[0]:
                    assert [int(x) for x in cursor.split(":")[1:]] >= [int(x) for x in before.split(":")[1:]]
                self.cursors[hall] = cursor

        def teardown(self) -> None:
            if not hasattr(self, "dbs"):
                return
            for db in self.dbs.values():
                assert SyncAgent(db).run_once().caught_up
            for hall, db in self.dbs.items():
                assert verify(db)["equal"], hall
            con = sqlite3.connect(central.root / "server.db")
            dupes = con.execute(
                "select hall_id, json_extract(payload,'$.prefix') p, json_extract(payload,'$.number') n, count(*)"
                " from record where entity='ticket' group by 1, 2, 3 having count(*) > 1"
            ).fetchall()
            con.close()
            assert dupes == []
            for db in self.dbs.values():
                db.dispose()

    run = settings(max_examples=3, stateful_step_count=6, deadline=None, suppress_health_check=list(HealthCheck))(Halls)
    run.TestCase().runTest()
