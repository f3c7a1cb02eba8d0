"""A tour of every kiosk screen and overlay, shared by the accessibility test and the screenshots."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.printer import StatusDummy
from kiosk.queue_backend import QueueKioskBackend
from kiosk.window import KioskWindow
from tests.kiosk.real_hall import served_ticket

Step = Callable[[KioskWindow, StatusDummy, QueueKioskBackend], None]


def _go(name: str, **params: object) -> Step:
    def step(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
        k.session.go(name, **params)

    return step


def _ticket(paper_out: bool) -> Step:
    def step(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
        if paper_out:
            p.set_paper_out()
            k.printer.refresh()
        k.session.go("category")
        k.session.screen.choose("B")

    return step


def _elderly_ticket(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    from tests.kiosk.conftest import ELDER_ID

    k.session.go("category")
    k.session.screen.real_name.setChecked(True)
    k.session.screen.choose("G")
    k.session.screen.field.setText(ELDER_ID)
    k.session.screen.submit()


def _id_error(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    k.session.go("id_entry", prefix="C")
    k.session.screen.field.setText("123")
    k.session.screen.submit()


def _progress_result(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    k.session.go("progress")
    k.session.screen.receipt.setText("H023-20261120-0007")
    k.session.screen.last4.setText("1234")
    k.session.screen.submit()


def _guide_search(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    k.session.go("guide")
    k.session.screen.field.setText("SFZ")


def _rating_bad(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    from kiosk.backend import RatingLevel

    ticket = served_ticket(b, "B")  # a real ticket of today, served and now rated by its QR
    k.session.go("rating")
    k.session.screen.field.setText(ticket.qr_payload)
    k.session.screen.lookup()
    k.session.screen.choose(RatingLevel.VERY_DISSATISFIED)
    k.session.screen.reason_buttons["wait"].setChecked(True)


def _after_hours(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    wall = k.deps.wall_clock  # the tests' settable clock, read by the services too (tests/kiosk/real_hall.py)
    wall.now = wall.now.replace(hour=20)  # type: ignore[attr-defined]  # the sample hall closes at 17:30
    k.session.go("category")  # bounces to the after-hours screen


def _banners(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    p.replies = {}  # the printer stops answering
    k.printer.refresh()
    k.banners.refresh_sync()


def _still_there(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    k.session.go("guide")
    k.idle.still_there.set_remaining(17)
    k.idle.still_there.open()


def _pin_pad(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    k.admin.open()


def _attract(k: KioskWindow, p: StatusDummy, b: QueueKioskBackend) -> None:
    from kiosk.idle import IdleAction

    k.idle.apply([IdleAction.SHOW_ATTRACT])


TOUR: dict[str, Step] = {
    "home": lambda k, p, b: None,
    "home_banners": _banners,
    "category": _go("category"),
    "id_entry": _go("id_entry", prefix="C"),
    "id_entry_error": _id_error,
    "ticket_printed": _ticket(paper_out=False),
    "ticket_paper_out": _ticket(paper_out=True),
    "ticket_elderly_priority": _elderly_ticket,
    "appointment": _go("appointment"),
    "progress": _go("progress"),
    "progress_result": _progress_result,
    "guide": _go("guide"),
    "guide_search": _guide_search,
    "matter": _go("matter", code="BB01"),  # 新生儿出生一件事
    "rating": _go("rating"),
    "rating_bad": _rating_bad,
    "thanks": _go("thanks"),
    "after_hours": _after_hours,
    "still_there": _still_there,
    "admin_pin": _pin_pad,
    "attract": _attract,
}


def visit(kiosk: KioskWindow, printer: StatusDummy, backend: QueueKioskBackend, name: str) -> None:
    TOUR[name](kiosk, printer, backend)
    for _ in range(3):  # deferred deletes and layout passes
        QCoreApplication.processEvents()
