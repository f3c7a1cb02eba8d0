"""A real accepted case with scanned files, made through the intake services (for sync tests)."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.domain.applicant import Applicant, ApplicantKind
from app.services.blobs import hall_blob_store
from app.services.catalogue import CatalogueService
from app.services.intake import IntakeService
from app.services.intake_views import ReceiptView
from app.store.database import Database
from tests.intake.builders import make_ric
from tests.intake.helpers import as_clerk, attach_ok, item

PERSON_ID = make_ric()


def accepted_case(db: Database, tmp: Path, name: str = "王小明") -> ReceiptView:
    catalogue = CatalogueService(db)
    catalogue.ensure_sample()
    intake = IntakeService(db, catalogue, blobs=hall_blob_store())
    clerk = as_clerk(intake)
    view = intake.start_case(["G003"], actor=clerk)
    person = Applicant(ApplicantKind.PERSON, name, PERSON_ID, "13800138000", "人民路 1 号")
    view = intake.set_applicant(view.id, person, actor=clerk)
    scans = tmp / f"scans-{uuid.uuid4().hex[:6]}"
    scans.mkdir()
    for key in ("form_G003", "bank_card"):
        view = attach_ok(intake, view, key, scans)
    view = attach_ok(intake, view, "applicant_id", scans, pages=2)
    view = intake.set_disposition(view.id, item(view, "marriage_cert").id, "not_applicable", actor=clerk)
    return intake.accept_with_deficiency(view.id, actor=clerk)
