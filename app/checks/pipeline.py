"""check_file: one scanned material in, one CheckReport out. Never raises for bad input and
never modifies the file: every problem, including an internal error, becomes a finding.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from app.checks import sniff
from app.checks.config import MATERIAL_KINDS, CheckConfig
from app.checks.file_steps import FileFacts, file_findings, settle_blank
from app.checks.findings import CheckReport, Finding, Severity
from app.checks.measure import PageStats
from app.checks.page import PageImage
from app.checks.page_steps import PAGE_STEPS, is_blank
from app.checks.pdf import PdfSource
from app.checks.raster import ImageSource, unreadable
from app.checks.steps import PageContext, run_page_steps

log = logging.getLogger("onewindow.checks")

_TYPE_NAMES = {sniff.PDF: "PDF", sniff.JPEG: "JPEG", sniff.PNG: "PNG", sniff.TIFF: "TIFF"}


def check_file(
    path: str | os.PathLike[str],
    material_kind: str = "other",
    config: CheckConfig | None = None,
    expected_id: str | None = None,
    expected_name: str | None = None,
) -> CheckReport:
    """Run every check that applies to ``material_kind`` on the file at ``path``.

    ``expected_id`` is the ID number or credit code the clerk entered; it is validated and compared
    with numbers decoded from the document's QR codes. Raises ValueError only for an unknown
    material kind (a programming error, not bad input)."""
    if material_kind not in MATERIAL_KINDS:
        raise ValueError(f"unknown material kind {material_kind!r}; expected one of {', '.join(MATERIAL_KINDS)}")
    cfg = config or CheckConfig()
    started = time.perf_counter()
    run = _Run(Path(path), material_kind, cfg, expected_id)
    run.expected_name = expected_name
    try:
        run.execute()
    except MemoryError:
        run.findings.append(unreadable(cfg, "文件过大，内存不足，无法检查",
                                       "The file is too large to check (out of memory)"))
    except Exception as exc:  # noqa: BLE001 - the counter must get an answer, never a traceback
        log.exception("material check failed internally (%s)", type(exc).__name__)  # no path: it may hold a name
        run.findings.append(unreadable(
            cfg, f"检查过程中出现内部错误（{type(exc).__name__}），请人工核验",
            f"The check failed internally ({type(exc).__name__}); please verify by hand",
        ))
    return CheckReport(
        path=str(path),
        material_kind=material_kind,
        detected_type=run.detected,
        page_count=run.page_count,
        findings=tuple(run.findings),
        qr_payloads=tuple(run.facts.qr_payloads),
        size_bytes=run.size,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 1),
        extracted=run.extracted,
    )


class _Run:
    """State of one check_file call."""

    def __init__(self, path: Path, kind: str, cfg: CheckConfig, expected_id: str | None) -> None:
        self.path, self.kind, self.cfg, self.expected_id = path, kind, cfg, expected_id
        self.findings: list[Finding] = []
        self.detected: str | None = None
        self.page_count: int | None = None
        self.size: int | None = None
        self.facts = FileFacts()
        self.expected_name: str | None = None  # compared with the name read by OCR
        self.ocr_pages: list[PageImage] = []  # kept only for OCR kinds (cfg.ocr.kinds)
        self.extracted: dict[str, Any] | None = None

    def execute(self) -> None:
        if self._open_checks():
            self._pages()
        self.findings = settle_blank(self.findings, self.facts, self.cfg)
        self.findings.extend(file_findings(self.facts, self.kind, self.cfg, self.expected_id))
        if self.ocr_pages:  # imported here: a check without OCR never loads onnxruntime
            from app.checks.ocr import step

            found, self.extracted = step.run(self.path, self.ocr_pages, self.kind, self.cfg, self.expected_id,
                                             self.facts.qr_payloads, expected_name=self.expected_name)
            self.findings.extend(found)

    def _open_checks(self) -> bool:
        """File-level checks before any decoding. False when there is nothing more to look at."""
        cfg, path = self.cfg, self.path
        try:
            st = path.stat()
        except FileNotFoundError:
            self.findings.append(unreadable(cfg, "文件不存在", "The file does not exist"))
            return False
        except OSError as exc:
            self.findings.append(unreadable(cfg, f"无法读取文件：{exc.strerror or exc}",
                                            f"Cannot read the file: {exc.strerror or exc}"))
            return False
        if not path.is_file():
            self.findings.append(unreadable(cfg, "不是文件（可能是文件夹）", "This is not a file (perhaps a folder)"))
            return False
        self.size = st.st_size
        if st.st_size == 0:
            self.findings.append(unreadable(cfg, "文件为空（0 字节）", "The file is empty (0 bytes)", None, 0.0, 1.0))
            return False
        try:
            with open(path, "rb") as fh:
                head = fh.read(sniff.HEAD_BYTES)
        except OSError as exc:
            self.findings.append(unreadable(cfg, f"无法读取文件：{exc.strerror or exc}",
                                            f"Cannot read the file: {exc.strerror or exc}"))
            return False
        self.detected = sniff.detect_type(head)
        limit = cfg.file.max_bytes
        if st.st_size > limit:
            mb, limit_mb = st.st_size / 2**20, limit / 2**20
            self.findings.append(unreadable(
                cfg, f"文件大小 {mb:.1f} MB，超过上限 {limit_mb:.0f} MB，未检查；请降低分辨率或分开扫描",
                f"The file is {mb:.1f} MB, above the limit of {limit_mb:.0f} MB; not checked. "
                "Please scan at a lower resolution or in parts",
                None, round(mb, 1), round(limit_mb, 1),
            ))
            return False
        if self.detected is None:
            self.findings.append(Finding(
                "file.type", cfg.file.unknown_type_severity, None,
                "无法识别的文件类型；只接受 PDF、JPEG、PNG、TIFF 扫描件",
                "Unrecognised file type; only PDF, JPEG, PNG and TIFF scans are accepted",
                path.suffix.lower() or None, "PDF/JPEG/PNG/TIFF",
            ))
            return False
        if not sniff.extension_matches(path, self.detected):
            name = _TYPE_NAMES[self.detected]
            self.findings.append(Finding(
                "file.type", cfg.file.extension_severity, None,
                f"文件内容是 {name}，但扩展名为“{path.suffix or '（无）'}”；已按 {name} 检查，归档前请更正扩展名",
                f"The file contains {name} but is named “{path.suffix or '(none)'}”; it was checked as "
                f"{name}, please correct the extension before filing",
                path.suffix.lower() or None, name,
            ))
        return True

    def _pages(self) -> None:
        cfg = self.cfg
        source: PdfSource | ImageSource
        if self.detected == sniff.PDF:
            source = PdfSource(self.path, cfg)
        else:
            assert self.detected is not None
            source = ImageSource(self.path, self.detected, cfg)
        with source:
            self.page_count = source.page_count
            self.findings.extend(source.findings)
            self._page_limit()
            steps = [s for s in PAGE_STEPS if s.applies_to(self.kind, cfg)]
            for item in source.pages():
                if isinstance(item, Finding):
                    self.findings.append(item)
                    continue
                stats = PageStats(item, cfg)
                blank = is_blank(stats, cfg)
                self.findings.extend(run_page_steps(steps, PageContext(item, stats, cfg, self.kind), blank))
                self.facts.add_page(item, stats, blank)
                if self._wants_ocr() and not blank and len(self.ocr_pages) < cfg.ocr.max_pages:
                    self.ocr_pages.append(item)
        if self.page_count is not None and self.page_count > cfg.file.max_pages_checked:  # render cap
            self.findings.append(Finding(
                "pdf.pages", Severity.INFO, None,
                f"共 {self.page_count} 页，只检查了前 {cfg.file.max_pages_checked} 页",
                f"{self.page_count} pages; only the first {cfg.file.max_pages_checked} were checked",
                float(self.page_count), float(cfg.file.max_pages_checked),
            ))

    def _wants_ocr(self) -> bool:
        return self.cfg.ocr.enabled and self.kind in self.cfg.ocr.kinds

    def _page_limit(self) -> None:
        """More pages than the kind allows (a PDF or a multi-page TIFF): maybe two materials in one."""
        limit = self.cfg.pdf.max_pages.get(self.kind)
        if limit is None or self.page_count is None or self.page_count <= limit:
            return
        self.findings.append(Finding(
            "pdf.pages", self.cfg.pdf.too_many_pages_severity, None,
            f"共 {self.page_count} 页，超过该类材料预期的 {limit} 页，请确认是否混入了其他材料",
            f"{self.page_count} pages, more than the {limit} expected for this kind of material; "
            "check that no other material was scanned into it",
            float(self.page_count), float(limit),
        ))
