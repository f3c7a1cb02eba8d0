"""A report as a landscape A4 PDF: totals, then per category, window and clerk, and the 窗口考核 sheet.

Rendered from HTML with the bundled CJK font, like the one-time notice (app/ui/intake/printing).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.domain.errors import RuleViolation
from app.services.report_export import ASSESSMENT_COLUMNS, COLUMNS, metric_value, text_summary
from app.services.report_metrics import Metrics
from app.services.reports import Report
from app.ui.fonts import app_font
from app.userfiles import output_file

TABLE = "<table border='1' cellspacing='0' cellpadding='2'>"


def _cell(value: object) -> str:
    return "—" if value is None else html.escape(str(value))


def _table(title: str, rows: list[Metrics]) -> str:
    head = "".join(f"<th>{zh}</th>" for _f, zh, _en in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(metric_value(m, f))}</td>" for f, _zh, _en in COLUMNS) + "</tr>" for m in rows
    )
    return f"<h3>{html.escape(title)}</h3>{TABLE}<tr>{head}</tr>{body}</table>"


def report_html(report: Report) -> str:
    summary = "<br>".join(html.escape(line) for line in text_summary(report).splitlines())
    parts = [
        "<html><body style='font-size:7pt'>",
        f"<h2>{html.escape(report.hall_name)} 统计报表 {report.start:%Y-%m-%d} — {report.end:%Y-%m-%d}</h2>",
        f"<p>{summary}</p>",
        _table("汇总", [report.total]),
        _table("按业务类别", list(report.by_category)),
        _table("按窗口", list(report.by_window)),
        _table("按工作人员", list(report.by_clerk)),
    ]
    if report.assessment:
        head = "".join(f"<th>{zh}</th>" for _f, zh, _en in ASSESSMENT_COLUMNS)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(getattr(a, f))}</td>" for f, _zh, _en in ASSESSMENT_COLUMNS) + "</tr>"
            for a in report.assessment
        )
        parts.append(f"<h3>窗口考核</h3>{TABLE}<tr>{head}</tr>{body}</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(report: Report, path: str | Path) -> Path:
    from app.ui.app_setup import make_app

    make_app([sys.argv[0], "-platform", "offscreen"])  # reuses a running application
    out = output_file(path)
    writer = QPdfWriter(str(out))
    writer.setCreator("OneWindow")
    writer.setTitle(f"{report.hall_name} {report.start:%Y-%m-%d}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    font = app_font()
    font.setPointSizeF(7)
    doc.setDefaultFont(font)
    doc.setHtml(report_html(report))
    doc.print_(writer)
    if not out.exists() or out.stat().st_size == 0:
        raise RuleViolation(f"无法写入 {out}", f"Cannot write {out}")
    return out
