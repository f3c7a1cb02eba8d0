"""Open PDFs with PDFium and render their pages for the image checks.

The document is opened from its path so PDFium reads lazily (a large file is never slurped).
Loading errors map onto stable finding ids: a password is ``pdf.encrypted``, a damaged file is
``pdf.corrupt``, no pages at all is ``pdf.pages``.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.checks.config import CheckConfig
from app.checks.findings import Finding, Severity
from app.checks.page import PageImage, make_page
from app.checks.pdf_images import (
    POINTS_PER_INCH,
    EmbeddedImage,
    largest_pixels,
    page_images,
    plain_scan,
    scan_geometry,
)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    # PDFium reports recoverable trouble as warnings; the findings already say what matters
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


class PdfSource:
    """An opened PDF: file-level findings, page count, and rendered pages one at a time."""

    def __init__(self, path: Path, cfg: CheckConfig) -> None:
        self.cfg = cfg
        self.findings: list[Finding] = []
        self.page_count: int | None = None
        self._doc: pdfium.PdfDocument | None = None
        self._open(path)

    def _open(self, path: Path) -> None:
        cfg = self.cfg
        try:
            with _quiet():
                # the raw loader, not PdfDocument(path): that one reports an empty page tree as a
                # format error, and "no pages" deserves its own finding
                raw = pdfium_c.FPDF_LoadDocument((str(path) + "\x00").encode("utf-8", "surrogateescape"), None)
                if not raw:
                    self._load_error(pdfium_c.FPDF_GetLastError())
                    return
                self._doc = pdfium.PdfDocument(raw)
                self.page_count = len(self._doc)
                revision = pdfium_c.FPDF_GetSecurityHandlerRevision(self._doc)
        except Exception as exc:  # noqa: BLE001 - hostile input must become a finding
            self.findings.append(self._corrupt(type(exc).__name__))
            return
        if self.page_count == 0:
            self.findings.append(Finding(
                "pdf.pages", Severity.BLOCK, None, "PDF 中没有任何页面", "The PDF has no pages", 0.0, 1.0,
            ))
            return
        if not _has_eof_marker(path):
            self.findings.append(Finding(
                "pdf.corrupt", cfg.pdf.corrupt_severity, None,
                "PDF 文件不完整（缺少结束标记），可能在传输中被截断，部分页面可能缺失；请重新获取文件",
                "The PDF file is incomplete (no end marker); it was probably cut off in transfer and pages "
                "may be missing; please get the file again",
            ))
        if revision != -1:
            # encrypted, but with an empty user password (only permissions are restricted)
            self.findings.append(Finding(
                "pdf.encrypted", Severity.INFO, None,
                "PDF 已加密（仅限制权限），内容可以读取",
                "The PDF is encrypted with permission restrictions only; its content can be read",
            ))
    def _load_error(self, err_code: int | None) -> None:
        cfg = self.cfg
        if err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            self.findings.append(Finding(
                "pdf.encrypted", cfg.pdf.encrypted_severity, None,
                "PDF 已加密，需要密码才能打开；请申请人提供未加密的文件",
                "The PDF is encrypted and needs a password to open; ask for an unencrypted file",
            ))
        else:
            self.findings.append(self._corrupt(f"PDFium error {err_code}"))

    def _corrupt(self, detail: str) -> Finding:
        return Finding(
            "pdf.corrupt", self.cfg.pdf.corrupt_severity, None,
            f"PDF 文件已损坏或不完整，无法打开（{detail}）",
            f"The PDF file is damaged or incomplete and cannot be opened ({detail})",
        )

    def pages(self) -> Iterator[PageImage | Finding]:
        doc, cfg = self._doc, self.cfg
        if doc is None or not self.page_count:
            return
        for index in range(min(self.page_count, cfg.file.max_pages_checked)):
            try:
                with _quiet():
                    page = self._render(doc, index)
            except Exception as exc:  # noqa: BLE001 - a broken page is a finding, the rest still count
                yield Finding(
                    "pdf.corrupt", cfg.pdf.corrupt_severity, index + 1,
                    f"该页已损坏，无法显示（{type(exc).__name__}）",
                    f"This page is damaged and cannot be displayed ({type(exc).__name__})",
                )
                continue
            yield page

    def _render(self, doc: pdfium.PdfDocument, index: int) -> PageImage | Finding:
        cfg = self.cfg
        page = doc[index]
        try:
            w_pt, h_pt = page.get_size()
            if w_pt <= 0 or h_pt <= 0:
                raise ValueError("empty page box")
            images = page_images(page)
            biggest = largest_pixels(images)
            if biggest > cfg.file.max_pixels:
                # PDFium would decode it in full to draw the page: the same bomb as a huge image file
                return Finding(
                    "file.unreadable", cfg.file.unreadable_severity, index + 1,
                    f"该页嵌入的图像有 {biggest / 1e6:.0f} 百万像素，"
                    f"超过安全上限 {cfg.file.max_pixels / 1e6:.0f} 百万像素，未显示",
                    f"This page embeds an image of {biggest / 1e6:.0f} MP, above the safe limit of "
                    f"{cfg.file.max_pixels / 1e6:.0f} MP; not displayed",
                    round(biggest / 1e6, 1), round(cfg.file.max_pixels / 1e6, 1),
                )
            # analysis_dpi, but never more pixels than an A4 page at that dpi (a 5 m poster page
            # would otherwise allocate gigabytes)
            long_side = cfg.analysis_long_side
            scale = min(cfg.analysis_dpi / POINTS_PER_INCH, long_side / max(w_pt, h_pt))
            size_px = (max(1, round(w_pt * scale)), max(1, round(h_pt * scale)))
            arr = _plain_scan_or_none(page, images, size_px)
            if arr is None:
                bitmap = page.render(scale=scale, rev_byteorder=True)
                try:
                    arr = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)
                finally:
                    bitmap.close()
            source_px, placed_in = scan_geometry(images, w_pt * h_pt)
        finally:
            page.close()
        return make_page(index + 1, arr, long_side, source_px, placed_in)

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def __enter__(self) -> PdfSource:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _has_eof_marker(path: Path, tail: int = 2048) -> bool:
    """A complete PDF ends with %%EOF (a little trailing junk is common, so look at the tail)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - tail))
            return b"%%EOF" in fh.read(tail)
    except OSError:
        return False


def _plain_scan_or_none(page: pdfium.PdfPage, images: list[EmbeddedImage], size_px: tuple[int, int]
                        ) -> npt.NDArray[np.uint8] | None:
    try:
        return plain_scan(page, images, size_px)
    except Exception:  # noqa: BLE001 - the fast path is an optimisation; PDFium renders anything it declines
        return None
