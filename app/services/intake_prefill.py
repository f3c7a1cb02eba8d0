"""免填单: offer to fill the applicant form from a scanned ID card or business licence.

`read_for_prefill` runs in a check worker process (plain data in and out): it reads the file (the OCR
result is cached by sha256, so right after the check this costs no second OCR), maps the fields to the
applicant form and cuts out the image region each value came from, so the clerk compares them side by
side and confirms. Nothing is filled without that confirmation, and nothing here is logged.
"""

from __future__ import annotations

import io
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.checks import CheckConfig, check_file
from app.services.intake_checks import _named_link, render_page

PREFILL_KINDS = ("resident_id", "business_licence")
_PERSON = (("name", "name", "姓名", "Name"), ("id_number", "id_number", "身份证号", "ID number"),
           ("address", "address", "住址", "Address"))
_COMPANY = (("company_name", "name", "单位名称", "Company name"),
            ("credit_code", "id_number", "统一社会信用代码", "Credit code"),
            ("address", "address", "住所", "Address"))
PAGE_SIDE = 1754  # the analysis size of a page: the regions' fractions refer to it


@dataclass(frozen=True)
class PrefillField:
    target: str  # the applicant form's field: name / id_number / address
    label_zh: str
    label_en: str
    value: str
    crop_png: bytes | None  # the region of the scan the value was read from


@dataclass(frozen=True)
class PrefillOffer:
    applicant_kind: str  # "person" / "company" (app.domain.applicant.ApplicantKind)
    fields: tuple[PrefillField, ...]
    notes_zh: tuple[str, ...] = ()  # e.g. the card has expired: shown, never filled


def worth_offering(report: dict[str, Any], form_id_number: str) -> bool:
    """After a check: offer only for an ID card or licence from which a number was read, and only while the
    applicant's number is still empty (a form the clerk has filled is never overwritten by an offer)."""
    extracted = report.get("extracted") or {}
    if report.get("material_kind") not in PREFILL_KINDS or form_id_number.strip():
        return False
    return bool(extracted.get("id_number") or extracted.get("credit_code"))


def read_for_prefill(blob_path: str, original_name: str, material_kind: str,
                     check_config: dict[str, object] | None = None) -> PrefillOffer | None:
    config = CheckConfig.from_dict(check_config) if check_config else None
    with tempfile.TemporaryDirectory(prefix="onewindow-prefill-") as tmp:
        path = _named_link(Path(blob_path), original_name, Path(tmp))
        report = check_file(path, material_kind, config)
        found = dict(report.extracted or {})
        company = found.get("looks_like", material_kind) == "business_licence"
        mapping = _COMPANY if company else _PERSON
        regions: dict[str, list[float]] = found.get("regions", {})
        pages: dict[int, Any] = {}
        fields = []
        for key, target, zh, en in mapping:
            value = found.get(key)
            if not isinstance(value, str) or not value:
                continue
            crop = None
            if key in regions:
                crop = _crop(path, report.detected_type, regions[key], pages)
            fields.append(PrefillField(target, zh, en, value, crop))
    if not fields:
        return None
    notes = tuple(f.message_zh for f in report.findings if f.check_id in ("id.expired", "material.kind"))
    return PrefillOffer("company" if company else "person", tuple(fields), notes)


def _crop(path: Path, detected_type: str | None, region: list[float], pages: dict[int, Any]) -> bytes | None:
    from PIL import Image

    number, x0, y0, x1, y1 = int(region[0]), *region[1:5]
    if number not in pages:
        png = render_page(path, detected_type, number - 1, PAGE_SIDE)
        pages[number] = Image.open(io.BytesIO(png)) if png else None
    page = pages[number]
    if page is None:
        return None
    w, h = page.size
    pad = 0.01
    box = (max(0, int((x0 - pad) * w)), max(0, int((y0 - pad) * h)),
           min(w, int((x1 + pad) * w) + 1), min(h, int((y1 + pad) * h) + 1))
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page.crop(box).save(out, "PNG")
    return out.getvalue()
