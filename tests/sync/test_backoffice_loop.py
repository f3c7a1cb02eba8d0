"""前台受理、后台审批、就近出件: a case taken in at the hall, decided on the central server by a reviewer,
ready at the hall (kiosk shows it), handed out at the window — with the hall offline in between."""

from __future__ import annotations

import requests

from app.services.cases import CaseService
from app.sync.agent import SyncAgent
from app.sync.status import verify
from tests.sync.cases import PERSON_ID, accepted_case


def _outbox_rows(db) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from app.store.models import Outbox

    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)


def _reviewer(central) -> dict[str, str]:  # type: ignore[no-untyped-def]
    central.cli("reviewer", "add", "--login", "shen", "--name", "沈审批", "--pin", "2468")
    token = requests.post(central.url + "/v1/backoffice/login", json={"login": "shen", "pin": "2468"}, timeout=10)
    assert token.ok
    return {"Authorization": f"Bearer {token.json()['token']}"}


def test_case_decided_centrally_reaches_the_hall_and_is_handed_out(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    receipt = accepted_case(db, tmp_path)
    report = SyncAgent(db).run_once()
    assert report.caught_up and report.blobs_uploaded == 3

    headers = _reviewer(central)
    listed = requests.get(central.url + "/v1/backoffice/cases?status=received", headers=headers, timeout=10).json()
    case = next(c for c in listed["cases"] if c["receipt_number"] == receipt.receipt_number)
    assert case["files"] == 3 and case["files_pending"] == 0
    assert PERSON_ID not in case["applicant_id_number"]  # masked before it left the hall
    url = f"{central.url}/v1/backoffice/cases/{case['case_id']}/move"

    # a clerk's move order is refused by the table: received -> ready is not a step
    bad = requests.post(url, json={"to": "ready_for_pickup"}, headers=headers, timeout=10)
    assert bad.status_code == 400 and "message_zh" in bad.json()
    assert requests.post(url, json={"to": "x"}, timeout=10).status_code == 401  # no token, no move
    for step in ("in_review", "approved", "ready_for_pickup"):
        assert requests.post(url, json={"to": step}, headers=headers, timeout=10).ok

    cases = CaseService(db)
    assert cases.progress(receipt.receipt_number, PERSON_ID[-4:]).status == "received"  # not synced yet
    outbox_before = _outbox_rows(db)
    assert SyncAgent(db).run_once().caught_up
    assert _outbox_rows(db) == outbox_before  # applied rows are not sent back (no outbox row, no restamp)
    progress = cases.progress(receipt.receipt_number, PERSON_ID[-4:])
    assert progress.status == "ready_for_pickup"  # the kiosk shows 可领取
    history = [e.to_status for e in cases.history(case["case_id"])]
    assert history[-3:] == ["in_review", "approved", "ready_for_pickup"]

    from app.services.auth import trusted_actor

    clerk = trusted_actor(db, "wang")
    cases.deliver(case["case_id"], PERSON_ID, actor=clerk)  # the full ID number stayed at the hall: the check works
    assert SyncAgent(db).run_once().caught_up
    after = requests.get(central.url + "/v1/backoffice/cases", headers=headers, timeout=10).json()["cases"]
    assert next(c for c in after if c["case_id"] == case["case_id"])["status"] == "delivered"
    assert verify(db)["equal"]


def test_an_offline_hall_edit_never_undoes_a_central_decision(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    receipt = accepted_case(db, tmp_path)
    SyncAgent(db).run_once()
    headers = _reviewer(central)
    case = requests.get(central.url + "/v1/backoffice/cases", headers=headers, timeout=10).json()["cases"][0]
    url = f"{central.url}/v1/backoffice/cases/{case['case_id']}/move"
    requests.post(url, json={"to": "in_review"}, headers=headers, timeout=10).raise_for_status()
    # meanwhile, offline, the window edits the case (the citizen's new phone number)
    from app.store.models_intake import IntakeCase

    with db.write() as s:
        s.get(IntakeCase, case["case_id"]).contact_phone = "13900139000"
    assert SyncAgent(db).run_once().caught_up
    row = CaseService(db).progress(receipt.receipt_number, PERSON_ID[-4:])
    assert row.status == "in_review"
    with db.read() as s:
        assert s.get(IntakeCase, case["case_id"]).contact_phone == "13900139000"
    assert verify(db)["equal"]


def test_remote_case_service_is_what_the_back_office_window_uses(make_hall, central, tmp_path):  # type: ignore[no-untyped-def]
    import pytest

    from app.domain.errors import UserError
    from app.sync.client import SyncClient
    from app.sync.remote_cases import RemoteCaseService
    from app.sync.state import load_settings

    db = make_hall("H023")
    accepted_case(db, tmp_path)
    SyncAgent(db).run_once()
    central.cli("reviewer", "add", "--login", "shen", "--name", "沈审批", "--pin", "2468")
    remote = RemoteCaseService(central.url)
    with pytest.raises(UserError) as wrong:
        remote.login("shen", "0000")
    assert "密码" in wrong.value.message_zh
    with pytest.raises(UserError):
        remote.list_cases()  # no login, no cases
    who = remote.login("shen", "2468")
    assert who.name == "沈审批"
    [row] = remote.list_cases()
    assert row.status == "received" and set(row.next_statuses) >= {"in_review"} and "*" in row.applicant_masked
    moved = remote.move(row.id, "in_review", note="开始审查")
    assert moved.status == "in_review" and "approved" in moved.next_statuses
    history = remote.history(row.id)
    assert history[-1].to_status == "in_review" and history[-1].staff_name == "shen"
    with pytest.raises(UserError):
        remote.deliver(row.id, "x")
    # a hall device's token does not open the back office
    cfg = load_settings(db)
    device = SyncClient(cfg.server_url, cfg.device_id, cfg.device_secret)
    token = device._fetch_token()
    r = requests.get(central.url + "/v1/backoffice/cases", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401


def test_reviewer_login_locks_after_wrong_pins(central):  # type: ignore[no-untyped-def]
    """The reviewer login is on the network: five wrong PINs in a row lock it, and then the right PIN is refused
    too, with a bilingual message that says so (not "wrong PIN", which would invite more guessing)."""
    central.cli("reviewer", "add", "--login", "lu", "--name", "陆审批", "--pin", "2468")
    url = central.url + "/v1/backoffice/login"
    for pin in ("0000", "0001", "0002", "0003"):
        wrong = requests.post(url, json={"login": "lu", "pin": pin}, timeout=10)
        assert wrong.status_code == 401 and "Wrong login or PIN" in wrong.text
    locked = requests.post(url, json={"login": "lu", "pin": "0004"}, timeout=10)
    assert locked.status_code == 401 and "锁定" in locked.json()["message_zh"]
    right = requests.post(url, json={"login": "lu", "pin": "2468"}, timeout=10)
    assert right.status_code == 401 and "locked" in right.json()["message_en"]
    answers = [requests.post(url, json={"login": "nobody", "pin": "2468"}, timeout=10) for _ in range(5)]
    assert answers[-1].status_code == 401 and answers[-1].json() == locked.json()  # an unknown login locks too
    central.cli("reviewer", "unlock", "--login", "lu")  # the administrator lifts it; the PIN stays
    assert requests.post(url, json={"login": "lu", "pin": "2468"}, timeout=10).status_code == 200
    for pin in ("0000", "0001", "0002", "0003", "0004"):
        requests.post(url, json={"login": "lu", "pin": pin}, timeout=10)
    central.cli("reviewer", "add", "--login", "lu", "--name", "陆审批", "--pin", "2469")  # a new PIN unlocks too
    assert requests.post(url, json={"login": "lu", "pin": "2469"}, timeout=10).status_code == 200
    assert requests.post(url, json={"login": "a\x00b", "pin": "1"}, timeout=10).status_code == 422  # not a 500


def test_parallel_guesses_get_five_turns_at_most(central):  # type: ignore[no-untyped-def]
    """Each attempt is counted before its PIN is checked: a burst of guesses sent at once cannot try more PINs
    than the lock-out allows (before: 18 of 40 parallel guesses were checked)."""
    from concurrent.futures import ThreadPoolExecutor

    central.cli("reviewer", "add", "--login", "qin", "--name", "秦审批", "--pin", "2468")
    url = central.url + "/v1/backoffice/login"
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(lambda i: requests.post(url, json={"login": "qin", "pin": f"{i:04d}"}, timeout=30),
                                range(30)))  # fmt: skip
    wrong = [a for a in answers if "Wrong login or PIN" in a.text]
    assert all(a.status_code == 401 for a in answers) and len(wrong) <= 4  # the fifth is answered "locked"
