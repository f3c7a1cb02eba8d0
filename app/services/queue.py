"""Queue use cases: issue tickets and every window action. Each call is one transaction."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import (
    NotFoundError,
    RuleViolation,
)
from app.domain.ids import new_id
from app.domain.queue_policy import (
    Candidate,
    ServedCategory,
    ServeMode,
    choose_next,
    front_of_line_key,
)
from app.domain.roles import Permission
from app.domain.settings_schema import HallSettings
from app.domain.ticket_rules import Action, TicketStatus, check_can_call_next, next_status
from app.services import queue_events as ev
from app.services import queue_read as rd
from app.services import queue_sql as sq
from app.services import queue_write as qw
from app.services.auth import authorise
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.queue_issue import TicketIssuing
from app.services.queue_queries import QueueQueries
from app.services.views import StaffView, TicketView
from app.services.window_actor import WindowActor, acting_at_window
from app.store.database import Database
from app.store.models import Hall, Ticket, Window

log = logging.getLogger("onewindow.queue")
# On PostgreSQL a line head can be claimed by another window between our read and our update (SKIP LOCKED
# passes over rows being claimed, not rows just claimed): read the heads again, a few times at most.
_CLAIM_ATTEMPTS = 5


def _marked(who: WindowActor, detail: dict[str, Any]) -> dict[str, Any]:
    """A supervisor at another clerk's window: the event says so, and the audit hook records it."""
    return {**detail, "remote": True} if who.remote else detail


class QueueService(TicketIssuing, QueueQueries):
    def __init__(self, db: Database, clock: Clock = system_clock, hall_code: str | None = None) -> None:
        self.db = db
        self.clock = clock
        self.hall_code = hall_code
        self._cached_hall: tuple[tuple[Any, ...], Hall] | None = None

    # ---- window actions ------------------------------------------------------------------------------------

    def check_sign_in(self, window_number: int, actor: StaffView) -> None:
        """What `open_window` would refuse, asked at the login dialog (nothing written): a clerk signed in at
        another window, or a window another clerk is signed in to."""
        with self.db.read() as s:
            hall, w = self._window(s, window_number)
            acting_at_window(s, hall, w, actor)

    def open_window(self, window_number: int, actor: StaffView | None = None) -> None:
        """The clerk `actor` signs in at the window and opens it (see app.services.window_actor)."""
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            w.staff_id, w.status, w.status_since = who.staff_id, "open", self.clock()
            self._event(s, hall, "window_opened", w.status_since, window=w, who=who)

    def close_window(self, window_number: int, *, actor: StaffView | None = None) -> None:
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            if self._current(s, w) is not None:
                raise RuleViolation("请先办结或暂挂当前号，再关闭窗口", "Finish or park the current ticket first")
            self._event(s, hall, "window_closed", self.clock(), window=w, who=who)
            w.status, w.staff_id, w.status_since = "closed", None, self.clock()

    def leave_window(self, window_number: int, current: str | None = None, *, actor: StaffView | None = None) -> None:
        """The clerk closes the staff window: the ticket at it is finished, parked or handed back to the
        front of its line ("finish" | "park" | "hand_back"), then the window closes. Handing back is a
        transfer, audited: it needs the acting clerk (`actor`)."""
        view = None
        if current == "finish":
            view = self.finish(window_number, actor=actor)
        elif current == "park":
            view = self.park(window_number, actor=actor)
        elif current == "hand_back":
            t = self.ticket_status_at(window_number)
            if t is not None:
                view = self.transfer(window_number, to_prefix=t.category_prefix, to_front=True, actor=actor)
        log.info("window %s closed (%s %s)", window_number, current, view.display_number if view else "")
        self.close_window(window_number, actor=actor)

    def ticket_status_at(self, window_number: int) -> TicketView | None:
        with self.db.read() as s:
            hall, w = self._window(s, window_number)
            t = self._current(s, w)
            return rd.ticket_view(s, hall, t, w) if t is not None else None

    def pause_window(self, window_number: int, reason: str = "", *, actor: StaffView | None = None) -> None:
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            w.status, w.status_since = "paused", self.clock()
            self._event(s, hall, "paused", w.status_since, window=w, who=who, detail={"reason": reason})

    def resume_window(self, window_number: int, *, actor: StaffView | None = None) -> None:
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            w.status, w.status_since = "open", self.clock()
            self._event(s, hall, "resumed", w.status_since, window=w, who=who)

    def call_next(self, window_number: int, *, actor: StaffView | None = None) -> TicketView | None:
        """Call the next ticket for this window. A ticket being served at the window is finished first;
        one called moments ago, or called and never started, is not: see `check_can_call_next`."""
        with self.db.write() as s:
            hall, w, who = self._locked_window(s, window_number, actor)
            conn = s.connection()
            if w.status == "paused":
                raise RuleViolation("窗口暂停中，请先恢复", "The window is paused: resume it first")
            now = self.clock()
            staff_id = who.staff_id
            current = conn.execute(sq.CURRENT_ROW_AT_WINDOW, sq.params(window_id=w.id)).first()
            op = new_id()
            if current is not None:
                since = (now - current.called_at).total_seconds() if current.called_at else float("inf")
                limit = HallSettings.of(hall.settings).min_call_interval_s
                check_can_call_next(rd.display_number(current.prefix, current.number), current.status, since, limit)
                auto = _marked(who, {"auto": True})
                if qw.act(s, hall.id, current, Action.FINISH, now, w.id, staff_id, auto, op) is None:
                    raise RuleViolation("本窗口的号刚被改动，请再试一次", "The ticket here just changed: try again")
            if w.status != "open":
                w = qw.update_window(s, w.id, {"status": "open", "staff_id": staff_id, "status_since": now})
            day = rd.today(hall, now)
            for _ in range(_CLAIM_ATTEMPTS):
                picked = self._pick(s, hall, w, day)
                if picked is None:
                    return None
                t = conn.execute(sq.TICKET_ROW, sq.params(id=picked.ticket_id)).one()
                called = {"window_id": w.id, "staff_id": staff_id, "called_at": now, "target_window_id": None,
                          "recall_count": 0}  # fmt: skip
                row = qw.act(s, hall.id, t, Action.CALL, now, w.id, staff_id, _marked(who, {}), op, called)
                if row is not None:
                    return rd.ticket_view(s, hall, row, w)
            raise RuleViolation("叫号繁忙，请再试一次", "Calling is busy right now: try again")

    def _pick(self, s: Session, hall: Hall, w: Any, day: Any) -> Candidate | None:
        conn = s.connection()
        links = conn.execute(sq.WINDOW_LINK_ROWS, sq.params(window_id=w.id)).all()
        served = [ServedCategory(x.category_id, x.order, x.weight) for x in links]
        # One round trip for the head of every line this window may call (plus tickets sent to it).
        keys = sq.params(hall_id=hall.id, day=day, window_id=w.id)
        keys.update(sq.params(**{f"c{i}": sc.category_id for i, sc in enumerate(served)}))
        rows = conn.execute(sq.line_heads(len(served)), keys).all()
        heads = [Candidate(tid, cid, sort_at, for_this_window=bool(d)) for tid, cid, sort_at, d in rows]
        calls: dict[str, int] = {}
        if w.mode == ServeMode.WEIGHT and len(heads) > 1:  # shares only matter when several lines compete
            calls = {cid: n for cid, n in conn.execute(sq.CALLS_TODAY_BY_CATEGORY, keys).all()}
        return choose_next(w.mode, served, heads, calls)

    def recall(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        """Call the current ticket again; past the allowed recalls it becomes a no-show (过号)."""
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            t = self._require_current(s, w)
            now = self.clock()
            if t.status != TicketStatus.CALLED:
                raise RuleViolation("已开始办理，不能重呼", "Service has started: nothing to recall")
            if t.recall_count + 1 > HallSettings.of(hall.settings).max_recalls:
                self._apply(s, hall, t, Action.NO_SHOW, now, w, who, {"recalls": t.recall_count})
            else:
                before = ev.snapshot(t)
                t.recall_count += 1
                detail = {"recall": t.recall_count, "before": before, "op": new_id()}
                self._event(s, hall, "recalled", now, ticket=t, window=w, who=who, detail=detail)
            s.flush()
            return rd.ticket_view(s, hall, t, w)

    def skip(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        return self._act_on_current(window_number, Action.SKIP, actor)

    def start(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        return self._act_on_current(window_number, Action.START, actor)

    def finish(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        return self._act_on_current(window_number, Action.FINISH, actor)

    def park(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        return self._act_on_current(window_number, Action.PARK, actor)

    def begin_service(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        """Intake (F10) starts service: a called ticket becomes "serving"; one already served stays so."""
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            t = self._require_current(s, w)
            if t.status == TicketStatus.CALLED:
                self._apply(s, hall, t, Action.START, self.clock(), w, who, {"intake": True})
                s.flush()
            return rd.ticket_view(s, hall, t, w)

    def undo_last(self, window_number: int, *, actor: StaffView | None = None) -> TicketView:
        """Undo the window's last action (a wrong call, finish, no-show...) within `undo_window_s`."""
        with self.db.write() as s:
            hall, w = self._window(s, window_number, lock=True)
            acting_at_window(s, hall, w, actor)
            window_s = HallSettings.of(hall.settings).undo_window_s
            t = ev.undo_last(s, hall, w, self.clock(), window_s)
            s.flush()
            return rd.ticket_view(s, hall, t)

    def report_display(self, speech: bool) -> None:
        """The calling display says whether it can speak, so the staff windows can tell the clerks."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            self._event(s, hall, "display_status", self.clock(), detail={"speech": speech})

    def heartbeat(self, window_number: int) -> None:
        """The staff client is alive at this window; written at most once per `heartbeat_s`."""
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            now = self.clock()
            if ev.needs_heartbeat(s, w, now, HallSettings.of(hall.settings).heartbeat_s):
                self._event(s, hall, "heartbeat", now, window=w, staff_id=w.staff_id)

    def resume(self, window_number: int, ticket_id: str, *, actor: StaffView | None = None) -> TicketView:
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            who = acting_at_window(s, hall, w, actor)
            if self._current(s, w) is not None:
                raise RuleViolation("请先办结或暂挂当前号", "Finish or park the current ticket first")
            t = s.get(Ticket, ticket_id)
            if t is None or t.window_id != w.id or t.status != TicketStatus.PARKED:
                raise NotFoundError("没有找到本窗口暂挂的这个号", "No such parked ticket at this window")
            self._apply(s, hall, t, Action.RESUME, self.clock(), w, who)
            s.flush()
            return rd.ticket_view(s, hall, t, w)

    def transfer(
        self,
        window_number: int,
        *,
        ticket_id: str | None = None,
        to_prefix: str | None = None,
        to_window: int | None = None,
        to_front: bool = False,
        actor: StaffView | None = None,
    ) -> TicketView:
        """Send a ticket to another category or a specific window, at the front or the back of its line.

        Audited (app.store.audit): `actor` must be a clerk or a supervisor, checked here."""
        if not to_prefix and to_window is None:
            raise RuleViolation("请选择转到的业务类别或窗口", "Choose a category or a window to transfer to")
        with self.db.write() as s:
            hall, w = self._window(s, window_number)
            staff = authorise(s, hall, actor, Permission.WINDOW_ACT)
            t = s.get(Ticket, ticket_id) if ticket_id else self._require_current(s, w)
            if t is None or t.hall_id != hall.id:
                raise NotFoundError("没有找到要转移的号", "No such ticket to transfer")
            now = self.clock()
            detail: dict[str, Any] = {"from_category": t.prefix, "from_window": window_number, "front": to_front}
            detail["before"] = ev.snapshot(t)
            if to_prefix:
                cat = self._category(s, hall, to_prefix)
                t.category_id = cat.id  # the number (e.g. B012) stays: it is what the citizen holds
                detail["to_category"] = cat.prefix
            target = None
            if to_window is not None:
                _, target = self._window(s, to_window)
                detail["to_window"] = to_window
            who = WindowActor(staff.id, False)
            self._apply(s, hall, t, Action.TRANSFER, now, w, who, detail, kind="transferred")
            t.target_window_id = target.id if target else None
            t.window_id = None
            earliest = s.scalar(
                select(func.min(Ticket.sort_at)).where(
                    Ticket.hall_id == hall.id,
                    Ticket.service_day == t.service_day,
                    Ticket.status == TicketStatus.WAITING,
                    Ticket.id != t.id,
                )
            )
            t.sort_at = front_of_line_key(earliest, now) if to_front else now
            s.flush()
            return rd.ticket_view(s, hall, t, w)

    # ---- helpers -------------------------------------------------------------------------------------------

    def _locked_window(self, s: Session, window_number: int, actor: StaffView | None) -> tuple[Hall, Any, WindowActor]:
        """The hot paths' start: the cached hall, the window row locked (on PostgreSQL), who acts there."""
        hall = self._hall(s)
        w = s.connection().execute(sq.WINDOW_ROW_BY_NUMBER, sq.params(hall_id=hall.id, number=window_number)).first()
        if w is None:
            raise NotFoundError(f"没有 {window_number} 号窗口", f"No window number {window_number}")
        return hall, w, acting_at_window(s, hall, w, actor)

    def _act_on_current(self, window_number: int, action: Action, actor: StaffView | None) -> TicketView:
        """start / finish / no-show / park on the ticket at the window: the Core path call-next takes (a clerk
        presses one of these between two calls, so they are as hot as call-next itself)."""
        with self.db.write() as s:
            hall, w, who = self._locked_window(s, window_number, actor)
            conn = s.connection()
            t = conn.execute(sq.CURRENT_ROW_AT_WINDOW, sq.params(window_id=w.id)).first()
            if t is None:
                raise RuleViolation("本窗口当前没有号", "There is no ticket at this window")
            row = qw.act(s, hall.id, t, action, self.clock(), w.id, who.staff_id, _marked(who, {}), new_id())
            if row is None:  # the window row is locked, so only a move from outside the window gets here
                raise RuleViolation("本窗口的号刚被改动，请再试一次", "The ticket here just changed: try again")
            return rd.ticket_view(s, hall, row, w)

    def _apply(
        self,
        s: Session,
        hall: Hall,
        t: Ticket,
        action: Action,
        now: datetime,
        w: Window | None,
        who: WindowActor,
        detail: dict[str, Any] | None = None,
        kind: str | None = None,
        op: str | None = None,
    ) -> None:
        detail = {"before": ev.snapshot(t), **(detail or {}), "op": op or new_id()}
        for name, value in ev.transition(t, next_status(t.status, action), now).items():
            setattr(t, name, value)
        kind = kind or ev.EVENT_KINDS.get(action, action.value)
        self._event(s, hall, kind, now, ticket=t, window=w, who=who, detail=detail)

    def _event(
        self,
        s: Session,
        hall: Hall,
        kind: str,
        at: datetime,
        *,
        ticket: Ticket | None = None,
        window: Window | None = None,
        staff_id: str | None = None,
        who: WindowActor | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        if who is not None:
            staff_id, detail = who.staff_id, _marked(who, detail or {})
        ev.write_event(s, hall, kind, at, ticket=ticket, window=window, staff_id=staff_id, detail=detail)

    def _window(self, s: Session, number: int, lock: bool = False) -> tuple[Hall, Window]:
        hall = load_hall(s, self.hall_code)
        # `lock`: the window row, as call-next takes it, serialises actions at one window across PCs on
        # PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises writers).
        query = sq.WINDOW_BY_NUMBER.with_for_update(of=Window) if lock else sq.WINDOW_BY_NUMBER
        w = s.scalars(query, sq.params(hall_id=hall.id, number=number)).first()
        if w is None:
            raise NotFoundError(f"没有 {number} 号窗口", f"No window number {number}")
        return hall, w

    def _current(self, s: Session, w: Window) -> Ticket | None:
        return s.scalars(sq.CURRENT_AT_WINDOW, sq.params(window_id=w.id)).first()

    def _require_current(self, s: Session, w: Window) -> Ticket:
        t = self._current(s, w)
        if t is None:
            raise RuleViolation("本窗口当前没有号", "There is no ticket at this window")
        return t
