"""Running the material checks on an attached file, in a worker process (or inline in tests).

`run_check_job` is a plain module-level function on plain data so a ProcessPoolExecutor can call it:
the GUI stays responsive however long a page takes, and a crash on a hostile file kills a worker,
not the window. It also renders small page thumbnails, for the same reason: decoding a 20,000 x
20,000 pixel "scan" must never happen on the GUI thread.
"""

from __future__ import annotations

import io
import logging
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.checks import CheckConfig, check_file
from app.services.intake_views import CheckJob

log = logging.getLogger("onewindow.intake.checks")

THUMB_BOX = (180, 250)  # pixels: a portrait A4 page at thumbnail size
MAX_THUMB_PAGES = 6
MAX_DECODE_PIXELS = 80_000_000  # same ceiling as the checks: larger images get no thumbnail


@dataclass(frozen=True)
class CheckOutcome:
    file_id: str
    report: dict[str, Any]
    thumbnails: tuple[bytes, ...]  # PNG per page (first few pages), empty when it cannot be drawn


def _named_link(blob_path: Path, original_name: str, workdir: Path) -> Path:
    """The blob under a name with the original extension (the checks judge a misleading extension)."""
    suffix = "".join(c for c in Path(original_name).suffix.lower() if c.isalnum() or c == ".")[:10]
    link = workdir / f"material{suffix}"
    try:
        link.symlink_to(blob_path)
    except OSError:  # no symlinks (e.g. Windows without the privilege): a copy will do
        shutil.copyfile(blob_path, link)
    return link


def run_check_job(job: CheckJob) -> CheckOutcome:
    config = CheckConfig.from_dict(job.check_config) if job.check_config else None
    with tempfile.TemporaryDirectory(prefix="onewindow-check-") as tmp:
        path = _named_link(Path(job.blob_path), job.original_name, Path(tmp))
        report = check_file(path, job.material_kind, config, job.expected_id, job.expected_name).to_dict()
        report["path"] = job.original_name  # the temporary link means nothing to anyone later
        thumbs = thumbnails(path, report.get("detected_type"))
    return CheckOutcome(job.file_id, report, thumbs)


def failed_outcome(job: CheckJob, error: BaseException) -> CheckOutcome:
    """What to record when the worker itself died (e.g. a crash in a decoder): block, check by hand."""
    name = type(error).__name__
    report = {
        "path": job.original_name,
        "material_kind": job.material_kind,
        "detected_type": None,
        "page_count": None,
        "worst_severity": "block",
        "findings": [
            {
                "check_id": "file.unreadable",
                "severity": "block",
                "page": None,
                "message_zh": f"检查程序处理该文件时异常退出（{name}），请重新扫描或人工核验",
                "message_en": f"The check worker failed on this file ({name}); rescan it or verify by hand",
                "measured": None,
                "threshold": None,
            }
        ],
    }
    return CheckOutcome(job.file_id, report, ())


def thumbnails(
    path: Path, detected_type: str | None, box: tuple[int, int] = THUMB_BOX, max_pages: int = MAX_THUMB_PAGES
) -> tuple[bytes, ...]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns on large images; we guard the size ourselves
            if detected_type == "pdf":
                return _pdf_thumbs(path, box, max_pages)
            if detected_type in ("jpeg", "png", "tiff"):
                return _image_thumbs(path, box, max_pages)
    except Exception as exc:  # noqa: BLE001 - a missing thumbnail is never worth an error at the window
        log.info("no thumbnail (%s)", type(exc).__name__)
    return ()


def render_page(path: Path, detected_type: str | None, page: int, long_side: int = 1400) -> bytes | None:
    """One page as PNG for the page viewer; None when it cannot be drawn."""
    found = thumbnails(path, detected_type, (long_side, long_side), max_pages=page + 1)
    return found[page] if page < len(found) else None


def _png(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _image_thumbs(path: Path, box: tuple[int, int], max_pages: int) -> tuple[bytes, ...]:
    from PIL import Image, ImageOps

    out = []
    with Image.open(path) as im:
        if im.width * im.height > MAX_DECODE_PIXELS:
            return ()
        for index in range(min(getattr(im, "n_frames", 1), max_pages)):
            im.seek(index)
            if im.format == "JPEG":
                im.draft("RGB", (box[0] * 2, box[1] * 2))  # decode at reduced size: much faster
            frame = ImageOps.exif_transpose(im.convert("RGB"))
            frame.thumbnail(box)
            out.append(_png(frame))
    return tuple(out)


def _pdf_thumbs(path: Path, box: tuple[int, int], max_pages: int) -> tuple[bytes, ...]:
    import pypdfium2 as pdfium

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            width, height = page.get_size()
            scale = min(box[0] / max(width, 1), box[1] / max(height, 1))
            bitmap = page.render(scale=scale)
            out.append(_png(bitmap.to_pil()))
            page.close()
    finally:
        pdf.close()
    return tuple(out)
