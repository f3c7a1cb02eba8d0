"""Who is acting: staff log in with login + PIN (argon2), and every changing service checks the role itself.

`authenticate` returns an `Actor`. A service that changes something calls `authorise(session, hall, actor,
permission)`, which re-reads the staff row in the service's own transaction: the role comes from the
database, never from the caller, and a deactivated account stops working at once. The check also leaves
the acting staff member on the session, where the audit hook (app.store.audit) reads who did it.

Trust boundary: anyone holding the hall database credentials can write any row; inside the application
the PIN and these checks are the boundary. On the central side it is the server's own authentication.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.credentials import LOGIN_MAX
from app.domain.errors import AuthError, PermissionDenied
from app.domain.lockout import Attempts, locked_out
from app.domain.roles import Permission, Role, check_permission, parse_role
from app.services.clock import Clock, system_clock
from app.services.views import StaffView
from app.store.audit import ACTOR_KEY, ActingStaff
from app.store.database import Database
from app.store.login_attempts import attempts_of, count_attempt, in_own_transaction, unknown_login_key
from app.store.models import Hall, Staff
from app.store.models_audit import LoginAttempt

_hasher = PasswordHasher()


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(secret_hash: str, secret: str) -> bool:
    try:
        return bool(_hasher.verify(secret_hash, secret))
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Actor(StaffView):
    """A staff member who proved who they are (login + PIN). Services take it for every change."""


def _wrong() -> AuthError:
    # One message for an unknown login and a wrong PIN: do not reveal which logins exist.
    return AuthError("工号或密码错误", "Wrong login or PIN")


def authenticate(
    db: Database, login_name: str, pin: str, hall_code: str | None = None, clock: Clock = system_clock
) -> Actor:
    """The staff member with this login and PIN. Wrong PINs in a row lock the login for a while (see
    app.domain.lockout): a locked login answers nothing, not even to the right PIN.

    Each attempt is counted *before* its PIN is checked, so guesses sent in parallel each take one of the five
    turns and the rest meet the lock; the right PIN then clears the count. An unknown login is counted and
    locked like a real one: the answers never tell which logins exist."""
    from app.services.hall import load_hall

    now = clock()
    login = login_name.strip()[:LOGIN_MAX]
    with db.read() as s:
        hall = load_hall(s, hall_code)
        staff = s.scalars(select(Staff).where(Staff.hall_id == hall.id, Staff.login == login, Staff.active)).first()
        actor = Actor(staff.id, staff.login, staff.name, staff.role) if staff is not None else None
        secret_hash = staff.secret_hash if staff is not None else None
        # read raw: a login must work on a hall whose settings were hand-edited wrong (to repair them)
        stored = hall.settings if isinstance(hall.settings, dict) else {}
        salt = str(stored.get("person_salt") or hall.id)
    after = _counted(db, hall.id, login if staff is not None else unknown_login_key(login, salt), now)
    if secret_hash is None:
        _hasher.hash(pin or "-")  # about the same time as a wrong PIN
    elif actor is not None and verify_secret(secret_hash, pin or ""):
        with db.write() as s:  # a success ends the run of wrong PINs
            s.execute(delete(LoginAttempt).where(LoginAttempt.hall_id == hall.id, LoginAttempt.login == login))
        return actor
    if after.locked_until is not None:
        raise locked_out(after.locked_for(now.timestamp()))
    raise _wrong()


def login_attempts(s: Session, hall_id: str, login: str) -> Attempts:
    """The wrong PINs in a row (and any lock-out) of a login, as stored."""
    return attempts_of(s.get(LoginAttempt, (hall_id, login)))


def _counted(db: Database, hall_id: str, login: str, now: datetime) -> Attempts:
    """This attempt counted as a wrong PIN; locked_out if the login is locked already."""
    fields = {"hall_id": hall_id, "login": login}
    scope = [LoginAttempt.hall_id == hall_id]
    return in_own_transaction(
        db.write, lambda s: count_attempt(s, LoginAttempt, (hall_id, login), fields, now, scope)
    )


def trusted_actor(db: Database, login_name: str, hall_code: str | None = None) -> Actor:
    """The staff member `login_name` without a PIN: only for the demo, whose clerk is logged in for the
    newcomer. The role is still checked by every service."""
    from app.services.hall import load_hall

    with db.read() as s:
        hall = load_hall(s, hall_code)
        staff = s.scalars(select(Staff).where(Staff.hall_id == hall.id, Staff.login == login_name)).first()
        if staff is None:
            raise _wrong()
        return Actor(staff.id, staff.login, staff.name, staff.role)


def _not_logged_in() -> PermissionDenied:
    return PermissionDenied("请先用工号和密码登录", "Log in with your login and PIN first")


def logged_in(actor: Actor | None) -> Actor:
    """`actor`, or the refusal a service gives nobody: for screens that can be open without a login."""
    if actor is None:
        raise _not_logged_in()
    return actor


def acting_staff(s: Session, hall: Hall, actor: StaffView | None) -> Staff:
    """The actor's staff row, read in this transaction; refuses nobody, a stranger or a closed account."""
    if actor is None:
        raise _not_logged_in()
    staff = s.get(Staff, actor.id)
    if staff is None or staff.hall_id != hall.id or not staff.active:
        raise PermissionDenied("该工作人员账号不存在或已停用", "This staff account does not exist or is disabled")
    s.info[ACTOR_KEY] = ActingStaff(staff.id, staff.login, staff.role)
    return staff


def authorise(s: Session, hall: Hall, actor: StaffView | None, permission: Permission) -> Staff:
    """Check in the service's transaction that `actor` may do `permission`; returns the staff row."""
    staff = acting_staff(s, hall, actor)
    check_permission(staff.role, permission)
    return staff


def role_of(staff: Staff) -> Role:
    return parse_role(staff.role)
