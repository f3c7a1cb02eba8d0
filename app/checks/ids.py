"""Identity numbers: resident identity card numbers (居民身份证号码, GB 11643) and unified social
credit codes (统一社会信用代码, GB 32100), validated with python-stdnum, and the comparison of an
entered number with the numbers found in a document's QR codes.

Numbers are never written to logs or messages in full: messages show a masked form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError

from app.checks.config import CheckConfig
from app.checks.findings import Finding, Severity
from app.domain.masking import mask_id
from app.domain.ric import RicCheck, check_ric

_RIC_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_USCC_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Za-z])")


def normalise(text: str) -> str:
    """What the clerk typed, without spaces or dashes, upper case (a trailing x is an X)."""
    return re.sub(r"[\s\-]", "", text or "").upper()


def _ric(number: str) -> RicCheck:
    """The one resident-ID rule (app.domain.ric): an unknown region code is a warning, never a block."""
    return check_ric(number, dt.date.today())


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
    """Findings (``id.ric``) for a resident identity card number; empty when it is valid.

    A number whose region code is in no code table is a ``warn`` finding (the clerk looks at the card): it may
    be a real number under a code our table lacks; every other problem has the configured severity."""
    cfg = config or CheckConfig()
    result = _ric(text or "")
    shown = mask_id(text or "")
    if result.problem is not None:
        severity, (zh, en) = cfg.ids.ric_severity, result.problem
    elif result.warning is not None:
        severity, (zh, en) = Severity.WARN, result.warning
    else:
        return []
    return [Finding(
        "id.ric", severity, None,
        f"身份证号码 {shown} 无效：{zh}" if result.problem else f"身份证号码 {shown}：{zh}",
        f"Resident ID number {shown} is not valid: {en}" if result.problem else f"Resident ID number {shown}: {en}",
        shown, "GB 11643",
    )]


def check_credit_code(text: str, config: CheckConfig | None = None) -> list[Finding]:
    """Findings (``id.uscc``) for a unified social credit code; empty when it is valid."""
    cfg = config or CheckConfig()
    problem = _uscc_problem(text or "")
    if problem is None:
        return []
    return [Finding(
        "id.uscc", cfg.ids.uscc_severity, None,
        f"统一社会信用代码 {mask_id(text or '')} 无效：{problem[0]}",
        f"Unified social credit code {mask_id(text or '')} is not valid: {problem[1]}",
        mask_id(text or ""), "GB 32100",
    )]


def is_valid_ric(text: str) -> bool:
    return _ric(text).ok


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
    shown = "、".join(sorted(mask_id(f) for f in found))
    return [Finding(
        "id.mismatch", cfg.ids.mismatch_severity, None,
        f"录入的{what[0]} {mask_id(entered)} 与材料二维码中的 {shown} 不一致；请核对是否为本人/本单位材料",
        f"The entered {what[1]} {mask_id(entered)} differs from {shown} in the document's QR code; "
        "check that the material belongs to this applicant",
        mask_id(entered), shown,
    )]
