"""Scanned-material checks (材料检查): a Qt-free pipeline of small check steps.

``check_file`` looks at one scanned material (PDF, JPEG, PNG or TIFF) and returns a CheckReport of
findings with stable ids (see ARCHITECTURE.md); ``check_id_number`` and ``check_credit_code``
validate numbers typed in by the clerk. Nothing here modifies or deletes a file.
"""

from app.checks.config import MATERIAL_KINDS, CheckConfig
from app.checks.findings import CheckReport, Finding, Severity
from app.checks.ids import check_credit_code, check_id_number
from app.checks.pipeline import check_file

CHECK_IDS: tuple[str, ...] = (
    "file.type", "file.unreadable", "pdf.encrypted", "pdf.corrupt", "pdf.pages", "image.dpi", "image.blank",
    "image.blur", "image.exposure", "image.colour", "image.skew", "image.orientation", "image.cropped",
    "qr.missing", "id.ric", "id.uscc", "id.mismatch",
)

__all__ = [
    "CHECK_IDS",
    "MATERIAL_KINDS",
    "CheckConfig",
    "CheckReport",
    "Finding",
    "Severity",
    "check_credit_code",
    "check_file",
    "check_id_number",
]
