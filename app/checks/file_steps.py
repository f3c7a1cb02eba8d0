"""Checks that judge the file as a whole from what its pages showed: colour seal present on any
page, QR code present on any page, blank pages settled against the rest, entered ID number against
the decoded QR codes. Also QR decoding itself (zxing-cpp), run on every page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import zxingcpp

from app.checks.config import CheckConfig
from app.checks.findings import Finding
from app.checks.ids import check_expected_id
from app.checks.measure import PageStats
from app.checks.page import PageImage
from app.checks.steps import pct

_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def decode_qr(page: PageImage) -> list[str]:
    """Texts of the QR codes on the page (any orientation)."""
    try:
        results = zxingcpp.read_barcodes(page.grey, formats=_QR)
    except Exception:  # noqa: BLE001 - a decoder failure only means no QR was read
        return []
    return [r.text for r in results if r.text]


@dataclass
class FileFacts:
    """What the pages showed, collected while they stream past (pages are not kept in memory)."""

    pages_seen: int = 0
    blank_pages: list[int] = field(default_factory=list)
    colour_share: float = 0.0  # best page
    any_colour_source: bool = False
    qr_payloads: list[str] = field(default_factory=list)

    def add_page(self, page: PageImage, stats: PageStats, blank: bool) -> None:
        self.pages_seen += 1
        if blank:
            self.blank_pages.append(page.number)
            return
        self.any_colour_source |= page.colour_source
        self.colour_share = max(self.colour_share, stats.chroma_fraction)
        for text in decode_qr(page):
            if text not in self.qr_payloads:
                self.qr_payloads.append(text)


def settle_blank(findings: list[Finding], facts: FileFacts, cfg: CheckConfig) -> list[Finding]:
    """A blank page among pages with content is usually a scanned back side: only a notice.
    When every page is blank the material is missing: the configured (blocking) severity stays."""
    if not facts.blank_pages or len(facts.blank_pages) == facts.pages_seen:
        return findings
    return [
        dataclasses.replace(f, severity=cfg.blank.page_severity) if f.check_id == "image.blank" else f
        for f in findings
    ]


def check_colour(facts: FileFacts, kind: str, cfg: CheckConfig) -> Finding | None:
    rule = cfg.colour
    content_pages = facts.pages_seen - len(facts.blank_pages)
    if kind not in rule.kinds or content_pages <= 0 or facts.colour_share >= rule.min_fraction:
        return None
    if not facts.any_colour_source:
        zh = "扫描件为黑白/灰度图像，该材料的印章须彩色可辨；请彩色扫描"
        en = ("The scan is black-and-white/greyscale; this material's seal must be visible in colour; "
              "please scan in colour")
    else:
        zh = (f"未发现彩色内容（如红色印章）：彩色像素占 {pct(facts.colour_share)}，"
              f"低于要求的 {pct(rule.min_fraction)}；请确认已盖章并彩色扫描")
        en = (f"No colour found (such as a red seal): {pct(facts.colour_share)} of the pixels are coloured, "
              f"below the required {pct(rule.min_fraction)}; check the seal and scan in colour")
    return Finding("image.colour", rule.severity, None, zh, en,
                   round(facts.colour_share * 100, 4), round(rule.min_fraction * 100, 4))


def check_qr_missing(facts: FileFacts, kind: str, cfg: CheckConfig) -> Finding | None:
    if kind not in cfg.qr.kinds or facts.qr_payloads or facts.pages_seen - len(facts.blank_pages) <= 0:
        return None
    return Finding(
        "qr.missing", cfg.qr.severity, None,
        "未识别到该材料应有的二维码（如营业执照的国家企业信用信息公示系统二维码）；请确认材料完整、二维码清晰",
        "The QR code this material should carry was not found (e.g. the credit-system QR code on a "
        "business licence); check that the material is complete and the code is sharp",
        0.0, 1.0,
    )


def file_findings(facts: FileFacts, kind: str, cfg: CheckConfig, expected_id: str | None) -> list[Finding]:
    found = [check_colour(facts, kind, cfg), check_qr_missing(facts, kind, cfg)]
    out = [f for f in found if f is not None]
    if expected_id:
        out.extend(check_expected_id(expected_id, facts.qr_payloads, kind, cfg))
    return out
