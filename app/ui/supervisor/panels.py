"""The console's tabs besides the live hall: alarms (with acknowledgement), follow-ups (with their steps),
电子监察 cards, and the report with a chart. Slots gather ids and call a service; the services check the role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ratings import RatingLevel
from app.services.reports import Report
from app.ui.i18n import pick
from app.ui.intake.dialogs import ReasonDialog
from app.ui.widgets.rows_model import RowsModel

Submit = Callable[[Callable[[], Any]], None]  # run a service call, then refresh the console


def table(model: RowsModel, text_columns: tuple[int, ...] = ()) -> QTableView:
    """A read-only row table. `text_columns` (alarm messages, notes) share the width; the other columns fit their
    contents. Without them every column gets an equal share."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    if text_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in text_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(True)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return view


def selected(view: QTableView, model: RowsModel) -> Any:
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() and index.row() < model.rowCount() else None


class NotePanel(QWidget):
    """A table plus buttons whose actions ask for a note first (ReasonDialog, as in intake)."""

    def __init__(
        self, model: RowsModel, submit: Submit, parent: QWidget | None = None, text_columns: tuple[int, ...] = ()
    ) -> None:
        super().__init__(parent)
        self.model, self.submit = model, submit
        self.view = table(model, text_columns)
        self.buttons = QHBoxLayout()
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def add_action(self, label: str, prompt: str, presets: list[str], act: Callable[[Any, str], Any]) -> QPushButton:
        button = QPushButton(label)
        button.clicked.connect(lambda: self.ask(label, prompt, presets, act))
        self.buttons.addWidget(button)
        return button

    def ask(self, title: str, prompt: str, presets: list[str], act: Callable[[Any, str], Any]) -> None:
        row = selected(self.view, self.model)
        if row is None:
            return
        dialog = ReasonDialog(title, prompt, presets, self)
        dialog.accepted.connect(lambda: self.submit(lambda: act(row, dialog.reason())))
        self.dialog = dialog
        dialog.open()


class ReportPanel(QWidget):
    def __init__(self, export: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出本月窗口考核 (.xlsx)"))
        self.export_button.clicked.connect(lambda: export())
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        # Two charts, not one: served counts (tens to hundreds) and 0–100 scores share no scale, and on one axis
        # the smaller of the two flattens into the floor.
        self.chart, self.score_chart = QChart(), QChart()
        self.view, self.score_view = QChartView(self.chart), QChartView(self.score_chart)
        charts = QHBoxLayout()
        charts.addWidget(self.view, 1)
        charts.addWidget(self.score_view, 1)
        layout.addLayout(charts, 1)

    def show_report(self, report: Report) -> None:
        t = report.total
        self.summary.setText(
            self.tr("本月 取号 %1 · 办结 %2 · 过号 %3 · 按时叫号率 %4% · 好评率 %5%")
            .replace("%1", str(t.arrived)).replace("%2", str(t.served)).replace("%3", str(t.no_show))
            .replace("%4", "—" if t.service_level is None else str(t.service_level))
            .replace("%5", "—" if t.good_rate is None else str(t.good_rate))
        )  # fmt: skip
        rows = [m for m in report.by_window if m.key != "-"]
        scores = {a.key: a.score for a in report.assessment if a.kind == "window"}
        windows = [self.tr("%1 号").replace("%1", m.key) for m in rows]
        served = [float(m.served) for m in rows]
        # A fresh chart each time: re-adding axes to one chart piles them up.
        old = self.chart, self.score_chart
        self.chart = _bar_chart(self.tr("本月各窗口办结量"), self.tr("办结量"), windows, served, "#1d4ed8",
                                top=max(served + [1.0]))  # fmt: skip
        self.score_chart = _bar_chart(self.tr("本月各窗口考核得分"), self.tr("考核得分"), windows,
                                      [float(scores.get(m.key, 0.0)) for m in rows], "#047857",
                                      top=100.0)  # fmt: skip
        self.view.setChart(self.chart)
        self.score_view.setChart(self.score_chart)
        for chart in old:
            chart.deleteLater()


def _bar_chart(title: str, name: str, categories: list[str], values: list[float], colour: str, *, top: float) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSet(name)
    bars.append(values)
    bars.setColor(QColor(colour))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)  # the exact number on each bar: the axis only gives the scale
    chart.addSeries(series)
    chart.legend().hide()  # one series: the title says what it is
    x = QBarCategoryAxis()
    x.append(categories)
    y = QValueAxis()
    y.setRange(0, top)
    y.applyNiceNumbers()
    y.setLabelFormat("%d")  # counts and whole points
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


class BroadcastBar(QWidget):
    def __init__(self, send: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("叫号屏滚动字幕"))
        button = QPushButton(self.tr("发布"))
        button.clicked.connect(lambda: send(self.text.text()))
        layout.addWidget(QLabel(self.tr("广播：")))
        layout.addWidget(self.text, 1)
        layout.addWidget(button)


def satisfaction_box() -> QComboBox:
    box = QComboBox()
    for level in sorted(RatingLevel, reverse=True):  # the one scale, its words from app.domain.ratings
        box.addItem(pick(level.name_zh, level.name_en), int(level))
    box.setCurrentIndex(box.findData(int(RatingLevel.BASICALLY_SATISFIED)))
    return box
