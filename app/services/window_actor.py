"""Who acts at a window: the role check behind every key of the clerk's own window (call, recall, start,
finish, park, pause, open, close, undo).

- An authenticated actor must hold WINDOW_ACT; at a window another clerk is signed in to, only someone who
  may control windows from afar (a supervisor) acts, and the event is marked `remote` so it is audited.
- No actor: only at a window nobody is signed in to (a window a clerk signed in to answers only to that
  clerk's login, so nobody at a shell acts in their name without a PIN), and only while the hall does not
  require a login at windows (`window_login_required`, off by default so that `onewindow ticket call-next
  --window N` drives a fresh sample hall).
- A deactivated clerk's open window stops working at once (acting_staff refuses the account).
- One clerk, one window: a clerk signed in at a window acts at no other (signing in, or pressing keys at a
  window nobody is signed in to, is refused and names the window to sign out of first). A hall counts
  who serves at which window, and a second sign-in would leave the first window open with nobody at it.
  Supervisors are exempt: they act at any window, remotely or not, as before.

Trust boundary, as for every service: whoever holds the hall database credentials can write any row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import PermissionDenied, RuleViolation
from app.domain.roles import Permission, check_permission, may
from app.domain.settings_schema import HallSettings
from app.services.auth import acting_staff
from app.services.views import StaffView
from app.store.models import Hall, Staff, Window


class WindowLike(Protocol):
    """A Window object or a window row read by the Core hot paths: only these columns are read."""

    @property
    def number(self) -> int: ...

    @property
    def staff_id(self) -> str | None: ...


@dataclass(frozen=True)
class WindowActor:
    staff_id: str | None
    remote: bool  # a supervisor acting at a window another clerk is signed in to


def acting_at_window(s: Session, hall: Hall, w: WindowLike, actor: StaffView | None) -> WindowActor:
    if actor is not None:
        staff = acting_staff(s, hall, actor)
        check_permission(staff.role, Permission.WINDOW_ACT)
        remote = w.staff_id is not None and w.staff_id != staff.id
        if remote:
            check_permission(staff.role, Permission.WINDOW_REMOTE)
        elif w.staff_id is None and not may(staff.role, Permission.WINDOW_REMOTE):
            # a query only here: keys at one's own window (the hot path) never reach this line
            _check_not_signed_in_elsewhere(s, hall, w.number, staff)
        return WindowActor(staff.id, remote)
    if w.staff_id is not None:
        # Someone is signed in here: only they (or a supervisor) may press its keys, and they must say who they
        # are, or anyone at a shell could act in their name without a PIN.
        signed_in = s.get(Staff, w.staff_id)
        name = signed_in.name if signed_in is not None else ""
        raise PermissionDenied(
            f"{w.number} 号窗口已由{name}登录：请用 --as 工号 和密码操作",
            f"Window {w.number} is signed in to {signed_in.login if signed_in else 'a clerk'}: act with --as LOGIN",
        )
    if HallSettings.of(hall.settings).window_login_required:
        raise PermissionDenied(
            "本大厅要求窗口人员先登录：请用 --as 工号 或在窗口登录",
            "This hall requires a clerk to log in at the window: use --as LOGIN or log in at the window",
        )
    return WindowActor(None, False)


def signed_in_window(s: Session, hall: Hall, staff_id: str) -> int | None:
    """The number of the (not closed) window `staff_id` is signed in at, if any."""
    query = select(Window.number).where(
        Window.hall_id == hall.id, Window.staff_id == staff_id, Window.status != "closed"
    ).order_by(Window.number)
    return s.scalars(query).first()


def _check_not_signed_in_elsewhere(s: Session, hall: Hall, number: int, staff: Staff) -> None:
    other = signed_in_window(s, hall, staff.id)
    if other is not None and other != number:
        raise RuleViolation(
            f"{staff.name}已在 {other} 号窗口登录：请先在 {other} 号窗口退出（关闭窗口），再到 {number} 号窗口登录",
            f"{staff.login} is signed in at window {other}: sign out there (close window {other}) before "
            f"signing in at window {number}",
            code="signed_in_elsewhere",
        )
