"""``KioskBackend`` over the real hall database: every part on the hall's own services.

Hall name, opening hours, categories, ticket issuing (elderly priority and the per-person daily limit are
QueueService's rules, the same as at the windows), appointment check-in (AppointmentService: the code becomes a
priority ticket in one transaction), case progress (CaseService, masked there), the service guide
(CatalogueService) and ratings (RatingService: one per ticket or case, bad ones open a follow-up).
There is no fake to fall back on: tests and the demo run on these services over a temporary hall database.
Sync status is honest: the kiosk reports local mode (本地模式，未连接中心服务器) until a sync agent reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain import cases as case_rules
from app.domain.calendar import service_day
from app.domain.errors import NotFoundError, UserError
from app.services.clock import Clock, system_clock
from kiosk.backend import (
    CaseProgress,
    CaseStatus,
    Material,
    MatterGuide,
    MatterKind,
    MatterSummary,
    RatingLevel,
    RatingTargetView,
    SyncStatus,
    Ticket,
)

if TYPE_CHECKING:
    from app.services.appointments import AppointmentService
    from app.services.cases import CaseService
    from app.services.catalogue import CatalogueService
    from app.services.intake_views import BundleView, MatterView, SearchHit
    from app.services.queue import QueueService
    from app.services.ratings import RatingService
    from app.services.views import CategoryView, HallView, TicketView

# Case states as a citizen reads them at the kiosk (受理中 / 审批中 / 需补正 / 可领取 / 已领取 / 未通过).
_STAGE = case_rules.CaseStatus
_CASE_STATUS: dict[str, CaseStatus] = {  # StrEnum keys: looked up by the status string
    _STAGE.RECEIVED: CaseStatus.RECEIVED,
    _STAGE.WITH_DEPARTMENT: CaseStatus.RECEIVED,
    _STAGE.IN_REVIEW: CaseStatus.IN_REVIEW,
    _STAGE.APPROVED: CaseStatus.IN_REVIEW,  # approved but not yet ready to hand out
    _STAGE.NEEDS_SUPPLEMENT: CaseStatus.NEEDS_SUPPLEMENT,
    _STAGE.READY_FOR_PICKUP: CaseStatus.READY,
    _STAGE.DELIVERED: CaseStatus.COLLECTED,
    _STAGE.REJECTED: CaseStatus.REJECTED,
    _STAGE.NOT_ACCEPTED: CaseStatus.REJECTED,
}


def ticket_from_view(view: TicketView) -> Ticket:
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
        hall_name=view.hall_name,
        hall_timezone=view.hall_timezone,
    )


def summary_of(view: SearchHit | MatterView | BundleView) -> MatterSummary:
    """A catalogue entry as a list row and a guide's heading show it: a search hit, a matter and a bundle all carry
    these fields, in both languages, from the catalogue service."""
    return MatterSummary(view.code, view.name_zh, view.name_en, view.department_zh, view.department_en, view.category)


class QueueKioskBackend:
    """Every kiosk part on the hall's own services: the same rules as the staff windows, nothing faked."""

    def __init__(
        self,
        queue: QueueService,
        *,
        cases: CaseService,
        catalogue: CatalogueService,
        appointments: AppointmentService,
        ratings: RatingService,
    ) -> None:
        self.queue, self.cases, self.catalogue = queue, cases, catalogue
        self.appointments, self.ratings = appointments, ratings
        self._hall: HallView | None = None

    @classmethod
    def over(cls, db: Any, hall_code: str | None = None, clock: Clock = system_clock) -> QueueKioskBackend:
        """The kiosk over a hall database (an app.store.database.Database, typed Any: kiosk/ never imports the
        store): all five services, one clock."""
        from app.services.appointments import AppointmentService
        from app.services.cases import CaseService
        from app.services.catalogue import CatalogueService
        from app.services.queue import QueueService
        from app.services.ratings import RatingService

        return cls(
            QueueService(db, hall_code=hall_code, clock=clock),
            cases=CaseService(db, hall_code=hall_code, clock=clock),
            catalogue=CatalogueService(db, hall_code=hall_code, clock=clock),
            appointments=AppointmentService(db, hall_code=hall_code, clock=clock),
            ratings=RatingService(db, hall_code=hall_code, clock=clock),
        )

    def _hall_view(self) -> HallView:
        if self._hall is None:  # name and time zone do not change while the kiosk runs
            from app.services.hall import current_hall

            self._hall = current_hall(self.queue.db, self.queue.hall_code)
        return self._hall

    def report_printer(self, state: str) -> None:
        from app.services.device_status import DeviceStatusService

        db = self.queue.db  # the device is the database's device id, the one the kiosk's rows carry
        DeviceStatusService(db, clock=self.queue.clock, hall_code=self.queue.hall_code).report_printer(
            db.device_id, state
        )

    def hall_name(self) -> tuple[str, str]:
        return self._hall_view().name_zh, self._hall_view().name_en

    def hall_open(self) -> bool:
        return bool(self.queue.hall_open())

    def list_categories(self) -> list[CategoryView]:
        return self.queue.list_categories()

    def issue_ticket(self, prefix: str, *, person_id: str | None = None, matters: tuple[str, ...] = ()) -> Ticket:
        view = self.queue.issue_ticket(prefix, source="kiosk", matters=matters, person_id=person_id)
        return ticket_from_view(view)

    def check_in_appointment(self, code: str) -> Ticket:
        return ticket_from_view(self.appointments.check_in(code).ticket)

    def case_progress(self, receipt_number: str, id_last4: str) -> CaseProgress:
        view = self.cases.progress(receipt_number, id_last4)
        status = _CASE_STATUS.get(str(view.status))
        if status is None:  # a draft or a one-time notice is not a case the citizen can follow
            raise NotFoundError("未查到办件，请核对受理编号", "No case found: check the receipt number")
        accepted = service_day(view.accepted_at, self._hall_view().timezone) if view.accepted_at else None
        return CaseProgress(
            receipt_number=view.receipt_number,
            matter_name_zh=view.title_zh,
            matter_name_en=view.title_en,
            status=status,
            applicant_masked=view.applicant_masked,
            id_masked=view.id_masked,  # masked by the service, one policy (app.domain.masking)
            accepted_on=accepted,  # stored in UTC: the day on the hall's calendar, as the receipt prints it
            promised_by=view.promised_date,
        )

    def search_matters(self, query: str) -> list[MatterSummary]:
        hits = self.catalogue.search(query, 60)  # an empty query lists every matter, bundles first
        return [summary_of(h) for h in hits]

    def matter_guide(self, code: str) -> MatterGuide:
        guide: MatterView | BundleView
        try:
            guide = m = self.catalogue.matter(code)
            kind = m.kind
        except UserError as exc:
            if exc.code != "not_found":
                raise
            guide = b = self.catalogue.bundle(code)  # a 一件事: what its members add up to, from the catalogue
            kind = b.matter_kind
        return MatterGuide(
            summary=summary_of(guide),
            kind=MatterKind(kind),
            legal_days=guide.legal_days,
            promised_days=guide.promised_days,
            fee_fen=guide.fee_fen,
            materials=tuple(Material(x.name_zh, x.name_en, x.count, x.e_licence) for x in guide.materials),
        )

    def rating_target(self, reference: str, id_last4: str = "") -> RatingTargetView:
        return self.ratings.resolve_target(reference, id_last4)

    def submit_rating(self, target: RatingTargetView, level: RatingLevel, reasons: tuple[str, ...]) -> None:
        # By the row's id, never its shown number: B012 repeats every day, and the citizen may hold an older ticket.
        self.ratings.submit(target.kind, target.target_id, int(level), reasons, channel="kiosk")

    def sync_status(self) -> SyncStatus:
        # A hall never enrolled with a central server works on its own: local mode, no banner for citizens.
        from app.sync.status import sync_view

        st = sync_view(self.queue.db)
        if not st.enrolled:
            return SyncStatus(online=False, pending_uploads=0, last_sync_at=None, local_only=True)
        return SyncStatus(online=not st.last_error, pending_uploads=st.pending, last_sync_at=st.last_success)
