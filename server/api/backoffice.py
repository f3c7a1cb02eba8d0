"""Back-office routes: reviewer login (argon2 on the server), case list, case moves."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from server import auth, backoffice
from server.api.bounds import NO_NUL, column_path, column_text
from server.api.deps import ReviewerCaller, state
from server.models import Record, Reviewer

router = APIRouter(prefix="/v1/backoffice")


class Login(BaseModel):
    # bounded and printable: a NUL or a megabyte typed into the login must be a 422, not a database error
    login: str = column_text(Reviewer.login)
    pin: str = Field(max_length=64)


class Move(BaseModel):
    to: str
    reason: str = Field("", pattern=NO_NUL)  # goes to the hall in the case event


CaseId = Annotated[str, column_path(Record.entity_id)]


@router.post("/login")
def login(body: Login, request: Request) -> dict[str, Any]:
    st = state(request)
    principal = auth.reviewer_login(st.db, body.login, body.pin)
    token = auth.sign(st.signing_key, principal, st.settings.token_ttl_s)
    with st.db.read() as s:
        name = auth.reviewer_name(s, principal.subject)
    return {"token": token, "login": principal.subject, "name": name, "role": principal.role}


@router.get("/cases")
def cases(request: Request, who: ReviewerCaller, status: str | None = None) -> dict[str, Any]:
    st = state(request)
    with st.db.read() as s:
        return {"cases": backoffice.list_cases(s, st.blobs, who, status)}


@router.get("/cases/{case_id}")
def case(case_id: CaseId, request: Request, who: ReviewerCaller) -> dict[str, Any]:
    st = state(request)
    with st.db.read() as s:
        return {"case": backoffice.case_row(s, st.blobs, who, case_id), "history": backoffice.history(s, case_id)}


@router.post("/cases/{case_id}/move")
def move(case_id: CaseId, body: Move, request: Request, who: ReviewerCaller) -> dict[str, Any]:
    st = state(request)
    with st.db.write() as s:
        return {"case": backoffice.move_case(s, who, case_id, body.to, body.reason, st.clock, st.blobs)}
