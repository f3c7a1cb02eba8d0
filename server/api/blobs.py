"""Scanned files by sha256: HEAD says whether the server has it (or how much of an upload arrived);
PATCH appends from an offset; the last chunk makes the server re-hash the file before accepting it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from server.api.deps import DeviceCaller, state
from server.blobstore import OffsetMismatch, valid_sha256

router = APIRouter(prefix="/v1/blobs")
MAX_CHUNK = 8 << 20


class Wanted(BaseModel):
    sha256: list[str] = Field(max_length=2000)


@router.post("/missing")
def missing(body: Wanted, request: Request, who: DeviceCaller) -> dict[str, list[str]]:
    """Which of these files the server does not have yet: one request instead of a HEAD per file."""
    st = state(request)
    return {"missing": [s for s in body.sha256 if valid_sha256(s) and not st.blobs.exists(s)]}


@router.head("/{sha256}")
def head(sha256: str, request: Request, who: DeviceCaller) -> Response:
    st = state(request)
    if not valid_sha256(sha256):
        return Response(status_code=400)
    if st.blobs.exists(sha256):
        return Response(status_code=200)
    return Response(status_code=404, headers={"Upload-Offset": str(st.blobs.offset(sha256))})


@router.patch("/{sha256}")
async def patch(
    sha256: str,
    request: Request,
    who: DeviceCaller,
    upload_offset: Annotated[int, Header(alias="Upload-Offset")],
    upload_length: Annotated[int, Header(alias="Upload-Length")],
) -> Response:
    st = state(request)
    if not valid_sha256(sha256) or upload_offset < 0 or upload_length < 0:
        return Response(status_code=400)
    if st.blobs.exists(sha256):
        return Response(status_code=200, headers={"Upload-Offset": str(upload_length)})
    data = await request.body()
    if len(data) > MAX_CHUNK or upload_offset + len(data) > upload_length:
        return Response(status_code=413)
    try:
        new_offset = await run_in_threadpool(st.blobs.append, sha256, upload_offset, data)
    except OffsetMismatch as exc:
        return Response(status_code=409, headers={"Upload-Offset": str(exc.current)})
    if new_offset < upload_length:
        return Response(status_code=204, headers={"Upload-Offset": str(new_offset)})
    if not await run_in_threadpool(st.blobs.commit, sha256):
        return Response(status_code=422, content="sha256 mismatch")
    return Response(status_code=201, headers={"Upload-Offset": str(new_offset)})
