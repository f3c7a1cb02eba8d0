"""Resident ID numbers and unified social credit codes: validation and comparison with QR codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from app.checks import CheckConfig, Severity, check_credit_code, check_file, check_id_number
from app.checks.ids import ids_in
from tests.checks import corpus
from tests.checks.conftest import KNOWN_RIC

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def with_ric_check(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")  # stdnum ignores the last character


def with_uscc_check(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17)


@st.composite
def valid_rics(draw: st.DrawFn) -> str:
    # region codes that stdnum knows for every birth year drawn here
    region = draw(st.sampled_from(["110101", "310104", "110105"]))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)))
    seq = draw(st.integers(0, 999))
    return with_ric_check(f"{region}{born:%Y%m%d}{seq:03d}")


@st.composite
def valid_usccs(draw: st.DrawFn) -> str:
    # stdnum (like most validators) expects digits in the first 8 positions
    head = draw(st.sampled_from(["91", "92", "93", "11", "12", "51", "52"]))
    region = draw(st.sampled_from(["330106", "110105", "440305", "320506"]))
    body = draw(st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9))
    return with_uscc_check(head + region + body)


@given(valid_rics())
def test_valid_id_numbers_pass(number: str) -> None:
    assert check_id_number(number) == []
    assert check_id_number(number.lower()) == []  # a lower-case x is fine
    assert check_id_number(f" {number[:6]} {number[6:14]} {number[14:]} ") == []  # spaces as typed


@given(valid_rics(), st.integers(0, 16), st.integers(1, 9))
def test_one_mistyped_digit_is_caught(number: str, pos: int, shift: int) -> None:
    digit = str((int(number[pos]) + shift) % 10)
    typo = number[:pos] + digit + number[pos + 1 :]
    [finding] = check_id_number(typo)
    assert finding.check_id == "id.ric" and finding.severity is Severity.BLOCK and finding.page is None


@given(valid_usccs())
def test_valid_credit_codes_pass(code: str) -> None:
    assert check_credit_code(code) == []


@given(valid_usccs(), st.integers(0, 16), st.integers(1, 30))
def test_one_mistyped_code_character_is_caught(code: str, pos: int, shift: int) -> None:
    if pos < 8:  # registration authority, type and region: digits only
        alphabet = "0123456789"
        shift = shift % 9 + 1
    else:
        alphabet = USCC_ALPHABET
    ch = alphabet[(alphabet.index(code[pos]) + shift) % len(alphabet)]
    [finding] = check_credit_code(code[:pos] + ch + code[pos + 1 :])
    assert finding.check_id == "id.uscc" and finding.severity is Severity.BLOCK


def test_id_number_messages() -> None:
    cases = {
        "11010519491231002": "18 are required",
        "110105491231002": "15-digit numbers are no longer in use",
        "1101051949123100AX": "must be digits",
        "110105194912310021": "check character",
        with_ric_check("11010519491331002"): "not a real date",
        with_ric_check("99999919491231002"): "region code",
        with_ric_check(f"110105{dt.date.today().year + 1}0101002"): "in the future",
        "": "Enter the resident ID number",
    }
    for number, words in cases.items():
        [finding] = check_id_number(number)
        assert words in finding.message_en, (number, finding.message_en)
        assert number[3:-2] not in finding.message_en or len(number) < 6  # masked, not shown in full


def test_credit_code_messages() -> None:
    assert "18 are required" in check_credit_code("91330106MA2H0K5Q")[0].message_en
    assert "not allowed" in check_credit_code("91330106MA2H0K5QIO")[0].message_en
    valid = with_uscc_check("91330106MA2H0K5Q5")
    wrong_check = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    assert "check character" in check_credit_code(wrong_check)[0].message_en


def test_severity_is_configurable() -> None:
    cfg = CheckConfig.from_dict({"ids": {"ric_severity": "warn"}})
    assert check_id_number("123", cfg)[0].severity is Severity.WARN


def test_ids_in_payloads() -> None:
    code = with_uscc_check("91330106MA2H0K5Q5")
    rics, codes = ids_in([f"name=张三;id={KNOWN_RIC.lower()};", f"https://www.gsxt.gov.cn/{code}", "nothing"])
    assert rics == {KNOWN_RIC} and codes == {code}
    assert ids_in(["110105194912310021"]) == (set(), set())  # invalid numbers are ignored


def test_expected_id_against_qr(corpus_dir: Path) -> None:
    other = with_ric_check("31010419800101123")
    page = corpus.page(seed=11, seal=True, qr_payload=f"居民身份证号码:{KNOWN_RIC}")
    path = corpus.save(page, corpus_dir / "id_qr.png")
    assert check_file(path, "certificate", expected_id=KNOWN_RIC).by_id("id.mismatch") == []
    [mismatch] = check_file(path, "certificate", expected_id=other).by_id("id.mismatch")
    assert mismatch.severity is Severity.BLOCK
    assert KNOWN_RIC not in mismatch.message_en and other not in mismatch.message_en  # masked
    # an entered credit code is not compared with an ID number in the QR code
    code = with_uscc_check("91330106MA2H0K5Q5")
    assert check_file(path, "certificate", expected_id=code).by_id("id.mismatch") == []
    # an invalid entry is reported as such
    assert check_file(path, "certificate", expected_id="123").by_id("id.ric")
    assert check_file(path, "business_licence", expected_id="91330106MA2H").by_id("id.uscc")


def test_expected_id_without_qr_is_only_validated(corpus_dir: Path, clean_page: corpus.Arr) -> None:
    path = corpus.save(clean_page, corpus_dir / "no_qr.png")
    report = check_file(path, "contract", expected_id=KNOWN_RIC)
    assert report.findings == ()
