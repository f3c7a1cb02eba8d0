"""Staff accounts after `hall init`: list them, add one, give a new PIN, lift a wrong-PIN lock-out, disable or
enable one. Reached from `onewindow hall staff ...`.

Who may: supervisors manage clerks and reviewers, administrators everyone (app.domain.roles.
check_may_manage_account); anyone may change their own PIN by giving the current one (a console left signed in
must not let a passer-by take the account over). Nobody disables their own account, so whoever manages accounts
leaves at least themselves able to. Every change is audited (app.store.audit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.credentials import check_login, check_name, check_new_pin
from app.domain.errors import AlreadyDone, AuthError, NotFoundError, RuleViolation
from app.domain.lockout import lock_minutes
from app.domain.roles import Permission, check_may_manage_account, check_permission, parse_role
from app.services.auth import acting_staff, hash_secret, login_attempts, verify_secret
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Hall, Staff
from app.store.models_audit import LoginAttempt


@dataclass(frozen=True)
class StaffAccount:
    login: str
    name: str
    role: str
    active: bool
    locked_minutes: int  # wrong-PIN lock-out left (0: not locked)


class StaffAccounts:
    def __init__(self, db: Database, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def list(self, *, actor: StaffView | None) -> list[StaffAccount]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            check_permission(acting_staff(s, hall, actor).role, Permission.STAFF_MANAGE)
            rows = s.scalars(select(Staff).where(Staff.hall_id == hall.id).order_by(Staff.login))
            return [account_view(s, hall, row, self.clock()) for row in rows]

    def add(self, login: str, name: str, role: str, pin: str, *, actor: StaffView | None) -> StaffAccount:
        login, name = check_login(login), check_name(name)
        check_new_pin(pin)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            check_may_manage_account(acting_staff(s, hall, actor).role, parse_role(role))
            if find_account(s, hall, login) is not None:
                raise RuleViolation(f"工号“{login}”已存在", f"The login {login!r} already exists")
            row = Staff(hall_id=hall.id, login=login, name=name, role=role, secret_hash=hash_secret(pin))
            s.add(row)
            s.flush()
            return account_view(s, hall, row, self.clock())

    def set_pin(
        self, login: str, pin: str, *, actor: StaffView | None, current_pin: str | None = None
    ) -> StaffAccount:
        """A new PIN for an account one manages, or one's own given `current_pin`; it also lifts a lock-out."""
        check_new_pin(pin)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            me = acting_staff(s, hall, actor)
            row = _existing(s, hall, login)
            if row.id != me.id:
                check_may_manage_account(me.role, row.role)
            elif not verify_secret(row.secret_hash, current_pin or ""):
                raise AuthError("当前密码不正确，未更换密码", "The current PIN is wrong: the PIN was not changed")
            row.secret_hash = hash_secret(pin)
            clear_attempts(s, hall, row)
            return account_view(s, hall, row, self.clock())

    def unlock(self, login: str, *, actor: StaffView | None) -> StaffAccount:
        """Lift a wrong-PIN lock-out now (the clerk is at the window and the supervisor knows who they are)."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            row = _existing(s, hall, login)
            check_may_manage_account(acting_staff(s, hall, actor).role, row.role)
            if login_attempts(s, hall.id, row.login).locked_for(self.clock().timestamp()) <= 0:
                raise AlreadyDone(f"工号“{row.login}”没有被锁定", f"The login {row.login!r} is not locked")
            clear_attempts(s, hall, row)
            return account_view(s, hall, row, self.clock())

    def set_active(self, login: str, active: bool, *, actor: StaffView | None) -> StaffAccount:
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            if not active:
                # PostgreSQL: two administrators disabling each other at once would leave none; the second waits
                # here and then finds itself disabled (SQLite writers are one at a time anyway)
                s.scalars(select(Staff.id).where(Staff.hall_id == hall.id, Staff.active).with_for_update()).all()
            me = acting_staff(s, hall, actor)
            row = _existing(s, hall, login)
            if not active and row.id == me.id:
                raise RuleViolation("不能停用自己的账号", "You cannot disable your own account")
            check_may_manage_account(me.role, row.role)
            if row.active == active:
                state = ("已启用", "enabled") if active else ("已停用", "disabled")
                raise AlreadyDone(f"工号“{row.login}”{state[0]}", f"The login {row.login!r} is already {state[1]}")
            row.active = active
            return account_view(s, hall, row, self.clock())


def account_view(s: Session, hall: Hall, row: Staff, now: datetime) -> StaffAccount:
    left = login_attempts(s, hall.id, row.login).locked_for(now.timestamp())
    return StaffAccount(row.login, row.name, row.role, row.active, lock_minutes(left))


def find_account(s: Session, hall: Hall, login: str) -> Staff | None:
    return s.scalars(select(Staff).where(Staff.hall_id == hall.id, Staff.login == login)).first()


def _existing(s: Session, hall: Hall, login: str) -> Staff:
    row = find_account(s, hall, login)
    if row is None:
        raise NotFoundError(f"没有工号“{login}”", f"There is no login {login!r}")
    return row


def clear_attempts(s: Session, hall: Hall, row: Staff) -> None:
    """Forget the wrong PINs in a row (and the lock-out)."""
    attempts = s.get(LoginAttempt, (hall.id, row.login))
    if attempts is not None:
        s.delete(attempts)
        s.flush()
