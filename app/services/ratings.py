"""Rating use cases (好差评): resolve what is rated, store one rating per ticket or case, and run the
follow-up loop every bad rating opens (差评回访 → 整改 → 闭环). Each call is one transaction.

Rules (app.domain.ratings): five levels stored 5..1, reasons required for 不满意/非常不满意, one rating
per target — a second one is refused (the unique key also settles a kiosk and a window pad racing).
A ticket may be rated up to ``rating_days`` (hall setting, default 7) after its service day, a case any time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.calendar import service_day
from app.domain.cases import receipt_from_scan
from app.domain.errors import NotFoundError
from app.domain.masking import id_tail_matches
from app.domain.ratings import (
    FOLLOW_UP_NAMES,
    FOLLOW_UP_NEXT,
    OPEN_FOLLOW_UPS,
    Channel,
    FollowUpStatus,
    RatingError,
    RatingLevel,
    Reference,
    TargetKind,
    ValidRating,
    parse_reference,
    reasons_zh,
    validate_rating,
)
from app.domain.settings_schema import HallSettings
from app.domain.ticket_rules import TicketStatus
from app.services.hall import load_hall
from app.services.queue_read import display_number
from app.services.rating_links import cases_of_ticket, directly_rated, rated_through_a_ticket
from app.services.rating_views import FollowUpNote, FollowUpView, RatingTargetView, RatingView
from app.services.views import StaffView
from app.services.workday_service import WorkdayService
from app.store.models import Category, Hall, Staff, Ticket, Window
from app.store.models_intake import IntakeCase
from app.store.models_visits import Rating, RatingFollowUp

log = logging.getLogger("onewindow.ratings")


@dataclass(frozen=True)
class _Target:
    view: RatingTargetView
    staff_id: str | None
    case_ids: tuple[str, ...] = ()  # the cases this service covered (app.services.rating_links)


def _already_rated() -> RatingError:
    return RatingError(
        "该号票或办件已经评价过，感谢您的反馈", "This has already been rated: thank you", code="already_rated"
    )


def _not_found() -> RatingError:
    return RatingError(
        "未找到可评价的号票或办件，请核对号码", "No ticket or case to rate: check the number", code="rating_target"
    )


def _proof(reference: str, id_last4: str) -> str:
    """ "qr" for a scanned receipt QR, else the typed last 4 ID characters (upper case), else ""."""
    if receipt_from_scan(reference) is not None:
        return "qr"
    return id_last4.strip().upper() if len(id_last4.strip()) == 4 else ""


class RatingService(WorkdayService):
    # ---- what is rated -------------------------------------------------------------------------------------

    def resolve_target(self, reference: str, id_last4: str = "") -> RatingTargetView:
        """What will be rated, from proof the citizen holds: the ticket's QR (or its id, as the window pad
        has it), the receipt's QR, or the receipt number plus the last 4 ID characters. A typed ticket
        number proves nothing (anyone can read B012 off the display) and is refused.

        Refuses a target that is already rated, so the citizen learns it before choosing stars."""
        ref = parse_reference(reference)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            target = self._resolve(s, hall, ref, _proof(reference, id_last4))
            self._refuse_if_rated(s, hall, target.view.kind, target.view.target_id)
            return target.view

    def _resolve(self, s: Session, hall: Hall, ref: Reference, proof: str = "") -> _Target:
        if ref.hall_code is not None and ref.hall_code != hall.code:
            raise RatingError(
                f"这张号票不是本大厅的（{ref.hall_code}），请在办理的大厅评价",
                f"This ticket is from hall {ref.hall_code}: please rate it there",
                code="rating_target",
            )
        if ref.kind == "receipt":
            case = s.scalars(
                select(IntakeCase).where(IntakeCase.hall_id == hall.id, IntakeCase.receipt_number == ref.value)
            ).first()
            if case is None:
                raise _not_found()
            if proof != "qr" and not id_tail_matches(proof, case.applicant_id_number, case.agent_id_number):
                if not proof:
                    raise RatingError(
                        "请扫描回执上的二维码，或输入受理编号和申请人身份证后4位",
                        "Scan the receipt's QR code, or type the receipt number and the last 4 ID characters",
                        code="rating_proof",
                    )
                raise _not_found()  # same answer as an unknown receipt: nothing to learn by guessing
            return self._case_target(hall, case)
        today = service_day(self.clock(), hall.timezone)
        if ref.kind == "ticket_number":
            raise RatingError(
                "请扫描号票上的二维码评价（只输入号码不能证明是您的号）",
                "Scan the QR code on your ticket: a typed number does not show the ticket is yours",
                code="rating_proof",
            )
        ticket = s.get(Ticket, ref.value)  # a ticket QR or the id the window pad holds: both unguessable
        if ticket is None or ticket.hall_id != hall.id:
            raise _not_found()
        return self._ticket_target(s, hall, ticket, today)

    def _load(self, s: Session, hall: Hall, kind: str, target_id: str) -> _Target:
        if TargetKind(kind) is TargetKind.CASE:
            case = s.get(IntakeCase, target_id)
            if case is None or case.hall_id != hall.id or not case.receipt_number:
                raise _not_found()
            return self._case_target(hall, case)
        ticket = s.get(Ticket, target_id)
        if ticket is None or ticket.hall_id != hall.id:
            raise _not_found()
        return self._ticket_target(s, hall, ticket, service_day(self.clock(), hall.timezone))

    def _ticket_target(self, s: Session, hall: Hall, t: Ticket, today: date) -> _Target:
        if t.status != TicketStatus.FINISHED:
            raise RatingError(
                "这张号票还没有办理完成，办结后才能评价",
                "This ticket has not been served yet: it can be rated once its service is finished",
                code="rating_not_served",
            )
        days = HallSettings.of(hall.settings).rating_days
        if t.service_day < today - timedelta(days=days):
            raise RatingError(
                f"号票超过 {days} 天，已不能评价", f"Tickets can be rated for {days} days only", code="rating_expired"
            )
        cat = s.get_one(Category, t.category_id)
        window = s.scalar(select(Window.number).where(Window.id == t.window_id)) if t.window_id else None
        number = display_number(t.prefix, t.number)
        at_zh, at_en = (f"（{window} 号窗口）", f" (window {window})") if window is not None else ("", "")
        view = RatingTargetView(
            kind=str(TargetKind.TICKET),
            target_id=t.id,
            reference=number,
            description_zh=f"{number} 号 {cat.name_zh}{at_zh}",
            description_en=f"Ticket {number} {cat.name_en}{at_en}",
            service_day=t.service_day,
            window_number=window,
        )
        # The cases served in this visit are rated with it, except one already rated on its own.
        served = cases_of_ticket(s, t)
        covered = tuple(c for c in served if c not in directly_rated(s, hall.id, served))
        return _Target(view, t.staff_id, covered)

    @staticmethod
    def _case_target(hall: Hall, c: IntakeCase) -> _Target:
        receipt = c.receipt_number or ""
        view = RatingTargetView(
            kind=str(TargetKind.CASE),
            target_id=c.id,
            reference=receipt,
            description_zh=f"办件 {receipt} {c.title_zh}",
            description_en=f"Case {receipt} {c.title_en}".rstrip(),
            service_day=c.service_day,
            window_number=c.window_number,
        )
        return _Target(view, c.staff_id, (c.id,))

    @staticmethod
    def _refuse_if_rated(s: Session, hall: Hall, kind: str, target_id: str) -> None:
        found = s.scalars(
            select(Rating.id).where(
                Rating.hall_id == hall.id, Rating.target_kind == kind, Rating.target_id == target_id
            )
        ).first()
        if found is not None:
            raise _already_rated()
        if TargetKind(kind) is TargetKind.CASE:
            case = s.get(IntakeCase, target_id)
            if case is not None and rated_through_a_ticket(s, case):
                raise _already_rated()  # rated with the ticket it was served on: one rating per service

    # ---- rating --------------------------------------------------------------------------------------------

    def submit(
        self,
        target_kind: str,
        target_id: str,
        level: int,
        reasons: Iterable[str] = (),
        *,
        comment: str = "",
        channel: str = Channel.KIOSK,
    ) -> RatingView:
        """Store a rating for a target resolved earlier; a bad one opens its follow-up in the same transaction."""
        valid = validate_rating(level, reasons, comment)
        how = Channel(channel)
        return self._store(lambda s, hall: self._load(s, hall, target_kind, target_id), valid, how)

    def rate(
        self,
        reference: str,
        level: int,
        reasons: Iterable[str] = (),
        *,
        comment: str = "",
        channel: str = Channel.KIOSK,
        id_last4: str = "",
    ) -> RatingView:
        """Resolve and store in one go (window pad, command line); the same proof as `resolve_target`."""
        valid = validate_rating(level, reasons, comment)
        ref, how, proof = parse_reference(reference), Channel(channel), _proof(reference, id_last4)
        return self._store(lambda s, hall: self._resolve(s, hall, ref, proof), valid, how)

    def _store(self, find: Callable[[Session, Hall], _Target], valid: ValidRating, channel: Channel) -> RatingView:
        try:
            with self.db.write() as s:
                hall = load_hall(s, self.hall_code)
                target = find(s, hall)
                self._refuse_if_rated(s, hall, target.view.kind, target.view.target_id)
                now = self.clock()
                rating = Rating(
                    hall_id=hall.id,
                    target_kind=target.view.kind,
                    target_id=target.view.target_id,
                    reference=target.view.reference,
                    service_day=target.view.service_day,
                    window_number=target.view.window_number,
                    staff_id=target.staff_id,
                    level=int(valid.level),
                    reasons=list(valid.reasons),
                    comment=valid.comment,
                    channel=str(channel),
                    created_at=now,
                    case_ids=list(target.case_ids),
                )
                s.add(rating)
                s.flush()
                if valid.level.is_bad:
                    self._open_follow_up(s, hall, rating, now)
                view = self._rating_view(s, rating)
        except IntegrityError:
            # The unique key (hall, kind, target): another kiosk or pad stored its rating a moment earlier.
            raise _already_rated() from None
        log.info("rating %s %s: %d (%s)", view.target_kind, view.reference, view.level, view.channel)
        return view

    def _open_follow_up(self, s: Session, hall: Hall, rating: Rating, now: datetime) -> None:
        from app.services.follow_ups import follow_up_deadlines

        hs = HallSettings.of(hall.settings)
        workdays = hs.follow_up_workdays
        today = service_day(now, hall.timezone)
        contact_due, rectify_due = follow_up_deadlines(self.calendar, hs, today)
        s.add(
            RatingFollowUp(
                hall_id=hall.id,
                rating_id=rating.id,
                status=str(FollowUpStatus.OPEN),
                opened_at=now,
                due_date=self.calendar.add_workdays(today, workdays),
                contact_due=contact_due,
                rectify_due=rectify_due,
                notes=[],
            )
        )
        s.flush()

    # ---- follow-up -----------------------------------------------------------------------------------------

    def open_follow_ups(self, statuses: Iterable[str] = OPEN_FOLLOW_UPS) -> list[FollowUpView]:
        """Follow-ups not yet closed (or in ``statuses``), the earliest due first."""
        wanted = tuple(str(FollowUpStatus(x)) for x in statuses)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            rows = s.scalars(
                select(RatingFollowUp)
                .where(RatingFollowUp.hall_id == hall.id, RatingFollowUp.status.in_(wanted))
                .order_by(RatingFollowUp.due_date, RatingFollowUp.opened_at)
            ).all()
            return [self._follow_up_view(s, hall, f) for f in rows]

    def follow_up(self, follow_up_id: str) -> FollowUpView:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return self._follow_up_view(s, hall, self._load_follow_up(s, hall, follow_up_id))

    def advance_follow_up(
        self, follow_up_id: str, to_status: str, note: str, *, actor: StaffView | None
    ) -> FollowUpView:
        """One step of the loop, by a supervisor (see app.services.follow_ups for assign and appeal)."""
        from app.services.follow_ups import FollowUpService

        FollowUpService(self.db, calendar=self.calendar, clock=self.clock, hall_code=self.hall_code).step(
            follow_up_id, to_status, note, actor=actor
        )
        return self.follow_up(follow_up_id)

    @staticmethod
    def _load_follow_up(s: Session, hall: Hall, follow_up_id: str, lock: bool = False) -> RatingFollowUp:
        query = select(RatingFollowUp).where(RatingFollowUp.id == follow_up_id, RatingFollowUp.hall_id == hall.id)
        f = s.scalars(query.with_for_update() if lock else query).first()
        if f is None:
            raise NotFoundError("没有找到这条差评处理记录", "No such follow-up")
        return f

    # ---- lists and views -----------------------------------------------------------------------------------

    def list_ratings(self, *, day: date | None = None, bad_only: bool = False, limit: int = 500) -> list[RatingView]:
        """The newest first; ``day`` filters on the hall-local day the rating was given."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            query = select(Rating).where(Rating.hall_id == hall.id)
            if bad_only:
                query = query.where(Rating.level <= int(RatingLevel.DISSATISFIED))
            if day is not None:
                start = datetime.combine(day, time.min, ZoneInfo(hall.timezone))
                query = query.where(Rating.created_at >= start, Rating.created_at < start + timedelta(days=1))
            rows = s.scalars(query.order_by(Rating.created_at.desc()).limit(limit)).all()
            return [self._rating_view(s, r) for r in rows]

    @staticmethod
    def _staff_name(s: Session, staff_id: str | None) -> str | None:
        return s.scalar(select(Staff.name).where(Staff.id == staff_id)) if staff_id else None

    def _rating_view(self, s: Session, r: Rating) -> RatingView:
        level = RatingLevel(r.level)
        f = s.scalars(select(RatingFollowUp).where(RatingFollowUp.rating_id == r.id)).first()
        return RatingView(
            id=r.id,
            target_kind=r.target_kind,
            target_id=r.target_id,
            reference=r.reference,
            service_day=r.service_day,
            level=int(level),
            level_zh=level.name_zh,
            level_en=level.name_en,
            reasons=tuple(r.reasons or ()),
            reasons_zh=reasons_zh(r.reasons or ()),
            comment=r.comment,
            channel=r.channel,
            created_at=r.created_at,
            window_number=r.window_number,
            staff_id=r.staff_id,
            staff_name=self._staff_name(s, r.staff_id),
            follow_up_id=f.id if f else None,
            follow_up_status=f.status if f else None,
        )

    def _follow_up_view(self, s: Session, hall: Hall, f: RatingFollowUp) -> FollowUpView:
        r = s.get_one(Rating, f.rating_id)
        status, level = FollowUpStatus(f.status), RatingLevel(r.level)
        today = service_day(self.clock(), hall.timezone)
        notes = tuple(
            FollowUpNote(datetime.fromisoformat(n["at"]), n.get("staff_id"), n.get("from"), n["to"], n["note"])
            for n in f.notes or ()
        )
        return FollowUpView(
            id=f.id,
            rating_id=r.id,
            status=f.status,
            status_zh=FOLLOW_UP_NAMES[status][0],
            opened_at=f.opened_at,
            due_date=f.due_date,
            overdue=status is not FollowUpStatus.CLOSED and today > f.due_date,
            reference=r.reference,
            target_kind=r.target_kind,
            level=int(level),
            level_zh=level.name_zh,
            reasons_zh=reasons_zh(r.reasons or ()),
            comment=r.comment,
            window_number=r.window_number,
            staff_name=self._staff_name(s, r.staff_id),
            contacted_at=f.contacted_at,
            rectified_at=f.rectified_at,
            closed_at=f.closed_at,
            notes=notes,
            next_statuses=tuple(str(x) for x in FOLLOW_UP_NEXT[status]),
        )
