"""Typed configuration of the material checks: one frozen section per check with its thresholds
and severity, all with defaults. Override with ``dataclasses.replace`` or ``CheckConfig.from_dict``
(for a settings file); unknown keys are an error so that a typo never silently disables a check.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.checks.findings import Severity
from app.checks.ocr.rule import OcrRule

MATERIAL_KINDS: tuple[str, ...] = (
    "resident_id",  # 居民身份证 (copy or scan of the card)
    "business_licence",  # 营业执照
    "application_form",  # 申请表
    "certificate",  # 证明/证书 (usually sealed)
    "contract",  # 合同/协议
    "photo",  # 证件照
    "other",
)

A4_MM = (210.0, 297.0)
ID1_MM = (85.6, 54.0)  # ISO/IEC 7810 ID-1, the size of a resident identity card
PHOTO_MM = (35.0, 49.0)  # 二寸证件照

# Kinds that are documents with lines of text; layout checks (skew, orientation, cut-off edges)
# only make sense for these. Cards and portraits have no text lines to measure.
DOCUMENT_KINDS = frozenset({"business_licence", "application_form", "certificate", "contract", "other"})


def _frozen_map(**kv: Any) -> Mapping[str, Any]:
    return types.MappingProxyType(dict(kv))


@dataclass(frozen=True)
class FileRule:
    max_bytes: int = 100 * 1024 * 1024  # bigger files are refused unread (a 200 MB "scan" is a mistake)
    max_pixels: int = 80_000_000  # an A3 page at 600 dpi is ~70 MP; above this we refuse to decode
    max_pages_checked: int = 50  # pages rendered and analysed; later pages get a notice
    unreadable_severity: Severity = Severity.BLOCK
    unknown_type_severity: Severity = Severity.BLOCK
    extension_severity: Severity = Severity.INFO  # content is fine, only the name is misleading


@dataclass(frozen=True)
class PdfRule:
    # expected page counts by material kind; kinds not listed have no upper limit
    max_pages: Mapping[str, int] = field(
        default_factory=lambda: _frozen_map(resident_id=2, photo=1, business_licence=2)
    )
    too_many_pages_severity: Severity = Severity.WARN
    encrypted_severity: Severity = Severity.BLOCK  # needs a password: we cannot see the content
    corrupt_severity: Severity = Severity.BLOCK


@dataclass(frozen=True)
class DpiRule:
    warn_below: float = 150.0  # the analysis resolution; small print is hard to read below it
    block_below: float = 100.0
    # paper each kind is expected to be printed on; resolution = pixels / paper size
    paper_mm: Mapping[str, tuple[float, float]] = field(
        default_factory=lambda: _frozen_map(
            resident_id=ID1_MM,
            photo=PHOTO_MM,
            business_licence=A4_MM,
            application_form=A4_MM,
            certificate=A4_MM,
            contract=A4_MM,
            other=A4_MM,
        )
    )


@dataclass(frozen=True)
class BlankRule:
    ink_delta: float = 25.0  # grey levels darker than the paper that count as ink
    max_ink_fraction: float = 0.001  # a page with less ink than this is blank
    severity: Severity = Severity.BLOCK  # the whole file is blank
    page_severity: Severity = Severity.INFO  # one blank page among pages with content (a back side)


@dataclass(frozen=True)
class BlurRule:
    # sharpness (app/checks/sharpness.py) = 100 x RMS(second derivative)/std(grey) over text tiles
    # at 150 dpi, in the weakest of four directions, scanner noise taken out: ~200-300 for a sharp
    # scan, ~45-60 for a Gaussian blur of 2 px (text blurred but legible), ~30 at 3 px (hard to read)
    warn_below: float = 60.0
    block_below: float = 30.0


@dataclass(frozen=True)
class ExposureRule:
    min_paper_level: float = 110.0  # grey level of the paper (0-255); below it the scan is too dark
    min_contrast: float = 80.0  # paper minus ink grey level; below it the scan is faded
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class ColourRule:
    # materials whose seal (公章) must be visible in colour; add "contract" or "photo" to require them too
    kinds: frozenset[str] = frozenset({"business_licence", "certificate"})
    min_chroma: float = 60.0  # max(R,G,B) - min(R,G,B) of a "coloured" pixel; a red seal is ~180
    min_fraction: float = 0.0003  # share of coloured pixels needed; a small seal covers ~0.2 %
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class SkewRule:
    max_degrees: float = 3.0
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class OrientationRule:
    # text lines must be this much more pronounced vertically than horizontally before we call a
    # page turned by 90 degrees (clean pages measure ~1.5 the other way); errs on the side of silence
    min_ratio: float = 1.25
    min_ink_points: int = 2000
    # upside down (180 degrees): layout cues (alignment, head room, title, seal) each vote +-1;
    # the page is called upside down at this many votes against and none for upright
    upside_down_votes: int = 2
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class CroppedRule:
    min_edge_fraction: float = 0.03  # share of an edge covered by content that runs into it
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class QrRule:
    kinds: frozenset[str] = frozenset({"business_licence"})  # the licence carries the credit-system QR
    severity: Severity = Severity.WARN


@dataclass(frozen=True)
class IdRule:
    ric_severity: Severity = Severity.BLOCK
    uscc_severity: Severity = Severity.BLOCK
    mismatch_severity: Severity = Severity.BLOCK


@dataclass(frozen=True)
class CheckConfig:
    """All thresholds and severities of the material checks."""

    analysis_dpi: float = 150.0  # PDFs are rendered at this; images are scaled down to A4 at it
    file: FileRule = FileRule()
    pdf: PdfRule = field(default_factory=PdfRule)
    dpi: DpiRule = field(default_factory=DpiRule)
    blank: BlankRule = BlankRule()
    blur: BlurRule = BlurRule()
    exposure: ExposureRule = ExposureRule()
    colour: ColourRule = ColourRule()
    skew: SkewRule = SkewRule()
    orientation: OrientationRule = OrientationRule()
    cropped: CroppedRule = CroppedRule()
    qr: QrRule = QrRule()
    ids: IdRule = IdRule()
    ocr: OcrRule = OcrRule()

    @property
    def analysis_long_side(self) -> int:
        """Pixels on the long side of the analysis image: an A4 page at ``analysis_dpi``."""
        return round(A4_MM[1] / 25.4 * self.analysis_dpi)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckConfig:
        """Build from plain data (a settings file): ``{"blur": {"warn_below": 50}}``."""
        return _build(cls, data, "")

    def to_dict(self) -> dict[str, Any]:
        return _dump(self)


def _build(cls: type[Any], data: Mapping[str, Any], where: str) -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"unknown check setting(s) {sorted(unknown)} in {where or 'config'}")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        kwargs[name] = _coerce(hints[name], value, f"{where}{name}")
    return cls(**kwargs)


def _coerce(hint: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, Mapping):
            raise ValueError(f"{where} must be a mapping")
        return _build(hint, value, where + ".")
    origin = typing.get_origin(hint)
    if hint is Severity:
        return Severity(value)
    if origin is frozenset:
        return frozenset(str(v) for v in value)
    if origin is Mapping:
        key_t, val_t = typing.get_args(hint)
        return types.MappingProxyType({str(k): _coerce(val_t, v, f"{where}.{k}") for k, v in value.items()})
    if origin is tuple:
        return tuple(float(v) for v in value)
    if hint is float:
        return float(value)
    if hint is int:
        if isinstance(value, bool) or int(value) != value:
            raise ValueError(f"{where} must be an integer")
        return int(value)
    return value


def _dump(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Severity):
        return str(obj)
    if isinstance(obj, frozenset):
        return sorted(obj)
    if isinstance(obj, Mapping):
        return {k: _dump(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return list(obj)
    return obj
