"""The central server as an ASGI app (FastAPI), and how `onewindow server` runs it."""

from __future__ import annotations

import errno
import logging
import signal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.domain.errors import AuthError, NotFoundError, UserError
from app.domain.hlc import HybridLogicalClock
from server.api import backoffice, blobs, public, sync
from server.api.deps import ServerState
from server.auth import meta_value
from server.blobstore import DiskBlobStore
from server.config import ServerSettings
from server.db import ServerDatabase
from server.feed import feed_epoch

log = logging.getLogger("onewindow.server")


def open_database(settings: ServerSettings, *, create: bool = True) -> ServerDatabase:
    db = ServerDatabase(settings.db_url(), create=create)
    try:
        db.upgrade()
    except BaseException:
        db.dispose()
        raise
    return db


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    db = open_database(settings)
    with db.write() as s:
        key = meta_value(s, "signing_key")
        feed_epoch(s)  # the first epoch exists before the first hall asks
    app = FastAPI(title="OneWindow central server", version="1", description="Sync, blobs, back office, public queue")
    app.state.onewindow = ServerState(
        settings=settings,
        db=db,
        clock=HybridLogicalClock(max_drift_ms=settings.max_clock_drift_ms),
        blobs=DiskBlobStore(settings.blob_dir()),
        signing_key=key,
    )
    app.include_router(sync.router)
    app.include_router(blobs.router)
    app.include_router(backoffice.router)
    app.include_router(public.router)

    @app.exception_handler(UserError)
    async def user_error(_request: Request, exc: UserError) -> JSONResponse:
        status = 401 if isinstance(exc, AuthError) else 404 if isinstance(exc, NotFoundError) else 400
        return JSONResponse(
            status_code=status, content={"error": exc.code, "message_zh": exc.message_zh, "message_en": exc.message_en}
        )

    return app


_BIND_PROBLEMS = {
    errno.EADDRINUSE: ("端口已被占用，请换用 --port", "the port is in use; try another --port"),
    errno.EACCES: ("1024 以下的端口需要管理员权限，请换用 --port", "ports below 1024 need root; try another --port"),
    errno.EADDRNOTAVAIL: ("这不是本机的地址，请检查 --host", "not an address of this machine; check --host"),
}


def _check_port_free(host: str, port: int) -> None:
    """One clear line, before the app is built, for an address uvicorn could not listen on."""
    import socket

    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise UserError(
            f"无法在 {host} 上监听：不是已知的主机名或 IP 地址（{detail}）；请检查 --host",
            f"Cannot listen on {host}: not a known host name or IP address ({detail}); check --host",
        ) from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            zh, en = _BIND_PROBLEMS.get(exc.errno or 0, ("请检查 --host 和 --port", "check --host and --port"))
            raise UserError(
                f"无法在 {host}:{port} 上监听（{exc.strerror}）：{zh}",
                f"Cannot listen on {host}:{port} ({exc.strerror}): {en}",
            ) from None


def serve(settings: ServerSettings) -> int:
    import uvicorn

    _check_port_free(settings.host, settings.port)
    app = create_app(settings)
    print(f"中心服务器监听 / central server listening on http://{settings.host}:{settings.port}", flush=True)
    # uvicorn stops gracefully on SIGTERM and SIGINT (requests in flight finish), then re-raises the signal
    # to whatever handler was there before: ours only lets the process close the database and exit with 0.
    previous = signal.signal(signal.SIGTERM, lambda _sig, _frame: None)
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    finally:
        signal.signal(signal.SIGTERM, previous)
        app.state.onewindow.db.dispose()
    print("中心服务器已停止 / central server stopped", flush=True)
    return 0
