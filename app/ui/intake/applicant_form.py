"""The applicant: a person (resident ID) or a company (credit code), an optional agent, contact details.

ID numbers are checked as they are typed, with the same rules the service applies on save, so the
clerk sees "校验位不符" while the citizen is still at the counter, not after pressing 受理.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import applicant as ap
from app.services.intake_views import ApplicantView

OK_STYLE = "color: #15803d;"
BAD_STYLE = "color: #b91c1c;"


class ApplicantForm(QWidget):
    save_requested = Signal(object)  # app.domain.applicant.Applicant

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        title = QLabel(self.tr("② 申请人"))
        title.setObjectName("sectionTitle")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("个人"), ap.ApplicantKind.PERSON)
        self.kind.addItem(self.tr("单位（企业）"), ap.ApplicantKind.COMPANY)
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(20)
        self.id_hint = QLabel()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或座机，办结后通知领取"))
        self.phone_hint = QLabel()
        self.address = QLineEdit()
        self.agent = QGroupBox(self.tr("由代理人 / 经办人办理"))
        self.agent.setCheckable(True)
        self.agent.setChecked(False)
        self.agent_name = QLineEdit()
        self.agent_id = QLineEdit()
        self.agent_id.setMaxLength(20)
        self.agent_hint = QLabel()
        self.authorised = QCheckBox(self.tr("已核验授权委托书（或监护关系证明）"))
        agent_form = QFormLayout(self.agent)
        agent_form.addRow(self.tr("姓名"), self.agent_name)
        agent_form.addRow(self.tr("身份证号"), self.agent_id)
        agent_form.addRow("", self.agent_hint)
        agent_form.addRow("", self.authorised)
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        self.name_label = QLabel(self.tr("姓名"))
        form.addRow(self.name_label, self.name)
        self.id_label = QLabel(self.tr("身份证号"))
        form.addRow(self.id_label, self.id_number)
        form.addRow("", self.id_hint)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow("", self.phone_hint)
        form.addRow(self.tr("联系地址"), self.address)
        self.save_button = QPushButton(self.tr("保存申请人") + "  [Ctrl+S]")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.agent)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        for hint in (self.id_hint, self.phone_hint, self.agent_hint):
            hint.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_number.textChanged.connect(self._check_id)
        self.phone.textChanged.connect(self._check_phone)
        self.agent_id.textChanged.connect(self._check_agent)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.ShortcutContext.WindowShortcut)

    def current_kind(self) -> ap.ApplicantKind:
        return ap.ApplicantKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        company = self.current_kind() is ap.ApplicantKind.COMPANY
        self.name_label.setText(self.tr("单位名称") if company else self.tr("姓名"))
        self.id_label.setText(self.tr("统一社会信用代码") if company else self.tr("身份证号"))
        self._check_id()

    @staticmethod
    def _show(label: QLabel, problem: tuple[str, str] | None, ok_text: str, empty: bool) -> None:
        if empty:
            label.clear()
        elif problem is None:
            label.setText("✓ " + ok_text)
            label.setStyleSheet(OK_STYLE)
        else:
            label.setText("✗ " + problem[0])
            label.setStyleSheet(BAD_STYLE)

    def _check_id(self) -> None:
        text = self.id_number.text().strip()
        problem = ap.id_problem(self.current_kind(), text, self.today())
        self._show(self.id_hint, problem, self.tr("号码有效"), not text)

    def _check_phone(self) -> None:
        text = self.phone.text().strip()
        self._show(self.phone_hint, ap.phone_problem(text), self.tr("格式正确"), not text)

    def _check_agent(self) -> None:
        text = self.agent_id.text().strip()
        self._show(self.agent_hint, ap.ric_problem(text, self.today()), self.tr("号码有效"), not text)

    def applicant(self) -> ap.Applicant:
        agent = self.agent.isChecked()
        return ap.Applicant(
            kind=self.current_kind(),
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            agent_name=self.agent_name.text() if agent else "",
            agent_id_number=self.agent_id.text() if agent else "",
            agent_authorised=agent and self.authorised.isChecked(),
        )

    def save(self) -> None:
        self.save_requested.emit(self.applicant())

    def show_applicant(self, a: ApplicantView | None) -> None:
        if a is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(ap.ApplicantKind(a.kind)))
        for field, value in (
            (self.name, a.name),
            (self.id_number, a.id_number),
            (self.phone, a.phone),
            (self.address, a.address),
            (self.agent_name, a.agent_name),
            (self.agent_id, a.agent_id_number),
        ):
            if field.text() != value:
                field.setText(value)
        self.agent.setChecked(bool(a.agent_name or a.agent_id_number))
        self.authorised.setChecked(a.agent_authorised)

    def set_editable(self, editable: bool) -> None:
        for w in (self.kind, self.name, self.id_number, self.phone, self.address, self.agent, self.save_button):
            w.setEnabled(editable)
