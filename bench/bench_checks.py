"""`onewindow bench checks --json`: material-check timings on synthetic scans.

- one A4 page scanned at 300 dpi (2480x3508), as JPEG and as PNG, through ``check_file`` end to end
  (decode + every check that applies to a business licence, the kind with the most checks);
- the same page already in memory (analysis only, no decoding);
- a 20-page scanned PDF (300 dpi JPEG pages) end to end.
Targets: page median under 150 ms, 20-page PDF under 2 s. Medians of several runs after a warm-up.

On a shared machine wall times swing with the load, so each page file is also decoded bare (the
whole image, as a plain program would: Pillow and OpenCV, the faster counts) in the same run,
alternating with the checks, and the check time is reported as a ratio to that decode
(target: checks <= 1.5x decode).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from app.checks import CheckConfig, check_file
from app.checks.synthetic import PageSpec, draw_page
from bench.bench_gui_stall import measure_stall

KIND = "business_licence"  # colour, QR and all layout checks apply
# The image checks alone: OCR (a licence is an OCR kind) is measured by `onewindow bench ocr`.
NO_OCR: dict[str, object] = {"ocr": {"enabled": False}}
NO_OCR_CFG = CheckConfig.from_dict(NO_OCR)


def _median_ms(fn: Callable[[], object], runs: int) -> dict[str, float]:
    fn()  # warm-up: imports, allocator, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "min_ms": round(min(times), 1),
            "max_ms": round(max(times), 1), "runs": runs}


def _decode_pillow(path: Path) -> Callable[[], object]:
    def go() -> object:
        with Image.open(path) as img:
            img.load()
            return img.size

    return go


def _decode_opencv(path: Path) -> Callable[[], object]:
    import cv2
    import numpy as np

    return lambda: cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_UNCHANGED)


def _against_decode(path: Path, runs: int) -> dict[str, Any]:
    """check_file and bare decodes of the same file, interleaved so that load hits all alike."""
    fns: dict[str, Callable[[], object]] = {
        "check": lambda: check_file(path, KIND, NO_OCR_CFG),
        "pillow": _decode_pillow(path), "opencv": _decode_opencv(path),
    }
    times: dict[str, list[float]] = {name: [] for name in fns}
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn()  # warm-up
    for _ in range(runs):
        for name, fn in fns.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((time.process_time() - start_cpu) * 1000)
    med = {name: statistics.median(t) for name, t in times.items()}
    med_cpu = {name: statistics.median(t) for name, t in cpu.items()}
    decode = min(med["pillow"], med["opencv"])
    decode_cpu = min(med_cpu["pillow"], med_cpu["opencv"])
    return {"median_ms": round(med["check"], 1), "min_ms": round(min(times["check"]), 1),
            "max_ms": round(max(times["check"]), 1), "runs": runs, "bytes": path.stat().st_size,
            "decode_pillow_ms": round(med["pillow"], 1), "decode_opencv_ms": round(med["opencv"], 1),
            "ratio_to_decode": round(med["check"] / decode, 2),
            # CPU time of this process (all its threads): steadier than wall time on a busy machine
            "cpu_ms": round(med_cpu["check"], 1), "decode_cpu_ms": round(decode_cpu, 1),
            "cpu_ratio_to_decode": round(med_cpu["check"] / decode_cpu, 2)}


def _analysis_only(rgb: Any, cfg: CheckConfig) -> Callable[[], object]:
    from app.checks.file_steps import FileFacts
    from app.checks.measure import PageStats
    from app.checks.page import make_page
    from app.checks.page_steps import PAGE_STEPS, is_blank
    from app.checks.steps import PageContext, run_page_steps

    def go() -> object:
        page = make_page(1, rgb, cfg.analysis_long_side, (rgb.shape[1], rgb.shape[0]))
        stats = PageStats(page, cfg)
        blank = is_blank(stats, cfg)
        found = run_page_steps(PAGE_STEPS, PageContext(page, stats, cfg, KIND), blank)
        FileFacts().add_page(page, stats, blank)  # includes QR decoding
        return found

    return go


def run(runs: int = 15, pdf_runs: int = 5) -> dict[str, Any]:
    cfg = CheckConfig()
    spec = PageSpec(dpi=300, table=True, seal=True, qr_payload="https://www.gsxt.gov.cn/#/bench")
    page = draw_page(spec)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        jpeg, png, pdf = d / "a4_300.jpg", d / "a4_300.png", d / "scan_20_pages.pdf"
        Image.fromarray(page).save(jpeg, quality=85, dpi=(300, 300))
        Image.fromarray(page).save(png, dpi=(300, 300))
        others = [draw_page(PageSpec(dpi=300, seed=s, table=s % 2 == 0)) for s in (2, 3, 4)]
        pdf_pages = [Image.fromarray(p) for p in ([page, *others] * 5)]
        buf = io.BytesIO()
        pdf_pages[0].save(buf, format="PDF", save_all=True, append_images=pdf_pages[1:], resolution=300.0,
                          quality=85)
        pdf.write_bytes(buf.getvalue())
        report = check_file(pdf, KIND, NO_OCR_CFG)
        assert report.page_count == 20, report
        result = {
            "benchmark": "checks",
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "material_kind": KIND,
            "a4_300dpi_jpeg": _against_decode(jpeg, runs),
            "a4_300dpi_png": _against_decode(png, runs),
            "a4_300dpi_in_memory_analysis": _median_ms(_analysis_only(page, cfg), runs),
            "pdf_20_pages_300dpi": {**_median_ms(lambda: check_file(pdf, KIND, NO_OCR_CFG), pdf_runs),
                                    "bytes": pdf.stat().st_size,
                                    "findings": [f.check_id for f in report.findings]},
            "targets": {"page_median_ms": 150.0, "pdf_20_pages_ms": 2000.0, "png_ratio_to_decode": 1.5},
        }
        # The intake screen checking a 20-page application (20 page scans + the PDF) in its worker pool.
        pages = []
        for i, img in enumerate(pdf_pages):
            path = d / f"page_{i + 1:02d}.jpg"
            img.save(path, quality=85, dpi=(300, 300))
            pages.append(path)
        result["gui_event_loop_while_checking"] = measure_stall([*pages, pdf], KIND, NO_OCR)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="onewindow bench checks")
    parser.add_argument("--json", action="store_true", help="one JSON object on one line")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    result = run(args.runs)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
