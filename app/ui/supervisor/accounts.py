"""The console's staff accounts tab: who is locked out after wrong PINs (unlock at once), a new PIN for a clerk
who forgot theirs, disable and enable. Every action goes through app.services.staff_accounts, which checks
who may manage whose account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.credentials import STAFF_PIN_DIGITS, check_new_pin
from app.domain.errors import RuleViolation, UserError
from app.domain.lockout import LOCKOUT_SECONDS, MAX_FAILURES
from app.domain.roles import ROLE_NAMES, parse_role
from app.services.staff_accounts import StaffAccount, StaffAccounts
from app.services.views import StaffView
from app.ui.i18n import QT_TRANSLATE_NOOP, pick
from app.ui.runner import ServiceRunner
from app.ui.supervisor.models import ALERT_BG, Index, _translated
from app.ui.supervisor.panels import selected, table
from app.ui.widgets.rows_model import RowsModel


class StaffAccountModel(RowsModel):
    HEADER_CONTEXT = "SupervisorModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("SupervisorModels", "工号"),
        QT_TRANSLATE_NOOP("SupervisorModels", "姓名"),
        QT_TRANSLATE_NOOP("SupervisorModels", "角色"),
        QT_TRANSLATE_NOOP("SupervisorModels", "状态"),
        QT_TRANSLATE_NOOP("SupervisorModels", "锁定(分)"),
    )
    ACTIVE = (QT_TRANSLATE_NOOP("SupervisorModels", "停用"), QT_TRANSLATE_NOOP("SupervisorModels", "启用"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a: StaffAccount = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                a.login, a.name, pick(*ROLE_NAMES[parse_role(a.role)]), _translated(self.ACTIVE[a.active]),
                a.locked_minutes or "",
            )  # fmt: skip
            return str(values[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and (a.locked_minutes or not a.active):
            return ALERT_BG
        return None


class NewPinDialog(QDialog):
    """A new PIN typed twice, never shown, checked by the PIN rule before the dialog closes; for one's own account
    the current PIN too (app.services.staff_accounts asks for it)."""

    def __init__(self, account: StaffAccount, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置新密码"))
        self.setMinimumWidth(420)
        low, high = STAFF_PIN_DIGITS
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{high}}}"), self)
        self.current, self.first, self.second = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.current, self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setValidator(digits)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b91c1c")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("%1（%2）的新密码，%3 到 %4 位数字：").replace("%1", account.name)
                           .replace("%2", account.login).replace("%3", str(low)).replace("%4", str(high))))  # fmt: skip
        if own:
            form.addRow(self.tr("当前密码(&C)："), self.current)
        form.addRow(self.tr("新密码(&N)："), self.first)
        form.addRow(self.tr("再输一次(&R)："), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.first.text() != self.second.text():
            self.problem.setText(self.tr("两次输入的新密码不同"))
            self.second.clear()
            self.second.setFocus()
            return
        try:
            check_new_pin(self.first.text())
        except RuleViolation as exc:
            self.problem.setText(pick(exc.message_zh, exc.message_en))
            self.first.setFocus()
            return
        self.accept()

    def take_pins(self) -> tuple[str, str]:
        """(new PIN, current PIN), read on the GUI thread; the fields are emptied so no PIN stays in the dialog."""
        pins = self.first.text(), self.current.text()
        for edit in (self.current, self.first, self.second):
            edit.clear()
        return pins


class AccountsPanel(QWidget):
    def __init__(
        self,
        accounts: StaffAccounts,
        actor: StaffView,
        runner: ServiceRunner,
        on_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts, self.actor, self.runner, self.on_error = accounts, actor, runner, on_error
        self.model = StaffAccountModel(self)
        self.view = table(self.model)
        self.dialog: NewPinDialog | None = None
        self.confirm: QMessageBox | None = None
        buttons = QHBoxLayout()
        actions: tuple[tuple[str, str, Callable[[StaffAccount], None]], ...] = (
            (self.tr("解锁 (Alt+U)"), "Alt+U", lambda a: self._do(lambda: accounts.unlock(a.login, actor=actor))),
            (self.tr("设置新密码… (Alt+N)"), "Alt+N", self.ask_pin),
            (self.tr("停用"), "", self.ask_disable),
            (self.tr("启用"), "", lambda a: self._do(lambda: accounts.set_active(a.login, True, actor=actor))),
        )
        for label, keys, act in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, act=act: self._on_selected(act))
            buttons.addWidget(button)
            if keys:
                QShortcut(QKeySequence(keys), self, button.click, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr("连续输错 %1 次密码的账号会锁定 %2 分钟；核实身份后可立即解锁，或设置新密码。")
            .replace("%1", str(MAX_FAILURES)).replace("%2", str(round(LOCKOUT_SECONDS / 60)))
        )  # fmt: skip
        hint.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setStyleSheet("color:#b91c1c;font-weight:bold")
        self.refusal.hide()
        layout.addWidget(hint)
        layout.addWidget(self.refusal)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        accounts, actor = self.accounts, self.actor
        self.runner.submit(lambda: accounts.list(actor=actor), self._show, self._refused)

    def _refused(self, exc: Exception) -> None:
        """Refused (someone who may not manage accounts has the console): said on the tab, not in a dialog
        popping up at every refresh."""
        if not isinstance(exc, UserError):
            self.on_error(exc)
            return
        self.model.set_rows([])
        self.refusal.setText(pick(exc.message_zh, exc.message_en))
        self.refusal.show()

    def _show(self, rows: list[StaffAccount]) -> None:
        """The accounts, the same one still selected (the supervisor unlocks, then sets a new PIN)."""
        current = selected(self.view, self.model)
        self.refusal.hide()
        self.model.set_rows(rows)
        logins = [a.login for a in rows]
        if current is not None and current.login in logins:
            self.view.selectRow(logins.index(current.login))

    def ask_pin(self, account: StaffAccount) -> None:
        dialog = NewPinDialog(account, own=account.login == self.actor.login, parent=self)
        accounts, actor = self.accounts, self.actor

        def set_pin() -> None:
            pin, current = dialog.take_pins()  # here, on the GUI thread; the service runs on the worker
            self._do(lambda: accounts.set_pin(account.login, pin, actor=actor, current_pin=current))

        dialog.accepted.connect(set_pin)
        self.dialog = dialog
        dialog.open()

    def ask_disable(self, account: StaffAccount) -> None:
        """Disabling stops someone from working at once: asked once more."""
        question = self.tr("停用 %1（%2）后，该账号将无法登录。确定停用？")
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("停用账号"),
            question.replace("%1", account.name).replace("%2", account.login),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )  # fmt: skip
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("停用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        accounts, actor = self.accounts, self.actor
        box.accepted.connect(lambda: self._do(lambda: accounts.set_active(account.login, False, actor=actor)))
        self.confirm = box
        box.open()

    def _on_selected(self, act: Callable[[StaffAccount], None]) -> None:
        account = selected(self.view, self.model)
        if account is not None:
            act(account)

    def _do(self, call: Callable[[], Any]) -> None:
        self.runner.submit(call, lambda _r: self.refresh(), self.on_error)
