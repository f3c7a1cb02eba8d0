"""`onewindow simulate`: real activity through the real services, and it syncs like a real hall's."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.cli import main
from app.services.simulate import Simulator
from app.store.models import Ticket
from app.store.models_intake import IntakeCase
from app.sync.agent import SyncAgent
from app.sync.status import verify


def test_two_simulated_days_sync_and_verify(make_hall):  # type: ignore[no-untyped-def]
    db = make_hall("H023")
    report = Simulator(db, seed=3, tickets_per_day=12, cases_per_day=1).run(2, end=date(2026, 11, 24))  # Mon, Tue
    with db.read() as s:
        tickets = s.scalar(select(func.count()).select_from(Ticket))
        finished = s.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "finished"))
        cases = s.scalar(select(func.count()).select_from(IntakeCase).where(IntakeCase.receipt_number.is_not(None)))
        days = set(s.scalars(select(Ticket.service_day).distinct()))
    assert report.open_days == 2 and days == {date(2026, 11, 24), date(2026, 11, 23)}
    assert tickets == report.tickets > 14 and finished == report.served
    assert cases == report.cases >= 1 and report.files >= 3
    result = SyncAgent(db).run_once()
    assert result.caught_up and result.blobs_uploaded >= 3 and verify(db)["equal"]


def test_simulate_command_line(tmp_path, capsys):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'sim.db'}"
    assert main(["hall", "init", "--sample", "--db", url]) == 0
    assert (
        main(
            [
                "simulate",
                "--days",
                "1",
                "--end",
                "2026-11-25",
                "--tickets-per-day",
                "10",
                "--cases-per-day",
                "0",
                "--db",
                url,
                "--json",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert '"open_days": 1' in out
