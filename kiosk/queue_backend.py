"""``KioskBackend`` over the real hall database.

Real: hall name, opening hours, categories, ticket issuing (elderly priority and the per-person daily limit
are enforced by QueueService); and, when their services are given, appointment check-in (AppointmentService:
the code becomes a priority ticket in one transaction), case progress (CaseService), the service guide
(CatalogueService) and ratings (RatingService: one per ticket or case, bad ones open a follow-up).
A part whose service is not given falls back to ``FakeKioskBackend`` (tests, partial set-ups).
Sync status is honest: there is no sync agent yet, so the kiosk reports local mode (本地模式，未连接中心服务器)
unless a fake was explicitly handed in. ``FAKED_PARTS`` lists what is still faked with every service given.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time
from typing import Any, TypeVar

from kiosk.backend import (
    CaseProgress,
    CaseStatus,
    Category,
    KioskError,
    Material,
    MatterGuide,
    MatterKind,
    MatterSummary,
    RatingLevel,
    RatingTarget,
    SyncStatus,
    Ticket,
)
from kiosk.fake_backend import FakeKioskBackend

log = logging.getLogger("onewindow.kiosk.backend")

FAKED_PARTS: tuple[str, ...] = ()

# Case states as a citizen reads them at the kiosk (受理中 / 审批中 / 需补正 / 可领取 / 已领取 / 未通过).
_CASE_STATUS = {
    "received": CaseStatus.RECEIVED,
    "with_department": CaseStatus.RECEIVED,
    "in_review": CaseStatus.IN_REVIEW,
    "approved": CaseStatus.IN_REVIEW,  # approved but not yet ready to hand out
    "needs_supplement": CaseStatus.NEEDS_SUPPLEMENT,
    "ready_for_pickup": CaseStatus.READY,
    "delivered": CaseStatus.COLLECTED,
    "rejected": CaseStatus.REJECTED,
    "not_accepted": CaseStatus.REJECTED,
}

T = TypeVar("T")


def ticket_from_view(view: Any) -> Ticket:
    """app.services.views.TicketView -> kiosk Ticket (only what a citizen may see)."""
    return Ticket(
        id=view.id,
        display_number=view.display_number,
        category_prefix=view.category_prefix,
        category_name_zh=view.category_name_zh,
        category_name_en=view.category_name_en,
        priority=str(view.priority),
        issued_at=view.issued_at,
        people_ahead=view.people_ahead,
        estimated_wait_minutes=view.estimated_wait_minutes,  # None stays None: never "0 分钟"
        qr_payload=view.qr_payload,
        window_number=view.window_number,
    )


class QueueKioskBackend:
    def __init__(
        self,
        queue: Any,
        fallback: FakeKioskBackend | None = None,
        *,
        cases: Any = None,
        catalogue: Any = None,
        appointments: Any = None,
        ratings: Any = None,
    ) -> None:
        # ``queue`` is an app.services.queue.QueueService, ``cases`` a CaseService, ``catalogue`` a
        # CatalogueService, ``appointments`` an AppointmentService, ``ratings`` a RatingService; typed
        # loosely so kiosk/ imports no store code.
        self.queue, self.cases, self.catalogue = queue, cases, catalogue
        self.appointments, self.ratings = appointments, ratings
        self._fake_sync = fallback is not None  # a fake handed in on purpose also speaks for sync status
        self.fallback = fallback or FakeKioskBackend()
        self._hall_name: tuple[str, str] | None = None

    @staticmethod
    def _call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        from app.domain.errors import UserError

        try:
            return fn(*args, **kwargs)
        except UserError as exc:
            raise KioskError(exc.code, exc.message_zh, exc.message_en) from exc

    def hall_name(self) -> tuple[str, str]:
        if self._hall_name is None:
            from app.services.hall import hall_view, load_hall

            def read() -> Any:
                with self.queue.db.read() as s:
                    return hall_view(load_hall(s, self.queue.hall_code))

            view = self._call(read)
            self._hall_name = (view.name_zh, view.name_en)
        return self._hall_name

    def hall_open(self) -> bool:
        return bool(self._call(self.queue.hall_open))

    def list_categories(self) -> list[Category]:
        return [
            Category(c.prefix, c.name_zh, c.name_en, c.waiting, c.open_windows)
            for c in self._call(self.queue.list_categories)
        ]

    def issue_ticket(self, prefix: str, *, person_id: str | None = None, matters: tuple[str, ...] = ()) -> Ticket:
        view = self._call(self.queue.issue_ticket, prefix, source="kiosk", matters=matters, person_id=person_id)
        return ticket_from_view(view)

    def check_in_appointment(self, code: str) -> Ticket:
        if self.appointments is not None:
            return ticket_from_view(self._call(self.appointments.check_in, code).ticket)
        # No appointment service: the fake resolves the code, the ticket itself is real.
        prefix = self.fallback.resolve_appointment(code)
        view = self._call(self.queue.issue_ticket, prefix, source="appointment", priority="appointment")
        return ticket_from_view(view)

    def case_progress(self, receipt_number: str, id_last4: str) -> CaseProgress:
        if self.cases is None:
            return self.fallback.case_progress(receipt_number, id_last4)
        view = self._call(self.cases.progress, receipt_number, id_last4)
        status = _CASE_STATUS.get(str(view.status))
        if status is None:  # a draft or a one-time notice is not a case the citizen can follow
            raise KioskError("not_found", "未查到办件，请核对受理编号", "No case found: check the receipt number")
        promised = datetime.combine(view.promised_date, time(17, 0)) if view.promised_date else None
        return CaseProgress(
            receipt_number=view.receipt_number,
            matter_name_zh=view.title_zh,
            matter_name_en=view.title_en,
            status=status,
            applicant_masked=view.applicant_masked,
            id_masked="*" * 14 + id_last4.strip().upper(),
            accepted_on=view.accepted_at or datetime.now(),
            promised_by=promised,
        )

    def case_progress_by_qr(self, payload: str) -> CaseProgress:
        # A receipt QR carries only the receipt number: the citizen still types the last 4 ID characters.
        return self.fallback.case_progress_by_qr(payload) if self.cases is None else self._needs_last4(payload)

    @staticmethod
    def _needs_last4(payload: str) -> CaseProgress:
        raise KioskError(
            "need_id_last4",
            "请输入受理编号对应证件号的后四位",
            "Please type the last 4 characters of the ID number on the receipt",
        )

    def search_matters(self, query: str) -> list[MatterSummary]:
        if self.catalogue is None:
            return self.fallback.search_matters(query)
        hits = self._call(self.catalogue.search, query, 30) if query.strip() else []
        return [MatterSummary(h.code, h.name_zh, h.name_en, h.department_zh, "", h.category) for h in hits]

    def matter_guide(self, code: str) -> MatterGuide:
        if self.catalogue is None:
            return self.fallback.matter_guide(code)
        from app.domain.errors import UserError

        try:
            m = self.catalogue.matter(code)
            summary = MatterSummary(m.code, m.name_zh, m.name_en, m.department_zh, m.department_en, m.category)
            kind, legal, promised, fee_fen, materials = m.kind, m.legal_days, m.promised_days, m.fee_fen, m.materials
        except UserError as exc:
            if exc.code != "not_found":
                raise KioskError(exc.code, exc.message_zh, exc.message_en) from exc
            b = self._call(self.catalogue.bundle, code)
            depts = "、".join(dict.fromkeys(x.department_zh for x in b.matters))
            summary = MatterSummary(b.code, b.name_zh, b.name_en, depts, "", b.category)
            kind, legal, promised = "promised", max((x.legal_days for x in b.matters), default=0), b.promised_days
            fee_fen = sum(x.fee_fen for x in b.matters)
            materials = tuple(self._call(self.catalogue.preview_checklist, [], b.code))
        fee_zh, fee_en = ("免费", "Free") if fee_fen == 0 else (f"{fee_fen / 100:g} 元", f"CNY {fee_fen / 100:g}")
        return MatterGuide(
            summary=summary,
            kind=MatterKind(kind),
            legal_days=legal,
            promised_days=promised,
            fee_zh=fee_zh,
            fee_en=fee_en,
            materials=tuple(Material(x.name_zh, x.name_en, x.count, x.e_licence) for x in materials),
        )

    def rating_target(self, reference: str, id_last4: str = "") -> RatingTarget:
        if self.ratings is not None:
            t = self._call(self.ratings.resolve_target, reference, id_last4)
            return RatingTarget(t.kind, t.reference, t.description_zh, t.description_en, target_id=t.target_id)
        view = self._call(self.queue.ticket_status, reference)
        if view is not None:
            return RatingTarget(
                "ticket",
                view.display_number,
                f"{view.display_number} 号 {view.category_name_zh}",
                f"Ticket {view.display_number} {view.category_name_en}",
                target_id=view.id,
            )
        return self.fallback.rating_target(reference)  # receipts: only the fake knows them without a service

    def submit_rating(self, target: RatingTarget, level: RatingLevel, reasons: tuple[str, ...]) -> None:
        if self.ratings is None:
            self.fallback.submit_rating(target, level, reasons)
        elif target.target_id:
            self._call(self.ratings.submit, target.kind, target.target_id, int(level), reasons, channel="kiosk")
        else:  # a target built without its id: resolve the shown reference again
            self._call(self.ratings.rate, target.reference, int(level), reasons, channel="kiosk")

    def sync_status(self) -> SyncStatus:
        if self._fake_sync:
            return self.fallback.sync_status()
        # No sync agent exists yet: nothing leaves the hall database, so say so instead of claiming "online".
        # The outbox backlog is not counted: without an agent it only grows, and counting it costs a scan.
        return SyncStatus(online=False, pending_uploads=0, last_sync_at=None, local_only=True)
