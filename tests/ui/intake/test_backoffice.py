"""The reviewer screen: cases listed most urgent first, overdue highlighted, status moves, pickup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.backoffice.backoffice_window import BackofficeWindow
from app.ui.backoffice.case_model import OVERDUE_BG
from tests.intake.builders import make_ric
from tests.intake.helpers import as_clerk, attach_ok


def accepted(intake, person_id: str, tmp_path, code: str = "C006") -> str:  # type: ignore[no-untyped-def]
    from app.domain.applicant import Applicant, ApplicantKind
    from app.services.auth import trusted_actor

    view = intake.start_case([code], actor=as_clerk(intake))
    view = intake.set_applicant(view.id, Applicant(ApplicantKind.PERSON, "张三丰", person_id, "13900001111"),
        actor=as_clerk(intake))
    for i in view.items:
        if i.material.requirement == "required":
            view = attach_ok(intake, view, i.material.key, tmp_path, pages=i.material.sides)
        else:
            view = intake.set_disposition(view.id, i.id, "not_applicable", actor=as_clerk(intake))
    intake.accept(view.id, trusted_actor(intake.db, "wang"))
    return view.id


@pytest.fixture
def reviewer(sqlite_hall):  # type: ignore[no-untyped-def]
    from app.services.hall import login

    return login(sqlite_hall, "admin", "8888")


def test_reviewer_moves_cases_and_overdue_is_highlighted(
    qtbot, intake, cases, runner, clock, tmp_path, artifacts, reviewer
):
    person = make_ric()
    late = accepted(intake, person, tmp_path)
    fresh_ids = []
    clock.advance(days=3)  # Thursday: the first case (promised Tuesday) is late
    fresh_ids.append(accepted(intake, make_ric(seq="321"), tmp_path, code="C003"))
    w = BackofficeWindow(cases, runner, role="supervisor", staff=reviewer, poll_ms=60_000)
    errors: list[Exception] = []
    w.error_handler = errors.append
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.model.rowCount() == 2
    w.grab().save(str(artifacts / "intake_backoffice_list.png"))
    first = w.model.row_at(0)
    assert first.id == late and first.overdue
    assert w.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BG
    assert "超期" in w.model.index(0, 3).data()
    assert "超期 1 件" in w.counts.text()

    w.table.selectRow(0)
    assert w.buttons["with_department"].isEnabled() and not w.buttons["approved"].isEnabled()
    assert w.history.rowCount() >= 3
    qtbot.mouseClick(w.buttons["in_review"], Qt.MouseButton.LeftButton)
    assert cases.row(late).status == "received"  # every decision is confirmed first
    w._dialog.accept()
    assert cases.row(late).status == "in_review"
    qtbot.mouseClick(w.buttons["needs_supplement"], Qt.MouseButton.LeftButton)
    w._dialog.text.setPlainText("申请表缺少本人签名")
    w._dialog.accept()
    assert cases.row(late).status == "needs_supplement"
    for target in ("in_review", "approved", "ready_for_pickup"):
        qtbot.mouseClick(w.buttons[target], Qt.MouseButton.LeftButton)
        w._dialog.accept()
    assert cases.row(late).status == "ready_for_pickup"
    w.filter.setCurrentIndex(3)  # 待领取
    w.table.selectRow(0)
    w.grab().save(str(artifacts / "intake_backoffice.png"))
    assert w.buttons["delivered"].isEnabled()
    qtbot.mouseClick(w.buttons["delivered"], Qt.MouseButton.LeftButton)
    w._dialog.textValueSelected.emit(make_ric(seq="999"))  # somebody else's ID
    assert errors and "不符" in errors[-1].message_zh
    w.deliver(person)
    assert cases.row(late).status == "delivered"
    w.filter.setCurrentIndex(5)  # overdue only: the late case was concluded late, so it stays listed
    assert [w.model.row_at(i).id for i in range(w.model.rowCount())] == [late]
    assert len(errors) == 1


def test_reviewer_sees_what_is_decided_and_refusal_needs_a_reason(
    qtbot, intake, cases, runner, tmp_path, artifacts, reviewer
):  # type: ignore[no-untyped-def]  # noqa: E501
    from app.domain.applicant import Applicant, ApplicantKind
    from tests.intake.builders import clean_page
    from tests.intake.helpers import finding, item, ok_report, report

    clerk = as_clerk(intake)
    view = intake.start_case(["C006"], actor=clerk)
    view = intake.set_applicant(
        view.id, Applicant(ApplicantKind.PERSON, "张三丰", make_ric(), "13900001111"), actor=clerk
    )
    first = next(i for i in view.items if i.material.requirement == "required")
    page = clean_page(tmp_path / "scan.png")
    attached = intake.attach_file(view.id, first.id, page, actor=clerk)
    blur = finding("image.blur", "warn", "清晰度 50，低于要求的 60")
    view = intake.record_check(attached.file.id, report(blur, pages=first.material.sides))
    view = intake.override_finding(
        item(view, first.material.key).files[0].findings[0].id, "文字可辨认，原件已核对", actor=clerk
    )
    for i in view.items:
        if i.id == first.id:
            continue
        if i.material.requirement == "required":
            view = attach_ok(intake, view, i.material.key, tmp_path, pages=i.material.sides)
        else:
            view = intake.set_disposition(view.id, i.id, "not_applicable", actor=clerk)
    intake.accept(view.id, clerk)
    case_id = view.id
    assert ok_report
    w = BackofficeWindow(cases, runner, role="supervisor", staff=reviewer, poll_ms=60_000, intake=intake)
    errors: list[Exception] = []
    w.error_handler = errors.append
    qtbot.addWidget(w)
    w.show()
    w.table.selectRow(0)
    detail = w.detail
    assert detail is not None and detail.case is not None and detail.case.id == case_id
    assert "张**" in detail.summary.text() and make_ric() not in detail.summary.text()  # masked
    materials = [detail.tree.topLevelItem(i).text(0) for i in range(detail.tree.topLevelItemCount())]
    assert materials == [i.material.name_zh for i in view.items]
    file_node = detail.tree.topLevelItem(0).child(0)
    assert file_node.child(0).text(2) == "文字可辨认，原件已核对"  # the override and its reason
    first_file = next(f for i in view.items for f in i.files)
    detail.view_file(first_file.id)  # the page viewer
    assert detail.preview is not None and first_file.original_name in detail.preview.windowTitle()
    w.grab().save(str(artifacts / "backoffice_detail.png"))
    detail.preview.reject()
    qtbot.mouseClick(w.buttons["in_review"], Qt.MouseButton.LeftButton)
    w._dialog.accept()
    qtbot.mouseClick(w.buttons["rejected"], Qt.MouseButton.LeftButton)
    assert "理由" in w._dialog.windowTitle() + w._dialog.findChildren(type(w.counts))[0].text()
    w._dialog.text.setPlainText("经核查，申请人不符合办理条件")
    w._dialog.accept()
    assert cases.row(case_id).status == "rejected" and not errors
    assert cases.history(case_id)[-1].detail["note"] == "经核查，申请人不符合办理条件"
    assert finding and report  # helpers importable for the overrides shown above


def test_a_clerk_cannot_open_the_back_office(sqlite_hall):  # type: ignore[no-untyped-def]
    from app.domain.errors import AuthError
    from app.services.hall import login
    from app.ui.launch import Roles

    roles = Roles(sqlite_hall, demo=False)
    with pytest.raises(AuthError) as err:
        roles.backoffice(login(sqlite_hall, "wang", "1234"))
    assert "审批人员" in err.value.message_zh
    roles.checker.shutdown()
