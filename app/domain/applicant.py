"""Who applies: a person (resident ID) or a company (unified social credit code), maybe through an agent.

The same rules serve the live hints in the intake form (one problem per field, as the clerk types)
and the final validation in the service (every problem at once, so the clerk fixes them in one go).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

from app.domain import ric
from app.domain.errors import UserError
from app.domain.ric import age_on

ADULT_AGE = 16  # below it a guardian applies for the child (监护人代为申请)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")

Problem = tuple[str, str]  # (zh, en)


class ApplicantKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class InvalidApplicant(UserError):
    code = "invalid_applicant"


@dataclass(frozen=True)
class Applicant:
    kind: ApplicantKind
    name: str
    id_number: str  # resident ID for a person, credit code for a company
    phone: str
    address: str = ""
    agent_name: str = ""
    agent_id_number: str = ""
    agent_authorised: bool = False  # the clerk has seen the signed power of attorney

    @property
    def has_agent(self) -> bool:
        return bool(self.agent_name or self.agent_id_number)


def ric_problem(number: str, today: date) -> Problem | None:
    """Why `number` is not a plausible resident ID number today, or None (the rule: app.domain.ric)."""
    return ric.ric_problem(number, today)


def uscc_problem(code: str) -> Problem | None:
    compact = uscc.compact(code or "")
    if not compact:
        return ("请填写统一社会信用代码", "Enter the unified social credit code")
    try:
        uscc.validate(compact)
    except InvalidLength:
        return (
            f"统一社会信用代码应为 18 位，现为 {len(compact)} 位",
            f"A credit code has 18 characters, this has {len(compact)}",
        )
    except InvalidChecksum:
        return (
            "统一社会信用代码校验位不符，可能有字符输错",
            "The check character does not match; a character may be mistyped",
        )
    except ValidationError:
        return ("统一社会信用代码含有不允许的字符", "The credit code contains characters that are not allowed")
    return None


def phone_problem(phone: str) -> Problem | None:
    p = (phone or "").strip().replace(" ", "")
    if not p:
        return ("请填写联系电话，办结后通知领取", "Enter a contact phone number, used to say the result is ready")
    if not (_MOBILE.match(p) or _LANDLINE.match(p)):
        return (
            "联系电话格式不正确（手机 11 位，或区号-座机号）",
            "The phone number is not valid (11-digit mobile, or area code-number)",
        )
    return None


def name_problem(name: str, kind: ApplicantKind) -> Problem | None:
    n = (name or "").strip()
    limit = 100 if kind is ApplicantKind.COMPANY else 50
    if len(n) < 2:
        what = ("单位名称", "company name") if kind is ApplicantKind.COMPANY else ("姓名", "name")
        return (f"请填写{what[0]}", f"Enter the {what[1]}")
    if len(n) > limit:
        return (f"名称过长（最多 {limit} 字）", f"The name is too long (at most {limit} characters)")
    return None


def id_problem(kind: ApplicantKind, number: str, today: date) -> Problem | None:
    return uscc_problem(number) if kind is ApplicantKind.COMPANY else ric_problem(number, today)


def normalise_id(kind: ApplicantKind, number: str) -> str:
    return str(uscc.compact(number)) if kind is ApplicantKind.COMPANY else ric.compact(number)


def problems(a: Applicant, today: date) -> list[Problem]:
    """Every problem with this applicant, in form order."""
    found = [name_problem(a.name, a.kind), id_problem(a.kind, a.id_number, today), phone_problem(a.phone)]
    minor = (
        a.kind is ApplicantKind.PERSON and found[1] is None and age_on(ric.birth_date(a.id_number), today) < ADULT_AGE
    )
    if minor and not a.has_agent:
        found.append(
            (
                f"申请人未满 {ADULT_AGE} 周岁，须由监护人作为代理人申请",
                f"The applicant is under {ADULT_AGE}: a guardian must apply as the agent",
            )
        )
    if a.has_agent:
        found.append(name_problem(a.agent_name, ApplicantKind.PERSON))
        agent_id = ric_problem(a.agent_id_number, today)
        found.append(("代理人" + agent_id[0], "Agent: " + agent_id[1]) if agent_id else None)
        if agent_id is None and ric.compact(a.agent_id_number) == ric.compact(a.id_number):
            found.append(("代理人不能是申请人本人", "The agent cannot be the applicant"))
        elif agent_id is None and age_on(ric.birth_date(a.agent_id_number), today) < 18:
            found.append(("代理人须年满 18 周岁", "The agent must be at least 18"))
        if not a.agent_authorised:
            found.append(
                (
                    "代理人办理须核验授权委托书（或监护关系证明）",
                    "An agent needs a verified power of attorney (or proof of guardianship)",
                )
            )
    return [p for p in found if p is not None]


def validate(a: Applicant, today: date) -> Applicant:
    """The applicant with numbers normalised; raises InvalidApplicant listing every problem."""
    found = problems(a, today)
    if found:
        raise InvalidApplicant("；".join(p[0] for p in found), "; ".join(p[1] for p in found))
    return replace(
        a,
        name=a.name.strip(),
        id_number=normalise_id(a.kind, a.id_number),
        phone=a.phone.strip().replace(" ", ""),
        address=a.address.strip(),
        agent_name=a.agent_name.strip(),
        agent_id_number=normalise_id(ApplicantKind.PERSON, a.agent_id_number) if a.has_agent else "",
    )
