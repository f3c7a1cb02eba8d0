"""The supervisor's console (大厅管理): live hall with remote control, alarms and help calls, bad-rating
follow-ups, 电子监察 cards, and this month's report with a chart and the 窗口考核 export.

Reads through the services on the shared runner and refreshes within about a second of any change in the
hall (the change counter, polled every second); the alarm rules run every few seconds because waits grow
without any write. Every action goes through a service that checks the supervisor's role again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.alarms import AlarmService, AlarmView
from app.services.case_supervision import CaseSupervision
from app.services.follow_ups import FollowUpService
from app.services.live_hall import HallLive, LiveHall
from app.services.remote_control import RemoteControl
from app.services.reports import Report, ReportService
from app.services.staff_accounts import StaffAccounts
from app.services.views import StaffView
from app.ui.app_setup import show_error
from app.ui.change_watch import ChangeWatcher
from app.ui.i18n import pick
from app.ui.runner import ServiceRunner
from app.ui.supervisor.accounts import AccountsPanel
from app.ui.supervisor.models import AlarmModel, CardModel, CategoryModel, FollowUpModel, WindowModel
from app.ui.supervisor.panels import BroadcastBar, NotePanel, ReportPanel, satisfaction_box, selected, table


@dataclass(frozen=True)
class ConsoleServices:
    live: LiveHall
    alarms: AlarmService
    follow_ups: FollowUpService
    cards: CaseSupervision
    reports: ReportService
    remote: RemoteControl
    counter: Callable[[], int]
    accounts: StaffAccounts


class SupervisorConsole(QMainWindow):
    def __init__(
        self,
        services: ConsoleServices,
        runner: ServiceRunner,
        staff: StaffView,
        *,
        poll_ms: int = 1000,
        alarm_ms: int = 5000,
        tz: str,  # the hall's: every time on the console is its wall clock
    ) -> None:
        super().__init__()
        self.sv, self.runner, self.staff, self.tz = services, runner, staff, ZoneInfo(tz)
        self.error_handler: Callable[[Exception], None] = lambda exc: show_error(self, exc)
        self.report: Report | None = None
        self.sounding: set[str] = set()
        self.chime: Any = None
        self.setWindowTitle(self.tr("一窗通 · 大厅管理") + f" · {staff.name}")
        self.categories, self.windows = CategoryModel(self), WindowModel(self)
        self.alarms, self.alarm_history = AlarmModel(self.tz, self), AlarmModel(self.tz, self)
        self.follow_up_rows, self.card_rows = FollowUpModel(self), CardModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._live_tab(), self.tr("实时大厅"))
        self.tabs.addTab(self._alarm_tab(), self.tr("告警"))
        self.tabs.addTab(self._follow_up_tab(), self.tr("差评处理"))
        self.tabs.addTab(self._cards_tab(), self.tr("电子监察"))
        self.report_panel = ReportPanel(lambda: self.export())
        self.tabs.addTab(self.report_panel, self.tr("统计报表"))
        self.accounts_panel = AccountsPanel(services.accounts, staff, runner, lambda exc: self.error_handler(exc))
        self.tabs.addTab(self.accounts_panel, self.tr("工作人员账号"))
        # lock-outs run out with time and wrong PINs do not move the change counter: read again when shown
        self.tabs.currentChanged.connect(
            lambda i: self.accounts_panel.refresh() if self.tabs.widget(i) is self.accounts_panel else None
        )
        self.setCentralWidget(self.tabs)
        self.resize(1360, 800)
        self.watcher = ChangeWatcher(runner, services.counter)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(lambda: self.watcher.poll(self.refresh))
        self.poll.start()
        self.rules = QTimer(self)
        self.rules.setInterval(alarm_ms)
        self.rules.timeout.connect(self.evaluate)
        self.rules.start()
        self.evaluate()
        self.refresh()

    # ---- layout ----------------------------------------------------------------------------------------

    def _live_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.help_banner = QLabel()
        self.help_banner.setStyleSheet("background:#dc2626;color:white;font-size:20px;font-weight:bold;padding:6px")
        self.help_banner.hide()
        self.clock_label = QLabel()
        layout.addWidget(self.help_banner)
        layout.addWidget(self.clock_label)
        layout.addWidget(QLabel(self.tr("业务类别")))
        layout.addWidget(table(self.categories), 1)
        layout.addWidget(QLabel(self.tr("窗口")))
        self.window_view = table(self.windows)
        layout.addWidget(self.window_view, 1)
        row = QHBoxLayout()
        actions = (("open", self.tr("开放窗口")), ("pause", self.tr("暂停窗口")), ("close", self.tr("关闭窗口")))
        for action, label in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, a=action: self.window_action(a))
            row.addWidget(button)
        row.addWidget(BroadcastBar(self.broadcast), 1)
        layout.addLayout(row)
        return page

    def _alarm_tab(self) -> QWidget:
        self.alarm_panel = NotePanel(self.alarms, self.submit, text_columns=(2, 3))  # the message and the note
        actor = self.staff
        self.alarm_panel.add_action(
            self.tr("确认 / 响应"), self.tr("处理情况："), ["已到窗口处理", "已增开窗口", "已通知值班人员"],
            lambda a, note: self.sv.alarms.acknowledge(a.id, note, actor=actor),
        )  # fmt: skip
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("当前告警")))
        layout.addWidget(self.alarm_panel, 1)
        layout.addWidget(QLabel(self.tr("历史")))
        layout.addWidget(table(self.alarm_history, (2, 3)), 1)
        return page

    def _follow_up_tab(self) -> QWidget:
        panel = NotePanel(self.follow_up_rows, self.submit, text_columns=(2,))  # the reasons
        fu, actor = self.sv.follow_ups, self.staff
        # 指派: pick the staff member, then the button (or Alt+A) asks for a remark; the service checks the role.
        self.assignee = QComboBox()
        self.assignee.setToolTip(self.tr("负责回访的工作人员"))
        panel.buttons.addWidget(_label_for(self.assignee, self.tr("负责人(&P)：")))
        panel.buttons.addWidget(self.assignee)
        self.assign_button = panel.add_action(
            self.tr("指派 (Alt+A)"), self.tr("指派说明："), ["请负责电话回访并跟进整改"],
            lambda f, note: fu.assign(f.id, str(self.assignee.currentData()), note, actor=actor),
        )  # fmt: skip
        self.assign_button.setEnabled(False)  # until the staff list is in
        QShortcut(QKeySequence("Alt+A"), panel, self.assign_button.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.satisfaction = satisfaction_box()  # what the citizen said on the call, asked before 回访 records it
        panel.buttons.addWidget(_label_for(self.satisfaction, self.tr("回访满意度(&S)：")))
        panel.buttons.addWidget(self.satisfaction)
        panel.add_action(self.tr("回访"), self.tr("回访结果："), ["已电话回访，市民接受说明"],
                         lambda f, note: fu.callback(f.id, note, int(self.satisfaction.currentData()), actor=actor))
        panel.add_action(self.tr("整改"), self.tr("整改了什么："), ["已对窗口人员进行服务规范培训"],
                         lambda f, note: fu.rectify(f.id, note, actor=actor))
        panel.add_action(self.tr("办结"), self.tr("办结说明："), ["整改完成，市民满意"],
                         lambda f, note: fu.close(f.id, note, actor=actor))
        panel.add_action(self.tr("申诉"), self.tr("申诉理由："), ["评价对象错误（非本窗口办理）"],
                         lambda f, note: fu.appeal(f.id, note, actor=actor))
        panel.add_action(self.tr("复核：维持申诉"), self.tr("复核意见："), ["核实为误评"],
                         lambda f, note: fu.decide_appeal(f.id, True, note, actor=actor))
        panel.add_action(self.tr("复核：驳回申诉"), self.tr("复核意见："), ["评价属实"],
                         lambda f, note: fu.decide_appeal(f.id, False, note, actor=actor))  # fmt: skip
        self.follow_up_panel = panel
        return panel

    def _cards_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.card_filters: dict[str, QLineEdit] = {}
        for key, label in (("department", self.tr("部门")), ("window", self.tr("窗口号")), ("clerk", self.tr("工号"))):
            edit = QLineEdit()
            edit.setPlaceholderText(label)
            edit.editingFinished.connect(self.refresh_cards)
            row.addWidget(edit)
            self.card_filters[key] = edit
        layout.addLayout(row)
        layout.addWidget(table(self.card_rows, (2, 5)), 1)  # the matter and the department are long
        return page

    def refresh_cards(self) -> None:
        f = {k: e.text().strip() for k, e in self.card_filters.items()}
        window = int(f["window"]) if f["window"].isdigit() else None
        cards = self.sv.cards
        self.runner.submit(
            lambda: cards.cards(department=f["department"] or None, window=window, clerk=f["clerk"] or None),
            self.card_rows.set_rows,
            self.error_handler,
        )

    # ---- data ------------------------------------------------------------------------------------------

    def submit(self, call: Callable[[], Any]) -> None:
        self.runner.submit(call, lambda _r: self.refresh(), self.error_handler)

    def _show_assignees(self, staff: tuple[StaffView, ...]) -> None:
        current = self.assignee.currentData()
        self.assignee.clear()
        for s in staff:
            self.assignee.addItem(f"{s.name}（{s.login}）", s.login)
        if current is not None and self.assignee.findData(current) >= 0:
            self.assignee.setCurrentIndex(self.assignee.findData(current))
        self.assign_button.setEnabled(bool(staff))

    def evaluate(self) -> None:
        self.runner.submit(self.sv.alarms.evaluate, self._show_alarms, self.error_handler)

    def refresh(self) -> None:
        sv, err = self.sv, self.error_handler
        self.runner.submit(sv.live.snapshot, self._show_live, err)
        self.runner.submit(sv.alarms.active, self._show_alarms, err)
        self.runner.submit(lambda: sv.alarms.history(limit=200), self.alarm_history.set_rows, err)
        self.runner.submit(lambda: sv.follow_ups.list(open_only=True), self.follow_up_rows.set_rows, err)
        self.runner.submit(sv.follow_ups.assignees, self._show_assignees, err)
        self.refresh_cards()
        self.accounts_panel.refresh()
        month = sv.reports.clock().astimezone(self.tz).date()
        self.runner.submit(lambda: sv.reports.monthly(month), self._show_report, err)

    def _show_live(self, live: HallLive) -> None:
        self.categories.set_rows(list(live.categories))
        self.windows.set_rows(list(live.windows))
        self.clock_label.setText(self.tr("更新于 %1").replace("%1", f"{live.at.astimezone(self.tz):%H:%M:%S}"))

    def _show_alarms(self, active: list[AlarmView]) -> None:
        self.alarms.set_rows(active)
        helps = [pick(a.message_zh, a.message_en) for a in active if a.kind == "help"]
        self.help_banner.setText("  ".join(helps))
        self.help_banner.setVisible(bool(helps))
        self.tabs.setTabText(1, self.tr("告警 (%1)").replace("%1", str(len(active))) if active else self.tr("告警"))
        new = {a.id for a in active} - self.sounding
        self.sounding = {a.id for a in active}
        if new:
            self._sound()

    def _sound(self) -> None:
        if self.chime is None:
            from app.ui.voice_chime import SoundEffectChime

            self.chime = SoundEffectChime.create(self) or False
        if self.chime:
            self.chime.play()
        else:
            QApplication.beep()

    def _show_report(self, report: Report) -> None:
        self.report = report
        self.report_panel.show_report(report)

    # ---- actions ---------------------------------------------------------------------------------------

    def window_action(self, action: str) -> None:
        w = selected(self.window_view, self.windows)
        if w is not None:
            remote, actor = self.sv.remote, self.staff
            self.submit(lambda: remote.set_window(w.number, action, actor=actor))

    def broadcast(self, text: str) -> None:
        remote, actor = self.sv.remote, self.staff
        self.submit(lambda: remote.broadcast(text, actor=actor))

    def export(self, path: str | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), "窗口考核.xlsx", "Excel (*.xlsx)")
            if not path:
                return
        from app.services.report_export import write_xlsx

        report, target = self.report, path
        self.runner.submit(lambda: write_xlsx(report, target), None, self.error_handler)


def _label_for(field: QWidget, text: str) -> QLabel:
    """A visible label whose mnemonic (Alt+letter) focuses `field`, and which screen readers announce with it."""
    label = QLabel(text)
    label.setBuddy(field)
    return label
