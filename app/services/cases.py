"""After intake: the back office moves cases through review, the window takes owed materials and hands
results out (出件), and anyone can see which cases run late (超期).

Until the central server exists this runs against the hall database with the reviewer role; the
rules (app.domain.cases.TRANSITIONS) are the same ones the central back office will apply.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.applicant import ApplicantKind, normalise_id
from app.domain.calendar import service_day
from app.domain.cases import (
    CONCLUDED,
    OPEN,
    CaseStatus,
    Role,
    check_role_may_move_to,
    check_transition,
    is_overdue,
    next_statuses,
    receipt_reference,
)
from app.domain.checklist import ItemStatus
from app.domain.errors import NotFoundError, RuleViolation
from app.domain.masking import id_tail_matches, mask_applicant, mask_id
from app.domain.roles import Permission
from app.services import intake_read as rd
from app.services.auth import Actor, acting_staff, authorise, role_of
from app.services.case_store import add_event, load_case, local_day, set_status, staff_name
from app.services.hall import load_hall
from app.services.intake_views import CaseEventView, CaseProgressView, CaseRow
from app.services.workday_service import WorkdayService
from app.store.models import Hall
from app.store.models_intake import CaseEvent, CaseMaterial, IntakeCase

log = logging.getLogger("onewindow.cases")

AFTER_INTAKE = tuple(str(s) for s in CaseStatus if s not in (CaseStatus.DRAFT,))


class CaseService(WorkdayService):
    # ---- lists -------------------------------------------------------------------------------------------

    def list_cases(
        self,
        statuses: Iterable[str] | None = None,
        *,
        overdue_only: bool = False,
        role: str = Role.REVIEWER,
        limit: int = 500,
    ) -> list[CaseRow]:
        """Cases after intake, the most urgent first (earliest promised date; undated ones last)."""
        wanted = tuple(statuses) if statuses is not None else AFTER_INTAKE
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            rows = s.scalars(
                select(IntakeCase)
                .where(IntakeCase.hall_id == hall.id, IntakeCase.status.in_(wanted))
                .order_by(IntakeCase.promised_date.is_(None), IntakeCase.promised_date, IntakeCase.decided_at)
                .limit(limit)
            ).all()
            out = [self._row(hall, c, Role(role)) for c in rows]
        return [r for r in out if r.overdue] if overdue_only else out

    def _row(self, hall: Hall, c: IntakeCase, role: Role) -> CaseRow:
        today = local_day(hall, self.clock())
        status = CaseStatus(c.status)
        concluded_on = service_day(c.concluded_at, hall.timezone) if c.concluded_at else None
        left = None
        if c.promised_date is not None and status in OPEN:
            left = self.calendar.workdays_between(today, c.promised_date)
        return CaseRow(
            id=c.id,
            receipt_number=c.receipt_number,
            title_zh=c.title_zh,
            department_zh=c.department_zh,
            applicant_masked=mask_applicant(c.applicant_name, c.applicant_kind == "company"),
            status=c.status,
            decided_at=c.decided_at,
            promised_date=c.promised_date,
            deficiency_deadline=c.deficiency_deadline,
            deficiency_open=c.deficiency_open,
            overdue=is_overdue(status, c.promised_date, today, concluded_on),
            workdays_left=left,
            next_statuses=tuple(str(x) for x in next_statuses(status, role)),
        )

    def row(self, case_id: str, role: str = Role.REVIEWER) -> CaseRow:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return self._row(hall, load_case(s, hall, case_id), Role(role))

    def case_id(self, receipt_number: str) -> str:
        """The case with this receipt number (H023-20261122-0042), for the command line."""
        number = receipt_reference(receipt_number)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            found = s.scalar(
                select(IntakeCase.id).where(IntakeCase.hall_id == hall.id, IntakeCase.receipt_number == number)
            )
            if found is None:
                raise NotFoundError(f"没有受理编号为 {number} 的办件", f"No case with receipt number {number}")
            return str(found)

    def history(self, case_id: str) -> list[CaseEventView]:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            case = load_case(s, hall, case_id)
            events = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.at)).all()
            return [
                CaseEventView(
                    e.kind, e.at, staff_name(s, e.staff_id) or None, e.role, e.from_status, e.to_status, dict(e.detail)
                )
                for e in events
            ]

    # ---- moves -------------------------------------------------------------------------------------------

    def move(self, case_id: str, target: str, *, actor: Actor, note: str = "") -> CaseRow:
        """Move a case to `target` if the life cycle and the actor's role (read from the database) allow it."""
        try:
            target_status = CaseStatus(target)
        except ValueError:
            known = ", ".join(x.value for x in CaseStatus)
            raise RuleViolation(
                f"未知的办件状态“{target}”", f"Unknown case status '{target}' (one of: {known})"
            ) from None
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = acting_staff(s, hall, actor)
            staff_id, who = staff.id, role_of(staff)
            check_role_may_move_to(target_status, who)  # the role first: "no permission" before any status rule
            case = load_case(s, hall, case_id, lock=True)
            current = CaseStatus(case.status)
            if target_status is CaseStatus.DELIVERED:
                raise RuleViolation(
                    "出件须核验领取人身份，请使用“出件”", "Handing out needs an identity check: use deliver"
                )
            check_transition(current, target_status, who)
            if target_status is CaseStatus.APPROVED and case.deficiency_open:
                raise RuleViolation("容缺材料尚未补齐，不能准予办结", "Materials owed under 容缺 are still missing")
            if target_status is CaseStatus.NEEDS_SUPPLEMENT and len(note.strip()) < 4:
                raise RuleViolation("请写明需要补正的内容", "Say what needs to be supplemented")
            now = self.clock()
            if target_status in CONCLUDED and case.concluded_at is None:
                case.concluded_at = now
            set_status(
                s,
                case,
                str(target_status),
                now,
                kind="status",
                staff_id=staff_id,
                role=str(who),
                detail={"note": note.strip()[:1000]} if note.strip() else None,
            )
            s.flush()
            log.info("case %s: %s -> %s (%s)", case.receipt_number, current, target_status, who)
            return self._row(hall, case, who)

    def supply_owed(self, case_id: str, material_id: str, *, actor: Actor) -> CaseRow:
        """Record that a material owed under 容缺 is now in order (its files attached and checked)."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff_id = authorise(s, hall, actor, Permission.CASE_INTAKE).id
            case = load_case(s, hall, case_id, lock=True)
            material = s.get(CaseMaterial, material_id)
            if material is None or material.case_id != case.id or not material.owed:
                raise NotFoundError("这项材料不在容缺补交清单中", "This material is not owed under 容缺")
            if material.supplied_at is not None:
                return self._row(hall, case, Role.CLERK)
            status = rd.assess_case(s, case, local_day(hall, self.clock())).assessments[material.id].status
            if status not in (ItemStatus.OK, ItemStatus.NOT_NEEDED):
                raise RuleViolation("补交的材料还没有通过检查", "The supplied material has not passed the checks yet")
            now = self.clock()
            material.supplied_at = now
            s.flush()
            still_owed = s.scalars(
                select(CaseMaterial).where(
                    CaseMaterial.case_id == case.id, CaseMaterial.owed.is_(True), CaseMaterial.supplied_at.is_(None)
                )
            ).first()
            case.deficiency_open = still_owed is not None
            add_event(
                s,
                case,
                "owed_supplied",
                now,
                staff_id=staff_id,
                detail={"material": material.key, "all_supplied": not case.deficiency_open},
            )
            return self._row(hall, case, Role.CLERK)

    def deliver(self, case_id: str, presented_id: str, *, actor: Actor) -> CaseRow:
        """出件: hand the result out at the window to the applicant or their agent, identity checked."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff = authorise(s, hall, actor, Permission.CASE_INTAKE)
            staff_id = staff.id
            case = load_case(s, hall, case_id, lock=True)
            check_transition(CaseStatus(case.status), CaseStatus.DELIVERED, Role.CLERK)
            who = self._collector(case, presented_id)
            now = self.clock()
            case.delivered_at = now
            set_status(
                s,
                case,
                str(CaseStatus.DELIVERED),
                now,
                kind="delivered",
                staff_id=staff_id,
                role=staff.role,
                detail={"collected_by": who, "id": mask_id(presented_id.strip())},
            )
            return self._row(hall, case, Role.CLERK)

    @staticmethod
    def _collector(case: IntakeCase, presented: str) -> str:
        given = normalise_id(ApplicantKind.PERSON, presented.strip())
        if case.applicant_kind == "person" and given == case.applicant_id_number:
            return "applicant"
        if case.agent_id_number and given == case.agent_id_number:
            return "agent"
        raise RuleViolation(
            "领取人身份证与申请人或代理人不符，不能出件", "The ID presented is neither the applicant's nor the agent's"
        )

    # ---- citizen-facing ----------------------------------------------------------------------------------

    def progress(self, receipt_number: str, id_last4: str) -> CaseProgressView:
        """For the kiosk and status queries: the receipt number plus the last 4 ID characters."""
        number = receipt_reference(receipt_number)
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            case = s.scalars(
                select(IntakeCase).where(IntakeCase.hall_id == hall.id, IntakeCase.receipt_number == number)
            ).first()
            if case is None or not id_tail_matches(id_last4, case.applicant_id_number, case.agent_id_number):
                # One message for both, so the query cannot be used to find out which numbers exist.
                raise NotFoundError(
                    "未查到办件，请核对受理编号和证件号后四位",
                    "No case found: check the receipt number and the last 4 ID characters",
                )
            return self._progress(s, hall, case)

    def _progress(self, s: Session, hall: Hall, case: IntakeCase) -> CaseProgressView:
        row = self._row(hall, case, Role.CLERK)
        return CaseProgressView(
            receipt_number=case.receipt_number or "",
            title_zh=case.title_zh,
            title_en=case.title_en,
            status=case.status,
            applicant_masked=row.applicant_masked,
            accepted_at=case.decided_at,
            promised_date=case.promised_date,
            overdue=row.overdue,
            id_masked=mask_id(case.applicant_id_number),
        )
