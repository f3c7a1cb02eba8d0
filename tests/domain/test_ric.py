"""Resident ID numbers of elderly citizens from re-coded counties pass everywhere; a wrong checksum never does."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.cn import ric as stdnum_ric

from app.checks import Severity, check_id_number
from app.domain import applicant as ap
from app.domain.person import InvalidIdNumber, is_elderly, person_key
from app.domain.ric import check_ric, region_name

TODAY = date(2026, 11, 23)


def numbered(first17: str) -> str:
    return first17 + stdnum_ric.calc_check_digit(first17 + "0")


# (number, region as the table names it): each county got its current code after the person was born,
# so python-stdnum's birth-year rule refuses every one of them.
RECODED = [
    ("330106194512120013", "浙江省西湖区"),  # the number from the issue: 西湖区 is 330106 since 1983
    (numbered("33038119500315001"), "浙江省瑞安市"),  # 瑞安市 330381 since 1989
    (numbered("11011219380707002"), "北京市通州区"),  # 通州区 110112 since 1997
    (numbered("44030619500101004"), "广东省宝安区"),  # 宝安区 440306 since 1992
    (numbered("32058319551111003"), "江苏省昆山市"),  # 昆山市 320583 since 1989
    (numbered("33018219280229006"), "浙江省建德市"),  # 建德市 330182 since 1992; a 29 February, aged 98
]


@pytest.mark.parametrize(("number", "place"), RECODED)
def test_recoded_counties_are_accepted_by_every_user_of_the_rule(number: str, place: str) -> None:
    assert not stdnum_ric.is_valid(number)  # the old rule refused it
    result = check_ric(number, TODAY)
    assert result.ok and result.warning is None and region_name(number[:6]) == place
    assert ap.ric_problem(number, TODAY) is None  # intake
    person = ap.Applicant(ap.ApplicantKind.PERSON, "王老伯", number, "13800138000")
    assert ap.problems(person, TODAY) == []
    assert len(person_key(number, "salt", TODAY)) == 64  # queue: daily limits and elderly priority
    assert is_elderly(number, TODAY)  # the queue's priority and the kiosk's hint
    assert check_id_number(number) == []  # material checks


def test_the_elderly_citizen_gets_priority_from_the_queue(sqlite_hall) -> None:  # type: ignore[no-untyped-def]
    from app.services.queue import QueueService

    ticket = QueueService(sqlite_hall).issue_ticket("B", source="staff", person_id="330106194512120013")
    assert ticket.priority == "elderly"


@pytest.mark.parametrize(("number", "_place"), RECODED)
def test_a_wrong_check_character_is_still_refused(number: str, _place: str) -> None:
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert "check character" in check_ric(wrong, TODAY).problem[1]  # type: ignore[index]
    assert ap.ric_problem(wrong, TODAY) is not None
    with pytest.raises(InvalidIdNumber):
        person_key(wrong, "salt", TODAY)
    [finding] = check_id_number(wrong)
    assert finding.severity is Severity.BLOCK


def test_an_unknown_region_code_is_a_warning_not_a_block() -> None:
    number = numbered("99999919600101001")
    result = check_ric(number, TODAY)
    assert result.ok and result.warning is not None and "999999" in result.warning[1]
    assert ap.ric_problem(number, TODAY) is None  # intake and the kiosk (ric.is_valid_ric) accept it
    [finding] = check_id_number(number)
    assert finding.check_id == "id.ric" and finding.severity is Severity.WARN and "region code" in finding.message_en


@pytest.mark.parametrize(
    ("first17", "words"),
    [
        ("33010619451312001", "not a real date"),  # month 13
        ("33010618800101001", "over 120"),  # implausible age
        ("33010620300101001", "in the future"),
    ],
)
def test_date_and_age_still_matter(first17: str, words: str) -> None:
    problem = check_ric(numbered(first17), TODAY).problem
    assert problem is not None and words in problem[1]


def test_an_abolished_code_is_still_a_known_code() -> None:
    number = numbered("11010319700101001")  # 崇文区, merged away in 2010: numbers issued under it stay valid
    assert check_ric(number, TODAY).ok and check_ric(number, TODAY).warning is None
