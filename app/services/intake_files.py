"""Files attached to a case during intake: copy in, record check results, override, remove, reorder.

Part of IntakeService (app.services.intake), split out to keep modules small. The checks themselves
run elsewhere (app.services.intake_checks, in a worker process); this only records what they found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError, RuleViolation
from app.domain.roles import Permission
from app.domain.settings_schema import HallSettings
from app.domain.workdays import WorkdayCalendar
from app.services import intake_read as rd
from app.services.auth import authorise
from app.services.blobs import BlobStore
from app.services.case_store import add_event, load_case, local_day
from app.services.catalogue import spec_from_json
from app.services.clock import Clock
from app.services.hall import load_hall
from app.services.intake_views import AttachResult, CaseView, CheckJob
from app.services.views import StaffView
from app.store.database import Database
from app.store.models import Hall, Ticket
from app.store.models_intake import CaseFile, CaseFinding, CaseMaterial, IntakeCase

MAX_IMPORT_BYTES = 1024 * 2**20  # refuse to copy more than 1 GiB; the checks flag anything above their own limit
MIN_REASON_CHARS = 4
OPEN_AFTER_INTAKE = ("received", "with_department", "in_review", "needs_supplement")


class IntakeBase:
    """State and guards shared by the parts of IntakeService."""

    db: Database
    blobs: BlobStore
    calendar: WorkdayCalendar
    clock: Clock
    hall_code: str | None

    # ---- reading -----------------------------------------------------------------------------------------

    def case_view(self, case_id: str) -> CaseView:
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            return self._view(s, hall, load_case(s, hall, case_id))

    def blob_path(self, sha256: str) -> Path:
        return self.blobs.path_for(sha256)

    def _view(self, s: Session, hall: Hall, case: IntakeCase) -> CaseView:
        s.flush()
        return rd.case_view(s, case, self.calendar, local_day(hall, self.clock()))

    # ---- guards ------------------------------------------------------------------------------------------

    def _ticket(self, s: Session, hall: Hall, ticket_id: str) -> Ticket:
        t = s.get(Ticket, ticket_id)
        if t is None or t.hall_id != hall.id:
            raise NotFoundError("没有找到这个号", "No such ticket")
        if t.status not in ("called", "serving"):
            raise RuleViolation("只能为正在办理的号受理办件", "Intake starts from the ticket being served")
        return t

    def _draft(self, s: Session, case_id: str, actor: StaffView | None) -> tuple[Hall, IntakeCase]:
        """The draft case, once the actor's role (clerk or supervisor) is checked in this transaction."""
        hall = load_hall(s, self.hall_code)
        authorise(s, hall, actor, Permission.CASE_INTAKE)
        case = load_case(s, hall, case_id)
        if case.status != "draft":
            raise RuleViolation("办件已作出受理决定，不能再修改", "The case has been decided and cannot be changed")
        return hall, case

    def _editable(
        self, s: Session, case_id: str, material_id: str, actor: StaffView | None
    ) -> tuple[Hall, IntakeCase]:
        """Files may change during intake, and afterwards only for materials owed under 容缺 (role checked)."""
        hall = load_hall(s, self.hall_code)
        authorise(s, hall, actor, Permission.CASE_INTAKE)
        case = load_case(s, hall, case_id)
        if case.status == "draft":
            return hall, case
        m = self._material(s, case, material_id)
        if m.owed and m.supplied_at is None and case.status in OPEN_AFTER_INTAKE:
            return hall, case
        raise RuleViolation("办件已作出受理决定，不能再修改材料", "The case has been decided: its files cannot change")

    @staticmethod
    def _material(s: Session, case: IntakeCase, material_id: str) -> CaseMaterial:
        m = s.get(CaseMaterial, material_id)
        if m is None or m.case_id != case.id:
            raise NotFoundError("没有找到这项材料", "No such material in this case")
        return m


class IntakeFiles(IntakeBase):
    def attach_file(
        self, case_id: str, material_id: str, source: Path, *, origin: str = "import", actor: StaffView | None
    ) -> AttachResult:
        """Copy the file into the blob store, then record it; returns the check to run on it."""
        with self.db.read() as s:
            hall, case = self._editable(s, case_id, material_id, actor)
        blob = self.blobs.put_file(Path(source), MAX_IMPORT_BYTES)  # outside the write transaction: may be slow
        with self.db.write() as s:
            hall, case = self._editable(s, case_id, material_id, actor)
            staff_id = actor.id if actor is not None else None
            material = self._material(s, case, material_id)
            same = s.scalars(
                select(CaseFile).where(
                    CaseFile.case_id == case.id, CaseFile.sha256 == blob.sha256, CaseFile.removed.is_(False)
                )
            ).all()
            if any(f.material_id == material_id for f in same):
                raise RuleViolation(f"“{Path(source).name}”已经添加过了", f"'{Path(source).name}' is already attached")
            position = (
                s.scalar(select(func.max(CaseFile.position)).where(CaseFile.material_id == material_id)) or 0
            ) + 1
            row = CaseFile(
                hall_id=hall.id,
                case_id=case.id,
                material_id=material_id,
                sha256=blob.sha256,
                original_name=Path(source).name[:255],
                size_bytes=blob.size_bytes,
                source=origin,
                position=position,
                added_at=self.clock(),
                added_by=staff_id,
            )
            s.add(row)
            s.flush()
            add_event(
                s,
                case,
                "file_attached",
                row.added_at,
                staff_id=staff_id,
                detail={"material": material.key, "file": row.id, "sha256": blob.sha256, "origin": origin},
            )
            job = self._job(hall, case, material, row)
            return AttachResult(rd.file_view(row, []), job, same[0].original_name if same else None)

    def _job(self, hall: Hall, case: IntakeCase, material: CaseMaterial, f: CaseFile) -> CheckJob:
        spec = spec_from_json(material.spec)
        expected = name = None
        if material.key == "applicant_id" and case.applicant_kind == "person":
            expected, name = case.applicant_id_number or None, case.applicant_name or None
        elif material.key == "agent_id":
            expected, name = case.agent_id_number or None, case.agent_name or None
        elif (
            spec.kind == "business_licence" and case.applicant_kind == "company" and material.key == "business_licence"
        ):
            expected, name = case.applicant_id_number or None, case.applicant_name or None
        return CheckJob(
            file_id=f.id,
            case_id=case.id,
            blob_path=str(self.blobs.path_for(f.sha256)),
            original_name=f.original_name,
            material_kind=spec.kind,
            expected_id=expected,
            check_config=dict(HallSettings.of(hall.settings).checks),
            expected_name=name,
        )

    def pending_checks(self, case_id: str) -> list[CheckJob]:
        """Files whose check never finished (the window was closed mid-check): run them again."""
        with self.db.read() as s:
            hall = load_hall(s, self.hall_code)
            case = load_case(s, hall, case_id)
            rows = s.execute(
                select(CaseFile, CaseMaterial)
                .join(CaseMaterial, CaseMaterial.id == CaseFile.material_id)
                .where(CaseFile.case_id == case.id, CaseFile.check_state == "pending", CaseFile.removed.is_(False))
            ).all()
            return [self._job(hall, case, m, f) for f, m in rows]

    def record_check(self, file_id: str, report: dict[str, Any]) -> CaseView:
        """Store a CheckReport (as produced by CheckReport.to_dict) for an attached file."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            f = s.get(CaseFile, file_id)
            if f is None or f.hall_id != hall.id:
                raise NotFoundError("没有找到这个文件", "No such attached file")
            case = load_case(s, hall, f.case_id)
            for old in s.scalars(select(CaseFinding).where(CaseFinding.file_id == f.id)):
                s.delete(old)
            for x in report.get("findings", []):
                s.add(
                    CaseFinding(
                        hall_id=hall.id,
                        case_id=case.id,
                        file_id=f.id,
                        check_id=str(x["check_id"])[:32],
                        severity=str(x["severity"]),
                        page=x.get("page"),
                        message_zh=str(x.get("message_zh", "")),
                        message_en=str(x.get("message_en", "")),
                        measured=rd._text(x.get("measured")),
                        threshold=rd._text(x.get("threshold")),
                    )
                )
            f.check_state, f.checked_at = "done", self.clock()
            f.detected_type, f.page_count = report.get("detected_type"), report.get("page_count")
            f.worst_severity, f.check_ms = report.get("worst_severity"), report.get("elapsed_ms")
            s.flush()
            return self._view(s, hall, case)

    def override_finding(self, finding_id: str, reason: str, actor: StaffView | None) -> CaseView:
        """Let a `warn` finding pass, with the clerk's reason on record. A `block` can never be overridden."""
        reason = (reason or "").strip()
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            staff_id = authorise(s, hall, actor, Permission.FINDING_OVERRIDE).id
            x = s.get(CaseFinding, finding_id)
            if x is None or x.hall_id != hall.id:
                raise NotFoundError("没有找到这条检查结果", "No such finding")
            case = load_case(s, hall, x.case_id)
            if case.status != "draft":
                raise RuleViolation("办件已作出受理决定，不能再放行检查结果", "The case is decided: findings are final")
            if x.severity != "warn":
                raise RuleViolation(
                    "只有“提醒”级别的问题可以放行，“不合格”必须重新提交材料",
                    "Only warnings can be overridden; a blocking problem needs a new file",
                )
            if len(reason) < MIN_REASON_CHARS:
                raise RuleViolation(
                    f"请填写放行理由（至少 {MIN_REASON_CHARS} 个字）",
                    f"Give a reason for the override (at least {MIN_REASON_CHARS} characters)",
                )
            x.override_reason, x.override_by, x.override_at = reason[:500], staff_id, self.clock()
            add_event(
                s,
                case,
                "finding_overridden",
                x.override_at,
                staff_id=staff_id,
                detail={"finding": x.id, "check_id": x.check_id, "reason": reason[:500]},
            )
            return self._view(s, hall, case)

    def remove_file(self, file_id: str, *, actor: StaffView | None, removed: bool = True) -> CaseView:
        """Hide a file from the case (or bring it back); the stored file itself is always kept."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            f = s.get(CaseFile, file_id)
            if f is None or f.hall_id != hall.id:
                raise NotFoundError("没有找到这个文件", "No such attached file")
            hall, case = self._editable(s, f.case_id, f.material_id, actor)
            staff_id = actor.id if actor is not None else None
            f.removed = removed
            add_event(
                s,
                case,
                "file_removed" if removed else "file_restored",
                self.clock(),
                staff_id=staff_id,
                detail={"file": f.id},
            )
            return self._view(s, hall, case)

    def move_file(self, file_id: str, offset: int, *, actor: StaffView | None) -> CaseView:
        """Reorder a material's files (pages): -1 moves it up, +1 down."""
        with self.db.write() as s:
            hall = load_hall(s, self.hall_code)
            f = s.get(CaseFile, file_id)
            if f is None or f.hall_id != hall.id:
                raise NotFoundError("没有找到这个文件", "No such attached file")
            hall, case = self._editable(s, f.case_id, f.material_id, actor)
            siblings = list(
                s.scalars(
                    select(CaseFile)
                    .where(CaseFile.material_id == f.material_id, CaseFile.removed.is_(False))
                    .order_by(CaseFile.position, CaseFile.added_at)
                )
            )
            i = siblings.index(f)
            j = max(0, min(len(siblings) - 1, i + offset))
            siblings.insert(j, siblings.pop(i))
            for n, sib in enumerate(siblings, start=1):
                if sib.position != n:
                    sib.position = n
            return self._view(s, hall, case)
