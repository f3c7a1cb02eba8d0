"""Enrolment, device tokens, push, pull and verify."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from server import auth, feed
from server.api.bounds import PRINTABLE, column_text
from server.api.deps import DeviceCaller, state
from server.config import NEWEST_KNOWN_SCHEMA, OLDEST_SUPPORTED_SCHEMA
from server.models import AppliedMutation, Device, RegisteredHall
from server.push import Mutation, apply_batch

router = APIRouter(prefix="/v1")


class EnrolRequest(BaseModel):
    code: str = Field(max_length=200, pattern=PRINTABLE)  # only its hash is looked up: bounded like any input
    hall_id: str = column_text(RegisteredHall.hall_id)
    hall_code: str = column_text(RegisteredHall.code)
    device_name: str = column_text(Device.name, "")


class TokenRequest(BaseModel):
    device_id: str = column_text(Device.id)
    device_secret: str = Field(max_length=200)  # only its hash is compared


class MutationIn(BaseModel):
    # the whole batch is refused (422) for a mutation id the claim table cannot hold: a hall makes them as UUIDs,
    # so only a broken client sends one; the other fields are answered per mutation (server.push._malformed)
    mutation_id: str = column_text(AppliedMutation.mutation_id)
    hall_id: str
    entity: str
    entity_id: str
    op: str = "upsert"
    version: int = 0
    hlc: int
    origin_device: str = ""
    payload: dict[str, Any]


class PushRequest(BaseModel):
    schema_version: int
    mutations: list[MutationIn] = Field(max_length=5000)


def _schema() -> dict[str, int]:
    return {"min": OLDEST_SUPPORTED_SCHEMA, "max": NEWEST_KNOWN_SCHEMA}


@router.post("/enrol")
def enrol(body: EnrolRequest, request: Request) -> dict[str, Any]:
    st = state(request)
    with st.db.write() as s:
        device_id, secret = auth.enrol_device(s, body.code, body.hall_id, body.hall_code, body.device_name)
        epoch = feed.feed_epoch(s)
    return {"device_id": device_id, "device_secret": secret, "hall_code": body.hall_code, "feed_epoch": epoch}


@router.post("/auth/token")
def token(body: TokenRequest, request: Request) -> dict[str, Any]:
    st = state(request)
    with st.db.write() as s:
        principal = auth.device_principal(s, body.device_id, body.device_secret)
    ttl = st.settings.token_ttl_s
    return {"token": auth.sign(st.signing_key, principal, ttl), "expires_in": ttl}


@router.post("/sync/push", response_model=None)
def push(body: PushRequest, request: Request, who: DeviceCaller) -> Any:
    if body.schema_version < OLDEST_SUPPORTED_SCHEMA:
        return JSONResponse(
            status_code=426,
            content={"error": "schema_too_old", "needs_schema_version": OLDEST_SUPPORTED_SCHEMA, "schema": _schema()},
        )
    st = state(request)
    mutations = [Mutation(**m.model_dump()) for m in body.mutations]
    with st.db.write() as s:
        results = apply_batch(s, who, mutations, st.clock)
        epoch = feed.feed_epoch(s)
    return {
        "results": [{"mutation_id": r.mutation_id, "status": r.status, "reason": r.reason} for r in results],
        "feed_epoch": epoch,
        "schema": _schema(),
    }


@router.get("/sync/pull", response_model=None)
def pull(request: Request, who: DeviceCaller, cursor: str = "", limit: Annotated[int, Query(ge=1)] = 1000) -> Any:
    st = state(request)
    limit = min(limit, st.settings.pull_page_limit)
    try:
        with st.db.read() as s:
            new_cursor, rows, more = feed.pull(s, who.hall_id, cursor, limit)
    except feed.FeedReset as reset:
        return JSONResponse(
            status_code=410, content={"error": "reset", "reason": reset.reason, "feed_epoch": reset.epoch}
        )
    return {
        "feed_epoch": new_cursor.epoch,
        "cursor": new_cursor.text(),
        "more": more,
        "rows": [
            {
                "entity": r.entity,
                "entity_id": r.entity_id,
                "hall_id": r.hall_id,
                "version": r.version,
                "hlc": r.hlc,
                "origin_device": r.origin_device,
                "deleted": r.deleted,
                "payload": r.payload,
            }
            for r in rows
        ],
    }


@router.get("/sync/verify")
def verify(request: Request, who: DeviceCaller) -> dict[str, Any]:
    st = state(request)
    with st.db.read() as s:
        return {"feed_epoch": feed.feed_epoch(s), "hall_id": who.hall_id, "entities": feed.verify(s, who.hall_id)}


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    st = state(request)
    with st.db.read() as s:
        return {"ok": True, "feed_epoch": feed.feed_epoch(s), "schema": _schema()}
