"""The ticket just taken: number, people ahead, wait; printed, or shown as a QR when the printer can't."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from app.ui.printing.slip_canvas import qr_image
from app.ui.wait_text import wait_text
from kiosk.backend import Ticket
from kiosk.context import Navigator, SessionContext
from kiosk.layout import Responsive
from kiosk.widgets import Screen, button, label

CENTER = Qt.AlignmentFlag.AlignHCenter


class TicketResultScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator, ticket: Ticket) -> None:
        super().__init__(self.tr("取号成功"), back=False)
        self.ctx, self.nav, self.ticket = ctx, nav, ticket
        row = Responsive(ctx.landscape)
        info = row.column()
        info.addWidget(label(ctx.pick(ticket.category_name_zh, ticket.category_name_en), role="subtitle",
                             align=CENTER))
        self.number = label(ticket.display_number, role="number", align=CENTER)
        self.number.setObjectName("ticket_number")
        info.addWidget(self.number)
        priority = {"elderly": self.tr("长辈优先"), "appointment": self.tr("预约优先")}.get(ticket.priority)
        if priority:
            info.addWidget(label("★ " + priority, role="subtitle", align=CENTER))
        self.ahead = label(self.tr("前面还有 {n} 人").format(n=ticket.people_ahead), role="subtitle",
                           align=CENTER)
        self.ahead.setObjectName("people_ahead")
        info.addWidget(self.ahead)
        self.wait = label(wait_text(ticket.estimated_wait_minutes), align=CENTER)
        self.wait.setObjectName("estimated_wait")
        info.addWidget(self.wait)
        info.addWidget(label(self.tr("请留意叫号屏和语音叫号,过号需重新取号"), role="hint", align=CENTER))

        qr_col = row.column()
        self.print_status = label(self.tr("正在打印号票…"), role="card", align=CENTER)
        self.print_status.setObjectName("print_status")
        qr_col.addWidget(self.print_status)
        self.qr = label("", role="qr", wrap=False, align=CENTER)
        self.qr.setObjectName("ticket_qr")
        self.qr.hide()
        qr_col.addWidget(self.qr, 0, CENTER)
        qr_col.addStretch(1)
        self.body.addWidget(row, 1)

        done = button(self.tr("完成"), role="primary", on_click=nav.finish)
        done.setObjectName("done")
        self.body.addWidget(done)
        ctx.printer.print_ticket(ticket, self._printed, owner=self)

    def _printed(self, printed: bool) -> None:
        if printed:
            self.print_status.setText(self.tr("请从出票口取走号票"))
            self.qr.hide()
            return
        # Fallback: the slip could not be printed (paper out, offline, unknown), so the citizen
        # photographs the QR code, which the status page and the rating pad both accept.
        self.print_status.setText(self.tr("! 打印机暂时无法出票,请用手机拍下号码和二维码"))
        side = 360 if self.ctx.theme.elderly else 300
        self.qr.setPixmap(QPixmap.fromImage(qr_image(self.ticket.qr_payload, side)))
        self.qr.show()
        self.ctx.speak(self.print_status.text())

    @property
    def qr_shown(self) -> bool:
        return not self.qr.isHidden()

    def voice_text(self) -> str:
        return self.tr("您的号码是 {number},前面还有 {n} 人。").format(
            number=" ".join(self.ticket.display_number), n=self.ticket.people_ahead)
