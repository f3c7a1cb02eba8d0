"""Identity numbers: resident identity card numbers (居民身份证号码, GB 11643) and unified social
credit codes (统一社会信用代码, GB 32100), validated with python-stdnum, and the comparison of an
entered number with the numbers found in a document's QR codes.

Numbers are never written to logs or messages in full: messages show a masked form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from app.checks.config import CheckConfig
from app.checks.findings import Finding

_RIC_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_USCC_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Za-z])")


def normalise(text: str) -> str:
    """What the clerk typed, without spaces or dashes, upper case (a trailing x is an X)."""
    return re.sub(r"[\s\-]", "", text or "").upper()


def mask(number: str) -> str:
    """Show only the first 3 and last 2 characters: enough for a clerk to compare, not to copy."""
    n = normalise(number)
    if len(n) <= 6:
        return "*" * len(n)
    return n[:3] + "*" * (len(n) - 5) + n[-2:]


def _ric_problem(number: str) -> tuple[str, str] | None:
    """(zh, en) reason why ``number`` is not a valid resident ID number, None if it is valid."""
    compact = normalise(number)
    try:
        ric.validate(compact)
    except InvalidLength:
        if len(compact) == 15 and compact.isdigit():  # first-generation card numbers
            return ("15 位旧号码已停止使用，请提供 18 位身份证号码",
                    "15-digit numbers are no longer in use; an 18-character number is required")
        return (f"长度为 {len(compact)} 位，应为 18 位", f"it has {len(compact)} characters, 18 are required")
    except InvalidFormat:
        return ("前 17 位必须是数字", "the first 17 characters must be digits")
    except InvalidChecksum:
        return ("校验码（最后一位）不正确，可能有数字输错",
                "the check character (last one) is wrong; a digit may be mistyped")
    except InvalidComponent:
        try:
            ric.get_birth_date(compact)
        except ValidationError:
            return ("出生日期无效", "the date of birth in it is not a real date")
        return ("行政区划代码（前 6 位）无效", "the region code (first 6 digits) is not valid")
    except ValidationError:
        return ("格式不正确", "it is not well formed")
    if ric.get_birth_date(compact) > dt.date.today():
        return ("出生日期在未来", "the date of birth in it is in the future")
    return None


def _uscc_problem(code: str) -> tuple[str, str] | None:
    compact = normalise(code)
    try:
        uscc.validate(compact)
    except InvalidLength:
        return (f"长度为 {len(compact)} 位，应为 18 位", f"it has {len(compact)} characters, 18 are required")
    except InvalidFormat:
        return ("含有不允许的字符（第 3-8 位须为数字，不使用 I、O、S、V、Z）",
                "it contains characters that are not allowed (positions 3-8 are digits; I, O, S, V, Z are never used)")
    except InvalidChecksum:
        return ("校验码（最后一位）不正确，可能有字符输错",
                "the check character (last one) is wrong; a character may be mistyped")
    except ValidationError:
        return ("格式不正确", "it is not well formed")
    return None


def check_id_number(text: str, config: CheckConfig | None = None) -> list[Finding]:
    """Findings (``id.ric``) for a resident identity card number; empty when it is valid."""
    cfg = config or CheckConfig()
    problem = _ric_problem(text or "")
    if problem is None:
        return []
    return [Finding(
        "id.ric", cfg.ids.ric_severity, None,
        f"身份证号码 {mask(text or '')} 无效：{problem[0]}",
        f"Resident ID number {mask(text or '')} is not valid: {problem[1]}",
        mask(text or ""), "GB 11643",
    )]


def check_credit_code(text: str, config: CheckConfig | None = None) -> list[Finding]:
    """Findings (``id.uscc``) for a unified social credit code; empty when it is valid."""
    cfg = config or CheckConfig()
    problem = _uscc_problem(text or "")
    if problem is None:
        return []
    return [Finding(
        "id.uscc", cfg.ids.uscc_severity, None,
        f"统一社会信用代码 {mask(text or '')} 无效：{problem[0]}",
        f"Unified social credit code {mask(text or '')} is not valid: {problem[1]}",
        mask(text or ""), "GB 32100",
    )]


def is_valid_ric(text: str) -> bool:
    return _ric_problem(text) is None


def is_valid_uscc(text: str) -> bool:
    return _uscc_problem(text) is None


def ids_in(payloads: Iterable[str]) -> tuple[set[str], set[str]]:
    """Valid resident ID numbers and credit codes appearing in decoded QR texts."""
    rics: set[str] = set()
    codes: set[str] = set()
    for text in payloads:
        for m in _RIC_IN_TEXT.findall(text):
            if is_valid_ric(m):
                rics.add(normalise(m))
        for m in _USCC_IN_TEXT.findall(text.upper()):
            if is_valid_uscc(m) and not is_valid_ric(m):
                codes.add(normalise(m))
    return rics, codes


def check_expected_id(expected: str, payloads: Iterable[str], kind: str, cfg: CheckConfig) -> list[Finding]:
    """Validate the number the clerk entered and compare it with numbers decoded from the document.

    Only like is compared with like: an entered ID number against ID numbers in the QR codes, an
    entered credit code against credit codes. Nothing decoded means nothing to compare."""
    text = normalise(expected)
    if is_valid_ric(text):
        entered, found = text, ids_in(payloads)[0]
        what = ("身份证号码", "resident ID number")
    elif is_valid_uscc(text):
        entered, found = text, ids_in(payloads)[1]
        what = ("统一社会信用代码", "credit code")
    else:
        looks_like_code = kind == "business_licence" or any(c.isalpha() and c not in "Xx" for c in text)
        return check_credit_code(text, cfg) if looks_like_code else check_id_number(text, cfg)
    if not found or entered in found:
        return []
    shown = "、".join(sorted(mask(f) for f in found))
    return [Finding(
        "id.mismatch", cfg.ids.mismatch_severity, None,
        f"录入的{what[0]} {mask(entered)} 与材料二维码中的 {shown} 不一致；请核对是否为本人/本单位材料",
        f"The entered {what[1]} {mask(entered)} differs from {shown} in the document's QR code; "
        "check that the material belongs to this applicant",
        mask(entered), shown,
    )]
