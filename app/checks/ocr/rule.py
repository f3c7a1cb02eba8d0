"""Settings of the OCR check step (section ``ocr`` of CheckConfig)."""

from __future__ import annotations

from dataclasses import dataclass

from app.checks.findings import Severity


@dataclass(frozen=True)
class OcrRule:
    enabled: bool = True
    # Only these kinds are read: onnxruntime is never loaded for a check of any other kind.
    kinds: frozenset[str] = frozenset({"resident_id", "business_licence", "application_form"})
    max_pages: int = 2  # an ID card's two sides; a licence's first page; a form's first page
    page_budget_ms: float = 2500.0  # after this, the less important regions of a page are left unread
    card_det_side: int = 640  # detector input for a card-sized image (text is large: plenty)
    page_det_side: int = 960  # detector input for a region of an A4 page
    copy_det_side: int = 1280  # detector input for a whole page holding a copy of an ID card
    licence_regions: tuple[float, ...] = (0.0, 0.36, 0.62)  # bands of the page height read in turn
    form_header: float = 0.22  # share of the page height that is the form's header
    expired_severity: Severity = Severity.BLOCK
    kind_severity: Severity = Severity.WARN
    mismatch_severity: Severity = Severity.BLOCK
    name_mismatch_severity: Severity = Severity.WARN  # one misread character must not block the intake
