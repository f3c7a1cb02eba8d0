"""The back office against the central server (`onewindow backoffice --server URL`): the same calls the
back-office window makes on the hall's CaseService, answered by the server, where the reviewer's own
account decides what they may do. Results are the same views, so the window cannot tell the difference."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import requests

from app.domain.errors import RuleViolation
from app.services.auth import Actor
from app.services.intake_views import CaseEventView, CaseRow
from app.sync.client import TIMEOUT, checked, network_error


@dataclass(frozen=True)
class Reviewer(Actor):
    """Who is logged in on the server: proved by login + PIN there, so an Actor the back-office window can
    hold like a hall login (its id is "central:<login>"; the server, not this object, authorises each move)."""


def _date(text: Any) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _datetime(text: Any) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


def case_row(d: dict[str, Any]) -> CaseRow:
    return CaseRow(
        id=str(d["id"]),
        receipt_number=d.get("receipt_number"),
        title_zh=str(d.get("title_zh", "")),
        department_zh=str(d.get("department_zh", "")),
        applicant_masked=str(d.get("applicant_masked", "")),
        status=str(d["status"]),
        decided_at=_datetime(d.get("decided_at")),
        promised_date=_date(d.get("promised_date")),
        deficiency_deadline=_date(d.get("deficiency_deadline")),
        deficiency_open=bool(d.get("deficiency_open")),
        overdue=bool(d.get("overdue")),
        workdays_left=d.get("workdays_left"),
        next_statuses=tuple(d.get("next_statuses", ())),
    )


class RemoteCaseService:
    def __init__(self, server_url: str, http: requests.Session | None = None) -> None:
        self.base_url = server_url.rstrip("/")
        self.http = http or requests.Session()
        self._token = ""

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        try:
            r = self.http.request(method, self.base_url + path, headers=headers, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise network_error(exc, self.base_url) from None
        return checked(r)

    def login(self, login: str, pin: str) -> Reviewer:
        answer = self._call("POST", "/v1/backoffice/login", json={"login": login, "pin": pin})
        self._token = str(answer["token"])
        return Reviewer(
            id=f"central:{answer['login']}",
            login=str(answer["login"]),
            name=str(answer.get("name") or answer["login"]),
            role=str(answer["role"]),
        )

    def list_cases(
        self, statuses: Iterable[str] | None = None, *, overdue_only: bool = False, limit: int = 500, **_: Any
    ) -> list[CaseRow]:
        wanted = set(statuses) if statuses is not None else None
        rows = [case_row(c) for c in self._call("GET", "/v1/backoffice/cases")["cases"]]
        rows = [r for r in rows if (wanted is None or r.status in wanted) and (r.overdue or not overdue_only)]
        return rows[:limit]

    def row(self, case_id: str, **_: Any) -> CaseRow:
        return case_row(self._call("GET", f"/v1/backoffice/cases/{case_id}")["case"])

    def history(self, case_id: str) -> list[CaseEventView]:
        events = self._call("GET", f"/v1/backoffice/cases/{case_id}")["history"]
        return [
            CaseEventView(
                kind=str(e.get("kind", "")),
                at=_datetime(e.get("at")) or datetime.min,
                staff_name=str((e.get("detail") or {}).get("reviewer") or "") or None,
                role=str(e.get("role", "")),
                from_status=e.get("from_status"),
                to_status=e.get("to_status"),
                detail=dict(e.get("detail") or {}),
            )
            for e in events
        ]

    def move(self, case_id: str, target: str, *, note: str = "", **_: Any) -> CaseRow:
        """Who may make the move is decided by the server from the reviewer's account, never here."""
        answer = self._call("POST", f"/v1/backoffice/cases/{case_id}/move", json={"to": target, "reason": note})
        return case_row(answer["case"])

    def deliver(self, case_id: str, presented_id: str, **_: Any) -> CaseRow:
        raise RuleViolation(
            "出件在大厅窗口办理，不在后台", "Results are handed out at a hall window, not in the back office"
        )
