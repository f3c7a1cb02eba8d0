"""The intake checklist: is each material in order, and which decisions does that allow?

One assessment feeds everything the clerk sees: the colour of a checklist row, whether 受理 or
容缺受理 is possible, and the one-time notice (一次性告知书), which must list every problem at once
so the citizen never has to come back twice for the same case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.catalogue import MaterialSpec, Requirement
from app.domain.errors import RuleViolation

Problem = tuple[str, str]  # (zh, en)


class Disposition(StrEnum):
    PENDING = "pending"  # to be provided as files
    EXEMPT = "exempt"  # electronic licence verified (电子证照免提交)
    COMMITMENT = "commitment"  # replaced by a signed commitment (告知承诺)
    NOT_APPLICABLE = "not_applicable"  # a conditional material that does not apply, or an optional one skipped


class ItemStatus(StrEnum):
    OK = "ok"
    NOT_NEEDED = "not_needed"
    MISSING = "missing"
    DEFECTIVE = "defective"  # a blocking finding, or too few pages/sides
    NEEDS_REVIEW = "needs_review"  # warnings the clerk has neither overridden nor fixed
    UNCHECKED = "unchecked"  # files still being checked


DEFICIENT = frozenset({ItemStatus.MISSING, ItemStatus.DEFECTIVE, ItemStatus.NEEDS_REVIEW})


@dataclass(frozen=True)
class FileState:
    checked: bool
    pages: int
    blocking: tuple[Problem, ...] = ()  # messages of `block` findings
    warnings: tuple[Problem, ...] = ()  # messages of `warn` findings not overridden


@dataclass(frozen=True)
class Assessment:
    status: ItemStatus
    reasons: tuple[Problem, ...] = ()


def check_disposition(spec: MaterialSpec, disposition: Disposition) -> None:
    """Refuse a relief the catalogue does not grant for this material."""
    allowed = {
        Disposition.PENDING: True,
        Disposition.EXEMPT: spec.e_licence,
        Disposition.COMMITMENT: spec.commitment,
        Disposition.NOT_APPLICABLE: spec.requirement is not Requirement.REQUIRED,
    }[disposition]
    if not allowed:
        what = {
            Disposition.EXEMPT: ("不能以电子证照免提交", "cannot be replaced by a verified electronic licence"),
            Disposition.COMMITMENT: ("不能以告知承诺替代", "cannot be replaced by a signed commitment"),
            Disposition.NOT_APPLICABLE: ("是必交材料，不能跳过", "is required and cannot be skipped"),
        }[disposition]
        raise RuleViolation(f"“{spec.name_zh}”{what[0]}", f"'{spec.name_en or spec.key}' {what[1]}")


def assess(spec: MaterialSpec, disposition: Disposition, files: Sequence[FileState]) -> Assessment:
    if disposition is Disposition.EXEMPT:
        return Assessment(
            ItemStatus.NOT_NEEDED, (("电子证照已核验，免提交", "Electronic licence verified: not collected"),)
        )
    if disposition is Disposition.COMMITMENT:
        return Assessment(ItemStatus.NOT_NEEDED, (("已签署告知承诺书", "Replaced by a signed commitment"),))
    if disposition is Disposition.NOT_APPLICABLE:
        return Assessment(ItemStatus.NOT_NEEDED)
    if not files:
        if spec.requirement is Requirement.OPTIONAL:
            return Assessment(ItemStatus.NOT_NEEDED)
        if spec.requirement is Requirement.CONDITIONAL:
            return Assessment(
                ItemStatus.MISSING,
                (
                    (
                        f"未提交（{spec.condition_zh}时须提交）",
                        f"Not provided (required {spec.condition_en or 'if applicable'})",
                    ),
                ),
            )
        return Assessment(ItemStatus.MISSING, (_missing_reason(spec),))
    if not all(f.checked for f in files):
        return Assessment(ItemStatus.UNCHECKED, (("材料正在检查", "The files are still being checked"),))
    reasons = [p for f in files for p in f.blocking]
    pages = sum(f.pages for f in files)
    if spec.sides == 2 and pages < 2:
        reasons.append(("须提交正反两面，只收到一面", "Both sides are required; only one was provided"))
    if reasons:
        return Assessment(ItemStatus.DEFECTIVE, tuple(_unique(reasons)))
    warnings = [p for f in files for p in f.warnings]
    if warnings:
        return Assessment(ItemStatus.NEEDS_REVIEW, tuple(_unique(warnings)))
    return Assessment(ItemStatus.OK)


def _missing_reason(spec: MaterialSpec) -> Problem:
    form = "原件" if spec.form == "original" else "复印件"
    sides = "（正反两面）" if spec.sides == 2 else ""
    return (f"未提交{form}{sides}", f"Not provided ({spec.form}{', both sides' if spec.sides == 2 else ''})")


def _unique(items: Sequence[Problem]) -> list[Problem]:
    return list(dict.fromkeys(items))


@dataclass(frozen=True)
class Item:
    material_id: str
    spec: MaterialSpec
    assessment: Assessment


@dataclass(frozen=True)
class Readiness:
    can_accept: bool
    can_accept_with_deficiency: bool
    can_notify: bool
    blockers: tuple[Problem, ...]  # why 受理 is not possible yet
    deficient: tuple[Item, ...]  # what a one-time notice lists / what 容缺受理 records as owed


def readiness(items: Sequence[Item], applicant_problems: Sequence[Problem]) -> Readiness:
    deficient = tuple(i for i in items if i.assessment.status in DEFICIENT)
    unchecked = [i for i in items if i.assessment.status is ItemStatus.UNCHECKED]
    blockers: list[Problem] = list(applicant_problems)
    if unchecked:
        blockers.append(("还有材料正在检查，请稍候", "Some files are still being checked"))
    for i in deficient:
        blockers.append(
            (
                f"{i.spec.name_zh}：{i.assessment.reasons[0][0]}" if i.assessment.reasons else i.spec.name_zh,
                f"{i.spec.name_en}: {i.assessment.reasons[0][1]}" if i.assessment.reasons else i.spec.name_en,
            )
        )
    settled = not applicant_problems and not unchecked
    return Readiness(
        can_accept=settled and not deficient,
        can_accept_with_deficiency=settled and bool(deficient) and all(i.spec.rongque for i in deficient),
        can_notify=bool(deficient),
        blockers=tuple(blockers),
        deficient=deficient,
    )
