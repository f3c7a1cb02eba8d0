"""Case progress: scan the receipt QR, or type the receipt number plus the last 4 ID digits."""

from __future__ import annotations

from app.domain.cases import receipt_from_scan
from kiosk.backend import CaseProgress, CaseStatus
from kiosk.context import Navigator, SessionContext
from kiosk.entry import EntryScreen
from kiosk.widgets import Keypad, Screen, button, label, line_edit


class ProgressScreen(EntryScreen):
    def __init__(self, ctx: SessionContext, nav: Navigator) -> None:
        super().__init__(self.tr("办件进度查询"), ctx)
        self.nav = nav
        self.body.addWidget(label(self.tr("请扫描受理回执上的二维码,或输入受理编号和身份证后4位"), role="subtitle"))
        self.receipt = line_edit(self.tr("受理编号,如 H023-20261122-0042"))
        self.receipt.setObjectName("receipt")
        self.receipt.setMaxLength(24)
        self.last4 = line_edit(self.tr("身份证后4位"), sensitive=True)
        self.last4.setObjectName("last4")
        self.last4.setMaxLength(4)
        query = button(self.tr("查询"), role="primary", on_click=self.submit)
        query.setObjectName("query")
        keypad = Keypad([self.receipt, self.last4], "1234567890-HX", columns=5)
        self.entry_row([self.receipt, self.last4], query, keypad)

    def handle_scan(self, code: str) -> bool:
        receipt = receipt_from_scan(code)
        if receipt is None:
            self.show_error(self.tr("! 请输入受理编号和身份证后4位"))
            return True
        # The QR only fills in the receipt number: the case service asks for the last 4 ID characters either way.
        self.receipt.setText(receipt)
        self.last4.setFocus()
        self.show_error(self.tr("已读取受理编号,请输入身份证后4位"))
        return True

    def submit(self) -> None:
        receipt, last4 = self.receipt.text().strip(), self.last4.text().strip()
        self.last4.clear()
        if not receipt or len(last4) != 4:
            self.show_error(self.tr("! 请输入受理编号和身份证后4位"))
            return
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.case_progress(receipt, last4), self._show, self.show_failure, owner=self)

    def _show(self, progress: CaseProgress) -> None:
        self.nav.go("progress_result", progress=progress)

    def voice_text(self) -> str:
        return self.tr("请扫描回执二维码,或输入受理编号和身份证后四位。")


class ProgressResultScreen(Screen):
    def __init__(self, ctx: SessionContext, nav: Navigator, progress: CaseProgress) -> None:
        super().__init__(self.tr("办件进度"))
        self.ctx, self.nav, self.progress = ctx, nav, progress
        self.status = label(self.status_words(progress.status), role="number")
        self.status.setObjectName("case_status")
        self.body.addWidget(self.status)
        p = progress
        rows = [
            (self.tr("事项"), ctx.pick(p.matter_name_zh, p.matter_name_en)),
            (self.tr("受理编号"), p.receipt_number),
            (self.tr("申请人"), p.applicant_masked),
            (self.tr("证件号码"), p.id_masked),
        ]
        if p.accepted_on is not None:
            rows.append((self.tr("受理日期"), p.accepted_on.isoformat()))
        if p.promised_by is not None:
            rows.append((self.tr("承诺办结"), p.promised_by.isoformat()))
        for key, value in rows:
            self.body.addWidget(label(f"{key}: {value}"))
        advice = self.advice(p)
        if advice:
            self.body.addWidget(label(advice, role="card"))
        self.body.addStretch(1)
        done = button(self.tr("完成"), role="primary", on_click=nav.finish)
        done.setObjectName("done")
        self.body.addWidget(done)

    def status_words(self, status: CaseStatus) -> str:
        return {
            CaseStatus.RECEIVED: self.tr("受理中"),
            CaseStatus.IN_REVIEW: self.tr("审批中"),
            CaseStatus.NEEDS_SUPPLEMENT: self.tr("需补正材料"),
            CaseStatus.READY: self.tr("可领取"),
            CaseStatus.COLLECTED: self.tr("已领取"),
            CaseStatus.REJECTED: self.tr("不予受理"),
        }[status]

    def advice(self, p: CaseProgress) -> str:
        if p.status is CaseStatus.READY:
            if p.pickup_window:
                return self.tr("结果已可领取,请带身份证到 {w} 号窗口领取").format(w=p.pickup_window)
            return self.tr("结果已可领取,请带身份证到综合出件窗口领取")
        if p.status is CaseStatus.NEEDS_SUPPLEMENT:
            return self.tr("请按一次性告知单补齐材料后到综合窗口提交")
        return ""

    def voice_text(self) -> str:
        return self.tr("您的办件状态是:{status}。").format(status=self.status.text())
