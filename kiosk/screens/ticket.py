"""Take a ticket: pick a category (optionally real-name), enter or read the ID, then the result screen."""

from __future__ import annotations

from functools import partial

from app.domain.person import is_elderly
from app.domain.queue_policy import ELDERLY_AGE
from app.domain.ric import is_valid_ric
from app.domain.wait_estimate import WaitKind, wait_kind
from app.ui.wait_text import wait_text
from kiosk.backend import CategoryView, Ticket
from kiosk.context import Navigator, SessionContext
from kiosk.entry import EntryScreen
from kiosk.layout import Responsive
from kiosk.widgets import Keypad, Screen, TileGrid, button, label, line_edit, mark_checked


class CategoryScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator, matters: tuple[str, ...] = ()) -> None:
        super().__init__(self.tr("取号 · 请选择业务类别"))
        self.ctx, self.nav, self.matters = ctx, nav, matters
        self.real_name_text = self.tr("实名取号({age}岁及以上长辈优先)").format(age=ELDERLY_AGE)
        self.real_name = button(self.real_name_text, role="toggle", checkable=True)
        self.real_name.setObjectName("real_name")
        self.real_name.toggled.connect(lambda _on: mark_checked(self.real_name, self.real_name_text))
        self.body.addWidget(self.real_name)
        self.error = label("", role="error")
        self.error.hide()
        self.body.addWidget(self.error)
        self.grid_holder = Responsive(ctx.landscape)
        self.body.addWidget(self.grid_holder, 1)
        ctx.call(ctx.backend.hall_open, self._opened, self._failed, owner=self)

    def _opened(self, is_open: bool) -> None:
        if not is_open:
            self.nav.go("after_hours")
            return
        self.ctx.call(self.ctx.backend.list_categories, self._show, self._failed, owner=self)

    def _show(self, categories: list[CategoryView]) -> None:
        tiles = []
        for c in categories:
            text = self.tr("{prefix} {name}\n等候 {waiting} 人").format(
                prefix=c.prefix, name=self.ctx.pick(c.name_zh, c.name_en), waiting=c.waiting
            )
            if wait_kind(None, c.open_windows) is WaitKind.NO_WINDOW:
                text += "\n" + wait_text(None, c.open_windows, short=True)  # a tile's lines stay short
            b = button(text, role="tile", on_click=partial(self.choose, c.prefix))
            b.setObjectName(f"category_{c.prefix}")
            tiles.append(b)
        self.grid_holder.set_content(
            TileGrid(
                tiles,
                min_tile_width=300 if not self.ctx.theme.elderly else 440,
                max_columns=4,
                expected_width=self.ctx.width - 64,
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.show()

    def choose(self, prefix: str) -> None:
        if self.real_name.isChecked():
            self.nav.go("id_entry", prefix=prefix, matters=self.matters)
            return
        self.ctx.call(
            lambda: self.ctx.backend.issue_ticket(prefix, matters=self.matters), self._issued, self._failed, owner=self
        )

    def _issued(self, ticket: Ticket) -> None:
        self.nav.go("ticket_result", ticket=ticket)

    def voice_text(self) -> str:
        return self.tr("请选择要办理的业务类别。长辈可先点实名取号,享受优先。")


class IdEntryScreen(EntryScreen):
    """Real-name ticket: the ID number by keypad or card reader, passed on and forgotten at once."""

    def __init__(self, ctx: SessionContext, nav: Navigator, prefix: str, matters: tuple[str, ...] = ()) -> None:
        super().__init__(self.tr("实名取号 · 请输入或刷身份证"), ctx)
        self.nav, self.prefix, self.matters = nav, prefix, matters
        self.body.addWidget(label(self.tr("请将身份证放在读卡区,或用下方键盘输入18位号码"), role="hint"))
        self.field = line_edit(self.tr("身份证号码"), sensitive=True)
        self.field.setObjectName("id_field")
        self.field.setMaxLength(18)
        confirm = button(self.tr("确认取号"), role="primary", on_click=self.submit)
        confirm.setObjectName("confirm")
        self.entry_row([self.field], confirm, Keypad(self.field, "123456789X0", max_length=18, extras=("DEL",)))
        ctx.card_reader.start(self._card)

    def leave(self) -> None:
        self.ctx.card_reader.stop()

    def _card(self, number: str) -> None:
        self.field.setText(number)
        self.submit()

    def submit(self) -> None:
        number = self.field.text().strip().upper()
        if not is_valid_ric(number, self.ctx.today()):
            # Kept for correction (one wrong digit should not mean typing 18 again); the session wipe
            # and the idle reset still clear it.
            self.show_error(self.tr("! 身份证号码有误,请核对后重新输入"))
            return
        self.field.clear()  # a valid number leaves the screen now, whatever happens next
        if is_elderly(number, self.ctx.today()):
            self.ctx.speak(self.tr("您是长辈,将优先办理。"))
        prefix, matters = self.prefix, self.matters
        backend = self.ctx.backend
        self.ctx.call(
            lambda: backend.issue_ticket(prefix, person_id=number, matters=matters),
            self._issued,
            self.show_failure,
            owner=self,
        )

    def _issued(self, ticket: Ticket) -> None:
        self.nav.go("ticket_result", ticket=ticket)

    def voice_text(self) -> str:
        return self.tr("请把身份证放在读卡区,或者输入身份证号码。")
