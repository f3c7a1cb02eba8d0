"""An in-memory ``KioskBackend`` for tests and ``--demo``.

NOT a real service: appointments, case progress, the catalogue, ratings and sync status have no service in
app/services yet, so ``QueueKioskBackend`` borrows these parts from here and the screens say nothing about it.
Replace each part as its service lands.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from pypinyin import Style, lazy_pinyin

from kiosk.backend import (
    CaseProgress,
    CaseStatus,
    Category,
    KioskError,
    Material,
    MatterGuide,
    MatterKind,
    MatterSummary,
    RatingLevel,
    RatingTarget,
    SyncStatus,
    Ticket,
)
from kiosk.idcard import is_elderly, is_valid_id, mask_id

log = logging.getLogger("onewindow.kiosk.fake_backend")

DAILY_LIMIT = 3

_CATEGORIES = (
    ("A", "综合导服", "Guidance"),
    ("B", "社会事务", "Social affairs"),
    ("C", "公安办证", "Police licences"),
    ("D", "市场准入", "Business registration"),
    ("E", "项目建设", "Construction projects"),
    ("F", "不动产", "Real estate"),
    ("G", "医保社保", "Medical & social insurance"),
    ("H", "税务", "Taxation"),
)

_M = Material
_MATTERS: tuple[MatterGuide, ...] = (
    MatterGuide(
        MatterSummary("330100-001", "居民身份证换领", "ID card renewal", "公安局", "Public Security Bureau", "C"),
        MatterKind.PROMISED, 60, 20, "20元", "CNY 20",
        (_M("居民身份证(原证)", "Current ID card"), _M("户口簿", "Household register", exempt_by_licence=True)),
    ),
    MatterGuide(
        MatterSummary("330100-002", "企业开办", "Starting a business", "市场监管局", "Market Regulation", "D"),
        MatterKind.IMMEDIATE, 3, 1, "免费", "Free",
        (_M("公司登记申请书", "Company registration form"), _M("公司章程", "Articles of association")),
    ),
    MatterGuide(
        MatterSummary("330100-003", "医保关系转移", "Medical insurance transfer", "医保局", "Healthcare Security", "G"),
        MatterKind.PROMISED, 15, 5, "免费", "Free",
        (_M("参保人身份证", "Insured person's ID card"), _M("参保凭证", "Insurance certificate")),
    ),
    MatterGuide(
        MatterSummary("330100-004", "新生儿出生一件事", "Newborn bundle", "卫健委", "Health Commission", "B"),
        MatterKind.PROMISED, 10, 3, "免费", "Free",
        (
            _M("出生医学证明", "Birth medical certificate"),
            _M("父母身份证", "Parents' ID cards", copies=2),
            _M("结婚证", "Marriage certificate", exempt_by_licence=True),
        ),
    ),
    MatterGuide(
        MatterSummary("330100-005", "不动产登记", "Real estate registration", "自然资源局", "Natural Resources", "F"),
        MatterKind.PROMISED, 30, 5, "80元", "CNY 80",
        (_M("不动产权证书", "Title certificate"), _M("买卖合同", "Sales contract"), _M("完税证明", "Tax receipt")),
    ),
    MatterGuide(
        MatterSummary("330100-006", "个人所得税汇算", "Income tax settlement", "税务局", "Tax Bureau", "H"),
        MatterKind.IMMEDIATE, 1, 1, "免费", "Free", (_M("居民身份证", "ID card"),),
    ),
    MatterGuide(
        MatterSummary("330100-007", "社会保障卡补领", "Social security card replacement", "人社局",
                      "Human Resources & Social Security", "G"),
        MatterKind.PROMISED, 20, 7, "免费", "Free", (_M("居民身份证", "ID card"),),
    ),
    MatterGuide(
        MatterSummary("330100-008", "工程建设项目施工许可", "Construction permit", "住建局", "Housing & Construction",
                      "E"),
        MatterKind.PROMISED, 20, 5, "免费", "Free",
        (_M("施工许可申请表", "Permit application"), _M("施工合同", "Construction contract")),
    ),
)

_STATUS_CASES = (
    ("H023-20261120-0007", "330100-001", CaseStatus.READY, "张*", "1234", 3),
    ("H023-20261121-0015", "330100-005", CaseStatus.IN_REVIEW, "李*华", "5678", None),
    ("H023-20261122-0042", "330100-002", CaseStatus.RECEIVED, "王*", "002X", None),
    ("H023-20261119-0003", "330100-003", CaseStatus.NEEDS_SUPPLEMENT, "赵*", "4321", None),
)

_RECEIPT_RE = re.compile(r"^[A-Z]\d{3}-\d{8}-\d{4}$")


def _initials(text: str) -> str:
    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).upper()


class FakeKioskBackend:
    """Deterministic sample hall. ``clock`` returns local wall time; settable flags drive tests."""

    def __init__(self, clock: Callable[[], datetime] = datetime.now) -> None:
        self._clock = clock
        self.is_open = True
        self.online = True
        self.pending_uploads = 0
        self._numbers: dict[str, int] = {}
        self._waiting: dict[str, int] = {p: 3 + i for i, (p, _, _) in enumerate(_CATEGORIES)}
        self._issued_today: dict[tuple[str, date], int] = {}
        self._appointments = {"20260001": "B", "20260002": "D", "20260003": "G"}
        self.ratings: list[tuple[RatingTarget, RatingLevel, tuple[str, ...]]] = []
        self.issued: list[Ticket] = []

    def hall_name(self) -> tuple[str, str]:
        return ("示范区政务服务中心", "Demo District Government Service Centre")

    def hall_open(self) -> bool:
        return self.is_open

    def list_categories(self) -> list[Category]:
        return [Category(p, zh, en, self._waiting[p], 2) for p, zh, en in _CATEGORIES]

    def _category(self, prefix: str) -> tuple[str, str, str]:
        for row in _CATEGORIES:
            if row[0] == prefix:
                return row
        raise KioskError("unknown_category", "没有这个业务类别", "No such service category")

    def issue_ticket(self, prefix: str, *, person_id: str | None = None, matters: tuple[str, ...] = (),
                     priority: str = "normal") -> Ticket:
        if not self.is_open:
            raise KioskError("hall_closed", "窗口已下班,暂停取号", "The windows are closed; no tickets now")
        p, zh, en = self._category(prefix)
        now = self._clock()
        if person_id is not None:
            if not is_valid_id(person_id):
                raise KioskError("invalid_id", "身份证号码有误,请重新输入", "Invalid ID number, please retry")
            key = (mask_id(person_id) + person_id[-6:-4], now.date())  # never keep the full number
            if self._issued_today.get(key, 0) >= DAILY_LIMIT:
                raise KioskError("daily_limit", "今日取号次数已达上限", "Daily ticket limit reached")
            self._issued_today[key] = self._issued_today.get(key, 0) + 1
            if is_elderly(person_id, now.date()):
                priority = "elderly"
        n = self._numbers.get(p, 0) + 1
        self._numbers[p] = n
        ahead = self._waiting[p]
        self._waiting[p] = ahead + 1
        ticket = Ticket(
            id=f"fake-{p}{n:03d}", display_number=f"{p}{n:03d}", category_prefix=p, category_name_zh=zh,
            category_name_en=en, priority=priority, issued_at=now,
            people_ahead=0 if priority != "normal" else ahead,
            estimated_wait_minutes=(0 if priority != "normal" else ahead) * 4 + 2,
            qr_payload=f"OW:T:fake-{p}{n:03d}",
        )
        self.issued.append(ticket)
        return ticket

    def resolve_appointment(self, code: str) -> str:
        """Appointment code (typed or from its QR) -> category prefix; each code checks in once."""
        code = code.strip().removeprefix("OW1:A:").removeprefix("OW:A:")
        prefix = self._appointments.pop(code, None)
        if prefix is None:
            raise KioskError("appointment_not_found", "未找到该预约,或已签到", "Appointment not found or already used")
        return prefix

    def check_in_appointment(self, code: str) -> Ticket:
        return self.issue_ticket(self.resolve_appointment(code), priority="appointment")

    def _progress(self, row: tuple[str, str, CaseStatus, str, str, int | None]) -> CaseProgress:
        receipt, code, status, name, last4, window = row
        guide = self.matter_guide(code)
        day = datetime.strptime(receipt.split("-")[1], "%Y%m%d")
        return CaseProgress(
            receipt_number=receipt, matter_name_zh=guide.summary.name_zh, matter_name_en=guide.summary.name_en,
            status=status, applicant_masked=name, id_masked="3301**********" + last4, accepted_on=day,
            promised_by=day + timedelta(days=guide.promised_days), pickup_window=window,
        )

    def case_progress(self, receipt_number: str, id_last4: str) -> CaseProgress:
        receipt = receipt_number.strip().upper()
        if not _RECEIPT_RE.match(receipt):
            raise KioskError("bad_receipt", "受理编号格式有误", "Malformed receipt number")
        for row in _STATUS_CASES:
            if row[0] == receipt and row[4] == id_last4.strip().upper():
                return self._progress(row)
        # One message for both cases so the kiosk cannot be used to probe which receipts exist.
        raise KioskError("case_not_found", "未查到办件,请核对编号和身份证后四位",
                         "No case found; check the number and the last 4 ID digits")

    def case_progress_by_qr(self, payload: str) -> CaseProgress:
        receipt = payload.strip().removeprefix("OW:R:")
        for row in _STATUS_CASES:
            if row[0] == receipt:
                return self._progress(row)
        raise KioskError("case_not_found", "未查到办件", "No case found")

    def search_matters(self, query: str) -> list[MatterSummary]:
        q = query.strip().upper()
        out = []
        for guide in _MATTERS:
            s = guide.summary
            if not q or q in s.name_zh or q in s.name_en.upper() or q in _initials(s.name_zh) or q == s.category_prefix:
                out.append(s)
        return out

    def matter_guide(self, code: str) -> MatterGuide:
        for guide in _MATTERS:
            if guide.summary.code == code:
                return guide
        raise KioskError("matter_not_found", "未找到该事项", "Matter not found")

    def rating_target(self, reference: str, id_last4: str = "") -> RatingTarget:
        ref = reference.strip().upper().removeprefix("OW:T:FAKE-").removeprefix("OW:R:")
        if _RECEIPT_RE.match(ref):
            return RatingTarget("case", ref, f"办件 {ref}", f"Case {ref}")
        for t in self.issued:
            if t.display_number == ref:
                return RatingTarget("ticket", ref, f"{ref} 号 {t.category_name_zh}",
                                    f"Ticket {ref} {t.category_name_en}")
        if re.fullmatch(r"[A-H]\d{3}", ref):
            return RatingTarget("ticket", ref, f"{ref} 号", f"Ticket {ref}")
        raise KioskError("rating_target", "未找到可评价的号票或办件", "No ticket or case to rate")

    def submit_rating(self, target: RatingTarget, level: RatingLevel, reasons: tuple[str, ...]) -> None:
        if level.needs_reason and not reasons:
            raise KioskError("reason_required", "请选择不满意的原因", "Please choose a reason")
        self.ratings.append((replace(target), level, reasons))

    def sync_status(self) -> SyncStatus:
        return SyncStatus(self.online, self.pending_uploads, None if not self.online else self._clock())
