"""Read side of intake: a case with its checklist assessed, as frozen views.

Takes an open Session so write operations can return the fresh view from inside their transaction.
The assessment is recomputed from the rows every time (it is cheap), so there is no stored status
per material that could drift from the files and findings it summarises.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import applicant as ap
from app.domain.catalogue import MaterialSpec
from app.domain.checklist import Assessment, Disposition, FileState, Item, Readiness, assess, readiness
from app.domain.masking import mask_applicant, mask_id
from app.domain.workdays import WorkdayCalendar
from app.services.catalogue import material_view, spec_from_json
from app.services.intake_views import (
    ApplicantView,
    CaseView,
    ChecklistItemView,
    FileView,
    FindingView,
    ReadinessView,
)
from app.store.models_intake import CaseFile, CaseFinding, CaseMaterial, IntakeCase


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def finding_view(f: CaseFinding) -> FindingView:
    return FindingView(
        f.id, f.check_id, f.severity, f.page, f.message_zh, f.message_en, f.measured, f.threshold, f.override_reason
    )


def file_view(f: CaseFile, findings: list[CaseFinding]) -> FileView:
    return FileView(
        f.id,
        f.material_id,
        f.original_name,
        f.sha256,
        f.size_bytes,
        f.position,
        f.source,
        f.check_state,
        f.detected_type,
        f.page_count,
        f.worst_severity,
        tuple(finding_view(x) for x in findings),
    )


def _where(f: CaseFinding, multi_file: bool, index: int) -> tuple[str, str]:
    zh = f"第 {index} 份" if multi_file else ""
    en = f"file {index}" if multi_file else ""
    if f.page is not None:
        zh += f"第 {f.page} 页"
        en += (", " if en else "") + f"page {f.page}"
    return (zh + "：" if zh else "", en.capitalize() + ": " if en else "")


def file_state(f: CaseFile, findings: list[CaseFinding], multi_file: bool, index: int) -> FileState:
    def message(x: CaseFinding) -> tuple[str, str]:
        zh, en = _where(x, multi_file, index)
        return (zh + x.message_zh, en + x.message_en)

    return FileState(
        checked=f.check_state == "done",
        pages=f.page_count or 0,
        blocking=tuple(message(x) for x in findings if x.severity == "block"),
        warnings=tuple(message(x) for x in findings if x.severity == "warn" and x.override_reason is None),
    )


def applicant_of(case: IntakeCase) -> ap.Applicant | None:
    if not case.applicant_name and not case.applicant_id_number:
        return None
    return ap.Applicant(
        kind=ap.ApplicantKind(case.applicant_kind),
        name=case.applicant_name,
        id_number=case.applicant_id_number,
        phone=case.contact_phone,
        address=case.contact_address,
        agent_name=case.agent_name,
        agent_id_number=case.agent_id_number,
        agent_authorised=case.agent_authorised,
    )


def applicant_view(a: ap.Applicant | None) -> ApplicantView | None:
    if a is None:
        return None
    masked = mask_applicant(a.name, a.kind is not ap.ApplicantKind.PERSON)
    return ApplicantView(
        str(a.kind),
        a.name,
        a.id_number,
        a.phone,
        a.address,
        a.agent_name,
        a.agent_id_number,
        a.agent_authorised,
        masked,
        mask_id(a.id_number),
    )


def applicant_problems(case: IntakeCase, today: date) -> list[tuple[str, str]]:
    a = applicant_of(case)
    if a is None:
        return [("请填写申请人信息", "Enter the applicant's details")]
    return ap.problems(a, today)


@dataclass(frozen=True)
class Assessed:
    """A case's checklist with rows, files and findings loaded once, for views and decisions."""

    materials: list[CaseMaterial]
    specs: dict[str, MaterialSpec]
    files: dict[str, list[CaseFile]]
    findings: dict[str, list[CaseFinding]]
    assessments: dict[str, Assessment]
    readiness: Readiness


def assess_case(s: Session, case: IntakeCase, today: date) -> Assessed:
    materials = list(
        s.scalars(select(CaseMaterial).where(CaseMaterial.case_id == case.id).order_by(CaseMaterial.position))
    )
    files: dict[str, list[CaseFile]] = defaultdict(list)
    for f in s.scalars(
        select(CaseFile)
        .where(CaseFile.case_id == case.id, CaseFile.removed.is_(False))
        .order_by(CaseFile.position, CaseFile.added_at)
    ):
        files[f.material_id].append(f)
    findings: dict[str, list[CaseFinding]] = defaultdict(list)
    for x in s.scalars(select(CaseFinding).where(CaseFinding.case_id == case.id)):
        findings[x.file_id].append(x)
    for group in findings.values():
        group.sort(key=lambda x: (x.page or 0, {"block": 0, "warn": 1}.get(x.severity, 2), x.check_id))
    specs = {m.id: spec_from_json(m.spec) for m in materials}
    assessments: dict[str, Assessment] = {}
    items: list[Item] = []
    for m in materials:
        mine = files.get(m.id, [])
        states = [file_state(f, findings.get(f.id, []), len(mine) > 1, i + 1) for i, f in enumerate(mine)]
        a = assess(specs[m.id], Disposition(m.disposition), states)
        assessments[m.id] = a
        items.append(Item(m.id, specs[m.id], a))
    return Assessed(materials, specs, files, findings, assessments, readiness(items, applicant_problems(case, today)))


def case_view(s: Session, case: IntakeCase, calendar: WorkdayCalendar, today: date) -> CaseView:
    data = assess_case(s, case, today)
    items = []
    for m in data.materials:
        a = data.assessments[m.id]
        items.append(
            ChecklistItemView(
                id=m.id,
                material=material_view(data.specs[m.id]),
                position=m.position,
                disposition=m.disposition,
                status=str(a.status),
                reasons_zh=tuple(r[0] for r in a.reasons),
                reasons_en=tuple(r[1] for r in a.reasons),
                owed=m.owed and m.supplied_at is None,
                files=tuple(file_view(f, data.findings.get(f.id, [])) for f in data.files.get(m.id, [])),
            )
        )
    r = data.readiness
    draft = case.status == "draft"
    return CaseView(
        id=case.id,
        status=case.status,
        receipt_number=case.receipt_number,
        title_zh=case.title_zh,
        title_en=case.title_en,
        matter_codes=tuple(case.matter_codes),
        bundle_code=case.bundle_code,
        department_zh=case.department_zh,
        matter_kind=case.matter_kind,
        promised_days=case.promised_days,
        fee_fen=case.fee_fen,
        catalogue_version=case.catalogue_version,
        ticket_id=case.ticket_id,
        ticket_number=case.ticket_number,
        window_number=case.window_number,
        applicant=applicant_view(applicant_of(case)),
        items=tuple(items),
        readiness=ReadinessView(
            can_accept=draft and r.can_accept,
            can_accept_with_deficiency=draft and r.can_accept_with_deficiency,
            can_notify=draft and r.can_notify,
            blockers_zh=tuple(b[0] for b in r.blockers),
            blockers_en=tuple(b[1] for b in r.blockers),
            promised_date_if_accepted=calendar.add_workdays(today, case.promised_days) if draft else None,
        ),
        decision=case.decision,
        decision_reason=case.decision_reason,
        decided_at=case.decided_at,
        promised_date=case.promised_date,
        deficiency_deadline=case.deficiency_deadline,
        created_at=case.created_at,
    )
