"""What every route needs: the database, settings, the server's clock, and the caller, authenticated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from app.domain.errors import AuthError
from app.domain.hlc import HybridLogicalClock
from server import auth
from server.blobstore import BlobStoreBackend
from server.config import ServerSettings
from server.db import ServerDatabase


@dataclass
class ServerState:
    settings: ServerSettings
    db: ServerDatabase
    clock: HybridLogicalClock
    blobs: BlobStoreBackend
    signing_key: str


def state(request: Request) -> ServerState:
    value: ServerState = request.app.state.onewindow
    return value


def _bearer(authorization: str | None) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise AuthError("请先登录", "Not authorised: no token")
    return authorization.removeprefix("Bearer ").strip()


def device(request: Request, authorization: str | None = Header(default=None)) -> auth.Principal:
    st = state(request)
    token = _bearer(authorization)
    with st.db.read() as s:
        principal = auth.verify(s, st.signing_key, token)
    if principal.kind != "device":
        raise AuthError("需要设备凭证", "A device token is required")
    return principal


def reviewer(request: Request, authorization: str | None = Header(default=None)) -> auth.Principal:
    st = state(request)
    token = _bearer(authorization)
    with st.db.read() as s:
        principal = auth.verify(s, st.signing_key, token)
    if principal.kind != "reviewer":
        raise AuthError("需要审批人员登录", "A reviewer login is required")
    return principal


DeviceCaller = Annotated[auth.Principal, Depends(device)]
ReviewerCaller = Annotated[auth.Principal, Depends(reviewer)]
