"""The public queue status page (mobile HTML, no login): what a citizen sees after scanning the ticket's QR."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from app.domain.calendar import hall_time
from server import public
from server.api.deps import state

router = APIRouter()
FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Subset-Regular.otf"

_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<title>{title}</title>
<style>
@font-face {{ font-family: "OW Sans"; src: url("/q/font.otf"); font-display: swap; }}
body {{ margin: 0; font-family: "OW Sans", "PingFang SC", "Microsoft YaHei", sans-serif; background: #f3f6fa;
       color: #1b2733; }}
header {{ background: #0b5394; color: #fff; padding: 18px 20px; font-size: 20px; }}
main {{ padding: 20px; }}
.card {{ background: #fff; border-radius: 14px; padding: 22px; margin-bottom: 16px;
        box-shadow: 0 1px 4px rgba(0,0,0,.08); }}
.number {{ font-size: 64px; font-weight: 700; letter-spacing: 2px; color: #0b5394; }}
.big {{ font-size: 30px; font-weight: 700; margin: 8px 0; }}
.called {{ color: #b45f06; }}
.muted {{ color: #5b6b7a; font-size: 16px; }}
.en {{ color: #5b6b7a; font-size: 15px; }}
</style></head>
<body><header>{hall}</header><main>
<div class="card"><div class="muted">您的号码 / Your number</div><div class="number">{number}</div>
<div class="muted">{category}</div></div>
<div class="card">{status}</div>
<p class="muted">数据截至 / as of {as_of}（大厅最近一次同步 / the hall's last sync）。页面每 30 秒刷新。</p>
</main></body></html>"""


def _status_html(t: dict[str, Any]) -> str:
    st = t["status"]
    if st == "waiting":
        wait = t["estimated_wait_minutes"]
        wait_zh = "暂无估计" if wait is None else f"约 {wait} 分钟"
        wait_en = "no estimate yet" if wait is None else f"about {wait} min"
        return (
            f'<div class="big">前面还有 {t["people_ahead"]} 人</div>'
            f'<div class="en">{t["people_ahead"]} people ahead of you</div>'
            f'<div class="big">预计等候 {wait_zh}</div><div class="en">Estimated wait: {wait_en}</div>'
        )
    if st in ("called", "serving"):
        w = t["window_number"]
        return (
            f'<div class="big called">请到 {w} 号窗口办理</div><div class="en">Please go to window {w}</div>'
            if w
            else '<div class="big called">已叫号</div><div class="en">Your number has been called</div>'
        )
    words = {
        "finished": ("已办结", "Done"),
        "no_show": ("已过号，请到服务台", "Missed: please ask at the help desk"),
        "parked": ("暂挂中，请留意叫号", "On hold: watch the display"),
    }
    zh, en = words.get(st, ("请留意叫号屏", "Watch the calling display"))
    return f'<div class="big">{zh}</div><div class="en">{en}</div>'


@router.get("/q/font.otf", include_in_schema=False)
def font() -> FileResponse:
    return FileResponse(FONT, media_type="font/otf", headers={"Cache-Control": "public, max-age=604800"})


@router.get("/q/{hall_code}/{ticket_id}", response_class=HTMLResponse)
def queue_status(hall_code: str, ticket_id: str, request: Request) -> HTMLResponse:
    st = state(request)
    with st.db.read() as s:
        t = public.ticket_status(s, hall_code, ticket_id)
    if t is None:
        body = _PAGE.format(
            title="未找到 / Not found",
            hall="一窗通 OneWindow",
            number="—",
            category="",
            status='<div class="big">没有找到这个号</div><div class="en">This ticket was not found (yet): '
            "the hall may not have synced it.</div>",
            as_of="—",
        )
        return HTMLResponse(body, status_code=404)
    as_of = "—"
    if t["as_of"]:
        as_of = hall_time(datetime.fromisoformat(t["as_of"]), t["timezone"]).strftime("%Y-%m-%d %H:%M")
    e = html.escape
    body = _PAGE.format(
        title=e(f"{t['number']} 排队进度"),
        hall=e(t["hall_name"] or t["hall_code"]),
        number=e(t["number"]),
        category=e(f"{t['category_zh']} / {t['category_en']}"),
        status=_status_html({k: e(v) if isinstance(v, str) else v for k, v in t.items()}),
        as_of=e(as_of),
    )
    return HTMLResponse(body)


@router.get("/v1/public/tickets/{hall_code}/{ticket_id}")
def queue_status_json(hall_code: str, ticket_id: str, request: Request) -> dict[str, Any]:
    st = state(request)
    with st.db.read() as s:
        t = public.ticket_status(s, hall_code, ticket_id)
    if t is None:
        from app.domain.errors import NotFoundError

        raise NotFoundError("没有找到这个号", "No such ticket (yet)")
    return t
