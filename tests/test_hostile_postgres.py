"""The hostile-input sweep on PostgreSQL, which refuses what SQLite stores: a string longer than its VARCHAR(n), the
NUL character (U+0000) in any text (and, inside JSON, on every `->>` of the row), an integer outside INTEGER or
BIGINT, a day that does not exist. The CLI must say one bilingual line and change nothing; the central server must
answer 4xx (or the per-mutation rejection of a push), never 500. Lengths come from the model columns.

One cluster for the session (conftest's pg_cluster), one sample hall and one central server for the module."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from app.cli import main
from app.domain.catalogue import BUNDLE_CODE_MAX, LABEL_MAX, MATERIAL_KEY_MAX, MATTER_CODE_MAX
from app.store.limits import int_range, max_length
from app.store.models import Category, Hall
from app.store.models_visits import Appointment
from app.store.synced import row_from_payload
from server.models import Device, RegisteredHall
from server.process import CentralServer
from tests.test_cli_hostile_sweep import A, one_bilingual_line

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parent.parent
NUL = "\u0000"
INT_TOO_BIG = int_range(Category.number_end)[1] + 1


def longer(column: Any) -> str:
    """One character more than `column` holds."""
    return "x" * (max_length(column) + 1)


def dump(url: str) -> str:
    """Every row of every table of a PostgreSQL database, as one hash: equal before and after means nothing changed."""
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    out = hashlib.sha256()
    with psycopg.connect(dsn) as con:
        tables = [r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        for table in tables:
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            out.update(f"{table}:{sorted(map(repr, rows))}".encode())
    return out.hexdigest()


def refused(capsys: pytest.CaptureFixture[str], argv: list[str], url: str) -> str:
    """Run `argv` against `url`: one bilingual line, a non-zero exit (not the crash handler), nothing changed."""
    before = dump(url)
    _, line = one_bilingual_line(capsys, [*argv, "--db", url])
    assert dump(url) == before
    return line


@pytest.fixture(scope="module")
def module_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONEWINDOW_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        yield


@pytest.fixture(scope="module")
def pg_hall(pg_cluster, module_data_dir) -> str:  # type: ignore[no-untyped-def]
    url: str = pg_cluster.new_database()
    assert main(["hall", "init", "--sample", "--db", url]) == 0
    return url


# ---- the hall on PostgreSQL ----------------------------------------------------------------------------------


def _sample_hall() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((ROOT / "resources" / "sample" / "hall.json").read_text(encoding="utf-8"))
    return spec


HALL_CONFIGS: dict[str, Callable[[dict[str, Any]], object]] = {
    "hall code too long": lambda s: s.update(code=longer(Hall.code)),
    "hall name too long": lambda s: s.update(name_zh=longer(Hall.name_zh)),
    "hall level with NUL": lambda s: s.update(level="county" + NUL),
    "category name too long": lambda s: s["categories"][0].update(name_en=longer(Category.name_en)),
    "category number_end beyond INTEGER": lambda s: s["categories"][0].update(number_end=INT_TOO_BIG),
    "category minutes beyond INTEGER": lambda s: s["categories"][1].update(minutes=INT_TOO_BIG),
    "window name with NUL": lambda s: s["windows"][0].update(name="窗" + NUL),
    "notice with NUL": lambda s: s["settings"].update(notice_zh="请" + NUL),
}


@pytest.mark.parametrize("change", list(HALL_CONFIGS), ids=list(HALL_CONFIGS))
def test_hall_init_with_values_postgresql_cannot_hold_creates_nothing(capsys, pg_cluster, tmp_path, change):  # type: ignore[no-untyped-def]
    spec = _sample_hall()
    HALL_CONFIGS[change](spec)
    config = tmp_path / "hall.json"
    config.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    url = pg_cluster.new_database()
    line = refused(capsys, ["hall", "init", "--config", str(config)], url)
    assert str(config) in line  # the file is named: the operator knows what to fix


def _catalogue() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "resources" / "catalogue" / "catalogue.json").read_text("utf-8"))
    return data


CATALOGUES: dict[str, Callable[[dict[str, Any]], object]] = {
    "label too long": lambda c: c.update(label="l" * (LABEL_MAX + 1)),
    "label with NUL": lambda c: c.update(label="v5" + NUL),
    "matter name with NUL": lambda c: c["matters"][0].update(name_zh="事项" + NUL),
    "matter code too long": lambda c: c["matters"][0].update(code="M" * (MATTER_CODE_MAX + 1)),
    "bundle code too long": lambda c: c["bundles"][0].update(code="B" * (BUNDLE_CODE_MAX + 1)),
    "material key too long": lambda c: c["matters"][0]["materials"].append(
        {"key": "k" * (MATERIAL_KEY_MAX + 1), "name_zh": "材料", "name_en": "m"}
    ),
    "fee beyond INTEGER": lambda c: c["matters"][0].update(fee_yuan=INT_TOO_BIG),
}


@pytest.mark.parametrize("change", list(CATALOGUES), ids=list(CATALOGUES))
def test_catalogue_import_that_postgresql_could_not_store_or_use(capsys, pg_hall, tmp_path, change):  # type: ignore[no-untyped-def]
    data = _catalogue()
    CATALOGUES[change](data)
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused(capsys, ["catalogue", "import", str(path)], pg_hall)


def _bookable_day() -> date:
    """A day the sample hall is open all morning (Tuesday to Friday), ahead of now and within the booking window."""
    day = date.today() + timedelta(days=1)
    while day.weekday() not in (1, 2, 3, 4):
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["hall", "settings", "set", "notice_zh", json.dumps("请" + NUL), *A], id="setting with NUL"),
        pytest.param(
            ["hall", "settings", "set", "calendar_extra", json.dumps({"holidays": ["2026-02-30"]}), *A],
            id="a holiday that does not exist",
        ),
        pytest.param(
            ["appointment", "book", "--category", "B", "--date", _bookable_day().isoformat(), "--slot",
             "09:00-09:30", "--name", "王" * (max_length(Appointment.person_masked) + 1)],
            id="appointment name longer than its column",
        ),  # fmt: skip
    ],
)
def test_hall_commands_with_values_postgresql_cannot_hold(capsys, pg_hall, argv):  # type: ignore[no-untyped-def]
    refused(capsys, argv, pg_hall)


def test_a_refused_holiday_leaves_every_later_command_working(capsys, pg_hall):  # type: ignore[no-untyped-def]
    """Before, 2026-02-30 was stored and every command counting working days then went to the crash handler."""
    bad_day = json.dumps({"holidays": ["2026-13-01"]})
    refused(capsys, ["hall", "settings", "set", "calendar_extra", bad_day, *A], pg_hall)
    assert main(["case", "cards", "--db", pg_hall]) == 0


def test_server_enrol_code_with_a_hall_name_longer_than_its_column(capsys, pg_cluster, module_data_dir):  # type: ignore[no-untyped-def]
    url = pg_cluster.new_database()
    assert main(["server", "enrol-code", "--hall-code", "H1", "--db", url]) == 0  # the server database exists
    capsys.readouterr()
    name = "n" * (max_length(RegisteredHall.name) + 1)
    line = refused(capsys, ["server", "enrol-code", "--hall-code", "H2", "--name", name], url)
    assert "hall name" in line


# ---- the central server on PostgreSQL, over HTTP ----------------------------------------------------------


class Central:
    def __init__(self, server: CentralServer) -> None:
        self.server, self.url = server, server.url
        self.hall_id = str(uuid.uuid4())
        code = server.enrol_code("H023")
        device = requests.post(
            f"{self.url}/v1/enrol", json={"code": code, "hall_id": self.hall_id, "hall_code": "H023"}, timeout=10
        ).json()
        token = requests.post(f"{self.url}/v1/auth/token", json=device, timeout=10).json()["token"]
        self.device = {"Authorization": f"Bearer {token}"}
        server.cli("reviewer", "add", "--login", "shen", "--name", "沈", "--pin", "2468")
        login = requests.post(f"{self.url}/v1/backoffice/login", json={"login": "shen", "pin": "2468"}, timeout=10)
        self.reviewer = {"Authorization": f"Bearer {login.json()['token']}"}

    def push(self, **change: Any) -> requests.Response:
        m = {
            "mutation_id": str(uuid.uuid4()),
            "hall_id": self.hall_id,
            "entity": "ticket",
            "entity_id": str(uuid.uuid4()),
            "version": 1,
            "hlc": 1,
            "origin_device": "pc-1",
            "payload": {"hall_id": self.hall_id, "status": "waiting", "prefix": "B", "number": 1},
        }
        m.update(change)
        return requests.post(
            f"{self.url}/v1/sync/push", json={"schema_version": 99, "mutations": [m]}, headers=self.device, timeout=10
        )


@pytest.fixture(scope="module")
def central(pg_cluster, tmp_path_factory, module_data_dir) -> Iterator[Central]:  # type: ignore[no-untyped-def]
    server = CentralServer(tmp_path_factory.mktemp("central"), db_url=pg_cluster.new_database()).start()
    try:
        yield Central(server)
    finally:
        server.stop()


def _enrol_body(central: Central, **change: str) -> dict[str, str]:
    """A new hall's first enrolment: the one that binds the hall id and writes the device row."""
    hall_code = "T" + uuid.uuid4().hex[:8].upper()
    body = {"code": central.server.enrol_code(hall_code), "hall_id": str(uuid.uuid4()), "hall_code": hall_code}
    return {**body, **change}


@pytest.mark.parametrize(
    "change",
    [
        {"hall_id": longer(RegisteredHall.hall_id)},
        {"hall_id": "h" + NUL},
        {"device_name": longer(Device.name)},
        {"device_name": "pc" + NUL},
    ],
    ids=["hall_id too long", "hall_id with NUL", "device name too long", "device name with NUL"],
)
def test_enrolment_with_values_the_device_table_cannot_hold(central, change):  # type: ignore[no-untyped-def]
    answer = requests.post(f"{central.url}/v1/enrol", json=_enrol_body(central, **change), timeout=10)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", *change]  # names the field


def test_a_device_id_with_nul_asking_for_a_token(central):  # type: ignore[no-untyped-def]
    body = {"device_id": "dev-" + NUL, "device_secret": "x"}
    answer = requests.post(f"{central.url}/v1/auth/token", json=body, timeout=10)
    assert answer.status_code == 422, answer.text


def test_a_mutation_id_with_nul_refuses_the_batch_with_422(central):  # type: ignore[no-untyped-def]
    answer = central.push(mutation_id="m" + NUL)
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize(
    "change",
    [
        {"entity_id": "t" + NUL},
        {"origin_device": "pc" + NUL},
        {"payload": {"status": "waiting" + NUL}},
        {"payload": {"st" + NUL: "waiting"}},
        {"payload": {"status": "waiting", "prefix": "B", "number": 2**40}},  # a hall's INTEGER column
        {"payload": {"status": "waiting", "prefix": "B", "number": "12"}},
        {"payload": {"status": "waiting", "prefix": "B", "number": 1, "service_day": "2026-02-30"}},
        {"payload": {"status": "waiting", "prefix": "B", "number": 1, "service_day": 20261201}},
        {"payload": {"status": "waiting", "prefix": "B", "number": 1, "issued_at": "2026-12-01T01:00:00"}},
    ],
    ids=[
        "entity_id with NUL", "origin_device with NUL", "payload value with NUL", "payload key with NUL",
        "number past INTEGER", "number as text", "a day that does not exist", "a number for a day",
        "a time without its zone",
    ],
)  # fmt: skip
def test_a_pushed_row_no_hall_could_write_is_rejected_as_malformed(central, change):  # type: ignore[no-untyped-def]
    answer = central.push(**change)
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "rejected"
    assert answer.json()["results"][0]["reason"] == "malformed"


def test_text_longer_than_a_halls_column_is_kept_and_flagged(central):  # type: ignore[no-untyped-def]
    """A SQLite hall may hold such text from before its limit was checked: a fact all the same (never refused),
    kept whole on the server and flagged for a person; a hall that pulls it keeps what fits (row_from_payload)."""
    ticket = str(uuid.uuid4())
    answer = central.push(entity_id=ticket, payload={"status": "waiting", "prefix": "B" * 5, "number": 1})
    assert answer.json()["results"][0]["status"] == "applied", answer.text
    dsn = central.server.db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as con:
        payload, flags = con.execute("SELECT payload, flags FROM record WHERE entity_id = %s", (ticket,)).fetchone()
    assert payload["prefix"] == "BBBBB" and flags == "too_long"
    assert row_from_payload("ticket", payload)["prefix"] == "BBBB"  # VARCHAR(4) on every hall


def test_the_public_page_still_answers_after_a_push_with_nul_in_a_payload(central):  # type: ignore[no-untyped-def]
    """A NUL kept in one ticket's JSON made `->>` fail for every row: the page of any ticket of the hall was a 500."""
    ticket = str(uuid.uuid4())
    payload = {"hall_id": central.hall_id, "status": "waiting", "prefix": "C", "number": 7, "service_day": "2026-12-01",
               "category_id": "c", "sort_at": "2026-12-01T01:00:00+00:00"}  # fmt: skip
    assert central.push(entity_id=ticket, payload=payload).json()["results"][0]["status"] == "applied"
    central.push(payload={**payload, "status": "waiting", "category_id": "c" + NUL})
    page = requests.get(f"{central.url}/q/H023/{ticket}", timeout=10)
    assert page.status_code == 200 and "C007" in page.text


@pytest.mark.parametrize(
    "path",
    ["/q/H023%00/x", "/q/H023/x%00", "/v1/public/tickets/H023%00/x", "/v1/public/tickets/H023/x%00"],
)
def test_public_pages_for_addresses_no_ticket_can_have(central, path):  # type: ignore[no-untyped-def]
    assert requests.get(central.url + path, timeout=10).status_code == 404


@pytest.mark.parametrize("path", ["/v1/backoffice/cases/c%00", "/v1/backoffice/cases/c%00/move"])
def test_back_office_case_ids_with_nul(central, path):  # type: ignore[no-untyped-def]
    call = requests.post if path.endswith("move") else requests.get
    answer = call(central.url + path, json={"to": "approved"}, headers=central.reviewer, timeout=10)
    assert answer.status_code == 422, answer.text
