"""What a receipt slip says, independent of how it is printed (Qt image/PDF or ESC/POS).

Qt-free on purpose, like app/devices/ticket_slip.py: both renderers print exactly these lines.
Printed documents are handed to citizens, so the wording is Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.devices.ticket_slip import clean
from app.domain.calendar import hall_time
from app.services.intake_views import ReceiptView

_TIME = "%Y-%m-%d %H:%M"


def money(fen: int) -> str:
    return "免费" if fen == 0 else f"{fen // 100}.{fen % 100:02d} 元"


@dataclass(frozen=True)
class ReceiptText:
    hall: str
    title: str
    number: str
    lines: tuple[str, ...]  # label: value lines, in print order
    owed: tuple[str, ...]  # 容缺: one line per owed material (empty when fully accepted)
    qr_payload: str
    qr_caption: str
    footer: str


def receipt_text(r: ReceiptView) -> ReceiptText:
    accepted = hall_time(r.accepted_at, r.hall_timezone).strftime(_TIME)
    if r.matter_kind == "immediate":
        promise = "即办件，当场办结"
    elif r.promised_date is not None:
        promise = f"{r.promised_date:%Y-%m-%d} 前办结"
    else:
        promise = "—"
    lines = [f"办理事项：{clean(r.title_zh)}"]
    if len(r.matters_zh) > 1:
        lines += [f"  {i}. {clean(m)}" for i, m in enumerate(r.matters_zh, start=1)]
    lines += [
        f"申\u2002请\u2002人：{clean(r.applicant_masked)}（{r.applicant_id_masked}）",
        f"受理时间：{accepted}",
        f"承诺时限：{promise}",
        f"收\u3000\u3000费：{money(r.fee_fen)}",
    ]
    where = f"{r.window_number} 号窗口" if r.window_number else ""
    if where or r.staff_name:
        lines.append(f"受理窗口：{where} {clean(r.staff_name)}".rstrip())
    owed: tuple[str, ...] = ()
    if r.owed_zh:
        deadline = f"{r.deficiency_deadline:%Y-%m-%d}" if r.deficiency_deadline else "—"
        owed = (f"容缺受理：请于 {deadline} 前补交", *(f"· {clean(m)}" for m in r.owed_zh))
    footer = "请凭本回执和身份证件领取办理结果"
    if r.hall_phone:
        footer += f"。咨询电话 {clean(r.hall_phone)}"
    return ReceiptText(
        hall=clean(r.hall_name),
        title="容缺受理回执" if r.owed_zh else "受理回执",
        number=r.receipt_number,
        lines=tuple(lines),
        owed=owed,
        qr_payload=r.qr_payload,
        qr_caption="扫码或在自助机输入受理编号查询进度",
        footer=footer,
    )
