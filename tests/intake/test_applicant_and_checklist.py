"""Applicant rules (ID numbers, age, agents) and the checklist assessment behind the decision buttons."""

from dataclasses import replace
from datetime import date

import pytest

from app.domain import applicant as ap
from app.domain.catalogue import MaterialSpec, Requirement
from app.domain.checklist import Disposition, FileState, Item, ItemStatus, assess, check_disposition, readiness
from app.domain.errors import RuleViolation
from app.domain.masking import mask_id, mask_name
from tests.intake.builders import make_ric, make_uscc

TODAY = date(2026, 11, 23)


def person(**kw) -> ap.Applicant:
    base = ap.Applicant(ap.ApplicantKind.PERSON, "王小明", make_ric(), "13800138000")
    return replace(base, **kw)


def test_valid_person_and_company():
    assert ap.problems(person(), TODAY) == []
    company = ap.Applicant(ap.ApplicantKind.COMPANY, "示范科技有限公司", make_uscc(), "0571-88886666")
    assert ap.problems(company, TODAY) == []
    assert ap.validate(person(id_number=make_ric().lower()), TODAY).id_number == make_ric().upper()


@pytest.mark.parametrize(
    ("number", "needle"),
    [
        ("", "请填写"),
        ("11010519900307123", "18 位"),
        (make_ric()[:-1] + ("0" if make_ric()[-1] != "0" else "1"), "校验位"),
        (make_ric(birth="20301010"), "未来"),
        (make_ric(birth="18800101"), "超过"),
    ],
)
def test_resident_id_problems(number, needle):
    problem = ap.ric_problem(number, TODAY)
    assert problem is not None and needle in problem[0]


def test_credit_code_and_phone_problems():
    good = make_uscc()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert "校验位" in ap.uscc_problem(bad)[0]
    assert ap.phone_problem("12345") is not None
    assert ap.phone_problem("138 0013 8000") is None


def test_child_needs_a_guardian_and_agents_need_authorisation():
    child = person(id_number=make_ric(birth="20180601"))
    assert any("监护人" in p[0] for p in ap.problems(child, TODAY))
    guardian = replace(child, agent_name="王大明", agent_id_number=make_ric(birth="19850101", seq="456"))
    assert any("授权委托书" in p[0] for p in ap.problems(guardian, TODAY))
    assert ap.problems(replace(guardian, agent_authorised=True), TODAY) == []
    self_agent = person(agent_name="王小明", agent_id_number=make_ric(), agent_authorised=True)
    assert any("本人" in p[0] for p in ap.problems(self_agent, TODAY))
    with pytest.raises(ap.InvalidApplicant) as err:
        ap.validate(person(name="", phone=""), TODAY)
    assert "姓名" in err.value.message_zh and "联系电话" in err.value.message_zh


def test_masking():
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_id("110105199003071234") == "110***********1234"


ID = MaterialSpec("id", "身份证", "ID card", kind="resident_id", sides=2, e_licence=True)
FORM = MaterialSpec("form", "申请表", "Form", kind="application_form")
LEASE = MaterialSpec("lease", "租赁合同", "Lease", kind="contract", rongque=True, commitment=True)
COND = MaterialSpec("c", "章程", "Articles", requirement=Requirement.CONDITIONAL, condition_zh="非标准章程")


def test_assessment_of_one_material():
    ok = FileState(checked=True, pages=2)
    assert assess(ID, Disposition.PENDING, []).status is ItemStatus.MISSING
    assert assess(ID, Disposition.PENDING, [FileState(False, 0)]).status is ItemStatus.UNCHECKED
    assert assess(ID, Disposition.PENDING, [ok]).status is ItemStatus.OK
    one_side = assess(ID, Disposition.PENDING, [FileState(True, 1)])
    assert one_side.status is ItemStatus.DEFECTIVE and "正反两面" in one_side.reasons[0][0]
    blocked = assess(FORM, Disposition.PENDING, [FileState(True, 1, blocking=(("空白页", "blank"),))])
    assert blocked.status is ItemStatus.DEFECTIVE
    warned = assess(FORM, Disposition.PENDING, [FileState(True, 1, warnings=(("模糊", "blurred"),))])
    assert warned.status is ItemStatus.NEEDS_REVIEW
    assert assess(ID, Disposition.EXEMPT, []).status is ItemStatus.NOT_NEEDED
    assert assess(COND, Disposition.PENDING, []).status is ItemStatus.MISSING
    assert assess(COND, Disposition.NOT_APPLICABLE, []).status is ItemStatus.NOT_NEEDED


def test_reliefs_only_where_the_catalogue_grants_them():
    check_disposition(ID, Disposition.EXEMPT)
    check_disposition(LEASE, Disposition.COMMITMENT)
    for spec, d in ((FORM, Disposition.EXEMPT), (FORM, Disposition.COMMITMENT), (FORM, Disposition.NOT_APPLICABLE)):
        with pytest.raises(RuleViolation):
            check_disposition(spec, d)


def test_readiness_decides_which_buttons_work():
    ok = Item("1", FORM, assess(FORM, Disposition.PENDING, [FileState(True, 1)]))
    owed = Item("2", LEASE, assess(LEASE, Disposition.PENDING, []))
    missing_form = Item("3", FORM, assess(FORM, Disposition.PENDING, []))
    r = readiness([ok], [])
    assert r.can_accept and not r.can_notify
    r = readiness([ok, owed], [])
    assert not r.can_accept and r.can_accept_with_deficiency and r.can_notify
    assert [i.material_id for i in r.deficient] == ["2"]
    r = readiness([ok, owed, missing_form], [])
    assert not r.can_accept_with_deficiency and r.can_notify  # the form may not be owed
    r = readiness([ok], [("请填写申请人", "applicant")])
    assert not r.can_accept and r.blockers[0][0] == "请填写申请人"
