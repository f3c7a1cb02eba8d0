"""The service catalogue (事项清单): matters, their materials, and bundles (一件事).

A catalogue is read from plain data (the JSON published centrally, see resources/catalogue/) and
is immutable: a change is a new numbered version, and a case keeps the version it was taken under.
Materials are declared once in a shared dictionary and referenced by key from matters, so the same
paper (an ID card, a business licence) has the same key everywhere and merges without duplicates
when several matters are taken in together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from app.domain.errors import UserError

# Must equal app.checks.MATERIAL_KINDS (checked by a test): domain code may not import app.checks.
MATERIAL_KINDS: tuple[str, ...] = (
    "resident_id",
    "business_licence",
    "application_form",
    "certificate",
    "contract",
    "photo",
    "other",
)


# How much of a catalogue the hall's columns hold (app.store declares its columns with these): a catalogue that
# exceeds them is refused when read, here, for an import on the hall and a publication on the server alike, instead
# of failing later on PostgreSQL (a sync that never gets past it, a case that cannot be saved) and not on SQLite.
LABEL_MAX = 200  # catalogue_version.label
MATTER_CODE_MAX = 32  # appointment.matter_code
BUNDLE_CODE_MAX = 16  # intake_case.bundle_code
MATERIAL_KEY_MAX = 64  # case_material.key
INTEGER_MAX = 2**31 - 1  # legal_days, promised_days and fee_fen are INTEGER columns of a case
TITLE_MAX = 300  # intake_case.title_zh, title_en and department_zh: a case's names in one line


class CatalogueError(UserError):
    code = "catalogue"


class MatterKind(StrEnum):
    IMMEDIATE = "immediate"  # 即办件: done on the spot
    PROMISED = "promised"  # 承诺件: done by a promised date


class Requirement(StrEnum):
    REQUIRED = "required"
    CONDITIONAL = "conditional"  # only in the situation described by `condition_zh`
    OPTIONAL = "optional"


class MaterialForm(StrEnum):
    ORIGINAL = "original"  # 原件 (shown and scanned, returned to the citizen)
    COPY = "copy"  # 复印件


_REQUIREMENT_RANK = {Requirement.OPTIONAL: 0, Requirement.CONDITIONAL: 1, Requirement.REQUIRED: 2}


@dataclass(frozen=True)
class MaterialSpec:
    key: str
    name_zh: str
    name_en: str
    kind: str = "other"
    form: MaterialForm = MaterialForm.COPY
    count: int = 1
    sides: int = 1  # 2 for an ID card: front and back
    colour_required: bool = False  # a seal (公章) must be visible in colour
    min_dpi: int | None = None
    requirement: Requirement = Requirement.REQUIRED
    condition_zh: str = ""
    condition_en: str = ""
    e_licence: bool = False  # 电子证照免提交: not collected when the electronic licence is verified
    rongque: bool = False  # 容缺: may be missing at acceptance and supplied by a deadline
    commitment: bool = False  # 告知承诺: may be replaced by a signed commitment
    for_matters: tuple[str, ...] = ()  # filled in when merged: which selected matters need it


@dataclass(frozen=True)
class Matter:
    code: str
    name_zh: str
    name_en: str
    department_zh: str
    department_en: str
    category: str  # the hall's ticket prefix / service zone, e.g. "D" 市场准入
    kind: MatterKind
    legal_days: int
    promised_days: int
    fee_fen: int = 0  # in fen (1/100 yuan): money never goes through floats
    fee_note_zh: str = ""
    fee_note_en: str = ""
    online: bool = True
    offline: bool = True
    materials: tuple[MaterialSpec, ...] = ()
    produces: tuple[str, ...] = ()  # material keys this matter issues (a later step in a bundle needs no copy)


@dataclass(frozen=True)
class Bundle:
    """一件事: several matters taken in together with one set of materials."""

    code: str
    name_zh: str
    name_en: str
    category: str
    matter_codes: tuple[str, ...]
    promised_days: int
    unified_form: MaterialSpec | None = None  # 一表申请: replaces every member's own application form
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Catalogue:
    label: str
    matters: tuple[Matter, ...]
    bundles: tuple[Bundle, ...] = ()

    def matter(self, code: str) -> Matter:
        for m in self.matters:
            if m.code == code:
                return m
        raise CatalogueError(f"事项清单中没有事项“{code}”", f"No matter '{code}' in the catalogue", code="not_found")

    def bundle(self, code: str) -> Bundle:
        for b in self.bundles:
            if b.code == code:
                return b
        raise CatalogueError(
            f"事项清单中没有“一件事”“{code}”", f"No bundle '{code}' in the catalogue", code="not_found"
        )

    def bundle_matters(self, bundle: Bundle) -> tuple[Matter, ...]:
        return tuple(self.matter(c) for c in bundle.matter_codes)


# ---- what matters taken in together add up to ------------------------------------------------------------


@dataclass(frozen=True)
class Combined:
    """One application for several matters (a 一件事 bundle, or matters chosen together): its title, departments,
    kind, time limits and fee, as the case records them and the service guide shows them."""

    title_zh: str
    title_en: str
    department_zh: str  # each department once, in the matters' order
    matter_kind: MatterKind
    legal_days: int
    promised_days: int
    fee_fen: int


# How a list of names (matters, departments) is written in one line, per language.
LIST_SEPARATOR_ZH = "、"
LIST_SEPARATOR_EN = "; "


def split_names(names: str) -> list[str]:
    """The names of a list written with LIST_SEPARATOR_ZH or LIST_SEPARATOR_EN."""
    return [n.strip() for n in names.replace(LIST_SEPARATOR_ZH, ";").split(";") if n.strip()]


def one_line_list(names: Sequence[str], english: bool = False) -> str:
    """`names` as one list of at most TITLE_MAX characters: the names that fit, then how many there are in all
    (several long matter names taken in together would not fit a case's title; the case keeps every name in
    matter_names, so nothing is lost)."""
    separator = LIST_SEPARATOR_EN if english else LIST_SEPARATOR_ZH
    whole = separator.join(names)
    if len(whole) <= TITLE_MAX:
        return whole
    for shown in range(len(names) - 1, 0, -1):
        tail = f" and {len(names) - shown} more" if english else f"等 {len(names)} 项"
        text = separator.join(names[:shown]) + tail
        if len(text) <= TITLE_MAX:
            return text
    return whole[: TITLE_MAX - 1] + "…"


def departments(matters: Sequence[Matter]) -> tuple[str, str]:
    """The departments of matters taken in together, each once in the matters' order, in Chinese and English.
    The English list is empty when a matter has no English name: a screen then shows the Chinese list whole
    rather than a mix of both languages."""
    zh = one_line_list(list(dict.fromkeys(m.department_zh for m in matters)))
    english = [m.department_en for m in matters]
    en = one_line_list(list(dict.fromkeys(english)), english=True) if all(english) else ""
    return zh, en


def combine(matters: Sequence[Matter], bundle: Bundle | None = None) -> Combined:
    # A bundle is always a 承诺件; matters chosen together are a 即办件 only when each of them is.
    immediate = bundle is None and all(m.kind is MatterKind.IMMEDIATE for m in matters)
    return Combined(
        title_zh=one_line_list([bundle.name_zh] if bundle else [m.name_zh for m in matters]),
        title_en=one_line_list([bundle.name_en] if bundle else [m.name_en for m in matters], english=True),
        department_zh=departments(matters)[0],
        matter_kind=MatterKind.IMMEDIATE if immediate else MatterKind.PROMISED,
        legal_days=max((m.legal_days for m in matters), default=0),
        promised_days=bundle.promised_days if bundle else max((m.promised_days for m in matters), default=0),
        fee_fen=sum(m.fee_fen for m in matters),
    )


# ---- merging materials ----------------------------------------------------------------------------------


def _stricter(a: MaterialSpec, b: MaterialSpec) -> MaterialSpec:
    """One requirement that satisfies both: the strictest of each property, relief only if both allow it."""
    requirement = max(a.requirement, b.requirement, key=lambda r: _REQUIREMENT_RANK[r])
    min_dpi = max(a.min_dpi or 0, b.min_dpi or 0) or None
    keeps_condition = a if a.requirement == requirement else b
    return replace(
        a,
        form=MaterialForm.ORIGINAL if MaterialForm.ORIGINAL in (a.form, b.form) else MaterialForm.COPY,
        count=max(a.count, b.count),
        sides=max(a.sides, b.sides),
        colour_required=a.colour_required or b.colour_required,
        min_dpi=min_dpi,
        requirement=requirement,
        condition_zh=keeps_condition.condition_zh,
        condition_en=keeps_condition.condition_en,
        e_licence=a.e_licence and b.e_licence,
        rongque=a.rongque and b.rongque,
        commitment=a.commitment and b.commitment,
        for_matters=a.for_matters + tuple(c for c in b.for_matters if c not in a.for_matters),
    )


def merge_materials(matters: Sequence[Matter], unified_form: MaterialSpec | None = None) -> tuple[MaterialSpec, ...]:
    """The checklist for matters taken in together: each material once, in first-seen order.

    - a material that another selected matter issues (e.g. the business licence issued by company
      registration) is dropped: the citizen cannot bring what the hall is about to issue;
    - with a unified form (一表申请), every member's application form is replaced by that one form;
    - the same key from several matters merges into the strictest requirement of them all.
    """
    produced = {key for m in matters for key in m.produces}
    merged: dict[str, MaterialSpec] = {}
    for matter in matters:
        for spec in matter.materials:
            if spec.key in produced and spec.key not in matter.produces:
                continue
            if unified_form is not None and spec.kind == "application_form":
                spec = replace(unified_form, requirement=Requirement.REQUIRED)
            spec = replace(spec, for_matters=(matter.code,))
            merged[spec.key] = _stricter(merged[spec.key], spec) if spec.key in merged else spec
    return tuple(merged.values())


def agent_materials() -> tuple[MaterialSpec, ...]:
    """What an agent (代理人/经办人) adds to any checklist: their own ID and the authorisation."""
    return (
        MaterialSpec(
            "agent_id",
            "代理人身份证件",
            "Agent's identity card",
            kind="resident_id",
            form=MaterialForm.ORIGINAL,
            sides=2,
            e_licence=True,
        ),
        MaterialSpec(
            "power_of_attorney",
            "授权委托书",
            "Power of attorney",
            kind="other",
            form=MaterialForm.ORIGINAL,
            colour_required=False,
        ),
    )


# ---- reading the published JSON -------------------------------------------------------------------------

_MATERIAL_FIELDS = {f.name for f in fields(MaterialSpec)} - {"for_matters"}


Where = tuple[str, str]  # the place in the file, in Chinese and in English


def _material(data: Mapping[str, Any], where: Where) -> MaterialSpec:
    unknown = set(data) - _MATERIAL_FIELDS
    if unknown:
        raise _bad(
            f"{where[0]}：不认识的材料字段 {sorted(unknown)}",
            f"{where[1]}: unknown material field(s) {sorted(unknown)}",
        )
    try:
        spec = MaterialSpec(
            **{
                **data,
                "form": MaterialForm(data.get("form", "copy")),
                "requirement": Requirement(data.get("requirement", "required")),
            }
        )
    except (TypeError, ValueError) as exc:
        raise _bad(f"{where[0]}：字段值不对（{exc}）", f"{where[1]}: a wrong value ({exc})") from None
    if not isinstance(spec.key, str) or not 0 < len(spec.key) <= MATERIAL_KEY_MAX:
        raise _bad(
            f"{where[0]}：材料 key 应为 1 到 {MATERIAL_KEY_MAX} 个字符", f"{where[1]}: a material key is 1 to "
            f"{MATERIAL_KEY_MAX} characters"
        )
    kinds = ", ".join(MATERIAL_KINDS)
    if spec.kind not in MATERIAL_KINDS:
        raise _bad(
            f"{where[0]}：材料类型 {spec.kind!r} 应为 {kinds} 之一",
            f"{where[1]}: material kind {spec.kind!r} is not one of {kinds}",
        )
    if spec.count < 1 or spec.sides not in (1, 2):
        raise _bad(f"{where[0]}：份数应至少为 1，面数应为 1 或 2", f"{where[1]}: count must be >= 1 and sides 1 or 2")
    if spec.requirement is Requirement.CONDITIONAL and not spec.condition_zh:
        raise _bad(
            f"{where[0]}：有条件的材料需要写明 condition_zh", f"{where[1]}: a conditional material needs condition_zh"
        )
    return spec


def _bad(detail_zh: str, detail_en: str) -> CatalogueError:
    return CatalogueError(f"事项清单数据有误：{detail_zh}", f"The catalogue data is invalid: {detail_en}")


def _field_problem(exc: Exception) -> Where:
    """A missing or mistyped field, said in both languages (KeyError names the missing key)."""
    if isinstance(exc, KeyError):
        return f"缺少字段 {exc.args[0]!r}", f"missing field {exc.args[0]!r}"
    return (
        f"字段类型或取值不对（{type(exc).__name__}: {exc}）",
        f"a field of the wrong type or value ({type(exc).__name__}: {exc})",
    )


def _matter(data: Mapping[str, Any], shared: Mapping[str, Mapping[str, Any]]) -> Matter:
    code = str(data.get("code", ""))
    materials: list[MaterialSpec] = []
    for i, item in enumerate(data.get("materials", [])):
        where = f"事项 {code} 的第 {i + 1} 项材料", f"matter {code} material {i + 1}"
        if isinstance(item, str):
            item = {"ref": item}
        ref = item.get("ref")
        if ref is not None:
            if ref not in shared:
                raise _bad(f"{where[0]}：没有共用材料 {ref!r}", f"{where[1]}: no shared material {ref!r}")
            item = {**shared[ref], **{k: v for k, v in item.items() if k != "ref"}, "key": ref}
        materials.append(_material(item, where))
    keys = [m.key for m in materials]
    if len(set(keys)) != len(keys):
        raise _bad(f"事项 {code}：材料 key 重复", f"matter {code}: a material key appears twice")
    try:
        matter = Matter(
            code=code,
            name_zh=data["name_zh"],
            name_en=data.get("name_en", ""),
            department_zh=data["department_zh"],
            department_en=data.get("department_en", ""),
            category=data["category"],
            kind=MatterKind(data["kind"]),
            legal_days=int(data["legal_days"]),
            promised_days=int(data["promised_days"]),
            fee_fen=round(float(data.get("fee_yuan", 0)) * 100),
            fee_note_zh=data.get("fee_note_zh", ""),
            fee_note_en=data.get("fee_note_en", ""),
            online=bool(data.get("online", True)),
            offline=bool(data.get("offline", True)),
            materials=tuple(materials),
            produces=tuple(data.get("produces", ())),
        )
    except (KeyError, ValueError, TypeError) as exc:
        zh, en = _field_problem(exc)
        raise _bad(f"事项 {code or '?'}：{zh}", f"matter {code or '?'}: {en}") from None
    if len(code) > MATTER_CODE_MAX:
        raise _bad(
            f"事项编码 {code[:40]} 太长（{len(code)} 个字符，最多 {MATTER_CODE_MAX}）",
            f"the matter code {code[:40]} is too long ({len(code)} characters, at most {MATTER_CODE_MAX})",
        )
    if matter.legal_days > INTEGER_MAX or not 0 <= matter.fee_fen <= INTEGER_MAX:
        raise _bad(
            f"事项 {code}：legal_days 或 fee_yuan 超出范围", f"matter {code}: legal_days or fee_yuan is out of range"
        )
    if not code or matter.promised_days > matter.legal_days or matter.promised_days < 0:
        raise _bad(
            f"事项 {code or '?'}：需要事项编码，且 0 <= promised_days <= legal_days",
            f"matter {code or '?'}: needs a code and 0 <= promised_days <= legal_days",
        )
    if matter.kind is MatterKind.IMMEDIATE and matter.promised_days != 0:
        raise _bad(
            f"事项 {code}：即办件的 promised_days 应为 0",
            f"matter {code}: an immediate matter (即办件) has promised_days 0",
        )
    return matter


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Build and validate a catalogue from its published JSON; raises CatalogueError on any problem."""
    if not isinstance(data, Mapping) or not isinstance(data.get("matters"), list) or not data["matters"]:
        raise _bad(
            "应为 JSON 对象，含非空的“matters”列表（参照 resources/catalogue/catalogue.json）",
            'expected a JSON object with a non-empty list of "matters" (see resources/catalogue/catalogue.json)',
        )
    try:
        return _parse(data)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:  # a field of the wrong type or missing
        zh, en = _field_problem(exc)
        raise _bad(f"格式不对：{zh}", f"wrong shape: {en}") from None


def _parse(data: Mapping[str, Any]) -> Catalogue:
    shared: dict[str, Mapping[str, Any]] = dict(data.get("materials", {}))
    matters = tuple(_matter(m, shared) for m in data.get("matters", []))
    codes = [m.code for m in matters]
    if len(set(codes)) != len(codes):
        raise _bad("事项编码重复", "a matter code appears twice")
    bundles: list[Bundle] = []
    for b in data.get("bundles", []):
        code = str(b.get("code", ""))
        members = tuple(b.get("matters", ()))
        missing = [c for c in members if c not in codes]
        if len(code) > BUNDLE_CODE_MAX:
            raise _bad(
                f"一件事编码 {code[:40]} 太长（最多 {BUNDLE_CODE_MAX} 个字符）",
                f"the bundle code {code[:40]} is too long (at most {BUNDLE_CODE_MAX} characters)",
            )
        if not code or len(members) < 2 or missing:
            raise _bad(
                f"一件事 {code or '?'}：需要编码和至少两个已有事项（不认识的：{missing}）",
                f"bundle {code or '?'}: needs a code and at least two known matters (unknown: {missing})",
            )
        form = b.get("unified_form")
        bundles.append(
            Bundle(
                code=code,
                name_zh=b["name_zh"],
                name_en=b.get("name_en", ""),
                category=b["category"],
                matter_codes=members,
                promised_days=int(b["promised_days"]),
                unified_form=_material(
                    {**form, "kind": "application_form"}, (f"一件事 {code} 的表单", f"bundle {code} form")
                )
                if form
                else None,
                note_zh=b.get("note_zh", ""),
                note_en=b.get("note_en", ""),
            )
        )
    if {b.code for b in bundles} & set(codes):
        raise _bad("一件事的编码与事项编码相同", "a bundle code is also a matter code")
    label = str(data.get("label", ""))
    if len(label) > LABEL_MAX:
        raise _bad(f"label 太长（{len(label)} 个字符，最多 {LABEL_MAX}）", f"the label is too long ({len(label)} "
                   f"characters, at most {LABEL_MAX})")  # fmt: skip
    if any(b.promised_days > INTEGER_MAX for b in bundles):
        raise _bad("一件事的 promised_days 超出范围", "a bundle's promised_days is out of range")
    return Catalogue(label=label, matters=matters, bundles=tuple(bundles))
