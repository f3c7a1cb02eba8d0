"""PDF checks: encrypted, corrupt/truncated, page counts, render cap, resolution of the embedded scan."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from app.checks import CheckConfig, Severity, check_file
from app.checks.measure import PageStats
from app.checks.page import make_page
from app.checks.pdf_images import page_images, plain_scan
from tests.checks import corpus
from tests.checks.conftest import assert_passes, ids


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory: pytest.TempPathFactory, clean_page: corpus.Arr, form_page: corpus.Arr) -> Path:
    return corpus.save_pdf([clean_page, form_page], tmp_path_factory.mktemp("pdf") / "scan.pdf")


def test_clean_scanned_pdf_passes(scanned_pdf: Path) -> None:
    report = check_file(scanned_pdf, "application_form")
    assert_passes(report)
    assert report.detected_type == "pdf" and report.page_count == 2


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    data = corpus.encrypted_pdf(user_password="secret")
    # prove the fixture is a real encrypted PDF: PDFium opens it with the password only
    with pdfium.PdfDocument(data, password="secret") as doc:
        assert len(doc) == 1
    path = tmp_path / "locked.pdf"
    path.write_bytes(data)
    report = check_file(path)
    assert [(f.check_id, f.severity) for f in report.findings] == [("pdf.encrypted", Severity.BLOCK)]


def test_permissions_only_encryption_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(corpus.encrypted_pdf(user_password=""))
    report = check_file(path, "application_form")
    assert [(f.check_id, f.severity) for f in report.by_id("pdf.encrypted")] == [("pdf.encrypted", Severity.INFO)]
    assert report.page_count == 1


@pytest.mark.parametrize("keep", [0.05, 0.5, 0.97])
def test_truncated_pdf_is_corrupt(scanned_pdf: Path, tmp_path: Path, keep: float) -> None:
    data = scanned_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    report = check_file(path, "application_form")
    assert [f.severity for f in report.by_id("pdf.corrupt")] == [Severity.BLOCK]


def test_cut_off_end_marker_only(scanned_pdf: Path, tmp_path: Path) -> None:
    """PDFium can still read a file that lost only its last bytes; the missing %%EOF still tells us
    the transfer was cut."""
    path = tmp_path / "almost.pdf"
    path.write_bytes(scanned_pdf.read_bytes()[:-7])
    report = check_file(path, "application_form")
    assert "pdf.corrupt" in ids(report) and report.page_count == 2


def test_garbage_pdf(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 500)
    assert ids(check_file(path)) == {"pdf.corrupt"}


def test_pdf_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    with pdfium.PdfDocument.new() as doc:
        doc.save(path)
    report = check_file(path)
    assert [(f.check_id, f.severity) for f in report.findings] == [("pdf.pages", Severity.BLOCK)]
    assert report.page_count == 0


def test_more_pages_than_the_kind_allows(clean_page: corpus.Arr, tmp_path: Path) -> None:
    small = corpus.rescaled(clean_page, corpus.DPI, 150)
    path = corpus.save_pdf([small] * 3, tmp_path / "id.pdf", dpi=150)
    report = check_file(path, "resident_id")
    pages = report.by_id("pdf.pages")
    assert [(f.severity, f.measured, f.threshold) for f in pages] == [(Severity.WARN, 3.0, 2.0)]
    assert "pdf.pages" not in ids(check_file(path, "contract"))


def test_render_cap(tmp_path: Path) -> None:
    """Only the first pages are rendered; the rest is reported, not silently skipped."""
    path = tmp_path / "long.pdf"
    with pdfium.PdfDocument.new() as doc:
        for _ in range(7):
            doc.new_page(200, 200)
        doc.save(path)
    cfg = CheckConfig.from_dict({"file": {"max_pages_checked": 5}})
    report = check_file(path, "other", cfg)
    assert report.page_count == 7
    assert len(report.by_id("image.blank")) == 5
    [cap] = [f for f in report.by_id("pdf.pages") if f.severity is Severity.INFO]
    assert (cap.measured, cap.threshold) == (7.0, 5.0)


def test_low_resolution_scan_inside_pdf(clean_page: corpus.Arr, tmp_path: Path) -> None:
    """The resolution of a PDF is that of the embedded scan (pixels / placed size), not the 150 dpi
    at which we render it."""
    low = corpus.rescaled(clean_page, corpus.DPI, 72)
    path = corpus.save_pdf([low], tmp_path / "low.pdf", dpi=72)
    [dpi] = check_file(path, "contract").by_id("image.dpi")
    assert dpi.severity is Severity.BLOCK and dpi.measured == pytest.approx(72, abs=1)
    assert "PDF" in dpi.message_en


def test_defects_inside_pdf_pages(clean_page: corpus.Arr, tmp_path: Path) -> None:
    pages = [clean_page, corpus.skewed(clean_page, 6.0), corpus.turned(clean_page)]
    report = check_file(corpus.save_pdf(pages, tmp_path / "mixed.pdf"), "contract")
    assert {(f.check_id, f.page) for f in report.findings} == {("image.skew", 2), ("image.orientation", 3)}


def test_scanner_pdf_fast_path_matches_pdfium_rendering(scanned_pdf: Path) -> None:
    """Plain scanner pages are decoded straight from their JPEG; the result must be what PDFium
    would have drawn, as far as the checks can tell."""
    cfg = CheckConfig()
    with pdfium.PdfDocument(scanned_pdf) as doc:
        page = doc[1]
        w_pt, h_pt = page.get_size()
        scale = cfg.analysis_dpi / 72
        size = (round(w_pt * scale), round(h_pt * scale))
        fast = plain_scan(page, page_images(page), size)
        assert fast is not None and (fast.shape[1], fast.shape[0]) == size
        rendered = page.render(scale=scale, rev_byteorder=True).to_numpy()[: size[1], : size[0], :3]
    assert np.abs(fast.astype(int) - rendered.astype(int)).mean() < 8
    a, b = (PageStats(make_page(1, np.ascontiguousarray(x), cfg.analysis_long_side, None), cfg)
            for x in (fast, rendered))
    assert a.sharpness == pytest.approx(b.sharpness, rel=0.1)
    assert a.paper_level == pytest.approx(b.paper_level, abs=3)
    assert a.lines.h_angle == pytest.approx(b.lines.h_angle, abs=0.3)


def test_page_with_more_than_a_scan_is_rendered(tmp_path: Path) -> None:
    with pdfium.PdfDocument(corpus.encrypted_pdf(user_password="")) as doc:
        page = doc[0]
        assert plain_scan(page, page_images(page), (100, 141)) is None


def test_oversized_embedded_image_is_not_decoded(tmp_path: Path, clean_page: corpus.Arr) -> None:
    """An image XObject claiming 20000x20000 pixels: PDFium would allocate gigabytes to draw it."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(corpus.image_pdf(20000, 20000, corpus.jpeg_bytes(clean_page[:8, :8])))
    report = check_file(path)
    [finding] = report.findings
    assert (finding.check_id, finding.page, finding.measured) == ("file.unreadable", 1, 400.0)
