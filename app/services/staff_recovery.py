"""The database owner's way back in: a new PIN for a supervisor's or administrator's account, re-enabled and
unlocked, or a first administrator for a hall that has none. Reached only from `onewindow hall staff recover`.

Why there is no acting staff member: this is for the hall whose every account that manages accounts is out of
reach (the only supervisor forgot the PIN, or every supervisor is disabled or locked out), so nobody is left who
could log in and act. What it trusts instead is the database itself: whoever can write the SQLite file or holds the
PostgreSQL credentials can already change any row (the trust boundary in app.services.auth), so this adds no power
they lack; it only does the change through the same rules (PIN shape, login shape) and records it as theirs
(`staff.recovered`, actor "database owner" and the host user name, app.store.audit).

It is not an ordinary service: screens and the kiosk never import it (tests/test_layering.py checks that only
app/cli_staff.py does), because from a screen it would be a way around every permission check. Clerks' and
reviewers' accounts are refused: once a manager is back in, they fix those with the normal commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.credentials import check_login, check_name, check_new_pin
from app.domain.errors import NotFoundError, RuleViolation
from app.domain.roles import PERMISSIONS, ROLE_NAMES, Permission, Role, may, parse_role
from app.services.auth import hash_secret
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.staff_accounts import StaffAccount, account_view, clear_attempts, find_account
from app.store.audit import DatabaseOwner, as_database_owner
from app.store.database import Database
from app.store.models import Staff


@dataclass(frozen=True)
class Recovered:
    account: StaffAccount
    created: bool  # a new administrator (the hall had none)
    enabled: bool  # enabled by the recovery (it was disabled)
    unlocked: bool  # its wrong-PIN lock-out lifted by the recovery
    host_user: str


def recover_manager(
    db: Database,
    login: str,
    pin: str,
    *,
    host_user: str,
    name: str | None = None,
    hall_code: str | None = None,
    clock: Clock = system_clock,
) -> Recovered:
    """A new PIN for the supervisor or administrator `login`, enabled and unlocked; or, given `name` for a login
    that does not exist, a new administrator, which only a hall without any administrator account gets."""
    login = check_login(login)
    check_new_pin(pin)
    name = check_name(name) if name is not None else None
    secret_hash = hash_secret(pin)  # argon2 takes a moment: not while holding the write lock
    with db.write() as s:
        hall = load_hall(s, hall_code)
        as_database_owner(s, DatabaseOwner(host_user))
        row = find_account(s, hall, login)
        now = clock()
        if row is None:
            row = _new_admin(s, hall.id, login, name, secret_hash)
            s.add(row)
            s.flush()
            return Recovered(account_view(s, hall, row, now), True, False, False, host_user)
        if name is not None:
            raise RuleViolation(
                f"工号“{login}”已存在：--name 只用于新建系统管理员",
                f"The login {login!r} exists: --name is only for creating a new administrator",
            )
        if not may(row.role, Permission.STAFF_MANAGE):
            raise _not_a_manager(row.role)
        was_disabled, was_locked = not row.active, account_view(s, hall, row, now).locked_minutes > 0
        row.secret_hash, row.active = secret_hash, True
        with s.no_autoflush:  # its lookup must not flush the PIN alone: PIN, enabling and lifted lock-out are one entry
            clear_attempts(s, hall, row)
        return Recovered(account_view(s, hall, row, now), False, was_disabled, was_locked, host_user)


def _new_admin(s: Session, hall_id: str, login: str, name: str | None, secret_hash: str) -> Staff:
    if name is None:
        raise NotFoundError(
            f"没有工号“{login}”；要新建系统管理员，请加 --name 姓名",
            f"There is no login {login!r}; to create a new administrator, add --name NAME",
        )
    admins = s.scalars(select(Staff.login).where(Staff.hall_id == hall_id, Staff.role == Role.ADMIN.value)).all()
    if admins:
        raise RuleViolation(
            f"大厅已有系统管理员账号（{', '.join(sorted(admins))}）：请恢复该账号，不新建",
            f"The hall already has an administrator account ({', '.join(sorted(admins))}): recover it instead",
        )
    return Staff(hall_id=hall_id, login=login, name=name, role=Role.ADMIN.value, secret_hash=secret_hash)


def _not_a_manager(role: str) -> RuleViolation:
    who = ROLE_NAMES[parse_role(role)]
    managers = sorted(PERMISSIONS[Permission.STAFF_MANAGE])
    return RuleViolation(
        f"数据库恢复只用于{'或'.join(ROLE_NAMES[r][0] for r in managers)}的账号；{who[0]}的账号请由大厅管理用"
        " hall staff pin / unlock / enable 处理",
        f"Recovery is only for {' or '.join(ROLE_NAMES[r][1] for r in managers)} accounts; a {who[1]}'s account is "
        "fixed by a supervisor with hall staff pin, unlock or enable",
    )
