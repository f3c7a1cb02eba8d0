"""The sample catalogue, merging bundle materials, search by pinyin, and catalogue validation."""

import json
import re

import pytest

from app.checks import MATERIAL_KINDS as CHECK_KINDS
from app.domain.catalogue import (
    MATERIAL_KINDS,
    TITLE_MAX,
    CatalogueError,
    MaterialSpec,
    Matter,
    MatterKind,
    Requirement,
    combine,
    departments,
    merge_materials,
    parse_catalogue,
    split_names,
)
from app.domain.matter_search import MatterIndex
from app.services.catalogue import SAMPLE_CATALOGUE


@pytest.fixture(scope="module")
def sample():
    return parse_catalogue(json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8")))


def test_material_kinds_match_the_checks():
    assert MATERIAL_KINDS == CHECK_KINDS


def test_sample_covers_every_category(sample):
    assert len(sample.matters) >= 30
    assert {m.category for m in sample.matters} == set("ABCDEFG")
    names = " ".join(m.name_zh for m in sample.matters)
    for wanted in ("居住证", "医疗保险参保登记", "养老保险参保登记", "不动产抵押登记", "公积金提取", "身份证换领"):
        assert wanted in names
    assert any(m.kind is MatterKind.IMMEDIATE for m in sample.matters)
    assert any(m.fee_fen > 0 for m in sample.matters)


def test_starting_a_business_is_5_2_1_0(sample):
    bundle = sample.bundle("BD01")
    members = sample.bundle_matters(bundle)
    assert bundle.name_zh == "企业开办" and len(members) == 5
    merged = merge_materials(members, bundle.unified_form)
    required = [m for m in merged if m.requirement is Requirement.REQUIRED]
    assert [m.key for m in required] == ["enterprise_form", "legal_rep_id"]
    assert bundle.promised_days == 1
    assert sum(m.fee_fen for m in members) == 0
    # the business licence is issued by the first step, so the later steps do not ask for it
    assert "business_licence" not in {m.key for m in merged}
    assert len({m.key for m in merged}) == len(merged)
    legal_rep = next(m for m in merged if m.key == "legal_rep_id")
    assert legal_rep.for_matters == ("D001", "D002", "D003", "D005")


def _matter(code: str, *materials: MaterialSpec) -> Matter:
    return Matter(code, code, code, "dept", "dept", "B", MatterKind.PROMISED, 10, 5, materials=materials)


def test_matters_taken_in_together_add_up(sample):
    bundle = sample.bundle("BD01")
    members = sample.bundle_matters(bundle)
    whole = combine(members, bundle)
    assert (whole.title_zh, whole.matter_kind, whole.promised_days, whole.fee_fen) == ("企业开办", "promised", 1, 0)
    assert whole.legal_days == max(m.legal_days for m in members)
    assert whole.department_zh.split("、") == list(dict.fromkeys(m.department_zh for m in members))
    quick = Matter("Q1", "甲", "A", "民政局", "Civil", "B", MatterKind.IMMEDIATE, 3, 0, fee_fen=500)
    slow = Matter("Q2", "乙", "B", "民政局", "Civil", "B", MatterKind.PROMISED, 20, 7, fee_fen=1000)
    assert combine([quick]).matter_kind is MatterKind.IMMEDIATE
    both = combine([quick, slow])
    assert (both.title_zh, both.title_en, both.department_zh) == ("甲、乙", "A; B", "民政局")
    assert (both.matter_kind, both.legal_days, both.promised_days, both.fee_fen) == (MatterKind.PROMISED, 20, 7, 1500)


def test_departments_in_both_languages(sample):
    members = sample.bundle_matters(sample.bundle("BD01"))
    zh, en = departments(members)
    assert zh == combine(members).department_zh
    # 公安局治安支队 is "Public Security Bureau" in English too: each English name once as well.
    assert split_names(en) == list(dict.fromkeys(m.department_en for m in members))
    assert split_names(zh) == list(dict.fromkeys(m.department_zh for m in members))
    untranslated = Matter("Q3", "丙", "C", "档案馆", "", "B", MatterKind.PROMISED, 10, 5)
    assert departments([members[0], untranslated]) == (f"{members[0].department_zh}、档案馆", "")  # never a mix


def test_many_long_matters_taken_in_together_fit_the_cases_title():
    """Before: six 60-character names made a 365-character title: saved on SQLite, refused on PostgreSQL
    (intake_case.title_zh is VARCHAR(300)), so the clerk's accept failed."""
    long = [
        Matter(f"L{i}", f"{i}号" + "建设工程规划许可证核发" * 5, f"Permit {i} " + "x" * 70, f"部门{i}" * 12,
               f"Department {i} " * 6, "B", MatterKind.PROMISED, 20, 10)
        for i in range(6)
    ]  # fmt: skip
    whole = combine(long)
    for text in (whole.title_zh, whole.title_en, whole.department_zh, *departments(long)):
        assert len(text) <= TITLE_MAX, text
    assert whole.title_zh.startswith(long[0].name_zh) and whole.title_zh.endswith("等 6 项")
    assert whole.title_en.startswith(long[0].name_en) and re.search(r" and \d more$", whole.title_en)
    assert combine(long[:2]).title_zh == f"{long[0].name_zh}、{long[1].name_zh}"  # what fits is whole


def test_merge_takes_the_strictest_requirement():
    a = MaterialSpec(
        "id", "身份证", "ID", kind="resident_id", requirement=Requirement.OPTIONAL, e_licence=True, rongque=True
    )
    b = MaterialSpec(
        "id",
        "身份证",
        "ID",
        kind="resident_id",
        form="original",
        sides=2,
        colour_required=True,
        min_dpi=300,
        e_licence=True,
    )
    merged = merge_materials([_matter("M1", a), _matter("M2", b)])
    assert len(merged) == 1
    m = merged[0]
    assert (m.requirement, m.form, m.sides, m.colour_required, m.min_dpi) == (
        Requirement.REQUIRED,
        "original",
        2,
        True,
        300,
    )
    assert m.e_licence and not m.rongque  # relief only when every matter grants it
    assert m.for_matters == ("M1", "M2")


def test_search_by_code_name_and_pinyin_initials(sample):
    index = MatterIndex(sample)
    assert index.search("qykb")[0].code == "BD01"
    assert index.search("jzz")[0].code == "C003"
    assert index.search("f001")[0].code == "F001"
    assert index.search("抵押")[0].code == "F004"  # name starts with it
    assert index.search("抵押登记")[0].code == "F001"
    assert {e.code for e in index.search("gjj")} == {"D005", "G003"}
    assert index.search("passport")[0].code == "C007"
    assert index.search("zzzzqqq") == []
    assert index.search("")[0].kind == "bundle"


@pytest.mark.parametrize(
    "broken",
    [
        {"matters": [{"code": "X1"}]},
        {
            "matters": [
                {
                    "code": "X1",
                    "name_zh": "x",
                    "department_zh": "d",
                    "category": "A",
                    "kind": "immediate",
                    "legal_days": 5,
                    "promised_days": 2,
                }
            ]
        },
        {
            "matters": [
                {
                    "code": "X1",
                    "name_zh": "x",
                    "department_zh": "d",
                    "category": "A",
                    "kind": "promised",
                    "legal_days": 5,
                    "promised_days": 2,
                    "materials": ["nope"],
                }
            ]
        },
        {
            "matters": [
                {
                    "code": "X1",
                    "name_zh": "x",
                    "department_zh": "d",
                    "category": "A",
                    "kind": "promised",
                    "legal_days": 5,
                    "promised_days": 2,
                    "materials": [{"key": "k", "name_zh": "n", "name_en": "n", "kind": "banana"}],
                }
            ]
        },
        {
            "matters": [],
            "bundles": [{"code": "B1", "name_zh": "b", "category": "A", "matters": ["X"], "promised_days": 1}],
        },
    ],
)
def test_invalid_catalogues_are_refused_with_a_message(broken):
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(broken)
    assert err.value.message_zh.startswith("事项清单数据有误")
