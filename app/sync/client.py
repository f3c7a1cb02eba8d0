"""HTTP to the central server (requests): tokens refreshed on their own, every failure a SyncError."""

from __future__ import annotations

from typing import Any

import requests

from app.sync.errors import DeviceRevoked, FeedReset, NetworkError, SchemaTooOld, SyncError

TIMEOUT = (5, 60)  # connect, read: a town centre's link is slow, but a dead one must not hang the agent


def check_server_url(url: str) -> str:
    """`url` if it can name a central server (http or https, a host, a port that exists), else SyncError: a
    malformed address is a typing mistake to fix now, not a network failure to retry."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname) and (parts.port or 1) > 0
    except ValueError:  # an unclosed [ or a port that is not 0..65535
        usable = False
    if not usable:
        raise SyncError(
            f"服务器地址无效：{url}；应为 http:// 或 https:// 开头的网址，例如 http://10.0.0.5:8600",
            f"Not a server address: {url}; expected an http:// or https:// URL such as http://10.0.0.5:8600",
        )
    return url


def network_error(exc: Exception, url: str) -> NetworkError:
    return NetworkError(
        f"连不上中心服务器 {url}（{type(exc).__name__}），数据已保存在本地，稍后自动重试",
        f"Cannot reach the central server {url} ({type(exc).__name__}); everything is kept locally and retried",
    )


def checked(r: requests.Response, expect: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON body of a good answer; a refusal becomes the server's own bilingual message. A good status with a
    body that is not a JSON object holding `expect` (a web page, a proxy's error, another program) is a SyncError
    naming the address, not a KeyError deep in the agent."""
    try:
        body: Any = r.json()
    except ValueError:  # requests' JSON decoding errors are ValueErrors
        body = None
    if r.status_code >= 400:
        body = body if isinstance(body, dict) else {}
        raise SyncError(
            str(body.get("message_zh") or f"中心服务器拒绝了请求（{r.status_code}）"),
            str(body.get("message_en") or f"The central server refused the request ({r.status_code})"),
        )
    if not isinstance(body, dict) or any(key not in body for key in expect):
        kind = (r.headers.get("Content-Type") or "?").split(";")[0]
        raise SyncError(
            f"{r.url} 的回答不是 OneWindow 中心服务器的格式（HTTP {r.status_code}，{kind}）；请检查服务器地址",
            f"The answer from {r.url} is not a OneWindow central server's (HTTP {r.status_code}, {kind}): "
            "check the server address",
        )
    return body


class SyncClient:
    def __init__(
        self, base_url: str, device_id: str = "", device_secret: str = "", session: requests.Session | None = None
    ):
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.device_secret = device_secret
        self.http = session or requests.Session()
        self._token: str | None = None

    # ---- plumbing ------------------------------------------------------------------------------------------

    def _request(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> requests.Response:
        url = self.base_url + path
        for attempt in (1, 2):
            headers = dict(kwargs.pop("headers", {}) or {})
            if auth:
                headers["Authorization"] = f"Bearer {self._token or self._fetch_token()}"
            try:
                response = self.http.request(method, url, headers=headers, timeout=TIMEOUT, **kwargs)
            except requests.RequestException as exc:
                raise network_error(exc, self.base_url) from None
            if response.status_code == 401 and auth and attempt == 1:
                self._token = None  # expired: fetch a fresh one once; a revoked device fails at the token
                kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
                continue
            if response.status_code >= 500:
                raise NetworkError(
                    f"中心服务器出错（{response.status_code}），稍后自动重试",
                    f"The central server failed ({response.status_code}); will retry",
                )
            return response
        raise DeviceRevoked("本设备的同步权限已被撤销，本地数据保留", "This device was revoked; its local data is kept")

    def _fetch_token(self) -> str:
        if not self.device_id:
            raise SyncError("本机尚未注册到中心服务器", "This hall is not enrolled with a central server")
        r = self._request(
            "POST",
            "/v1/auth/token",
            auth=False,
            json={"device_id": self.device_id, "device_secret": self.device_secret},
        )
        if r.status_code == 401:
            raise DeviceRevoked(
                "本设备的同步权限已被撤销，本地数据保留", "This device was revoked; its local data is kept"
            )
        self._token = str(checked(r, ("token",))["token"])
        return self._token

    @staticmethod
    def _check(r: requests.Response) -> dict[str, Any]:
        return checked(r)

    # ---- protocol ------------------------------------------------------------------------------------------

    def enrol(self, code: str, hall_id: str, hall_code: str, device_name: str) -> dict[str, Any]:
        r = self._request(
            "POST",
            "/v1/enrol",
            auth=False,
            json={"code": code, "hall_id": hall_id, "hall_code": hall_code, "device_name": device_name},
        )
        return checked(r, ("device_id", "device_secret", "feed_epoch"))

    def push(self, schema_version: int, mutations: list[dict[str, Any]]) -> dict[str, Any]:
        r = self._request("POST", "/v1/sync/push", json={"schema_version": schema_version, "mutations": mutations})
        if r.status_code == 426:
            need = r.json().get("needs_schema_version")
            raise SchemaTooOld(
                f"中心服务器需要更新的本地程序（数据结构版本 {need}），请升级 OneWindow",
                f"The central server needs a newer hall schema ({need}): upgrade OneWindow",
            )
        return self._check(r)

    def pull(self, cursor: str, limit: int) -> dict[str, Any]:
        r = self._request("GET", "/v1/sync/pull", params={"cursor": cursor, "limit": limit})
        if r.status_code == 410:
            body = r.json()
            raise FeedReset(str(body.get("reason", "reset")), str(body.get("feed_epoch", "")))
        return self._check(r)

    def verify(self) -> dict[str, Any]:
        return self._check(self._request("GET", "/v1/sync/verify"))

    def blobs_missing(self, shas: list[str]) -> set[str]:
        return set(self._check(self._request("POST", "/v1/blobs/missing", json={"sha256": shas}))["missing"])

    def blob_offset(self, sha256: str) -> int | None:
        """None when the server has the whole file; else how many bytes of an upload it holds."""
        r = self._request("HEAD", f"/v1/blobs/{sha256}")
        if r.status_code == 200:
            return None
        if r.status_code == 404:
            return int(r.headers.get("Upload-Offset", "0"))
        self._check(r)
        return 0

    def blob_append(self, sha256: str, offset: int, total: int, data: bytes) -> tuple[int, bool]:
        """(new offset, finished). A 409 tells us where the server really is; a 422 that the bytes were wrong."""
        headers = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(total),
            "Content-Type": "application/octet-stream",
        }
        r = self._request("PATCH", f"/v1/blobs/{sha256}", data=data, headers=headers)
        if r.status_code in (200, 201):
            return total, True
        if r.status_code in (204, 409):
            return int(r.headers.get("Upload-Offset", "0")), False
        if r.status_code == 422:
            raise SyncError("上传的文件校验不符，将重新上传", "The uploaded file did not match its hash; will re-send")
        self._check(r)
        return offset, False
