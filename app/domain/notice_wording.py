"""What the one-time notice (一次性告知书) tells the citizen: only what they must bring or correct.

Faults of the scan itself (blur, exposure, resolution, a 0-byte or unreadable file, a skewed or cut-off page)
are the clerk's to fix by scanning again while the citizen waits; they never appear on the notice, and
neither do sharpness numbers or thresholds. Everything else is put in words a citizen can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Problem = tuple[str, str]  # (zh, en)

# Check ids (ARCHITECTURE.md) the clerk fixes by scanning again.
SCAN_FAULTS = frozenset(
    {
        "file.type",
        "file.unreadable",
        "pdf.corrupt",
        "pdf.pages",
        "image.dpi",
        "image.blank",
        "image.blur",
        "image.exposure",
        "image.colour",
        "image.skew",
        "image.orientation",
        "image.cropped",
    }
)
# The citizen's part, per check id.
_CITIZEN: dict[str, Problem] = {
    "id.mismatch": (
        "材料上的证件号码与申请人不一致：请带申请人本人的这份材料",
        "The ID number on this document is not the applicant's: bring the applicant's own document",
    ),
    "id.ric": (
        "材料上的身份证号码无效：请带有效的身份证或证明原件",
        "The ID number on this document is not valid: bring a valid ID card or the original certificate",
    ),
    "id.uscc": (
        "材料上的统一社会信用代码无效：请带最新的营业执照原件",
        "The unified social credit code on this document is not valid: bring the current business licence",
    ),
    "pdf.encrypted": (
        "电子文件设有密码：请提供未加密的文件，或带纸质原件",
        "The electronic file is password-protected: provide it without a password, or bring the paper original",
    ),
    "qr.missing": (
        "材料上没有可核验的二维码：请带带有二维码的新版证明",
        "The document has no verifiable QR code: bring the current version that carries one",
    ),
}
_GENERAL: Problem = (
    "材料内容不符合要求：请按提交要求重新准备",
    "The document does not meet the requirements: please prepare it again as described",
)


@dataclass(frozen=True)
class FindingFact:
    check_id: str
    severity: str  # block | warn
    overridden: bool = False


def is_scan_fault(check_id: str) -> bool:
    return check_id in SCAN_FAULTS


def missing_action(name_zh: str, name_en: str, requirement_zh: str) -> Problem:
    what = f"（{requirement_zh}）" if requirement_zh else ""
    return (f"请提交{name_zh}{what}", f"Please bring: {name_en or name_zh}")


def citizen_reasons(status: str, findings: Iterable[FindingFact], missing: Problem) -> tuple[Problem, ...]:
    """The notice lines for one material; () when all that is wrong is the scan (the clerk rescans)."""
    if status == "missing":
        return (missing,)
    out: list[Problem] = []
    for f in findings:
        if f.overridden or f.severity not in ("block", "warn") or is_scan_fault(f.check_id):
            continue
        out.append(_CITIZEN.get(f.check_id, _GENERAL))
    return tuple(dict.fromkeys(out))
