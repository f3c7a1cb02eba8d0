"""``KioskBackend`` over the real hall database.

Real: hall name, opening hours, categories, ticket issuing (elderly priority and the per-person daily limit
are enforced by QueueService), ticket lookup for ratings, appointment tickets once the code is resolved.
Borrowed from ``FakeKioskBackend`` until their services exist: resolving an appointment code, case progress,
the catalogue, storing ratings, sync status. ``FAKED_PARTS`` lists them so the shell can log it at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.backend import (
    CaseProgress,
    Category,
    KioskError,
    MatterGuide,
    MatterSummary,
    RatingLevel,
    RatingTarget,
    SyncStatus,
    Ticket,
)
from kiosk.fake_backend import FakeKioskBackend

log = logging.getLogger("onewindow.kiosk.backend")

FAKED_PARTS = ("appointment codes", "case progress", "service guide", "ratings", "sync status")

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
        estimated_wait_minutes=view.estimated_wait_minutes or 0,
        qr_payload=view.qr_payload,
        window_number=view.window_number,
    )


class QueueKioskBackend:
    def __init__(self, queue: Any, fallback: FakeKioskBackend | None = None) -> None:
        # ``queue`` is an app.services.queue.QueueService; typed loosely so kiosk/ imports no store code.
        self.queue = queue
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
        # FAKED: no appointment service yet; the fake resolves the code, the ticket itself is real.
        prefix = self.fallback.resolve_appointment(code)
        view = self._call(self.queue.issue_ticket, prefix, source="appointment", priority="appointment")
        return ticket_from_view(view)

    def case_progress(self, receipt_number: str, id_last4: str) -> CaseProgress:
        return self.fallback.case_progress(receipt_number, id_last4)  # FAKED: no case service yet

    def case_progress_by_qr(self, payload: str) -> CaseProgress:
        return self.fallback.case_progress_by_qr(payload)  # FAKED

    def search_matters(self, query: str) -> list[MatterSummary]:
        return self.fallback.search_matters(query)  # FAKED: no catalogue service yet

    def matter_guide(self, code: str) -> MatterGuide:
        return self.fallback.matter_guide(code)  # FAKED

    def rating_target(self, reference: str) -> RatingTarget:
        view = self._call(self.queue.ticket_status, reference)
        if view is not None:
            return RatingTarget(
                "ticket",
                view.display_number,
                f"{view.display_number} 号 {view.category_name_zh}",
                f"Ticket {view.display_number} {view.category_name_en}",
            )
        return self.fallback.rating_target(reference)  # receipts: FAKED until the case service exists

    def submit_rating(self, target: RatingTarget, level: RatingLevel, reasons: tuple[str, ...]) -> None:
        self.fallback.submit_rating(target, level, reasons)  # FAKED: no ratings service yet

    def sync_status(self) -> SyncStatus:
        return self.fallback.sync_status()  # FAKED: the sync agent does not exist yet
