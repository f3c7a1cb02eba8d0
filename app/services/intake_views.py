"""Plain frozen results of the catalogue, intake and case services, for the UI, printing and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CatalogueVersionView:
    number: int
    label: str
    content_sha256: str
    imported_at: datetime
    matters: int
    bundles: int
    created: bool  # False when the same content was already imported


@dataclass(frozen=True)
class MaterialView:
    key: str
    name_zh: str
    name_en: str
    kind: str
    form: str
    count: int
    sides: int
    colour_required: bool
    min_dpi: int | None
    requirement: str
    condition_zh: str
    condition_en: str
    e_licence: bool
    rongque: bool
    commitment: bool
    for_matters: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatterView:
    code: str
    name_zh: str
    name_en: str
    department_zh: str
    department_en: str
    category: str
    kind: str
    legal_days: int
    promised_days: int
    fee_fen: int
    fee_note_zh: str
    fee_note_en: str
    online: bool
    offline: bool
    materials: tuple[MaterialView, ...]


@dataclass(frozen=True)
class BundleView:
    code: str
    name_zh: str
    name_en: str
    category: str
    matters: tuple[MatterView, ...]
    promised_days: int
    fee_fen: int
    note_zh: str
    note_en: str
    materials: tuple[MaterialView, ...]  # merged, without duplicates
    department_zh: str  # every member's department, once each
    department_en: str  # the same in English; empty when a member has no English name
    matter_kind: str  # "promised": a bundle is never done on the spot
    legal_days: int  # the longest of its members'

    @property
    def required_materials(self) -> int:
        return sum(1 for m in self.materials if m.requirement == "required")


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "matter" or "bundle"
    code: str
    name_zh: str
    name_en: str
    category: str
    department_zh: str
    department_en: str  # empty when the catalogue has no English name for it
    promised_days: int
    matter_kind: str  # immediate / promised ("promised" for a bundle)


@dataclass(frozen=True)
class FindingView:
    id: str
    check_id: str
    severity: str
    page: int | None
    message_zh: str
    message_en: str
    measured: str | None
    threshold: str | None
    override_reason: str | None

    @property
    def overridden(self) -> bool:
        return self.override_reason is not None


@dataclass(frozen=True)
class FileView:
    id: str
    material_id: str
    original_name: str
    sha256: str
    size_bytes: int
    position: int
    source: str
    check_state: str  # pending / done
    detected_type: str | None
    page_count: int | None
    worst_severity: str | None
    findings: tuple[FindingView, ...] = ()


@dataclass(frozen=True)
class ChecklistItemView:
    id: str
    material: MaterialView
    position: int
    disposition: str
    status: str  # app.domain.checklist.ItemStatus
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]
    owed: bool
    files: tuple[FileView, ...] = ()


@dataclass(frozen=True)
class ApplicantView:
    kind: str
    name: str
    id_number: str
    phone: str
    address: str
    agent_name: str
    agent_id_number: str
    agent_authorised: bool
    masked_name: str
    masked_id: str


@dataclass(frozen=True)
class ReadinessView:
    can_accept: bool
    can_accept_with_deficiency: bool
    can_notify: bool
    blockers_zh: tuple[str, ...]
    blockers_en: tuple[str, ...]
    promised_date_if_accepted: date | None


@dataclass(frozen=True)
class CaseView:
    id: str
    status: str
    receipt_number: str | None
    title_zh: str
    title_en: str
    matter_codes: tuple[str, ...]
    bundle_code: str | None
    department_zh: str
    matter_kind: str
    promised_days: int
    fee_fen: int
    catalogue_version: int
    ticket_id: str | None
    ticket_number: str | None
    window_number: int | None
    applicant: ApplicantView | None
    items: tuple[ChecklistItemView, ...]
    readiness: ReadinessView
    decision: str | None
    decision_reason: str | None
    decided_at: datetime | None
    promised_date: date | None
    deficiency_deadline: date | None
    created_at: datetime


@dataclass(frozen=True)
class CheckJob:
    """Everything a check worker process needs; plain data so it can be pickled."""

    file_id: str
    case_id: str
    blob_path: str
    original_name: str
    material_kind: str
    expected_id: str | None
    check_config: dict[str, object] = field(default_factory=dict)
    expected_name: str | None = None  # compared with the name OCR reads from an ID card or licence


@dataclass(frozen=True)
class AttachResult:
    file: FileView
    job: CheckJob
    duplicate_of: str | None  # name of an identical file already attached to this case


@dataclass(frozen=True)
class ReceiptView:
    case_id: str
    receipt_number: str
    hall_code: str
    hall_name: str
    hall_timezone: str  # accepted_at is printed on the hall's clock
    title_zh: str
    matters_zh: tuple[str, ...]
    department_zh: str
    applicant_masked: str
    applicant_id_masked: str
    decision: str
    accepted_at: datetime
    promised_date: date | None
    matter_kind: str
    fee_fen: int
    owed_zh: tuple[str, ...]  # 容缺: materials still owed
    deficiency_deadline: date | None
    window_number: int | None
    staff_name: str
    qr_payload: str
    hall_phone: str = ""


@dataclass(frozen=True)
class NoticeItemView:
    material_zh: str
    material_en: str
    requirement_zh: str  # e.g. "原件 1 份（正反两面）"
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]


@dataclass(frozen=True)
class NoticeView:
    case_id: str
    number: str
    hall_name: str
    hall_timezone: str  # issued_at is printed as the hall's date
    title_zh: str
    matters_zh: tuple[str, ...]
    applicant_masked: str
    issued_at: datetime
    items: tuple[NoticeItemView, ...]
    window_number: int | None
    staff_name: str
    hall_phone: str = ""
    promised_days: int = 0  # working days to decide once the materials are complete
    legal_days: int = 0
    immediate: bool = False  # 即办件: decided on the spot once complete


@dataclass(frozen=True)
class CaseRow:
    """One line of the back-office list."""

    id: str
    receipt_number: str | None
    title_zh: str
    department_zh: str
    applicant_masked: str
    status: str
    decided_at: datetime | None
    promised_date: date | None
    deficiency_deadline: date | None
    deficiency_open: bool
    overdue: bool
    workdays_left: int | None
    next_statuses: tuple[str, ...]


@dataclass(frozen=True)
class CaseEventView:
    kind: str
    at: datetime
    staff_name: str | None
    role: str
    from_status: str | None
    to_status: str | None
    detail: dict[str, object]


@dataclass(frozen=True)
class CaseProgressView:
    """What a citizen may see about a case (kiosk / status query): masked, no documents."""

    receipt_number: str
    title_zh: str
    title_en: str
    status: str
    applicant_masked: str
    accepted_at: datetime | None
    promised_date: date | None
    overdue: bool
    id_masked: str = ""  # the applicant's ID number, masked (app.domain.masking)
