"""The 好差评 follow-up loop for supervisors: assign → call back (回访) → rectify (整改) → close, or appeal
(申诉复核) decided by a second supervisor. Every step writes a note and is audited (app.store.audit); nothing
is ever deleted. A supervisor may take any step; the staff member a follow-up is assigned to may record its
call-back and rectification (the work they were given), and nobody else below a supervisor may. Step
deadlines come from hall settings in working days (回访 within 1, 整改 within 5 by default) on the
working-day calendar; overdue steps are flagged and escalated as alarms by app.services.alarms.
"""

from __future__ import annotations

import builtins
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import service_day
from app.domain.errors import NotFoundError, PermissionDenied
from app.domain.ratings import (
    FOLLOW_UP_NAMES,
    FOLLOW_UP_NEXT,
    OPEN_FOLLOW_UPS,
    FollowUpStatus,
    RatingError,
    RatingLevel,
    check_follow_up_step,
    reasons_en,
    reasons_zh,
)
from app.domain.roles import Permission, check_permission, may
from app.domain.settings_schema import HallSettings
from app.domain.workdays import WorkdayCalendar
from app.services.auth import acting_staff, authorise
from app.services.hall import load_hall
from app.services.id_prefix import resolve_id_prefix
from app.services.views import StaffView
from app.services.workday_service import WorkdayService
from app.store.models import Hall, Staff
from app.store.models_visits import Rating, RatingFollowUp

log = logging.getLogger("onewindow.follow_ups")

# status reached -> the name of the step that reaches it (audit action follow_up.<step>)
STEP_NAMES = {
    FollowUpStatus.ASSIGNED: "assign",
    FollowUpStatus.CONTACTED: "callback",
    FollowUpStatus.RECTIFIED: "rectify",
    FollowUpStatus.CLOSED: "close",
    FollowUpStatus.APPEALED: "appeal",
}


# The steps the assignee records themselves (the work they were given); assigning, closing the loop and
# appeals stay with a supervisor, who checks the work.
ASSIGNEE_STEPS = frozenset({FollowUpStatus.CONTACTED, FollowUpStatus.RECTIFIED})


def follow_up_deadlines(calendar: WorkdayCalendar, settings: HallSettings, opened: date) -> tuple[date, date]:
    """(回访 due, 整改 due) for a follow-up opened on `opened`, in working days."""
    return (
        calendar.add_workdays(opened, settings.follow_up_contact_workdays),
        calendar.add_workdays(opened, settings.follow_up_rectify_workdays),
    )


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    reference: str
    level: int
    level_zh: str
    reasons_zh: str
    comment: str
    window_number: int | None
    rated_staff: str | None
    status: str
    status_zh: str
    opened_at: datetime
    assigned_to: str | None
    contact_due: date
    rectify_due: date
    due_date: date
    step_due: date | None  # the deadline of the step it waits for; None once closed or under appeal
    overdue: bool
    overdue_step: str | None  # "callback" | "rectify" | "close"
    next_steps: tuple[str, ...]
    notes: tuple[dict[str, Any], ...]
    reasons_en: str = ""


class FollowUpService(WorkdayService):
    # ---- reading ---------------------------------------------------------------------------------------

    def list(self, *, open_only: bool = False, overdue_only: bool = False) -> list[FollowUpRow]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            query = select(RatingFollowUp).where(RatingFollowUp.hall_id == hall.id)
            if open_only:
                query = query.where(RatingFollowUp.status.in_([str(x) for x in OPEN_FOLLOW_UPS]))
            rows = s.scalars(query.order_by(RatingFollowUp.opened_at)).all()
            out = [self._row(s, hall, f) for f in rows]
        return [r for r in out if r.overdue] if overdue_only else out

    def mine(self, *, actor: StaffView | None) -> builtins.list[FollowUpRow]:  # (`list` is a method here)
        """The open follow-ups assigned to `actor`: the call-backs and rectifications a clerk has to record."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            staff = acting_staff(s, hall, actor)
            query = select(RatingFollowUp).where(
                RatingFollowUp.hall_id == hall.id,
                RatingFollowUp.assigned_to == staff.id,
                RatingFollowUp.status.in_([str(x) for x in OPEN_FOLLOW_UPS]),
            )
            return [self._row(s, hall, f) for f in s.scalars(query.order_by(RatingFollowUp.opened_at))]

    def get(self, follow_up_id: str) -> FollowUpRow:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return self._row(s, hall, self._load(s, hall, follow_up_id))

    def _row(self, s: Session, hall: Hall, f: RatingFollowUp) -> FollowUpRow:
        r = s.get_one(Rating, f.rating_id)
        status, level = FollowUpStatus(f.status), RatingLevel(r.level)
        opened = service_day(f.opened_at, hall.timezone)
        contact_due, rectify_due = f.contact_due, f.rectify_due
        if contact_due is None or rectify_due is None:  # opened before these deadlines were kept
            contact_due, rectify_due = follow_up_deadlines(self.calendar, HallSettings.of(hall.settings), opened)
        step_due, step = {
            FollowUpStatus.OPEN: (contact_due, "callback"),
            FollowUpStatus.ASSIGNED: (contact_due, "callback"),
            FollowUpStatus.CONTACTED: (rectify_due, "rectify"),
            FollowUpStatus.RECTIFIED: (f.due_date, "close"),
        }.get(status, (None, None))
        today = service_day(self.clock(), hall.timezone)
        overdue = step_due is not None and today > step_due
        names = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_([f.assigned_to, r.staff_id]))).all())
        return FollowUpRow(
            id=f.id,
            reference=r.reference,
            level=int(level),
            level_zh=level.name_zh,
            reasons_zh=reasons_zh(r.reasons or ()),
            reasons_en=reasons_en(r.reasons or ()),
            comment=r.comment,
            window_number=r.window_number,
            rated_staff=names.get(r.staff_id) if r.staff_id else None,
            status=f.status,
            status_zh=FOLLOW_UP_NAMES[status][0],
            opened_at=f.opened_at,
            assigned_to=names.get(f.assigned_to) if f.assigned_to else None,
            contact_due=contact_due,
            rectify_due=rectify_due,
            due_date=f.due_date,
            step_due=step_due,
            overdue=overdue,
            overdue_step=step if overdue else None,
            next_steps=tuple(STEP_NAMES[x] for x in FOLLOW_UP_NEXT[status]),
            notes=tuple(dict(n) for n in f.notes or ()),
        )

    @staticmethod
    def _load(s: Session, hall: Hall, follow_up_id: str, lock: bool = False) -> RatingFollowUp:
        mine = [RatingFollowUp.hall_id == hall.id]
        found_id = resolve_id_prefix(s, RatingFollowUp.id, follow_up_id, mine, what=("差评处理记录", "follow-up"))
        query = select(RatingFollowUp).where(RatingFollowUp.id == found_id)
        return s.scalars(query.with_for_update() if lock else query).one()

    # ---- steps -----------------------------------------------------------------------------------------

    def step(
        self, follow_up_id: str, to_status: str, note: str, *, actor: StaffView | None, **extra: Any
    ) -> FollowUpRow:
        """One step of the loop with its note (a supervisor, or for 回访/整改 the assignee); `extra` is kept in
        the step's record."""
        target = FollowUpStatus(to_status)
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff, f = self._authorise_step(s, hall, actor, follow_up_id, target)
            text = check_follow_up_step(f.status, target, note)
            self._record(f, staff, target, text, extra)
            s.flush()
            row = self._row(s, hall, f)
        log.info("follow-up %s: %s", row.reference, row.status)
        return row

    def _authorise_step(
        self, s: Session, hall: Hall, actor: StaffView | None, follow_up_id: str, target: FollowUpStatus
    ) -> tuple[Staff, RatingFollowUp]:
        """The actor's row and the locked follow-up, when the actor may take this step on it. The role is checked
        before the id is looked up, so whoever may not act learns nothing about which follow-ups exist."""
        staff = acting_staff(s, hall, actor)
        if may(staff.role, Permission.FOLLOW_UP):
            return staff, self._load(s, hall, follow_up_id, lock=True)
        if target not in ASSIGNEE_STEPS:
            check_permission(staff.role, Permission.FOLLOW_UP)  # raises: naming the roles that may
        check_permission(staff.role, Permission.FOLLOW_UP_ASSIGNED)
        f = self._load(s, hall, follow_up_id, lock=True)
        if f.assigned_to != staff.id:
            raise PermissionDenied(
                "无权记录：这条差评没有指派给您，只有被指派的工作人员或大厅管理可以记录回访和整改",
                "This follow-up is not assigned to you: only its assignee or a supervisor may record it",
            )
        return staff, f

    def _record(
        self, f: RatingFollowUp, staff: Staff, target: FollowUpStatus, text: str, extra: dict[str, Any]
    ) -> None:
        now = self.clock()
        step = STEP_NAMES.get(target, str(target))
        entry = {"at": now.isoformat(), "staff_id": staff.id, "from": f.status, "to": str(target), "note": text}
        entry.update({"step": step, **extra})
        f.notes = [*(f.notes or []), entry]  # a new list: in-place changes to a JSON column are not seen
        f.status = str(target)
        if target is FollowUpStatus.CONTACTED:
            f.contacted_at = now
        elif target is FollowUpStatus.RECTIFIED:
            f.rectified_at = now
        elif target is FollowUpStatus.CLOSED:
            f.closed_at = now

    def assignees(self) -> tuple[StaffView, ...]:  # (`list` is a method name in this class)
        """Who a follow-up can be given to: the hall's active staff, by name."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            rows = s.scalars(select(Staff).where(Staff.hall_id == hall.id, Staff.active).order_by(Staff.login)).all()
            return tuple(StaffView(r.id, r.login, r.name, r.role) for r in rows)

    def assign(
        self, follow_up_id: str, assignee_login: str, note: str = "", *, actor: StaffView | None
    ) -> FollowUpRow:
        """指派: a staff member handles the call-back; reassigning is allowed until the call-back is done.
        Without a note the record says who was given it."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            # The role first: whoever may not assign learns nothing, not even whether a login exists.
            staff = authorise(s, hall, actor, Permission.FOLLOW_UP)
            assignee = s.scalars(
                select(Staff).where(Staff.hall_id == hall.id, Staff.login == assignee_login.strip(), Staff.active)
            ).first()
            if assignee is None:
                who = assignee_login.strip()
                raise NotFoundError(f"没有工号为 {who} 的在岗工作人员", f"No active staff member '{who}'")
            f = self._load(s, hall, follow_up_id, lock=True)
            note = note.strip() or f"指派 {assignee.name} 负责回访"
            text = check_follow_up_step(f.status, FollowUpStatus.ASSIGNED, note)
            f.assigned_to = assignee.id
            self._record(f, staff, FollowUpStatus.ASSIGNED, text, {"assignee": assignee.login})
            s.flush()
            row = self._row(s, hall, f)
        log.info("follow-up %s assigned", row.reference)
        return row

    def callback(self, follow_up_id: str, result: str, satisfaction: int, *, actor: StaffView | None) -> FollowUpRow:
        """回访: what the citizen said, and how satisfied they are now (1..5)."""
        try:
            level = RatingLevel(int(satisfaction))
        except ValueError:
            raise RatingError("回访满意度请选 1 到 5", "Callback satisfaction must be 1 to 5", code="rule") from None
        extra = {"satisfaction": int(level), "satisfaction_zh": level.name_zh}
        return self.step(follow_up_id, str(FollowUpStatus.CONTACTED), result, actor=actor, **extra)

    def rectify(self, follow_up_id: str, what_changed: str, *, actor: StaffView | None) -> FollowUpRow:
        return self.step(follow_up_id, str(FollowUpStatus.RECTIFIED), what_changed, actor=actor)

    def close(self, follow_up_id: str, note: str, *, actor: StaffView | None) -> FollowUpRow:
        return self.step(follow_up_id, str(FollowUpStatus.CLOSED), note, actor=actor)

    def appeal(self, follow_up_id: str, reason: str, *, actor: StaffView | None) -> FollowUpRow:
        """申诉: the rating is said to be mistaken (wrong window, a mis-tap); a second supervisor decides."""
        return self.step(follow_up_id, str(FollowUpStatus.APPEALED), reason, actor=actor)

    def decide_appeal(self, follow_up_id: str, upheld: bool, note: str, *, actor: StaffView | None) -> FollowUpRow:
        """复核: upheld closes the follow-up (the rating stays on record, marked); refused returns it."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.APPEAL_DECIDE)
            f = self._load(s, hall, follow_up_id, lock=True)
            if f.status != FollowUpStatus.APPEALED:
                raise RatingError("这条差评没有在申诉复核中", "This follow-up is not under appeal", code="rule")
            appeal = next(n for n in reversed(f.notes or []) if n.get("to") == FollowUpStatus.APPEALED)
            if appeal.get("staff_id") == staff.id:
                raise PermissionDenied("申诉须由另一名管理人员复核", "An appeal must be decided by a second supervisor")
            text = check_follow_up_step(FollowUpStatus.CONTACTED, FollowUpStatus.CLOSED, note)  # the note rule
            back = FollowUpStatus.CLOSED if upheld else FollowUpStatus(appeal["from"])
            self._record(f, staff, back, text, {"step": "appeal_decided", "appeal_upheld": upheld})
            s.flush()
            return self._row(s, hall, f)
