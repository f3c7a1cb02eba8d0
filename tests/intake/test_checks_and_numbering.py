"""Real checks on generated scans through the worker function, and receipt numbers under concurrency."""

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.services.intake_checks import failed_outcome, run_check_job
from tests.intake import builders
from tests.intake.helpers import as_clerk, attach_ok, item


@pytest.fixture
def one_case(sqlite_hall, clock, tmp_path):
    from app.services.blobs import BlobStore
    from app.services.catalogue import CatalogueService
    from app.services.intake import IntakeService

    catalogue = CatalogueService(sqlite_hall, clock=clock)
    catalogue.ensure_sample()
    intake = IntakeService(sqlite_hall, catalogue, blobs=BlobStore(tmp_path / "blobs"), clock=clock)
    return intake, intake.start_case(bundle_code="BD01", actor=as_clerk(intake))


def _check(intake, view, key, path):
    attached = intake.attach_file(view.id, item(view, key).id, path, actor=as_clerk(intake))
    outcome = run_check_job(attached.job)
    assert outcome.file_id == attached.file.id
    return outcome, intake.record_check(attached.file.id, outcome.report)


def test_checks_find_defects_and_pass_clean_pages(one_case, tmp_path):
    intake, view = one_case
    clean, view = _check(intake, view, "enterprise_form", builders.clean_page(tmp_path / "form.png"))
    assert clean.report["findings"] == [] and len(clean.thumbnails) == 1
    assert clean.report["path"] == "form.png"
    assert clean.thumbnails[0].startswith(b"\x89PNG")
    blurred, view = _check(intake, view, "premises_proof", builders.blurred_page(tmp_path / "lease.jpg"))
    assert "image.blur" in {f["check_id"] for f in blurred.report["findings"]}
    card, view = _check(intake, view, "legal_rep_id", builders.id_card_pdf(tmp_path / "id.pdf"))
    assert card.report["page_count"] == 2 and len(card.thumbnails) == 2
    assert item(view, "legal_rep_id").status == "ok"
    assert item(view, "premises_proof").status == "needs_review"
    empty, view = _check(intake, view, "articles", builders.blank_page(tmp_path / "blank.png"))
    assert [f["check_id"] for f in empty.report["findings"]] == ["image.blank"]
    assert item(view, "articles").status == "defective"


def test_empty_and_hostile_files_give_findings_not_errors(one_case, tmp_path):
    intake, view = one_case
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    outcome, view = _check(intake, view, "enterprise_form", zero)
    assert outcome.report["worst_severity"] == "block" and outcome.thumbnails == ()
    renamed = tmp_path / "scan.pdf"
    renamed.write_bytes(builders.clean_page(tmp_path / "real.png").read_bytes())
    outcome, view = _check(intake, view, "articles", renamed)
    assert "file.type" in {f["check_id"] for f in outcome.report["findings"]}
    assert outcome.thumbnails  # still drawn from the real content


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be huge: signature, IHDR and IEND, no pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_bombs_and_odd_names_are_contained(one_case, tmp_path):
    intake, view = one_case
    bomb = tmp_path / "huge.png"
    bomb.write_bytes(_png_header_only(20_000, 20_000))
    outcome, view = _check(intake, view, "enterprise_form", bomb)
    assert outcome.report["worst_severity"] == "block" and outcome.thumbnails == ()
    odd = tmp_path / ("申请表 \u202e第1页;rm -rf ~.jpeg")
    odd.write_bytes(builders.clean_page(tmp_path / "p.png").read_bytes())
    outcome, view = _check(intake, view, "articles", odd)
    assert outcome.report["path"] == odd.name and outcome.thumbnails
    assert item(view, "enterprise_form").files[0].original_name == "huge.png"


def test_a_dead_worker_becomes_a_blocking_finding(one_case, tmp_path):
    intake, view = one_case
    attached = intake.attach_file(view.id, item(view, "enterprise_form").id, builders.blank_page(tmp_path / "x.png"),
        actor=as_clerk(intake))
    view = intake.record_check(attached.file.id, failed_outcome(attached.job, MemoryError()).report)
    finding = item(view, "enterprise_form").files[0].findings[0]
    assert finding.severity == "block" and "MemoryError" in finding.message_zh


def test_receipt_numbers_are_gapless_under_concurrency(intake, person, tmp_path, clerk):
    ready = []
    for _ in range(6):
        view = intake.start_case(["C006"], actor=as_clerk(intake))
        view = intake.set_applicant(view.id, person, actor=as_clerk(intake))
        view = attach_ok(intake, view, "form_C006", tmp_path, pages=1)
        ready.append(attach_ok(intake, view, "applicant_id", tmp_path, pages=2).id)
    with ThreadPoolExecutor(max_workers=6) as pool:
        numbers = list(pool.map(lambda case_id: intake.accept(case_id, clerk).receipt_number, ready))
    assert sorted(numbers) == [f"H023-20261123-{n:04d}" for n in range(1, 7)]
