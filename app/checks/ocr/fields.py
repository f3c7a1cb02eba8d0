"""Fields read from OCR lines: resident ID card front and back, business licence, application-form
header; and which of these a page looks like (for ``material.kind``).

Works on text and rough geometry only (labels and what follows them on the same row), so it does not
depend on one card or licence design. Numbers are taken only when they pass the one rule
(app.domain.ric for ID numbers, python-stdnum for credit codes): a misread digit fails the check
character, so a number read wrongly is dropped rather than reported as someone else's.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

from stdnum.cn import uscc

from app.checks.ocr.engine import Line
from app.domain.masking import mask_address, mask_birth_date, mask_id, mask_name
from app.domain.ric import check_ric

Fields = dict[str, Any]

# OCR confusions inside a run of digits (never applied to words)
_DIGITISH = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1",
                           "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "x": "X", "×": "X"})
_CODE_FIX = str.maketrans("OISZ", "0152")  # letters a credit code never uses, read for digits
_RIC_RUN = re.compile(r"[0-9OoDQIl|iZzSsBG]{17}[0-9Xx×]")
_USCC_RUN = re.compile(r"[0-9A-Z]{18}")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_DATE_ANY = re.compile(r"(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?")
_DAY = r"(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})"
_VALIDITY = re.compile(_DAY + r"日?\s*[-—–~至一_]*\s*(长期|" + _DAY + ")")

KIND_WORDS = {
    "resident_id": ("公民身份号码", "身份号码", "居民身份证", "签发机关", "有效期限", "住址", "民族", "出生"),
    "business_licence": ("营业执照", "统一社会信用代码", "法定代表人", "注册资本", "经营范围", "成立日期", "登记机关",
                         "类型", "住所"),
    "application_form": ("申请表", "申请书", "登记表", "申请人", "申请事项", "填表日期", "联系电话"),
}


def rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped into rows, left to right. On a skewed or photographed page a row slopes: the
    centres are first turned by the median slope of the long boxes, then lines whose centres lie within
    half a line height of each other form a row."""
    slopes = sorted(ln.angle for ln in lines if ln.box[2] - ln.box[0] > 2 * ln.height)
    tilt = math.tan(slopes[len(slopes) // 2]) if slopes else 0.0

    def level(ln: Line) -> float:
        return ln.cy - tilt * ln.cx

    out: list[list[Line]] = []
    for line in sorted(lines, key=level):
        for row in out:
            ref = row[0]
            if abs(level(ref) - level(line)) < 0.5 * min(ref.height, line.height):
                row.append(line)
                break
        else:
            out.append([line])
    return [sorted(r, key=lambda ln: ln.box[0]) for r in out]


def row_texts(lines: Sequence[Line]) -> list[str]:
    return [re.sub(r"\s+", "", "".join(ln.text for ln in r)) for r in rows(lines)]


_ALL_LABELS = ("姓名", "性别", "民族", "出生", "住址", "公民身份号码", "签发机关", "有效期限", "名称", "类型",
               "法定代表人", "注册资本", "成立日期", "住所", "经营范围")


def _after(texts: Sequence[str], labels: Sequence[str]) -> tuple[int, str] | None:
    """The text after the first of ``labels`` on its row; when the row holds only the label (a layout with
    the value below it), the next row unless that is another label."""
    for i, text in enumerate(texts):
        for label in labels:
            pos = text.find(label)
            if pos >= 0:
                rest = text[pos + len(label):].lstrip(":：")
                if not rest and i + 1 < len(texts) and not any(w in texts[i + 1] for w in _ALL_LABELS):
                    return i + 1, texts[i + 1]
                return i, rest
    return None


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def find_ric(texts: Sequence[str], today: dt.date) -> str | None:
    """The first valid resident ID number in the text, preferring the row of its label."""
    labelled = _after(texts, ("公民身份号码", "身份号码", "身份证号码", "身份证号"))
    order = ([labelled[1]] if labelled else []) + list(texts)
    for text in order:
        for run in _RIC_RUN.findall(text):
            number = run.translate(_DIGITISH).upper()
            if check_ric(number, today).ok:
                return number
    return None


def find_uscc(texts: Sequence[str]) -> str | None:
    labelled = _after(texts, ("统一社会信用代码", "信用代码"))
    order = ([labelled[1]] if labelled else []) + list(texts)
    for text in order:
        fixed = text.upper().translate(_CODE_FIX)
        for run in _USCC_RUN.findall(fixed):
            if uscc.is_valid(run):
                return run
    return None


def _word(text: str, limit: int = 6) -> str:
    return re.split(r"[\s\d:：]|性别|民族|出生", text)[0][:limit]


def id_front(texts: Sequence[str], today: dt.date) -> Fields:
    out: Fields = {}
    name = _after(texts, ("姓名",))
    if name and name[1]:
        out["name"] = _word(name[1])
    sex = _after(texts, ("性别",))
    if sex and sex[1][:1] in ("男", "女"):
        out["sex"] = sex[1][:1]
    nation = _after(texts, ("民族",))
    if nation and nation[1]:
        out["ethnicity"] = _word(nation[1], 4)
    born_row = _after(texts, ("出生日期", "出生"))  # only a labelled date: a card's back has dates too
    if born_row:
        m = _DATE_CN.search(born_row[1]) or _DATE_ANY.search(born_row[1])
        if m and (iso := _iso(*m.groups())):
            out["birth_date"] = iso
    addr = _after(texts, ("住址",))
    if addr:
        parts = [addr[1]]
        for text in texts[addr[0] + 1:]:
            if any(w in text for w in ("公民身份", "身份号码")) or _RIC_RUN.search(text):
                break
            parts.append(text)
        out["address"] = "".join(parts)[:60]
    number = find_ric(texts, today)
    if number:
        out["id_number"] = number
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        sex_of_number = "男" if int(number[16]) % 2 else "女"
        out["consistent"] = {
            "birth_date": out.get("birth_date") in (None, born.isoformat()),
            "sex": out.get("sex") in (None, sex_of_number),
        }
        out.setdefault("birth_date", born.isoformat())
        out.setdefault("sex", sex_of_number)
    return out


def id_back(texts: Sequence[str]) -> Fields:
    out: Fields = {}
    issuer = _after(texts, ("签发机关",))
    if issuer and issuer[1]:
        out["issuer"] = issuer[1][:30]
    for text in texts:
        m = _VALIDITY.search(text)
        if m:
            out["valid_from"] = _iso(*m.groups()[:3])
            out["valid_until"] = "长期" if m.group(4) == "长期" else _iso(*m.groups()[4:7])
            return out
    until = _after(texts, ("有效期至", "有效期限至", "有效期"))
    if until:
        m = _DATE_ANY.search(until[1])
        if m:
            out["valid_until"] = _iso(*m.groups())
        elif "长期" in until[1]:
            out["valid_until"] = "长期"
    return out


def licence(texts: Sequence[str]) -> Fields:
    out: Fields = {}
    code = find_uscc(texts)
    if code:
        out["credit_code"] = code
    name = _after(texts, ("名称", "企业名称"))
    if name and name[1]:
        out["company_name"] = name[1][:40]
    rep = _after(texts, ("法定代表人", "负责人", "经营者", "执行事务合伙人", "代表人"))
    if rep and rep[1]:
        out["legal_representative"] = _word(rep[1])
    addr = _after(texts, ("住所", "经营场所", "营业场所"))
    if addr and addr[1]:
        out["address"] = addr[1][:60]
    est = _after(texts, ("成立日期", "注册日期"))
    if est:
        m = _DATE_ANY.search(est[1])
        if m:
            out["established"] = _iso(*m.groups())
    return out


def form_header(texts: Sequence[str]) -> Fields:
    for text in texts[:4]:
        if any(w in text for w in ("申请表", "申请书", "登记表", "审批表")):
            return {"form_title": text[:40]}
    return {"form_title": texts[0][:40]} if texts else {}


def classify(texts: Sequence[str]) -> str | None:
    """The material kind the text looks like, or None when it is not clear (too few telling words)."""
    joined = "".join(texts)
    scores = {kind: sum(w in joined for w in words) for kind, words in KIND_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] >= 2 and ranked[0] >= ranked[1] + 2:
        return best
    return None


def expired(fields: Fields, today: dt.date) -> bool:
    until = fields.get("valid_until")
    if not until or until == "长期":
        return False
    return dt.date.fromisoformat(until) < today


_PERSONAL_IDS = ("id_number", "credit_code")
_PERSONAL_NAMES = ("name", "legal_representative")


def masked(fields: Fields) -> Fields:
    """The fields as shown without the clerk's confirmation, masked by app.domain.masking; ethnicity hidden."""
    out: Fields = {}
    for key, value in fields.items():
        if not isinstance(value, str):
            out[key] = value
        elif key in _PERSONAL_IDS:
            out[key] = mask_id(value)
        elif key in _PERSONAL_NAMES:
            out[key] = mask_name(value)
        elif key == "address":
            out[key] = mask_address(value)
        elif key == "birth_date":
            out[key] = mask_birth_date(value)
        elif key == "ethnicity":
            out[key] = "*"
        else:
            out[key] = value
    return out
