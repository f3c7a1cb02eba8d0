"""Who acts at a window: the role check behind every key of the clerk's own window (call, recall, start,
finish, park, pause, open, close, undo).

- An authenticated actor must hold WINDOW_ACT; at a window another clerk is signed in to, only someone who
  may control windows from afar (a supervisor) acts, and the event is marked `remote` so it is audited.
- No actor: only at a window nobody is signed in to (a window a clerk signed in to answers only to that
  clerk's login, so nobody at a shell acts in their name without a PIN), and only while the hall does not
  require a login at windows (`window_login_required`, off by default so that `onewindow ticket call-next
  --window N` drives a fresh sample hall).
- A deactivated clerk's open window stops working at once (acting_staff refuses the account).

Trust boundary, as for every service: whoever holds the hall database credentials can write any row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from app.domain.errors import PermissionDenied
from app.domain.roles import Permission, check_permission
from app.domain.settings_schema import HallSettings
from app.services.auth import acting_staff
from app.services.views import StaffView
from app.store.models import Hall, Staff


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
