"""Who acts at a window: the role check behind every key of the clerk's own window (call, recall, start,
finish, park, pause, open, close, undo).

- An authenticated actor must hold WINDOW_ACT; at a window another clerk is signed in to, only someone who
  may control windows from afar (a supervisor) acts, and the event is marked `remote` so it is audited.
- No actor: the clerk signed in at the window acts, and that account must still be active and allowed (a
  deactivated clerk's open window stops working at once). A window nobody signed in to takes anonymous
  actions only while the hall does not require a login at windows (`window_login_required`, off by default
  so that `onewindow ticket call-next --window N` drives a fresh sample hall).

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
from app.store.audit import ACTOR_KEY, ActingStaff
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
        signed_in = s.get(Staff, w.staff_id)
        if signed_in is None or not signed_in.active:
            raise PermissionDenied(
                f"{w.number} 号窗口登录的账号已停用，请重新登录",
                f"The account signed in at window {w.number} is disabled",
            )
        check_permission(signed_in.role, Permission.WINDOW_ACT)
        s.info[ACTOR_KEY] = ActingStaff(signed_in.id, signed_in.login, signed_in.role)
        return WindowActor(signed_in.id, False)
    if HallSettings.of(hall.settings).window_login_required:
        raise PermissionDenied(
            "本大厅要求窗口人员先登录：请用 --as 工号 或在窗口登录",
            "This hall requires a clerk to log in at the window: use --as LOGIN or log in at the window",
        )
    return WindowActor(None, False)
