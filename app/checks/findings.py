"""Result types of the material checks: Severity, Finding, CheckReport.

Plain frozen dataclasses so that they cross process boundaries (the GUI runs checks in a
process pool) and serialise to JSON without help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How a finding affects intake: ``block`` cannot be accepted, ``warn`` the clerk decides
    (an override needs a reason), ``info`` is for the record only."""

    INFO = "info"
    WARN = "warn"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2}


@dataclass(frozen=True)
class Finding:
    """One problem (or remark) about a file or one of its pages. Never modifies the file."""

    check_id: str
    severity: Severity
    page: int | None  # 1-based page number, None for the whole file
    message_zh: str
    message_en: str
    measured: float | str | None = None
    threshold: float | str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "check_id": self.check_id,
            "severity": str(self.severity),
            "page": self.page,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "measured": self.measured,
            "threshold": self.threshold,
        }


@dataclass(frozen=True)
class CheckReport:
    """Everything the checks found about one file."""

    path: str
    material_kind: str
    detected_type: str | None  # "pdf", "jpeg", "png", "tiff" or None when unknown/unreadable
    page_count: int | None
    findings: tuple[Finding, ...] = ()
    qr_payloads: tuple[str, ...] = ()
    size_bytes: int | None = None
    elapsed_ms: float | None = field(default=None, compare=False)
    extracted: dict[str, Any] | None = None  # fields read by OCR (unmasked: to_dict masks them)

    @property
    def worst_severity(self) -> Severity | None:
        """The most serious severity among the findings, None when there are none."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    @property
    def blocked(self) -> bool:
        return self.worst_severity is Severity.BLOCK

    def by_id(self, check_id: str) -> list[Finding]:
        return [f for f in self.findings if f.check_id == check_id]

    def to_dict(self, show_personal: bool = False) -> dict[str, Any]:
        worst = self.worst_severity
        extracted = self.extracted
        if extracted is not None and not show_personal:
            from app.checks.ocr.fields import masked

            extracted = masked(extracted)
        return {
            "path": self.path,
            "material_kind": self.material_kind,
            "detected_type": self.detected_type,
            "page_count": self.page_count,
            "size_bytes": self.size_bytes,
            "worst_severity": str(worst) if worst is not None else None,
            "findings": [f.to_dict() for f in self.findings],
            "qr_payloads": list(self.qr_payloads),
            "elapsed_ms": self.elapsed_ms,
            **({"extracted": extracted} if extracted is not None else {}),
        }
