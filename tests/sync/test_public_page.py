"""The ticket's QR opens a public status page on the central server (checked in headless Chromium too)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import requests

from app.domain.ratings import parse_reference
from app.domain.ticket_ref import ticket_from_scan
from app.services.hall import load_hall
from app.services.queue import QueueService
from app.sync.agent import SyncAgent


def _public(db, base: str) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        hall = load_hall(s)
        hall.settings = {**hall.settings, "public_base_url": base}


def test_qr_links_to_a_page_with_people_ahead_and_wait(make_hall, central):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _public(db, central.url)
    q = QueueService(db)
    q.open_window(3, None)
    first, second, third = (q.issue_ticket("C") for _ in range(3))
    assert third.qr_payload == f"{central.url}/q/H023/{third.id}"
    # every reader of a ticket code understands the URL form: kiosk, ratings, status lookup
    assert ticket_from_scan(third.qr_payload) == ("H023", third.id)
    assert parse_reference(third.qr_payload).value == third.id
    assert q.ticket_status(third.qr_payload).display_number == "C003"
    q.call_next(3)
    SyncAgent(db).run_once()

    page = requests.get(third.qr_payload, timeout=10)
    assert page.status_code == 200 and "C003" in page.text
    assert "前面还有 1 人" in page.text and "分钟" in page.text
    called = requests.get(first.qr_payload, timeout=10).text
    assert "请到 3 号窗口办理" in called
    data = requests.get(f"{central.url}/v1/public/tickets/H023/{second.id}", timeout=10).json()
    assert data["people_ahead"] == 0 and data["status"] == "waiting" and data["as_of"]
    # the token is the ticket's random id: the number alone finds nothing
    assert requests.get(f"{central.url}/q/H023/C003", timeout=10).status_code == 404
    assert requests.get(f"{central.url}/q/H099/{third.id}", timeout=10).status_code == 404


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="headless Chromium not installed (apt-get install chromium)"
)
def test_status_page_in_headless_chromium(make_hall, central, artifacts, tmp_path):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    _public(db, central.url)
    q = QueueService(db)
    q.open_window(3, None)
    for _ in range(4):
        q.issue_ticket("C")
    mine = q.issue_ticket("C")
    SyncAgent(db).run_once()
    shot = artifacts / "public_queue_page.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium'}",
            "--hide-scrollbars",
            "--window-size=420,760",
            "--virtual-time-budget=3000",
            f"--screenshot={shot}",
            mine.qr_payload,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'chromium2'}",
            "--dump-dom",
            mine.qr_payload,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "C005" in dom and "前面还有 4 人" in dom
