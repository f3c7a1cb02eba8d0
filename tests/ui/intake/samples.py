"""Sample receipt and notice views for printing tests (no database needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.services.intake_views import NoticeItemView, NoticeView, ReceiptView

AT = datetime(2026, 11, 23, 2, 5, tzinfo=UTC)


def receipt(**kw: object) -> ReceiptView:
    base = dict(
        case_id="c1",
        receipt_number="H023-20261123-0042",
        hall_code="H023",
        hall_name="示范区政务服务中心",
        hall_timezone="Asia/Shanghai",
        title_zh="企业开办",
        matters_zh=(
            "企业设立登记（有限责任公司）",
            "公章刻制备案",
            "新办纳税人发票申领",
            "单位社会保险参保登记",
            "住房公积金单位缴存登记",
        ),
        department_zh="市场监督管理局",
        applicant_masked="王**",
        applicant_id_masked="110***********1239",
        decision="accept",
        accepted_at=AT,
        promised_date=date(2026, 11, 24),
        matter_kind="promised",
        fee_fen=0,
        owed_zh=(),
        deficiency_deadline=None,
        window_number=4,
        staff_name="李强",
        qr_payload="OW1:R:H023-20261123-0042",
        hall_phone="0571-12345",
    )
    base.update(kw)
    return ReceiptView(**base)  # type: ignore[arg-type]


def notice(items: int = 4) -> NoticeView:
    pool = [
        NoticeItemView(
            "企业开办“一表通”申请表",
            "Form",
            "原件 1 份",
            ("第 1 页：清晰度 32，低于要求的 60（图像模糊）；请对焦后重扫",),
            ("blur",),
        ),
        NoticeItemView(
            "法定代表人（负责人）身份证件", "ID", "原件 1 份（正反两面）", ("未提交原件（正反两面）",), ("missing",)
        ),
        NoticeItemView("公司章程", "Articles", "原件 1 份", ("未提交（不使用标准化章程时须提交）",), ("missing",)),
        NoticeItemView(
            "住所（经营场所）使用证明",
            "Premises",
            "复印件 1 份",
            ("第 1 页：扫描件为黑白/灰度图像，该材料的印章须彩色可辨；请彩色扫描", "第 2 页：页面内容被裁切"),
            ("grey", "cut"),
        ),
    ]
    chosen = tuple((pool * (items // len(pool) + 1))[:items])
    return NoticeView(
        case_id="c1",
        number="H023-20261123-G001",
        hall_name="示范区政务服务中心",
        hall_timezone="Asia/Shanghai",
        title_zh="企业开办",
        matters_zh=("企业设立登记（有限责任公司）", "公章刻制备案"),
        applicant_masked="王**",
        issued_at=AT,
        items=chosen,
        window_number=4,
        staff_name="李强",
        hall_phone="0571-12345",
    )
