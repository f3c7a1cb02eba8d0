"""Appointment check-in: type the code or scan its QR code; the result is a priority ticket."""

from __future__ import annotations

from kiosk.backend import Ticket
from kiosk.context import Navigator, SessionContext
from kiosk.entry import EntryScreen
from kiosk.widgets import Keypad, button, label, line_edit


class AppointmentScreen(EntryScreen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("预约签到"), ctx)
        self.nav = nav
        self.body.addWidget(label(self.tr("请扫描预约二维码,或输入6位预约码"), role="subtitle"))
        self.field = line_edit(self.tr("预约码"))
        self.field.setObjectName("appointment_code")
        confirm = button(self.tr("签到取号"), role="primary", on_click=self.submit)
        confirm.setObjectName("confirm")
        self.entry_row([self.field], confirm, Keypad(self.field, "1234567890", max_length=12))

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        self.submit()
        return True

    def submit(self) -> None:
        code = self.field.text().strip()
        if not code:
            self.show_error(self.tr("! 请输入预约码"))
            return
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.check_in_appointment(code), self._done, self.show_failure, owner=self)

    def _done(self, ticket: Ticket) -> None:
        self.nav.go("ticket_result", ticket=ticket)

    def voice_text(self) -> str:
        return self.tr("请扫描预约二维码,或输入预约码。")
