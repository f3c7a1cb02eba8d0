"""The OCR check step: read the regions a material kind needs, extract its fields, and judge them:
``id.expired`` (the card's validity has ended), ``id.mismatch`` (the number read differs from the one
entered), ``material.kind`` (the page looks like another material than the one it is attached as).

Results are cached in the process by the file's sha256 (the same scan checked again, or offered for
pre-filling, is not read twice); never on disk, because the fields are personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from app.checks.config import CheckConfig
from app.checks.findings import Finding
from app.checks.ids import ids_in, is_valid_ric, is_valid_uscc, normalise
from app.checks.ocr import engine, fields
from app.checks.ocr.engine import Budget, Line
from app.checks.page import PageImage
from app.domain.masking import mask_applicant, mask_id

log = logging.getLogger("onewindow.checks.ocr")  # timings and counts only: never a field value

KIND_NAMES = {"resident_id": ("身份证", "resident ID card"), "business_licence": ("营业执照", "business licence"),
              "application_form": ("申请表", "application form")}
_CACHE: OrderedDict[tuple[str, str], OcrResult] = OrderedDict()
_CACHE_SIZE = 32
_CARD_MIN_SIDE = 1000


@dataclass
class OcrResult:
    """What was read from one file: fields (unmasked), the box of each field (page, x0, y0, x1, y1), the
    kind the text looks like, ms spent, and whether the time budget cut reading short."""

    fields: dict[str, Any] = field(default_factory=dict)
    boxes: dict[str, tuple[int, float, float, float, float]] = field(default_factory=dict)  # page, fractions
    looks_like: str | None = None
    ms: float = 0.0
    truncated: bool = False


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _rgb(page: PageImage) -> npt.NDArray[np.uint8]:
    return page.rgb if page.rgb is not None else np.stack([page.grey] * 3, axis=-1)


Region = tuple[npt.NDArray[np.uint8], int, int, float]


def _regions(page: PageImage, kind: str, cfg: CheckConfig) -> list[Region]:
    """(pixels, y offset, detector side, scale of the pixels to the page) in order of importance."""
    rgb = _rgb(page)
    h, w = rgb.shape[:2]
    rule = cfg.ocr
    ratio = min(h, w) / max(h, w)  # ID-1 is 0.63, A4 0.71
    card_like = (max(h, w) <= 1300 and 0.5 <= ratio <= 0.8) or 0.56 <= ratio <= 0.68
    if card_like:
        if max(h, w) < _CARD_MIN_SIDE:  # a small card image: enlarge so its text reaches the recogniser's size
            scale = _CARD_MIN_SIDE / max(h, w)
            big = cv2.resize(rgb, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_CUBIC)
            return [(np.asarray(big, dtype=np.uint8), 0, rule.card_det_side, scale)]
        return [(rgb, 0, rule.card_det_side, 1.0)]
    if kind == "resident_id":  # a copy of the card on a page: small text, a finer detector input
        return [(rgb, 0, rule.copy_det_side, 1.0)]
    if kind == "application_form":
        cut = max(1, int(h * rule.form_header))
        return [(rgb[:cut], 0, rule.page_det_side, 1.0)]
    bands = [*rule.licence_regions]
    pairs = zip(bands, bands[1:], strict=False)  # each band reaches a little into the next: no line is cut
    return [(rgb[int(a * h):int(min(1.0, b + 0.04) * h)], int(a * h), rule.page_det_side, 1.0) for a, b in pairs]


def _dedupe(lines: list[Line]) -> list[Line]:
    """Lines read twice where bands overlap: keep the longer reading of boxes that overlap by half."""
    kept: list[Line] = []
    for line in sorted(lines, key=lambda ln: -len(ln.text)):
        x0, y0, x1, y1 = line.box
        area = max(1, (x1 - x0) * (y1 - y0))
        if not any(max(0, min(x1, k.box[2]) - max(x0, k.box[0])) * max(0, min(y1, k.box[3]) - max(y0, k.box[1]))
                   > 0.5 * area for k in kept):
            kept.append(line)
    return kept


def read(pages: Sequence[PageImage], kind: str, cfg: CheckConfig, today: dt.date) -> OcrResult:
    started = time.perf_counter()
    result = OcrResult()
    texts: list[str] = []
    located: list[tuple[int, str, tuple[float, float, float, float]]] = []
    for page in pages[: cfg.ocr.max_pages]:
        budget = Budget(cfg.ocr.page_budget_ms)
        page_lines: list[Line] = []
        for i, (pixels, y0, side, scale) in enumerate(_regions(page, kind, cfg)):
            if i and not budget.left():  # the first region is always read: it holds what matters most
                result.truncated = True
                break
            page_lines.extend(engine.read_region(pixels, (0, y0), side, scale))
        ph, pw = page.grey.shape[:2]
        for row in fields.rows(_dedupe(page_lines)):
            text = "".join(ln.text for ln in row).replace(" ", "")
            box = (round(min(ln.box[0] for ln in row) / pw, 4), round(min(ln.box[1] for ln in row) / ph, 4),
                   round(max(ln.box[2] for ln in row) / pw, 4), round(max(ln.box[3] for ln in row) / ph, 4))
            texts.append(text)
            located.append((page.number, text, box))
    result.looks_like = fields.classify(texts)
    if result.looks_like == "resident_id" or (kind == "resident_id" and result.looks_like is None):
        result.fields.update(fields.id_front(texts, today))
        result.fields.update(fields.id_back(texts))
    if result.looks_like == "business_licence" or (kind == "business_licence" and result.looks_like is None):
        result.fields.update(fields.licence(texts))
    if kind == "application_form":
        result.fields.update(fields.form_header(texts))
    for key, value in result.fields.items():
        if not isinstance(value, str):
            continue
        keep = {"birth_date": 4, "address": 8}.get(key)
        probe = value[:keep] if keep else value[-6:] if key == "id_number" else value
        for i, (number, text, box) in enumerate(located):
            if probe and probe in text:
                if key == "address":  # an address wraps: take in the rows that continue it
                    for n2, t2, b2 in located[i + 1:]:
                        if n2 != number or not t2 or t2 not in value:
                            break
                        box = (min(box[0], b2[0]), box[1], max(box[2], b2[2]), b2[3])
                result.boxes[key] = (number, *box)
                break
    result.ms = round((time.perf_counter() - started) * 1000, 1)
    log.info("ocr %s: %d pages, %d rows, %d fields, %.0f ms%s", kind, len(pages), len(texts), len(result.fields),
             result.ms, " (budget spent)" if result.truncated else "")
    return result


def cached_read(path: Path, pages: Sequence[PageImage], kind: str, cfg: CheckConfig, today: dt.date) -> OcrResult:
    key = (sha256_of(path), kind)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    result = read(pages, kind, cfg, today)
    _CACHE[key] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def judge(result: OcrResult, kind: str, cfg: CheckConfig, expected_id: str | None, today: dt.date,
          qr_payloads: Sequence[str] = ()) -> list[Finding]:
    rule, found = cfg.ocr, result.fields
    out: list[Finding] = []
    if result.looks_like and result.looks_like != kind:
        zh_is, en_is = KIND_NAMES[result.looks_like]
        zh_as, en_as = KIND_NAMES.get(kind, ("其他材料", "another material"))
        out.append(Finding(
            "material.kind", rule.kind_severity, None,
            f"这份材料看起来是{zh_is}，却作为“{zh_as}”提交；请确认是否放错了材料",
            f"This looks like a {en_is}, attached as the {en_as}; check that the right material was attached",
            result.looks_like, kind,
        ))
    if kind == "resident_id" and fields.expired(found, today):
        out.append(Finding(
            "id.expired", rule.expired_severity, None,
            f"身份证有效期至 {found['valid_until']}，已过期；请提供有效证件",
            f"The ID card was valid until {found['valid_until']} and has expired; a valid card is required",
            found["valid_until"], today.isoformat(),
        ))
    if expected_id:
        entered = normalise(expected_id)
        read_no = found.get("id_number") if is_valid_ric(entered) else (
            found.get("credit_code") if is_valid_uscc(entered) else None)
        qr_ids = ids_in(qr_payloads)
        already = read_no in qr_ids[0] | qr_ids[1]  # the QR comparison has said it
        if read_no and read_no != entered and not already:
            ric = is_valid_ric(entered)
            what = ("身份证号码", "resident ID number") if ric else ("统一社会信用代码", "credit code")
            shown_entered, shown_read = mask_id(entered), mask_id(read_no)
            out.append(Finding(
                "id.mismatch", rule.mismatch_severity, None,
                f"录入的{what[0]} {shown_entered} 与材料上识别出的 {shown_read} 不一致；请核对是否为本人/本单位材料",
                f"The entered {what[1]} {shown_entered} differs from {shown_read} read from the material; "
                "check that the material belongs to this applicant",
                shown_entered, shown_read,
            ))
    return out


def _plain_name(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")").replace("·", "").replace("•", "")


def judge_name(result: OcrResult, expected: str, cfg: CheckConfig) -> list[Finding]:
    """The name entered against the name read (a person's on an ID card, a company's on a licence). A
    warning, not a block: one misread character must not stop the intake; the clerk looks at the card."""
    company = result.looks_like == "business_licence"
    read_name = result.fields.get("company_name" if company else "name")
    if not isinstance(read_name, str) or not read_name or _plain_name(read_name) == _plain_name(expected):
        return []
    shown_entered, shown_read = mask_applicant(expected, company), mask_applicant(read_name, company)
    what = ("单位名称", "company name") if company else ("姓名", "name")
    return [Finding(
        "id.mismatch", cfg.ocr.name_mismatch_severity, None,
        f"录入的{what[0]}“{shown_entered}”与材料上识别出的“{shown_read}”不一致；请核对原件",
        f"The entered {what[1]} “{shown_entered}” differs from “{shown_read}” read from the material; "
        "check the original",
        shown_entered, shown_read,
    )]


def run(path: Path, pages: Sequence[PageImage], kind: str, cfg: CheckConfig, expected_id: str | None,
        qr_payloads: Sequence[str] = (), today: dt.date | None = None, expected_name: str | None = None
        ) -> tuple[list[Finding], dict[str, Any]]:
    """The findings and the ``extracted`` block (unmasked: the report masks it when serialised)."""
    today = today or dt.date.today()
    if not engine.available():
        return [], {"error": "ocr-unavailable"}
    result = cached_read(path, pages, kind, cfg, today)
    extracted: dict[str, Any] = dict(result.fields)
    if result.looks_like:
        extracted["looks_like"] = result.looks_like
    qr = [p for p in qr_payloads if any(c in p for c in ("uniscid", "gsxt"))]
    if qr and kind == "business_licence":
        extracted["qr_payload"] = qr[0]
    extracted["regions"] = {k: list(v) for k, v in result.boxes.items()}  # page, x0, y0, x1, y1 as fractions
    extracted["ocr_ms"] = result.ms
    if result.truncated:
        extracted["budget_spent"] = True
    found = judge(result, kind, cfg, expected_id, today, qr_payloads)
    if expected_name:
        found.extend(judge_name(result, expected_name, cfg))
    return found, extracted
