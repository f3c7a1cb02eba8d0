"""Starts the GUI roles: `onewindow demo | staff | display | intake | backoffice`."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from app import logs, settings
from app.domain.errors import UserError
from app.ui.qt_check import require_display, require_qt

if TYPE_CHECKING:
    from app.store.database import Database

log = logging.getLogger("onewindow.ui")


def _open_hall(args: argparse.Namespace, demo: bool) -> Database:
    from app.services.appointments import AppointmentService
    from app.services.catalogue import CatalogueService
    from app.services.hall import create_sample_hall
    from app.store.database import Database

    db = Database(settings.db_url(args.db), device_id=settings.device_id(), create=demo)  # only the demo makes one
    try:
        db.check_integrity()
        db.upgrade()
        if demo:
            create_sample_hall(db, always_open=True)  # a newcomer may try the demo at night
            CatalogueService(db).ensure_sample()
            AppointmentService(db).seed_demo()  # codes 100001-100004 for the kiosk's appointment check-in
        check_hall_settings(db)
    except BaseException:
        db.dispose()
        raise
    return db


def check_hall_settings(db: Database) -> None:
    """InvalidSettings (naming the key) for a hall whose settings were edited by hand into something wrong:
    found here, before any window exists, rather than by the first screen that reads them."""
    from app.domain.settings_schema import HallSettings
    from app.services.hall import current_hall

    HallSettings.of(current_hall(db).settings)


class Roles:
    """Builds the windows of each role over one database and one service runner; keeps them alive."""

    def __init__(self, db: Any, demo: bool) -> None:
        from app.services.board import QueueBoard
        from app.services.cases import CaseService
        from app.services.catalogue import CatalogueService
        from app.services.intake import IntakeService
        from app.services.queue import QueueService
        from app.ui.intake.check_runner import CheckRunner
        from app.ui.runner import ServiceRunner

        self.db, self.demo = db, demo
        self.queue, self.board, self.runner = QueueService(db), QueueBoard(db), ServiceRunner()
        self.catalogue = CatalogueService(db)
        self.intake = IntakeService(db, self.catalogue)
        self.cases = CaseService(db)
        self.checker = CheckRunner()
        self.windows: list[Any] = []
        from app.sync.background import BackgroundSync

        self.sync = BackgroundSync(db)  # pushes and pulls on its own thread once the hall is enrolled
        self.sync.start()

    def _keep(self, window: Any) -> Any:
        self.windows.append(window)
        window.show()
        return window

    def display(self, full_screen: bool) -> None:
        from app.domain.settings_schema import HallSettings
        from app.services.hall import current_hall
        from app.ui.display.display_window import DisplayWindow
        from app.ui.voice import Announcer

        hall = current_hall(self.db)
        repeat = HallSettings.of(hall.settings).announce_repeat
        display = DisplayWindow(
            self.board,
            self.runner,
            Announcer.with_system_backends(repeat=repeat),
            tz=hall.timezone,
            report_speech=self.queue.report_display,
        )
        self._keep(display)
        if full_screen:
            display.showFullScreen()
        else:
            display.resize(1280, 720)

    def take_ticket(self) -> None:
        from app.ui.take_ticket.take_ticket_window import TakeTicketWindow

        tickets = settings.paths().data_dir / "tickets"
        self._keep(TakeTicketWindow(self.queue, self.runner, tickets, change_counter=self.board.change_counter))

    def staff(self, window_number: int, staff: Any) -> None:
        from app.ui.staff.staff_window import StaffWindow

        def on_intake(ticket: Any) -> None:
            self.open_intake(ticket, window_number, staff)

        def on_cases() -> None:
            self.open_cases(window_number, staff)

        from app.services.alarms import AlarmService
        from app.ui.staff.help_call import HelpCall

        window = StaffWindow(
            self.queue, self.board, window_number, staff, self.runner, on_intake=on_intake, on_cases=on_cases
        )
        self._keep(window)
        console = (lambda: self.supervisor(staff)) if staff is not None and staff.role == "supervisor" else None
        alarms = AlarmService(self.db)
        window.help_call = HelpCall(window, window_number, alarms, staff, self.runner, on_console=console)
        from app.services.follow_ups import FollowUpService
        from app.ui.staff.my_follow_ups import MyFollowUps

        window.my_follow_ups = MyFollowUps(window, FollowUpService(self.db), staff, self.runner)

    def open_cases(self, window_number: int, staff: Any) -> None:
        from app.domain.calendar import service_day
        from app.services.hall import current_hall
        from app.ui.staff.cases_dialog import WindowCasesDialog

        tz = current_hall(self.db).timezone

        def today() -> Any:
            from datetime import UTC, datetime

            return service_day(datetime.now(UTC), tz)

        dialog = WindowCasesDialog(
            self.cases,
            self.intake,
            self.runner,
            staff,
            lambda case_id: self.open_intake(None, window_number, staff, case_id=case_id),
            today,
        )
        self._keep(dialog)

    def open_intake(self, ticket: Any, window_number: int | None, staff: Any, case_id: str | None = None) -> None:
        from app.ui.intake.intake_window import IntakeWindow

        self._keep(
            IntakeWindow(
                self.intake,
                self.catalogue,
                self.runner,
                checker=self.checker,
                ticket=ticket,
                window_number=window_number,
                staff=staff,
                case_id=case_id,
            )
        )

    def backoffice(self, staff: Any) -> None:
        from app.domain.errors import AuthError
        from app.ui.backoffice.backoffice_window import BackofficeWindow

        if staff.role not in ("reviewer", "supervisor"):  # a clerk does not approve cases
            raise AuthError(
                "只有审批人员和值班主任可以登录后台审批", "Only reviewers and supervisors may use the back office"
            )
        self._keep(BackofficeWindow(self.cases, self.runner, role=staff.role, staff=staff, intake=self.intake))

    def supervisor(self, staff: Any, simulate: bool = False) -> None:
        from app.services.alarms import AlarmService
        from app.services.appointments import AppointmentService
        from app.services.case_supervision import CaseSupervision
        from app.services.follow_ups import FollowUpService
        from app.services.hall import current_hall
        from app.services.live_hall import LiveHall
        from app.services.remote_control import RemoteControl
        from app.services.reports import ReportService
        from app.services.staff_accounts import StaffAccounts
        from app.ui.supervisor.console import ConsoleServices, SupervisorConsole

        db = self.db
        AppointmentService(db).mark_missed()  # appointments whose check-in window closed count as missed
        services = ConsoleServices(
            LiveHall(db), AlarmService(db), FollowUpService(db), CaseSupervision(db), ReportService(db),
            RemoteControl(db), self.board.change_counter, StaffAccounts(db),
        )  # fmt: skip
        console = self._keep(SupervisorConsole(services, self.runner, staff, tz=current_hall(db).timezone))
        if simulate:  # the demo: a busy hall, through the real services
            from PySide6.QtCore import QTimer

            from app.services.hall_simulator import HallSimulator

            sim = HallSimulator(db)
            console.simulator = QTimer(console)
            console.simulator.setInterval(1500)
            console.simulator.timeout.connect(lambda: self.runner.submit(sim.step, None, lambda _e: None))
            console.simulator.start()

    def evaluator(self, window_number: int, elderly: bool, full_screen: bool) -> None:
        from app.services.rating_pad import RatingPadService
        from app.services.ratings import RatingService
        from app.ui.evaluator.pad import RatingPad

        pad = RatingPad(
            self.board, RatingService(self.db), RatingPadService(self.db), self.runner, window_number, elderly=elderly
        )
        self._keep(pad)
        if full_screen:
            pad.showFullScreen()
        else:
            pad.resize(600, 1000)

    def login(
        self, default_window: int, *, supervisor: bool = False, at_window: bool = False
    ) -> tuple[Any, int] | None:
        """The login dialog; the supervisor's console is no window, so it asks for no window number. `at_window`
        (the staff window): the clerk signs in at the chosen window, refused in the dialog if they may not."""
        from PySide6.QtCore import QCoreApplication

        from app.services.hall import login
        from app.ui.staff.login_dialog import LoginDialog

        windows = [] if supervisor else self.board.window_numbers()
        title = QCoreApplication.translate("LoginDialog", "一窗通 · 大厅管理登录") if supervisor else None

        def sign_in(user: str, pin: str) -> Any:
            staff = login(self.db, user, pin)
            if at_window:  # refused here, in the dialog, if signed in at another window (names which one)
                self.queue.check_sign_in(dialog.window_number, staff)
            return staff

        dialog = LoginDialog(self.runner, sign_in, windows, default_window, title=title)
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.staff is None:
            return None
        return dialog.staff, dialog.window_number

    def tile_demo(self) -> None:
        """Lay the demo's windows side by side, so nothing hides behind anything (a bare X session has
        no window manager to place them): staff window left, display top right, take-ticket bottom right."""
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        left_w = int(area.width() * 0.55)
        right_w, top_h = area.width() - left_w, int(area.height() * 0.5)
        places = {
            "StaffWindow": (area.x(), area.y(), left_w, area.height()),
            "DisplayWindow": (area.x() + left_w, area.y(), right_w, top_h),
            "TakeTicketWindow": (area.x() + left_w, area.y() + top_h, right_w, area.height() - top_h),
        }
        for window in self.windows:
            place = places.get(type(window).__name__)
            if place is not None:
                window.setGeometry(*place)

    def shutdown(self) -> None:
        self.sync.stop()
        self.runner.wait_idle()
        self.checker.shutdown()
        self.db.dispose()


def _cannot_start(error: UserError, args: argparse.Namespace) -> int:
    """One line on stderr, like every other command; started from a desktop launcher (`--error-dialog`, where
    nobody reads stderr) also a dialog that waits for the clerk."""
    print(f"错误 / error: {error.bilingual()}", file=sys.stderr)
    if getattr(args, "error_dialog", False):
        from app.ui.app_setup import make_app, show_startup_error

        make_app(language=getattr(args, "lang", "zh_CN"))
        show_startup_error(error, echo=False)
    return 1


def launch(role: str, args: argparse.Namespace) -> int:
    require_qt()
    require_display()
    logs.configure(settings.paths().log_dir)
    if role == "backoffice" and getattr(args, "server", None):
        from app.ui.backoffice.remote import launch_remote_backoffice

        return launch_remote_backoffice(args)  # no hall database: the cases live on the central server
    from app.services.auth import trusted_actor
    from app.store.errors import as_user_error
    from app.ui.app_setup import install_excepthook, make_app, show_startup_error

    demo = role == "demo" or bool(getattr(args, "demo", False))
    try:  # before any window: a wrong --db is one line on stderr, like every other command
        db = _open_hall(args, demo)
    except Exception as exc:
        known = as_user_error(exc, settings.db_url(getattr(args, "db", None)))
        if known is None:
            raise  # a bug: the CLI's crash handler logs it and says where
        return _cannot_start(known, args)
    app = make_app(language=getattr(args, "lang", "zh_CN"))
    install_excepthook()
    try:
        roles = Roles(db, demo)  # reads the hall's settings (a hand-edited wrong value is a UserError)
    except UserError as exc:
        db.dispose()  # Roles.shutdown, which would, needs a whole Roles
        return _cannot_start(exc, args)
    try:
        if role in ("demo", "display"):
            roles.display(full_screen=role == "display" and not demo)
        if role == "demo":
            roles.take_ticket()
            roles.staff(args.window, trusted_actor(roles.db, "wang"))  # the demo's clerk is logged in already
            roles.tile_demo()
            _seed_demo_tickets(roles.queue)
        elif role == "evaluator":  # faces the citizen: no login
            roles.evaluator(args.window, bool(getattr(args, "elderly", False)), full_screen=not demo)
        elif role == "supervisor":
            who = roles.login(args.window, supervisor=True)
            if who is None:
                return 0
            if who[0].role != "supervisor":
                from app.domain.errors import PermissionDenied
                from app.ui.app_setup import show_error

                refused = PermissionDenied("只有大厅管理人员可以打开管理台", "Only a supervisor may open the console")
                show_error(None, refused)
                return 1
            roles.supervisor(who[0], simulate=demo)
        elif role in ("staff", "intake", "backoffice"):
            who = roles.login(args.window, at_window=role == "staff")
            if who is None:
                return 0
            staff, window_number = who
            if role == "staff":
                roles.staff(window_number, staff)
            elif role == "intake":
                roles.open_intake(roles.board.window_view(window_number).current, window_number, staff)
            else:
                try:
                    roles.backoffice(staff)
                except UserError as exc:
                    from PySide6.QtWidgets import QMessageBox

                    print(f"错误 / error: {exc.bilingual()}", file=sys.stderr)
                    QMessageBox.warning(None, "一窗通 OneWindow", f"{exc.message_zh}\n{exc.message_en}")
                    return 1
        return int(app.exec())
    except UserError as exc:  # e.g. hall settings edited by hand into something invalid: say which, do not crash
        show_startup_error(exc)
        return 1
    finally:
        roles.shutdown()


def _seed_demo_tickets(queue: Any) -> None:
    """A few citizens already waiting, so the demo has something to call."""
    if any(c.waiting for c in queue.list_categories()):
        return
    for prefix in ("B", "G", "B", "C", "A"):
        queue.issue_ticket(prefix, source="staff")
