"""Service guide (办事指南): search by name or pinyin initials, then the matter's materials and limits."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QVBoxLayout

from app.domain.catalogue import split_names
from app.ui.intake.labels import money
from kiosk.backend import MatterGuide, MatterKind, MatterSummary, Ticket
from kiosk.context import Navigator, SessionContext
from kiosk.layout import Responsive
from kiosk.widgets import Keypad, Screen, ScrollContent, button, label, line_edit, scroll, watch_drags

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class GuideScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("办事指南"))
        self.ctx, self.nav = ctx, nav
        self.body.addWidget(label(self.tr("输入事项名称的拼音首字母查找,如“SFZ”查身份证"), role="hint"))
        self.field = line_edit(self.tr("拼音首字母"))
        self.field.setObjectName("search")
        self.field.textChanged.connect(self.search)
        row = Responsive(ctx.landscape)
        left = row.column(2)
        left.addWidget(self.field)
        left.addWidget(Keypad(self.field, LETTERS, columns=7, max_length=12))
        self.results = ScrollContent()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.area = scroll(self.results)
        row.column(3).addWidget(self.area, 1)
        self.body.addWidget(row, 1)
        self.search("")

    def search(self, text: str) -> None:
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.search_matters(text), self._show,
                      lambda exc: self._show_message(self.ctx.error_text(exc)), owner=self)

    def _clear(self) -> None:
        while (item := self.results_layout.takeAt(0)) is not None:
            if (w := item.widget()) is not None:
                w.hide()  # gone from the screen now, deleted when the event loop gets to it
                w.deleteLater()

    def _show_message(self, text: str) -> None:
        self._clear()
        self.results_layout.addWidget(label(text))
        self.results_layout.addStretch(1)

    def _show(self, matters: list[MatterSummary]) -> None:
        if not matters:
            self._show_message(self.tr("没有找到相关事项,请换个关键字或咨询工作人员"))
            return
        self._clear()
        for m in matters:
            departments = self.one_line(self.ctx.pick(m.department_zh, m.department_en))
            text = f"{self.ctx.pick(m.name_zh, m.name_en)}\n{departments}"
            b = button(text, on_click=partial(self.nav.go, "matter", code=m.code))
            b.setObjectName(f"matter_{m.code}")
            watch_drags(self.area, b)
            self.results_layout.addWidget(b)
        self.results_layout.addStretch(1)

    def one_line(self, departments: str) -> str:
        """A bundle's departments on one list row: the first and how many (the guide page lists them all)."""
        names = split_names(departments)
        return departments if len(names) < 3 else self.tr("{first} 等 {n} 个部门").format(first=names[0], n=len(names))

    def voice_text(self) -> str:
        return self.tr("请输入事项名称的拼音首字母,然后点击要查看的事项。")


class MatterScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator, code: str) -> None:
        super().__init__(self.tr("办事指南"))
        self.ctx, self.nav, self.code = ctx, nav, code
        self.content = ScrollContent()
        self.content_layout = QVBoxLayout(self.content)
        self.body.addWidget(scroll(self.content), 1)
        self.message = label("", role="card")
        self.message.hide()
        self.body.addWidget(self.message)
        row = Responsive(ctx.landscape)
        self.print_button = button(self.tr("打印材料清单"), on_click=self.print_list)
        self.print_button.setObjectName("print_materials")
        self.ticket_button = button(self.tr("为此事项取号"), role="primary", on_click=self.take_ticket)
        self.ticket_button.setObjectName("take_ticket")
        row.column().addWidget(self.print_button)
        row.column().addWidget(self.ticket_button)
        self.body.addWidget(row)
        self.guide: MatterGuide | None = None
        backend = ctx.backend
        ctx.call(lambda: backend.matter_guide(code), self._show, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.ctx.error_text(exc))
        self.message.show()

    def _show(self, guide: MatterGuide) -> None:
        self.guide = guide
        s, pick, add = guide.summary, self.ctx.pick, self.content_layout.addWidget
        self.title_label.setText(pick(s.name_zh, s.name_en))
        kind = self.tr("即办件(当场办结)") if guide.kind is MatterKind.IMMEDIATE else self.tr("承诺件")
        add(label(self.tr("办理部门:{d}").format(d=pick(s.department_zh, s.department_en))))
        add(label(self.tr("办件类型:{k}").format(k=kind)))
        add(label(self.tr("法定时限 {a} 个工作日,承诺时限 {b} 个工作日").format(
            a=guide.legal_days, b=guide.promised_days)))
        add(label(self.tr("收费:{f}").format(f=money(guide.fee_fen))))
        add(label(self.tr("申请材料"), role="subtitle"))
        for i, m in enumerate(guide.materials, 1):
            line = f"{i}. {pick(m.name_zh, m.name_en)}"
            if m.copies > 1:
                line += self.tr("({n} 份)").format(n=m.copies)
            if m.exempt_by_licence:
                line += self.tr(" — 免提交(电子证照核验)")
            add(label(line, role="card"))
        self.content_layout.addStretch(1)
        self.ctx.speak(self.voice_text())

    def print_list(self) -> None:
        if self.guide is None:
            return
        g = self.guide
        lines = [g.summary.name_zh, *(f"{i}. {m.name_zh}" for i, m in enumerate(g.materials, 1))]
        self.ctx.printer.print_lines(lines, self._printed, owner=self)

    def _printed(self, printed: bool) -> None:
        self.message.setText(self.tr("材料清单已打印,请取走") if printed
                             else self.tr("! 打印机暂时无法打印,请用手机拍下本页"))
        self.message.show()

    def take_ticket(self) -> None:
        if self.guide is None:
            return
        prefix, code, backend = self.guide.summary.category_prefix, self.code, self.ctx.backend
        self.ctx.call(lambda: backend.issue_ticket(prefix, matters=(code,)), self._issued, self._failed,
                      owner=self)

    def _issued(self, ticket: Ticket) -> None:
        self.nav.go("ticket_result", ticket=ticket)

    def voice_text(self) -> str:
        if self.guide is None:
            return ""
        return self.tr("{name},需要 {n} 份材料。").format(
            name=self.ctx.pick(self.guide.summary.name_zh, self.guide.summary.name_en),
            n=len(self.guide.materials))
