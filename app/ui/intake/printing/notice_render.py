"""The one-time notice (一次性告知书) as an A4 PDF (and a PNG preview), laid out with QTextDocument.

QTextDocument paginates a long list of items over several A4 pages and numbers them by itself;
the text uses the bundled CJK font so the PDF is right on a PC without Chinese fonts. Everything the
database supplies is HTML-escaped: a material name can never inject markup into the document.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from app.domain.calendar import hall_time
from app.services.intake_views import NoticeView
from app.ui.fonts import app_font

A4_MM = (210.0, 297.0)
MARGIN_MM = 20.0
PREVIEW_WIDTH_PX = 794  # A4 at 96 dpi
POINT_SIZE = 11.5


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def notice_html(n: NoticeView, indent_px: int = 30) -> str:
    issued = hall_time(n.issued_at, n.hall_timezone)
    day = f"{issued.year} 年 {issued.month} 月 {issued.day} 日"
    matters = "、".join(n.matters_zh)
    subject = _e(n.title_zh) + (f"（{_e(matters)}）" if matters and matters != n.title_zh else "")
    rows = "".join(
        "<tr>"
        f"<td align='center' style='white-space:nowrap'>{i}</td>"
        f"<td>{_e(item.material_zh)}</td>"
        f"<td>{_e(item.requirement_zh)}</td>"
        f"<td>{'<br>'.join(_e(r) for r in item.reasons_zh)}</td>"
        "</tr>"
        for i, item in enumerate(n.items, start=1)
    )
    window = f"{n.window_number} 号窗口　" if n.window_number else ""
    phone = f"咨询电话：{_e(n.hall_phone)}。" if n.hall_phone else ""
    indent = f"style='text-indent:{indent_px}px; margin-top:6px'"  # Qt takes device pixels only
    return (
        "<html><body>"
        "<h1 align='center' style='font-size:20pt'>一次性告知书</h1>"
        f"<p align='right'>编号：{_e(n.number)}</p>"
        f"<p>{_e(n.applicant_masked)}：</p>"
        f"<p {indent}>您于 {day} 申请办理“{subject}”，经审查，申请材料不齐全或不符合要求。"
        "根据一次性告知制度，现将需要补充或更正的<b>全部</b>材料一次性告知如下：</p>"
        "<table border='1' cellspacing='0' cellpadding='6' width='100%' style='border-collapse:collapse'>"
        "<tr style='background-color:#eeeeee'><th width='9%'>序号</th><th width='26%'>材料名称</th>"
        "<th width='23%'>提交要求</th><th>需补正的内容</th></tr>"
        f"{rows}</table>"
        f"<p {indent}>请按上述要求备齐材料后再来办理。{_deadline(n)}以上为需补正的全部内容，"
        "本中心不会再要求您提交本告知书以外的材料（依据《中华人民共和国行政许可法》第三十二条）。"
        f"如对本告知有疑问，可向大厅值班主任反映。{phone}</p>"
        f"<p align='right'><br>{_e(n.hall_name)}（受理专用章）<br>"
        f"{window}经办人：{_e(n.staff_name) or '—'}<br>{day}</p>"
        "</body></html>"
    )


def _deadline(n: NoticeView) -> str:
    """When the citizen can expect a decision once the materials are complete."""
    if n.immediate:
        return "材料补齐后，本事项当场办结。"
    if n.promised_days:
        legal = f"（法定时限 {n.legal_days} 个工作日）" if n.legal_days else ""
        return f"材料补齐并受理后，本中心承诺 {n.promised_days} 个工作日内办结{legal}。"
    return "材料补齐后即予受理。"


def _document(n: NoticeView, dpi: float = 96) -> QTextDocument:
    doc = QTextDocument()
    font = app_font()
    font.setPointSizeF(POINT_SIZE)
    doc.setDefaultFont(font)
    # the first-line indent of a paragraph is two characters, in the pixels of the device painted on
    doc.setHtml(notice_html(n, indent_px=round(2 * POINT_SIZE / 72 * dpi)))
    return doc


def render_notice_pdf(n: NoticeView, path: str | Path) -> Path:
    out = Path(path)
    writer = QPdfWriter(str(out))
    writer.setCreator("OneWindow")
    writer.setTitle(f"一次性告知书 {n.number}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = _document(n, writer.resolution())
    doc.print_(writer)  # paginates and numbers the pages
    if not out.exists() or out.stat().st_size == 0:
        raise OSError(f"could not write {out}")
    return out


def notice_for_printer(n: NoticeView) -> Any:
    """For PaperPrinter: set the printer to A4 with the notice's margins and lay the notice out for it."""

    def document_for(printer: Any) -> QTextDocument:
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setDocName(f"一次性告知书 {n.number}")
        return _document(n, printer.resolution())

    return document_for


def render_notice_image(n: NoticeView, width_px: int = PREVIEW_WIDTH_PX) -> QImage:
    """The whole notice on one long image, A4 width, for an on-screen preview."""
    doc = _document(n)
    margin = round(width_px * MARGIN_MM / A4_MM[0])
    doc.setTextWidth(width_px - 2 * margin)
    height = round(doc.size().height()) + 2 * margin
    image = QImage(width_px, max(height, round(width_px * A4_MM[1] / A4_MM[0])), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    doc.drawContents(painter)
    painter.end()
    return image


def render_notice_png(n: NoticeView, path: str | Path) -> Path:
    out = Path(path)
    if not render_notice_image(n).save(str(out), "PNG"):  # type: ignore[call-overload]  # stubs want bytes; Qt wants str
        raise OSError(f"could not write {out}")
    return out
