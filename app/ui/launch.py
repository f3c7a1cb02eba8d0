"""Starts the GUI roles: `onewindow demo | staff | display`."""

from __future__ import annotations

import argparse
import logging

from app import logs, settings
from app.ui.qt_check import require_qt

log = logging.getLogger("onewindow.ui")


def _open_hall(args: argparse.Namespace, create_sample: bool):  # type: ignore[no-untyped-def]
    from app.services.hall import create_sample_hall
    from app.store.database import Database

    db = Database(settings.db_url(args.db), device_id=settings.device_id())
    db.upgrade()
    if create_sample:
        create_sample_hall(db, always_open=True)  # a newcomer may try the demo at night
    return db


def launch(role: str, args: argparse.Namespace) -> int:
    require_qt()
    logs.configure(settings.paths().log_dir)
    from app.services.board import QueueBoard
    from app.services.hall import current_hall, list_staff, login
    from app.services.queue import QueueService
    from app.ui.app_setup import install_excepthook, make_app
    from app.ui.display.display_window import DisplayWindow
    from app.ui.runner import ServiceRunner
    from app.ui.staff.login_dialog import LoginDialog
    from app.ui.staff.staff_window import StaffWindow
    from app.ui.take_ticket.take_ticket_window import TakeTicketWindow
    from app.ui.voice import Announcer

    app = make_app()
    install_excepthook()
    demo = role == "demo" or bool(getattr(args, "demo", False))
    db = _open_hall(args, create_sample=demo)
    queue, board, runner = QueueService(db), QueueBoard(db), ServiceRunner()
    keep: list[object] = []

    if role in ("demo", "display"):
        hall = current_hall(db)
        repeat = int(hall.settings.get("announce_repeat", 2))
        display = DisplayWindow(board, runner, Announcer.with_system_backends(repeat=repeat), tz=hall.timezone)
        if role == "display" and not demo:
            display.showFullScreen()
        else:
            display.resize(1280, 720)
            display.show()
        keep.append(display)
    if role == "demo":
        take = TakeTicketWindow(queue, runner, settings.paths().data_dir / "tickets")
        take.show()
        clerk = next((s for s in list_staff(db) if s.login == "wang"), None)
        staff = StaffWindow(queue, board, args.window, clerk, runner)
        staff.show()
        keep += [take, staff]
        _seed_demo_tickets(queue)
    elif role == "staff":
        dialog = LoginDialog(runner, lambda u, p: login(db, u, p), board.window_numbers(), args.window)
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return 0
        staff = StaffWindow(queue, board, dialog.window_number, dialog.staff, runner)
        staff.show()
        keep.append(staff)
    code = app.exec()
    runner.wait_idle()
    db.dispose()
    return int(code)


def _seed_demo_tickets(queue: object) -> None:
    """A few citizens already waiting, so the demo has something to call."""
    from app.services.queue import QueueService

    assert isinstance(queue, QueueService)
    if any(c.waiting for c in queue.list_categories()):
        return
    for prefix in ("B", "G", "B", "C", "A"):
        queue.issue_ticket(prefix, source="staff")
