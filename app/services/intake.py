"""Intake at the window (一窗受理): start a case, the applicant, the checklist, attached files, findings.

Each call is one transaction and returns a fresh CaseView. Decisions (受理 / 容缺受理 / 不予受理 /
一次性告知) live in app.services.intake_decisions and are reached through this class too.
The checks themselves do not run here: attach_file returns a CheckJob that the UI runs in a process
pool (app.services.intake_checks.run_check_job) and hands back through record_check, so the hall
database is never held while pixels are analysed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import applicant as ap
from app.domain.calendar import service_day
from app.domain.catalogue import (
    Bundle,
    MaterialSpec,
    Matter,
    Requirement,
    agent_materials,
    combine,
    merge_materials,
)
from app.domain.checklist import Disposition, check_disposition
from app.domain.errors import UserError
from app.domain.masking import mask_id
from app.domain.roles import Permission
from app.domain.workdays import WorkdayCalendar
from app.services import intake_read as rd
from app.services.auth import authorise
from app.services.blobs import BlobStore, hall_blob_store
from app.services.case_store import add_event, local_day
from app.services.catalogue import CatalogueService, hall_calendar, resolve, spec_from_json, spec_to_json
from app.services.clock import Clock, system_clock
from app.services.hall import load_hall
from app.services.intake_decisions import DecisionService
from app.services.intake_files import IntakeFiles
from app.services.intake_views import CaseView, NoticeView, ReceiptView
from app.services.views import StaffView
from app.store.database import Database
from app.store.models_intake import CaseFile, CaseMaterial, IntakeCase

log = logging.getLogger("onewindow.intake")

AGENT_KEYS = frozenset(m.key for m in agent_materials())


def default_blob_store() -> BlobStore:
    return hall_blob_store()


def _combined_columns(matters: Sequence[Matter], bundle: Bundle | None) -> dict[str, object]:
    """The case's columns that follow from what is applied for: one list for starting a case and for changing it."""
    facts = combine(matters, bundle)
    return {**asdict(facts), "matter_kind": str(facts.matter_kind)}


class IntakeService(IntakeFiles):
    def __init__(
        self,
        db: Database,
        catalogue: CatalogueService,
        *,
        blobs: BlobStore | None = None,
        calendar: WorkdayCalendar | None = None,
        clock: Clock = system_clock,
        hall_code: str | None = None,
    ) -> None:
        self.db, self.catalogue, self.clock, self.hall_code = db, catalogue, clock, hall_code
        self.blobs = blobs or default_blob_store()
        self.calendar = calendar or hall_calendar(db, hall_code)
        self.decisions = DecisionService(db, self.calendar, clock, hall_code)
        # Read with the calendar, when the service is built: the intake screen asks for today on every keystroke
        # (its ID and deadline checks), on the GUI thread, and must not wait on the database there.
        self._timezone: str | None = None
        try:
            self._timezone = self._hall_timezone()
        except UserError:
            pass  # no hall yet (the service built before `hall init`): read at the first call instead

    def _hall_timezone(self) -> str:
        with self.db.read() as s:
            return load_hall(s, self.hall_code).timezone

    def today(self) -> date:
        """The hall's service day now."""
        if self._timezone is None:
            self._timezone = self._hall_timezone()
        return service_day(self.clock(), self._timezone)

    # ---- starting a case ---------------------------------------------------------------------------------

    def start_case(
        self,
        matter_codes: Sequence[str] = (),
        bundle_code: str | None = None,
        *,
        ticket_id: str | None = None,
        window_number: int | None = None,
        actor: StaffView | None,
    ) -> CaseView:
        """A new draft case at the window, by a clerk or supervisor (role checked here)."""
        version = self.catalogue.current_number()
        c = self.catalogue.catalogue(version)
        matters, form = resolve(c, matter_codes, bundle_code)
        bundle = c.bundle(bundle_code) if bundle_code else None
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff_id = authorise(s, hall, actor, Permission.CASE_INTAKE).id
            now = self.clock()
            ticket = self._ticket(s, hall, ticket_id) if ticket_id else None
            case = IntakeCase(
                hall_id=hall.id,
                service_day=local_day(hall, now),
                catalogue_version=version,
                matter_codes=[m.code for m in matters],
                matter_names=[m.name_zh for m in matters],
                bundle_code=bundle.code if bundle else None,
                **_combined_columns(matters, bundle),
                ticket_id=ticket.id if ticket else None,
                ticket_number=f"{ticket.prefix}{ticket.number:03d}" if ticket else None,
                window_number=window_number,
                staff_id=staff_id,
                status="draft",
                status_changed_at=now,
                created_at=now,
            )
            s.add(case)
            s.flush()
            self._sync_materials(s, case, merge_materials(matters, form))
            add_event(
                s,
                case,
                "started",
                now,
                staff_id=staff_id,
                to_status="draft",
                detail={"matters": case.matter_codes, "bundle": case.bundle_code, "catalogue": version},
            )
            s.flush()
            return rd.case_view(s, case, self.calendar, case.service_day)

    def change_matters(
        self, case_id: str, matter_codes: Sequence[str], bundle_code: str | None = None, *, actor: StaffView | None
    ) -> CaseView:
        """Change what is applied for during intake; materials with files attached are never dropped."""
        with self.db.write() as s:
            hall, case = self._draft(s, case_id, actor)
            c = self.catalogue.catalogue(case.catalogue_version)
            matters, form = resolve(c, matter_codes, bundle_code)
            bundle = c.bundle(bundle_code) if bundle_code else None
            case.matter_codes = [m.code for m in matters]
            case.matter_names = [m.name_zh for m in matters]
            case.bundle_code = bundle.code if bundle else None
            for column, value in _combined_columns(matters, bundle).items():
                setattr(case, column, value)
            specs = merge_materials(matters, form)
            if case.agent_name or case.agent_id_number:
                specs += agent_materials()
            self._sync_materials(s, case, specs)
            add_event(s, case, "matters_changed", self.clock(), detail={"matters": case.matter_codes})
            return self._view(s, hall, case)

    def _sync_materials(self, s: Session, case: IntakeCase, specs: Sequence[MaterialSpec]) -> None:
        existing = {m.key: m for m in s.scalars(select(CaseMaterial).where(CaseMaterial.case_id == case.id))}
        wanted = {spec.key for spec in specs}
        for position, spec in enumerate(specs):
            row = existing.get(spec.key)
            if row is None:
                s.add(
                    CaseMaterial(
                        hall_id=case.hall_id, case_id=case.id, key=spec.key, position=position, spec=spec_to_json(spec)
                    )
                )
            else:
                row.position, row.spec = position, spec_to_json(spec)
        tail = len(specs)
        for key, row in existing.items():
            if key in wanted:
                continue
            has_files = s.scalar(select(func.count()).where(CaseFile.material_id == row.id)) or 0
            if has_files:
                # Keep what the citizen handed in, as an optional extra at the end of the list.
                row.spec = spec_to_json(replace(spec_from_json(row.spec), requirement=Requirement.OPTIONAL))
                row.position, tail = tail, tail + 1
            else:
                s.delete(row)

    # ---- applicant and materials -------------------------------------------------------------------------

    def set_applicant(self, case_id: str, applicant: ap.Applicant, *, actor: StaffView | None) -> CaseView:
        with self.db.write() as s:
            hall, case = self._draft(s, case_id, actor)
            valid = ap.validate(applicant, local_day(hall, self.clock()))
            had_agent = bool(case.agent_name or case.agent_id_number)
            case.applicant_kind, case.applicant_name, case.applicant_id_number = (
                str(valid.kind),
                valid.name,
                valid.id_number,
            )
            case.contact_phone, case.contact_address = valid.phone, valid.address
            case.agent_name, case.agent_id_number = valid.agent_name, valid.agent_id_number
            case.agent_authorised = valid.agent_authorised if valid.has_agent else False
            if valid.has_agent != had_agent:
                self._agent_materials(s, case, valid.has_agent)
            add_event(
                s,
                case,
                "applicant_set",
                self.clock(),
                detail={"kind": case.applicant_kind, "id": mask_id(valid.id_number), "agent": valid.has_agent},
            )
            return self._view(s, hall, case)

    def _agent_materials(self, s: Session, case: IntakeCase, present: bool) -> None:
        rows = {m.key: m for m in s.scalars(select(CaseMaterial).where(CaseMaterial.case_id == case.id))}
        if present:
            last = max((m.position for m in rows.values()), default=-1)
            for i, spec in enumerate(agent_materials()):
                if spec.key not in rows:
                    s.add(
                        CaseMaterial(
                            hall_id=case.hall_id,
                            case_id=case.id,
                            key=spec.key,
                            position=last + 1 + i,
                            spec=spec_to_json(spec),
                        )
                    )
            return
        for key in AGENT_KEYS & rows.keys():
            if not s.scalar(select(func.count()).where(CaseFile.material_id == rows[key].id)):
                s.delete(rows[key])

    def set_disposition(
        self, case_id: str, material_id: str, disposition: str, *, actor: StaffView | None
    ) -> CaseView:
        """免提交 (verified e-licence), 告知承诺 (signed commitment), not applicable, or back to pending."""
        with self.db.write() as s:
            hall, case = self._draft(s, case_id, actor)
            row = self._material(s, case, material_id)
            check_disposition(spec_from_json(row.spec), Disposition(disposition))
            row.disposition = disposition
            add_event(
                s,
                case,
                "disposition",
                self.clock(),
                staff_id=actor.id if actor is not None else None,
                detail={"material": row.key, "disposition": disposition},
            )
            return self._view(s, hall, case)

    # ---- decisions (see intake_decisions) ----------------------------------------------------------------

    # Each takes the acting clerk (login + PIN); the role is checked in the decision's own transaction.

    def accept(self, case_id: str, actor: StaffView | None) -> ReceiptView:
        return self.decisions.accept(case_id, actor)

    def accept_with_deficiency(
        self, case_id: str, deadline: date | None = None, *, actor: StaffView | None
    ) -> ReceiptView:
        return self.decisions.accept_with_deficiency(case_id, deadline, actor)

    def refuse(self, case_id: str, reason: str, actor: StaffView | None) -> CaseView:
        return self.decisions.refuse(case_id, reason, actor)

    def issue_notice(self, case_id: str, actor: StaffView | None, end_intake: bool = False) -> NoticeView:
        return self.decisions.issue_notice(case_id, actor, end_intake)

    def end_after_notice(self, case_id: str, actor: StaffView | None) -> CaseView:
        return self.decisions.end_after_notice(case_id, actor)

    def receipt(self, case_id: str) -> ReceiptView:
        return self.decisions.receipt(case_id)
