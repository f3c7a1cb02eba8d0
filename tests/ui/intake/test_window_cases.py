"""The window's cases (F11): drafts reopen, 容缺 materials recorded as supplied (deadline, overdue), pickup
with the collector's ID check; closing intake mid-case asks and leaves a listed draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.applicant import Applicant, ApplicantKind
from app.services.auth import trusted_actor
from app.ui.staff.cases_dialog import WindowCasesDialog
from tests.intake.builders import make_ric
from tests.intake.helpers import as_clerk, attach_ok, item


@pytest.fixture
def person() -> Applicant:
    return Applicant(ApplicantKind.PERSON, "王小明", make_ric(), "13800138000", "示范区人民路 1 号")


def _owed_case(intake, person, tmp_path):  # type: ignore[no-untyped-def]
    clerk = as_clerk(intake)
    view = intake.start_case(["G003"], actor=clerk)
    view = intake.set_applicant(view.id, person, actor=clerk)
    for key in ("form_G003", "bank_card"):
        view = attach_ok(intake, view, key, tmp_path)
    view = attach_ok(intake, view, "applicant_id", tmp_path, pages=2)
    view = intake.set_disposition(view.id, item(view, "marriage_cert").id, "not_applicable", actor=clerk)
    intake.accept_with_deficiency(view.id, actor=clerk)
    return view.id


def _ready_case(intake, cases, person, tmp_path):  # type: ignore[no-untyped-def]
    clerk = as_clerk(intake)
    view = intake.start_case(["C006"], actor=clerk)
    view = intake.set_applicant(view.id, person, actor=clerk)
    for i in view.items:
        if i.material.requirement == "required":
            view = attach_ok(intake, view, i.material.key, tmp_path, pages=i.material.sides)
        else:
            view = intake.set_disposition(view.id, i.id, "not_applicable", actor=clerk)
    intake.accept(view.id, clerk)
    reviewer = trusted_actor(intake.db, "shen")  # a clerk does not decide cases: the back office does
    for step in ("in_review", "approved", "ready_for_pickup"):
        cases.move(view.id, step, actor=reviewer)
    return view.id


def test_window_cases_dialog(qtbot, intake, cases, runner, clerk, clock, person, tmp_path, artifacts):
    draft = intake.start_case(["C006"], actor=clerk).id
    owed = _owed_case(intake, person, tmp_path)
    ready = _ready_case(intake, cases, person, tmp_path)
    clock.advance(days=10)  # the 容缺 deadline (5 working days) has passed
    opened: list[str] = []
    dialog = WindowCasesDialog(cases, intake, runner, clerk, opened.append, lambda: clock().date())
    qtbot.addWidget(dialog)
    dialog.show()
    assert [r.id for r in dialog.drafts.rows()] == [draft]
    dialog.drafts_view.selectRow(0)
    # ② owed: the deadline is shown and the overdue row is highlighted
    dialog.tabs.setCurrentIndex(1)
    assert [r.id for r in dialog.owed.rows()] == [owed]
    deadline = dialog.owed.index(0, 6).data()
    assert deadline == dialog.owed.row_at(0).deficiency_deadline.isoformat()
    assert dialog.owed.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    dialog.owed_view.selectRow(0)
    assert dialog.owed_items.count() == 1 and "租赁" in dialog.owed_items.item(0).text()
    dialog.grab().save(str(artifacts / "staff_cases_owed.png"))
    dialog.supply()  # nothing attached yet: says so, records nothing
    assert "还没有通过检查" in dialog.message.text()
    attach_ok(intake, intake.case_view(owed), "lease_contract", tmp_path)
    dialog.supply()
    assert "已记录补交" in dialog.message.text() and dialog.owed.rowCount() == 0
    # ③ pickup: the wrong person is refused, the applicant collects
    dialog.tabs.setCurrentIndex(2)
    dialog.ready_view.selectRow(0)
    dialog.collector_id.setText(make_ric(seq="999"))
    dialog.deliver()
    assert "不符" in dialog.message.text() and cases.row(ready).status == "ready_for_pickup"
    dialog.collector_id.setText(person.id_number)
    dialog.deliver()
    assert cases.row(ready).status == "delivered" and dialog.ready.rowCount() == 0
    dialog.grab().save(str(artifacts / "staff_cases_pickup.png"))
    # ① a draft reopens in the intake window
    dialog.tabs.setCurrentIndex(0)
    dialog.drafts_view.selectRow(0)
    dialog.reopen()
    assert opened == [draft]


def test_closing_intake_mid_case_asks_and_keeps_a_draft(qtbot, intake, catalogue, runner, checker, clerk, tmp_path):
    from app.ui.intake.intake_window import IntakeWindow

    w = IntakeWindow(intake, catalogue, runner, checker=checker, window_number=3, staff=clerk,
                     print_dir=tmp_path / "p", scan_folder=tmp_path / "s")  # fmt: skip
    qtbot.addWidget(w)
    w.show()
    w.choose_matters(["C006"], None)
    assert w.case is not None and w.case.status == "draft"
    w.close()
    assert w.isVisible() and w.close_box.isVisible()  # asked first
    w.keep_draft.click()
    assert not w.isVisible()
    assert intake.case_view(w.case.id).status == "draft"  # kept, and listed under F11
