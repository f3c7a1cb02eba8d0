"""Reports as an .xlsx workbook (XlsxWriter) and as a short text summary for the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.domain.errors import RuleViolation
from app.services.report_metrics import AssessmentRow, Metrics
from app.services.reports import Report
from app.userfiles import output_file

# (field, Chinese header, English header): the columns of every breakdown sheet, in order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("key", "编号", "key"),
    ("name", "名称", "name"),
    ("arrived", "取号数", "arrived"),
    ("served", "办结数", "served"),
    ("served_pct", "办结率%", "served %"),
    ("no_show", "过号数", "no-shows"),
    ("no_show_pct", "过号率%", "no-show %"),
    ("walk_outs", "未叫离开", "walk-outs"),
    ("transfers", "转移数", "transfers"),
    ("service_level", "按时叫号率%", "service level %"),
    ("avg_wait_min", "平均等候(分)", "avg wait min"),
    ("max_wait_min", "最长等候(分)", "max wait min"),
    ("avg_service_min", "平均办理(分)", "avg service min"),
    ("max_service_min", "最长办理(分)", "max service min"),
    ("tickets_per_hour", "每小时办结", "tickets per hour"),
    ("rating_5", "非常满意", "very satisfied"),
    ("rating_4", "满意", "satisfied"),
    ("rating_3", "基本满意", "basically satisfied"),
    ("rating_2", "不满意", "dissatisfied"),
    ("rating_1", "非常不满意", "very dissatisfied"),
    ("good_rate", "好评率%", "good rate %"),
    ("cases_accepted", "受理件", "cases accepted"),
    ("cases_rongque", "容缺受理", "accepted with deficiency"),
    ("cases_refused", "不予受理", "refused"),
    ("cases_returned", "退回件", "returned"),
    ("cases_overdue", "超期件", "overdue"),
    ("early_rate", "提前办结率%", "early completion %"),
)
ASSESSMENT_COLUMNS = (
    ("rank", "名次", "rank"),
    ("kind", "类别", "kind"),
    ("key", "编号", "key"),
    ("name", "名称", "name"),
    ("served", "办结数", "served"),
    ("service_level", "按时叫号率%", "service level %"),
    ("good_rate", "好评率%", "good rate %"),
    ("cases_overdue", "超期件", "overdue"),
    ("cases_returned", "退回件", "returned"),
    ("score", "考核得分", "score"),
)


def metric_value(m: Metrics, field: str) -> Any:
    if field.startswith("rating_"):
        return m.ratings.get(field.removeprefix("rating_"), 0)
    return getattr(m, field)


def write_xlsx(report: Report, path: str | Path) -> Path:
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    out = output_file(path)
    try:
        _fill_workbook(xlsxwriter.Workbook(str(out)), report)
    except FileCreateError as exc:
        raise RuleViolation(f"无法写入 {out}", f"Cannot write {out}: {exc}") from None
    return out


def _fill_workbook(book: Any, report: Report) -> None:
    head = book.add_format({"bold": True, "bg_color": "#dbeafe", "border": 1, "text_wrap": True})
    title = book.add_format({"bold": True, "font_size": 14})
    period = f"{report.start:%Y-%m-%d} — {report.end:%Y-%m-%d}"

    def sheet(name: str, rows: list[Metrics]) -> None:
        ws = book.add_worksheet(name)
        ws.write(0, 0, f"{report.hall_name} {name} {period}", title)
        for col, (_f, zh, en) in enumerate(COLUMNS):
            ws.write(2, col, f"{zh}\n{en}", head)
        for r, m in enumerate(rows, start=3):
            for col, (f, _zh, _en) in enumerate(COLUMNS):
                value = metric_value(m, f)
                ws.write(r, col, "" if value is None else value)
        ws.set_row(2, 32)
        ws.set_column(0, 0, 8)
        ws.set_column(1, 1, 18)
        ws.set_column(2, len(COLUMNS) - 1, 11)
        ws.freeze_panes(3, 2)

    sheet("汇总", [report.total])
    sheet("按业务类别", list(report.by_category))
    sheet("按窗口", list(report.by_window))
    sheet("按工作人员", list(report.by_clerk))
    if report.assessment:
        ws = book.add_worksheet("窗口考核")
        ws.write(0, 0, f"{report.hall_name} 窗口考核 {period}", title)
        weights = "  ".join(f"{k}={v}" for k, v in report.weights.items())
        ws.write(1, 0, f"权重 / weights: {weights}")
        for col, (_f, zh, en) in enumerate(ASSESSMENT_COLUMNS):
            ws.write(2, col, f"{zh}\n{en}", head)
        for r, a in enumerate(report.assessment, start=3):
            for col, (f, _zh, _en) in enumerate(ASSESSMENT_COLUMNS):
                value = getattr(a, f)
                ws.write(r, col, "" if value is None else value)
        ws.set_row(2, 32)
        ws.set_column(0, len(ASSESSMENT_COLUMNS) - 1, 12)
    ws = book.add_worksheet("到达热力图")
    ws.write(0, 0, "按星期和小时的取号数（现场 / 预约） / arrivals by weekday and hour (walk-in / appointment)", title)
    for col in range(24):
        ws.write(2, col + 1, f"{col:02d}", head)
    for i, day in enumerate("一二三四五六日"):
        walk, appt = report.heatmap["walk_in"][i], report.heatmap["appointment"][i]
        ws.write(3 + i, 0, f"周{day}", head)
        for h in range(24):
            ws.write(3 + i, h + 1, f"{walk[h]}/{appt[h]}" if walk[h] or appt[h] else "")
    book.close()


def _fmt(value: Any) -> str:
    return "—" if value is None else str(value)


def text_summary(report: Report) -> str:
    t = report.total
    lines = [
        f"{report.hall_name} {report.start:%Y-%m-%d}—{report.end:%Y-%m-%d}",
        f"取号 {t.arrived}  办结 {t.served} ({_fmt(t.served_pct)}%)  过号 {t.no_show}  转移 {t.transfers}  "
        f"按时叫号率 {_fmt(t.service_level)}%",
        f"等候 平均 {_fmt(t.avg_wait_min)} / 最长 {_fmt(t.max_wait_min)} 分钟  "
        f"办理 平均 {_fmt(t.avg_service_min)} / 最长 {_fmt(t.max_service_min)} 分钟",
        f"评价 {t.rated} 好评率 {_fmt(t.good_rate)}%  受理 {t.cases_accepted} 容缺 {t.cases_rongque} "
        f"不予受理 {t.cases_refused} 退回 {t.cases_returned} 超期 {t.cases_overdue} 提前办结率 {_fmt(t.early_rate)}%",
        f"预约 {report.appointments.get('total', 0)} 签到 {report.appointments.get('checked_in', 0)} "
        f"爽约 {report.appointments.get('missed', 0)}",
    ]
    for a in report.assessment[:10]:
        lines.append(f"  考核 #{a.rank} {a.kind} {a.name}: {a.score}")
    return "\n".join(lines)


def assessment_rows(report: Report) -> list[AssessmentRow]:
    return list(report.assessment)
