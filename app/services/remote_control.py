"""What a supervisor controls from the console: open, pause or close any window, move waiting tickets
between categories, and broadcast a line to the calling display's marquee. Supervisor role, checked here;
every step is a queue event marked `remote` (so the audit hook records it) or an audited settings change.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.errors import NotFoundError, RuleViolation
from app.domain.roles import Permission
from app.domain.ticket_rules import ACTIVE_AT_WINDOW, TicketStatus
from app.services.auth import authorise
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.queue_read import today
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Category, QueueEvent, Ticket, Window

WINDOW_ACTIONS = {
    "open": ("open", "window_opened"),
    "pause": ("paused", "paused"),
    "close": ("closed", "window_closed"),
}


class RemoteControl:
    def __init__(self, db: Database, *, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db, self.clock, self.hall_code = db, clock, hall_code

    def set_window(self, window_number: int, action: str, *, actor: StaffView | None, reason: str = "") -> str:
        """open | pause | close another window; closing needs no ticket at it. Returns the new status."""
        if action not in WINDOW_ACTIONS:
            raise RuleViolation(f"未知的窗口操作“{action}”", f"Unknown window action '{action}'")
        status, kind = WINDOW_ACTIONS[action]
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.WINDOW_REMOTE)
            w = s.scalars(select(Window).where(Window.hall_id == hall.id, Window.number == window_number)).first()
            if w is None:
                raise NotFoundError(f"没有 {window_number} 号窗口", f"No window {window_number}")
            if action == "close":
                busy = s.scalars(
                    select(Ticket.id).where(Ticket.window_id == w.id, Ticket.status.in_(list(ACTIVE_AT_WINDOW)))
                ).first()
                if busy is not None:
                    raise RuleViolation("该窗口正在办理，不能关闭", "That window is serving a ticket: it cannot close")
            now = self.clock()
            detail: dict[str, Any] = {"remote": True, "by": staff.login, "reason": reason.strip()[:200]}
            s.add(QueueEvent(hall_id=hall.id, kind=kind, window_id=w.id, staff_id=staff.id, at=now, detail=detail))
            w.status, w.status_since = status, now
            if status == "closed":
                w.staff_id = None
            return status

    def move_waiting(self, from_prefix: str, to_prefix: str, *, actor: StaffView | None, limit: int = 0) -> int:
        """Move waiting tickets (oldest first; `limit` 0 = all) to another category; each keeps its place."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.WINDOW_REMOTE)
            if limit < 0:
                raise RuleViolation("数量不能为负数（0 表示全部）", "The number cannot be negative (0 means all)")
            cats = {c.prefix: c for c in s.scalars(select(Category).where(Category.hall_id == hall.id))}
            src, dst = cats.get(from_prefix.upper()), cats.get(to_prefix.upper())
            for prefix, cat in ((from_prefix, src), (to_prefix, dst)):
                if cat is None:
                    raise NotFoundError(f"没有业务类别“{prefix}”", f"No service category '{prefix}'")
            assert src is not None and dst is not None  # checked just above
            if src.id == dst.id:
                raise RuleViolation("请选择两个不同的业务类别", "Choose two different categories")
            query = (
                select(Ticket)
                .where(Ticket.hall_id == hall.id, Ticket.service_day == today(hall, self.clock()),
                       Ticket.status == TicketStatus.WAITING, Ticket.category_id == src.id,
                       Ticket.target_window_id.is_(None))  # fmt: skip
                .order_by(Ticket.sort_at)
            )
            tickets = s.scalars(query.limit(limit) if limit > 0 else query).all()
            now = self.clock()
            for t in tickets:
                t.category_id = dst.id
                detail = {"remote": True, "by": staff.login, "from_category": src.prefix, "to_category": dst.prefix}
                s.add(QueueEvent(hall_id=hall.id, kind="transferred", ticket_id=t.id, staff_id=staff.id, at=now,
                                 detail=detail))  # fmt: skip
            return len(tickets)

    def broadcast(self, text: str, *, actor: StaffView | None) -> str:
        """A line on the calling display's marquee (replaces the hall notice; the audit keeps the old one)."""
        line = " ".join((text or "").split())[:200]
        if len(line) < 2:
            raise RuleViolation("请输入要播放的内容", "Type the line to show")
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            authorise(s, hall, actor, Permission.BROADCAST)
            hall.settings = {**(hall.settings or {}), "notice_zh": line}
            return line
