"""Enrolment codes, device credentials, reviewer accounts and short-lived signed tokens.

A device proves itself with its secret and gets a token naming device and hall (15 minutes by default);
every request re-checks that the device is not revoked, so a revocation takes effect at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.domain.credentials import LOGIN_MAX, check_login, check_name, check_new_pin
from app.domain.errors import AuthError, UserError
from app.domain.ids import new_id
from app.domain.lockout import Attempts, locked_out
from app.services.auth import verify_secret
from app.store.limits import misfit
from app.store.login_attempts import count_attempt, in_own_transaction, unknown_login_key
from server.db import ServerDatabase
from server.models import Device, EnrolCode, LoginAttempt, Meta, RegisteredHall, Reviewer

_hasher = PasswordHasher()


class EnrolError(UserError):
    code = "enrol"


@dataclass(frozen=True)
class Principal:
    kind: str  # "device" | "reviewer"
    subject: str  # device id or reviewer login
    hall_id: str  # "" for reviewers
    hall_code: str
    role: str


def _now() -> datetime:
    return datetime.now(UTC)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def meta_value(session: Session, key: str, default: str | None = None) -> str:
    row = session.get(Meta, key)
    if row is None:
        value = default if default is not None else secrets.token_hex(32)
        session.add(Meta(key=key, value=value))
        session.flush()
        return value
    return row.value


def new_enrol_code(session: Session, hall_code: str, ttl_hours: int, name: str = "") -> str:
    hall_code = hall_code.strip().upper()
    if not hall_code or misfit(RegisteredHall.code, hall_code):
        raise EnrolError("大厅编码无效", "The hall code is not valid")
    if why := misfit(RegisteredHall.name, name):
        raise EnrolError(f"大厅名称{why[0]}", f"The hall name {why[1]}")
    if session.get(RegisteredHall, hall_code) is None:
        session.add(RegisteredHall(code=hall_code, name=name, created_at=_now()))
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))  # 16 hex digits, easy to read out
    session.add(
        EnrolCode(
            code_hash=_sha(code), hall_code=hall_code, created_at=_now(), expires_at=_now() + timedelta(hours=ttl_hours)
        )
    )
    return code


def enrol_device(session: Session, code: str, hall_id: str, hall_code: str, device_name: str) -> tuple[str, str]:
    """Trade a one-time code for a device id and secret. The hall id is bound to the code's hall at first use."""
    row = session.get(EnrolCode, _sha(code.strip().upper()))
    if row is None or row.used_at is not None or row.expires_at < _now():
        raise EnrolError("注册码无效、已使用或已过期", "The enrolment code is unknown, used or expired")
    if row.hall_code != hall_code.strip().upper():
        raise EnrolError(
            f"注册码属于大厅 {row.hall_code}，本机大厅是 {hall_code}",
            f"The code is for hall {row.hall_code}, this database holds hall {hall_code}",
        )
    hall = session.get(RegisteredHall, row.hall_code)
    assert hall is not None
    if hall.hall_id is None:
        hall.hall_id = hall_id
    elif hall.hall_id != hall_id:
        raise EnrolError(
            f"大厅 {hall.code} 已由另一个数据库注册", f"Hall {hall.code} is already registered from another database"
        )
    device_id = "dev-" + new_id()
    secret = secrets.token_urlsafe(32)
    session.add(
        Device(
            id=device_id,
            hall_code=hall.code,
            hall_id=hall_id,
            name=device_name,
            secret_hash=_sha(secret),
            created_at=_now(),
        )
    )
    row.used_at, row.device_id = _now(), device_id
    return device_id, secret


def revoke_device(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise EnrolError("没有这个设备", "No such device")
    device.revoked_at = _now()


def add_reviewer(session: Session, login: str, name: str, pin: str, role: str = "reviewer") -> None:
    check_login(login)
    check_name(name)
    check_new_pin(pin)
    existing = session.get(Reviewer, login)
    session.execute(delete(LoginAttempt).where(LoginAttempt.login == login))  # a new PIN from the administrator unlocks
    if existing is not None:
        existing.name, existing.secret_hash, existing.role, existing.active = name, _hasher.hash(pin), role, True
        return
    session.add(Reviewer(login=login, name=name, secret_hash=_hasher.hash(pin), role=role, created_at=_now()))


# ---- tokens ------------------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(key: str, principal: Principal, ttl_s: int) -> str:
    body = json.dumps(
        {
            "k": principal.kind,
            "s": principal.subject,
            "h": principal.hall_id,
            "c": principal.hall_code,
            "r": principal.role,
            "exp": int(_now().timestamp()) + ttl_s,
        },
        separators=(",", ":"),
    ).encode()
    mac = hmac.new(key.encode(), body, hashlib.sha256).digest()
    return f"{_b64(body)}.{_b64(mac)}"


def _unauthorised() -> AuthError:
    return AuthError("登录已失效或无权访问", "Not authorised (token missing, expired or revoked)")


def verify(session: Session, key: str, token: str) -> Principal:
    try:
        body_b64, mac_b64 = token.split(".")
        body = _unb64(body_b64)
        if not hmac.compare_digest(_unb64(mac_b64), hmac.new(key.encode(), body, hashlib.sha256).digest()):
            raise _unauthorised()
        claims = json.loads(body)
    except (ValueError, TypeError):
        raise _unauthorised() from None
    if claims.get("exp", 0) < _now().timestamp():
        raise _unauthorised()
    principal = Principal(claims["k"], claims["s"], claims["h"], claims["c"], claims["r"])
    if principal.kind == "device":
        device = session.get(Device, principal.subject)
        if device is None or device.revoked_at is not None:
            raise _unauthorised()
    elif principal.kind == "reviewer":
        reviewer = session.get(Reviewer, principal.subject)
        if reviewer is None or not reviewer.active:
            raise _unauthorised()
    return principal


def device_principal(session: Session, device_id: str, secret: str) -> Principal:
    device = session.get(Device, device_id)
    if device is None or device.revoked_at is not None or not hmac.compare_digest(device.secret_hash, _sha(secret)):
        raise _unauthorised()
    device.last_seen_at = _now()
    return Principal("device", device.id, device.hall_id, device.hall_code, "device")


def reviewer_login(db: ServerDatabase, login: str, pin: str) -> Principal:
    """A reviewer signing in (login + PIN). Wrong PINs in a row lock the login for a while, whatever is typed
    (app.domain.lockout), an unknown login like a real one. Each attempt is counted before its PIN is checked (in
    its own transaction, so the refusal does not undo it): parallel guesses each take one of the turns and the rest
    meet the lock; the right PIN clears the count. Anyone on the network can lock a reviewer out for 10 minutes by
    guessing; `onewindow server reviewer unlock LOGIN` lifts it."""
    now = _now()
    login = login[:LOGIN_MAX]
    with db.read() as session:
        reviewer = session.get(Reviewer, login)
        known = reviewer is not None and reviewer.active
        secret_hash = reviewer.secret_hash if reviewer is not None else ""
        principal = Principal("reviewer", login, "", "", reviewer.role if reviewer is not None else "")
    after = in_own_transaction(db.write, lambda session: _count_attempt(session, login, known, now))
    if not known:
        _hasher.hash(pin or "-")  # about the same time as a wrong PIN
    elif verify_secret(secret_hash, pin):
        forget_attempts(db, login)  # a success ends the run of wrong PINs
        return principal
    if after.locked_until is not None:
        raise locked_out(after.locked_for(now.timestamp()))
    raise _wrong_pin()


def forget_attempts(db: ServerDatabase, login: str) -> bool:
    """Clear a login's wrong PINs and lock-out; whether there were any."""
    with db.write() as session:
        row = session.get(LoginAttempt, login)
        if row is not None:
            session.delete(row)
        return row is not None


def _count_attempt(session: Session, login: str, known: bool, now: datetime) -> Attempts:
    key = login if known else unknown_login_key(login, meta_value(session, "login_attempt_key"))
    return count_attempt(session, LoginAttempt, key, {"login": key}, now, [])


def _wrong_pin() -> AuthError:
    return AuthError("工号或密码错误", "Wrong login or PIN")


def reviewer_name(session: Session, login: str) -> str:
    reviewer = session.get(Reviewer, login)
    return reviewer.name if reviewer is not None else login
