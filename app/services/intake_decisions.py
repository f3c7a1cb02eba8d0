"""Intake decisions: 受理, 容缺受理, 不予受理, and the one-time notice (一次性告知书).

Each decision re-assesses the checklist inside its own transaction, so what is decided is exactly
what was on record at that moment, and takes its number from the gapless per-day counter in the
same transaction: a receipt number is never skipped, never given twice.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cases import (
    CaseStatus,
    Decision,
    decision_status,
    notice_number,
    receipt_number,
    receipt_qr_payload,
)
from app.domain.errors import RuleViolation
from app.domain.masking import mask_applicant, mask_id
from app.domain.notice_wording import FindingFact, citizen_reasons, missing_action
from app.domain.roles import Permission
from app.domain.settings_schema import HallSettings
from app.domain.workdays import WorkdayCalendar
from app.services import intake_read as rd
from app.services.auth import authorise
from app.services.case_store import (
    NOTICE_SERIES,
    RECEIPT_SERIES,
    add_event,
    load_case,
    local_day,
    next_number,
    set_status,
    staff_name,
)
from app.services.clock import Clock
from app.services.hall import load_hall
from app.services.intake_views import CaseView, NoticeItemView, NoticeView, ReceiptView
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Hall
from app.store.models_intake import CaseMaterial, CaseNotice, IntakeCase

log = logging.getLogger("onewindow.intake")

MIN_REASON_CHARS = 4


def requirement_zh(spec: dict[str, object]) -> str:
    form = "原件" if spec.get("form") == "original" else "复印件"
    sides = "（正反两面）" if spec.get("sides") == 2 else ""
    colour = "，须彩色" if spec.get("colour_required") else ""
    return f"{form} {spec.get('count', 1)} 份{sides}{colour}"


class DecisionService:
    def __init__(self, db: Database, calendar: WorkdayCalendar, clock: Clock, hall_code: str | None) -> None:
        self.db, self.calendar, self.clock, self.hall_code = db, calendar, clock, hall_code

    def accept(self, case_id: str, actor: StaffView | None) -> ReceiptView:
        with self.db.write() as s:
            hall, case, today, staff_id = self._draft(s, case_id, actor)
            data = rd.assess_case(s, case, today)
            if not data.readiness.can_accept:
                raise _not_ready(data.readiness.blockers)
            self._decide(s, hall, case, today, Decision.ACCEPT, staff_id)
            return self._receipt(s, hall, case)

    def accept_with_deficiency(self, case_id: str, deadline: date | None, actor: StaffView | None) -> ReceiptView:
        with self.db.write() as s:
            hall, case, today, staff_id = self._draft(s, case_id, actor)
            data = rd.assess_case(s, case, today)
            r = data.readiness
            if not r.can_accept_with_deficiency:
                if r.can_accept:
                    raise RuleViolation(
                        "材料已齐全，请直接受理", "All materials are in order: accept the case normally"
                    )
                not_allowed = [i.spec.name_zh for i in r.deficient if not i.spec.rongque]
                if not_allowed:
                    raise RuleViolation(
                        "以下材料不允许容缺，须补齐后受理：" + "、".join(not_allowed),
                        "These materials cannot be owed under 容缺 and must be supplied first: "
                        + ", ".join(i.spec.name_en for i in r.deficient if not i.spec.rongque),
                    )
                raise _not_ready(r.blockers)
            days = HallSettings.of(hall.settings).rongque_days
            deadline = deadline or self.calendar.add_workdays(today, days)
            if deadline <= today:
                raise RuleViolation(
                    "容缺材料的补交期限须晚于今天", "The deadline for the owed materials must be after today"
                )
            owed = {i.material_id for i in r.deficient}
            for m in data.materials:
                m.owed = m.id in owed
            case.deficiency_deadline, case.deficiency_open = deadline, True
            self._decide(
                s,
                hall,
                case,
                today,
                Decision.ACCEPT_WITH_DEFICIENCY,
                staff_id,
                {"owed": sorted(data.specs[i].key for i in owed), "deadline": deadline.isoformat()},
            )
            return self._receipt(s, hall, case)

    def refuse(self, case_id: str, reason: str, actor: StaffView | None) -> CaseView:
        reason = (reason or "").strip()
        if len(reason) < MIN_REASON_CHARS:
            raise RuleViolation(
                f"请填写不予受理的理由（至少 {MIN_REASON_CHARS} 个字）",
                f"Give the reason for refusing (at least {MIN_REASON_CHARS} characters)",
            )
        with self.db.write() as s:
            hall, case, today, staff_id = self._draft(s, case_id, actor)
            case.decision_reason = reason[:2000]
            self._decide(s, hall, case, today, Decision.REFUSE, staff_id, {"reason": reason[:2000]})
            s.flush()
            return rd.case_view(s, case, self.calendar, today)

    def _decide(
        self,
        s: Session,
        hall: Hall,
        case: IntakeCase,
        today: date,
        decision: Decision,
        staff_id: str | None,
        detail: dict[str, object] | None = None,
    ) -> None:
        now = self.clock()
        case.receipt_number = receipt_number(hall.code, today, next_number(s, hall.id, today, RECEIPT_SERIES))
        case.decision, case.decided_at = str(decision), now
        case.staff_id = staff_id or case.staff_id
        if decision is not Decision.REFUSE:
            case.promised_date = self.calendar.add_workdays(today, case.promised_days)
            case.legal_date = self.calendar.add_workdays(today, case.legal_days)
        set_status(
            s,
            case,
            str(decision_status(decision)),
            now,
            kind=str(decision),
            staff_id=staff_id,
            role="clerk",
            detail={"receipt": case.receipt_number, **(detail or {})},
        )
        log.info("case %s: %s", case.receipt_number, decision)

    # ---- one-time notice ---------------------------------------------------------------------------------

    def issue_notice(self, case_id: str, actor: StaffView | None, end_intake: bool) -> NoticeView:
        """Number and record a one-time notice listing every missing or defective material."""
        with self.db.write() as s:
            hall, case, today, staff_id = self._draft(s, case_id, actor)
            data = rd.assess_case(s, case, today)
            if not data.readiness.can_notify:
                raise RuleViolation(
                    "材料没有缺失或问题，无需一次性告知", "Nothing is missing or defective: no notice needed"
                )
            items = []
            for item in data.readiness.deficient:
                row = next(m for m in data.materials if m.id == item.material_id)
                facts = [
                    FindingFact(x.check_id, x.severity, x.override_reason is not None)
                    for f in data.files.get(row.id, [])
                    for x in data.findings.get(f.id, [])
                ]
                need = requirement_zh(row.spec)
                missing = missing_action(item.spec.name_zh, item.spec.name_en, need)
                reasons = citizen_reasons(str(item.assessment.status), facts, missing)
                if not reasons:
                    continue  # only the scan is at fault: the clerk scans again, the citizen does nothing
                items.append(
                    {
                        "material_zh": item.spec.name_zh,
                        "material_en": item.spec.name_en,
                        "requirement_zh": need,
                        "reasons_zh": [r[0] for r in reasons],
                        "reasons_en": [r[1] for r in reasons],
                    }
                )
            if not items:
                raise RuleViolation(
                    "剩下的问题都是扫描质量问题：请重新扫描，无需出具告知书",
                    "What is left are scan faults: scan again; no notice is needed",
                )
            now = self.clock()
            notice = CaseNotice(
                hall_id=hall.id,
                case_id=case.id,
                number=notice_number(hall.code, today, next_number(s, hall.id, today, NOTICE_SERIES)),
                issued_at=now,
                staff_id=staff_id,
                items=items,
            )
            s.add(notice)
            detail = {"notice": notice.number, "items": len(items)}
            if end_intake:
                set_status(
                    s,
                    case,
                    str(CaseStatus.NOTIFIED),
                    now,
                    kind="notice_issued",
                    staff_id=staff_id,
                    role="clerk",
                    detail=detail,
                )
            else:
                add_event(s, case, "notice_issued", now, staff_id=staff_id, detail=detail)
            s.flush()
            return self._notice_view(s, hall, case, notice)

    def end_after_notice(self, case_id: str, actor: StaffView | None) -> CaseView:
        """The citizen leaves with the notice to gather the materials: intake ends (已一次性告知)."""
        with self.db.write() as s:
            hall, case, today, staff_id = self._draft(s, case_id, actor)
            if s.scalars(select(CaseNotice.id).where(CaseNotice.case_id == case.id)).first() is None:
                raise RuleViolation("请先出具一次性告知书", "Issue the one-time notice first")
            set_status(
                s, case, str(CaseStatus.NOTIFIED), self.clock(), kind="intake_ended", staff_id=staff_id, role="clerk"
            )
            s.flush()
            return rd.case_view(s, case, self.calendar, today)

    def latest_notice(self, case_id: str) -> NoticeView | None:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            case = load_case(s, hall, case_id)
            notice = s.scalars(
                select(CaseNotice).where(CaseNotice.case_id == case.id).order_by(CaseNotice.issued_at.desc())
            ).first()
            return self._notice_view(s, hall, case, notice) if notice else None

    def _notice_view(self, s: Session, hall: Hall, case: IntakeCase, notice: CaseNotice) -> NoticeView:
        return NoticeView(
            case_id=case.id,
            number=notice.number,
            hall_name=hall.name_zh,
            hall_timezone=hall.timezone,
            title_zh=case.title_zh,
            matters_zh=self._matter_names(case),
            applicant_masked=_applicant_masked(case),
            issued_at=notice.issued_at,
            items=tuple(
                NoticeItemView(
                    i["material_zh"],
                    i["material_en"],
                    i["requirement_zh"],
                    tuple(i["reasons_zh"]),
                    tuple(i["reasons_en"]),
                )
                for i in notice.items
            ),
            window_number=case.window_number,
            staff_name=staff_name(s, notice.staff_id),
            hall_phone=HallSettings.of(hall.settings).phone,
            promised_days=case.promised_days,
            legal_days=case.legal_days,
            immediate=case.matter_kind == "immediate",
        )

    # ---- receipt -----------------------------------------------------------------------------------------

    def receipt(self, case_id: str) -> ReceiptView:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            case = load_case(s, hall, case_id)
            if case.decision not in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY):
                raise RuleViolation("这个办件没有受理，没有受理回执", "This case was not accepted: there is no receipt")
            return self._receipt(s, hall, case)

    def _receipt(self, s: Session, hall: Hall, case: IntakeCase) -> ReceiptView:
        s.flush()
        assert case.receipt_number is not None and case.decided_at is not None and case.decision is not None
        owed = s.scalars(
            select(CaseMaterial)
            .where(CaseMaterial.case_id == case.id, CaseMaterial.owed.is_(True))
            .order_by(CaseMaterial.position)
        ).all()
        return ReceiptView(
            case_id=case.id,
            receipt_number=case.receipt_number,
            hall_code=hall.code,
            hall_name=hall.name_zh,
            hall_timezone=hall.timezone,
            title_zh=case.title_zh,
            matters_zh=self._matter_names(case),
            department_zh=case.department_zh,
            applicant_masked=_applicant_masked(case),
            applicant_id_masked=mask_id(case.applicant_id_number),
            decision=case.decision,
            accepted_at=case.decided_at,
            promised_date=case.promised_date,
            matter_kind=case.matter_kind,
            fee_fen=case.fee_fen,
            owed_zh=tuple(str(m.spec.get("name_zh", m.key)) for m in owed),
            deficiency_deadline=case.deficiency_deadline,
            window_number=case.window_number,
            staff_name=staff_name(s, case.staff_id),
            qr_payload=receipt_qr_payload(case.receipt_number),
            hall_phone=HallSettings.of(hall.settings).phone,
        )

    @staticmethod
    def _matter_names(case: IntakeCase) -> tuple[str, ...]:
        return tuple(str(n) for n in case.matter_names) or (case.title_zh,)

    def _draft(self, s: Session, case_id: str, actor: StaffView | None) -> tuple[Hall, IntakeCase, date, str]:
        """The draft case, locked, and the acting clerk's id once the role is checked (in this transaction)."""
        hall = load_hall(s, self.hall_code)
        staff_id = authorise(s, hall, actor, Permission.CASE_INTAKE).id
        case = load_case(s, hall, case_id, lock=True)
        if case.status != CaseStatus.DRAFT:
            raise RuleViolation("这个办件已经作出决定", "A decision has already been made on this case")
        return hall, case, local_day(hall, self.clock()), staff_id


def _applicant_masked(case: IntakeCase) -> str:
    return mask_applicant(case.applicant_name, case.applicant_kind == "company")


def _not_ready(blockers: tuple[tuple[str, str], ...]) -> RuleViolation:
    return RuleViolation(
        "还不能受理：" + "；".join(b[0] for b in blockers[:6]) + ("……" if len(blockers) > 6 else ""),
        "Cannot accept yet: " + "; ".join(b[1] for b in blockers[:6]) + ("..." if len(blockers) > 6 else ""),
    )
