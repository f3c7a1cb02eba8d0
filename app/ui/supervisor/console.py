"""The supervisor's console (大厅管理): live hall, bad-rating follow-ups, and this month's report with a chart.

Reads through the services on the shared runner; refreshes within about a second of any change in the
hall (the change counter, polled every second). Follow-up steps are taken through FollowUpService, which
checks the supervisor's role again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.follow_ups import FollowUpService
from app.services.live_hall import HallLive, LiveHall
from app.services.reports import Report, ReportService
from app.services.views import StaffView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.runner import ServiceRunner
from app.ui.supervisor.models import CategoryModel, FollowUpModel, WindowModel


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view


class SupervisorConsole(QMainWindow):
    def __init__(
        self,
        live: LiveHall,
        follow_ups: FollowUpService,
        reports: ReportService,
        runner: ServiceRunner,
        counter: Callable[[], int],
        staff: StaffView,
        poll_ms: int = 1000,
        tz: str = "Asia/Shanghai",
    ) -> None:
        super().__init__()
        self.live, self.follow_ups, self.reports, self.runner, self.staff = live, follow_ups, reports, runner, staff
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self.report: Report | None = None
        self.tz = ZoneInfo(tz)
        self.setWindowTitle(self.tr("一窗通 · 大厅管理") + f" · {staff.name}")
        self.tabs = QTabWidget()
        self.categories, self.windows, self.follow_up_rows = CategoryModel(self), WindowModel(self), FollowUpModel(self)
        self.tabs.addTab(self._live_tab(), self.tr("实时大厅"))
        self.tabs.addTab(_table(self.follow_up_rows), self.tr("差评处理"))
        self.tabs.addTab(self._report_tab(), self.tr("统计报表"))
        self.setCentralWidget(self.tabs)
        self.resize(1280, 760)
        self.watcher = ChangeWatcher(runner, counter)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(lambda: self.watcher.poll(self.refresh))
        self.poll.start()
        self.refresh()

    def _live_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.clock_label = QLabel()
        layout.addWidget(self.clock_label)
        layout.addWidget(QLabel(self.tr("业务类别")))
        layout.addWidget(_table(self.categories), 1)
        layout.addWidget(QLabel(self.tr("窗口")))
        layout.addWidget(_table(self.windows), 1)
        return page

    def _report_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        export = QPushButton(self.tr("导出本月窗口考核 (.xlsx)"))
        export.clicked.connect(lambda: self.export())
        top.addWidget(self.summary, 1)
        top.addWidget(export)
        layout.addLayout(top)
        self.chart = QChart()
        self.chart.setTitle(self.tr("本月各窗口办结量"))
        self.chart_view = QChartView(self.chart)
        layout.addWidget(self.chart_view, 1)
        return page

    # ---- data ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.runner.submit(self.live.snapshot, self._show_live, self.error_handler)
        follow_ups = self.follow_ups
        self.runner.submit(lambda: follow_ups.list(open_only=True), self.follow_up_rows.set_rows, self.error_handler)
        self.runner.submit(lambda: self.reports.monthly(date.today()), self._show_report, self.error_handler)

    def _show_live(self, live: HallLive) -> None:
        self.categories.set_rows(list(live.categories))
        self.windows.set_rows(list(live.windows))
        self.clock_label.setText(self.tr("更新于 %1").replace("%1", f"{live.at.astimezone(self.tz):%H:%M:%S}"))

    def _show_report(self, report: Report) -> None:
        self.report = report
        t = report.total
        self.summary.setText(
            self.tr("取号 %1 · 办结 %2 · 过号 %3 · 好评率 %4%")
            .replace("%1", str(t.arrived)).replace("%2", str(t.served)).replace("%3", str(t.no_show))
            .replace("%4", "—" if t.good_rate is None else str(t.good_rate))
        )  # fmt: skip
        rows = [m for m in report.by_window if m.key != "-"]
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        served = QBarSet(self.tr("办结"))
        served.append([float(m.served) for m in rows])
        series = QBarSeries()
        series.append(served)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([m.key for m in rows])
        y = QValueAxis()
        y.setRange(0, max([m.served for m in rows] + [1]))
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def export(self, path: str | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), "窗口考核.xlsx", "Excel (*.xlsx)")
            if not path:
                return
        from app.services.report_export import write_xlsx

        report = self.report
        self.runner.submit(lambda: write_xlsx(report, path), None, self.error_handler)
