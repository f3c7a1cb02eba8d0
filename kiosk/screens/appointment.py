"""Appointment check-in: type the code or scan its QR code; the result is a priority ticket."""

from __future__ import annotations

from kiosk.backend import Ticket
from kiosk.context import Navigator, SessionContext
from kiosk.layout import Responsive
from kiosk.widgets import Keypad, Screen, button, label, line_edit


class AppointmentScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("预约签到"))
        self.ctx, self.nav = ctx, nav
        self.body.addWidget(label(self.tr("请扫描预约二维码,或输入6位预约码"), role="subtitle"))
        self.field = line_edit(self.tr("预约码"))
        self.field.setObjectName("appointment_code")
        self.error = label("", role="error")
        self.error.hide()
        confirm = button(self.tr("签到取号"), role="primary", on_click=self.submit)
        confirm.setObjectName("confirm")
        row = Responsive(ctx.landscape)
        left = row.column()
        left.addWidget(self.field)
        left.addWidget(self.error)
        left.addWidget(confirm)
        left.addStretch(1)
        row.column().addWidget(Keypad(self.field, "1234567890", max_length=12))
        self.body.addWidget(row, 1)

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        self.submit()
        return True

    def submit(self) -> None:
        code = self.field.text().strip()
        if not code:
            self._failed_text(self.tr("! 请输入预约码"))
            return
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.check_in_appointment(code), self._done,
                      lambda exc: self._failed_text(self.ctx.error_text(exc)), owner=self)

    def _failed_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ctx.speak(text)

    def _done(self, ticket: Ticket) -> None:
        self.nav.go("ticket_result", ticket=ticket)

    def voice_text(self) -> str:
        return self.tr("请扫描预约二维码,或输入预约码。")
