"""File-level checks and hostile input: type by content, empty, missing, huge, truncated,
decompression bombs, odd names. Every case ends in a report, never an exception."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.checks import CheckConfig, Severity, check_file
from app.checks.sniff import detect_type, header_size
from tests.checks import corpus
from tests.checks.conftest import assert_passes, ids


def test_detect_type_by_magic() -> None:
    assert detect_type(b"%PDF-1.7\n") == "pdf"
    assert detect_type(b"\x00\x00junk before the header %PDF-1.4") == "pdf"  # readers allow this
    assert detect_type(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg"
    assert detect_type(b"\x89PNG\r\n\x1a\n") == "png"
    assert detect_type(b"II*\x00") == "tiff"
    assert detect_type(b"MM\x00*") == "tiff"
    assert detect_type(b"PK\x03\x04") is None  # a .docx / zip
    assert detect_type(b"") is None


def test_header_size_without_decoding(clean_page: corpus.Arr) -> None:
    data = corpus.jpeg_bytes(clean_page)
    assert header_size(io.BytesIO(data), "jpeg") == (clean_page.shape[1], clean_page.shape[0])
    assert header_size(io.BytesIO(corpus.png_header_only(20000, 20000)), "png") == (20000, 20000)
    assert header_size(io.BytesIO(b"\xff\xd8\xff"), "jpeg") is None  # cut inside the first marker


def test_jpeg_renamed_pdf_is_checked_as_jpeg(clean_page: corpus.Arr, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(corpus.jpeg_bytes(clean_page))
    report = check_file(path, "application_form")
    assert report.detected_type == "jpeg"
    wrong_name = report.by_id("file.type")
    assert [f.severity for f in wrong_name] == [Severity.INFO]
    assert "JPEG" in wrong_name[0].message_en and ".pdf" in wrong_name[0].message_en
    assert_passes(report)


def test_unknown_type_blocks(tmp_path: Path) -> None:
    path = tmp_path / "material.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    report = check_file(path)
    assert [(f.check_id, f.severity) for f in report.findings] == [("file.type", Severity.BLOCK)]
    assert report.detected_type is None


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.touch()
    report = check_file(path)
    assert [(f.check_id, f.severity) for f in report.findings] == [("file.unreadable", Severity.BLOCK)]
    assert report.size_bytes == 0


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = check_file(tmp_path / "nope.pdf")
    assert ids(missing) == {"file.unreadable"} and missing.blocked
    folder = check_file(tmp_path)
    assert ids(folder) == {"file.unreadable"} and folder.blocked


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".tif"])
def test_truncated_image(clean_page: corpus.Arr, tmp_path: Path, suffix: str) -> None:
    whole = corpus.save(clean_page, tmp_path / f"whole{suffix}")
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    report = check_file(cut, "contract")
    assert "file.unreadable" in ids(report)
    assert report.blocked


def test_garbage_after_magic(tmp_path: Path) -> None:
    for name, head in [("a.png", b"\x89PNG\r\n\x1a\n"), ("a.jpg", b"\xff\xd8\xff\xe0"), ("a.tif", b"II*\x00")]:
        path = tmp_path / name
        path.write_bytes(head + os.urandom(3000))
        report = check_file(path)
        assert ids(report) == {"file.unreadable"}, (name, report.findings)


def test_decompression_bomb_header_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(corpus.png_header_only(20000, 20000))
    report = check_file(path)
    [finding] = report.findings
    assert finding.check_id == "file.unreadable" and finding.severity is Severity.BLOCK
    assert finding.measured == 400.0 and "20000x20000" in finding.message_en


def test_real_large_image_over_the_pixel_limit(tmp_path: Path) -> None:
    """A genuinely decodable image just over a (lowered) pixel limit: refused from the header; under
    the limit it is decoded and checked normally."""
    path = tmp_path / "big.png"
    Image.new("L", (3000, 3000), 250).save(path)
    small_limit = CheckConfig.from_dict({"file": {"max_pixels": 8_000_000}})
    assert ids(check_file(path, config=small_limit)) == {"file.unreadable"}
    assert "file.unreadable" not in ids(check_file(path))


def test_pillow_bomb_guard_on_tiff(tmp_path: Path) -> None:
    """TIFF sizes come from Pillow's lazy open; a header over Pillow's own bomb limit is a finding."""
    path = tmp_path / "bomb.tif"
    img = Image.new("1", (1, 1))
    buf = io.BytesIO()
    img.save(buf, format="TIFF")
    data = bytearray(buf.getvalue())
    # patch ImageWidth/ImageLength (tags 256/257) in the first IFD to 20000
    ifd = int.from_bytes(data[4:8], "little")
    count = int.from_bytes(data[ifd : ifd + 2], "little")
    for i in range(count):
        entry = ifd + 2 + 12 * i
        tag = int.from_bytes(data[entry : entry + 2], "little")
        if tag in (256, 257):
            data[entry + 2 : entry + 4] = (4).to_bytes(2, "little")  # LONG
            data[entry + 8 : entry + 12] = (20000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    report = check_file(path)
    assert ids(report) == {"file.unreadable"} and report.blocked


def test_huge_file_is_not_read(tmp_path: Path, clean_page: corpus.Arr) -> None:
    """A 200 MB file (sparse: it costs no disk) is refused from its size alone."""
    path = tmp_path / "huge.jpg"
    with open(path, "wb") as fh:
        fh.write(corpus.jpeg_bytes(clean_page))
        fh.truncate(200 * 1024 * 1024)
    report = check_file(path)
    [finding] = report.findings
    assert finding.check_id == "file.unreadable" and finding.measured == 200.0 and finding.threshold == 100.0
    assert report.detected_type == "jpeg" and report.page_count is None


@pytest.mark.parametrize("name", ["scan with spaces.png", "居民身份证 正面.png", "line\nbreak.png", "-dash.png",
                                  "tab\tand 'quotes\".png"])
def test_odd_file_names(name: str, tmp_path: Path, clean_page: corpus.Arr) -> None:
    path = corpus.save(corpus.rescaled(clean_page, corpus.DPI, 150), tmp_path / name, dpi=150)
    report = check_file(path, "contract")
    assert_passes(report)
    assert report.path == str(path)


def test_multipage_tiff(clean_page: corpus.Arr, tmp_path: Path) -> None:
    pages = [Image.fromarray(clean_page), Image.fromarray(corpus.blurred(clean_page, 4.0)),
             Image.fromarray(corpus.page(lines=0, title=False, seed=5))]
    path = tmp_path / "scan.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(200, 200), compression="tiff_lzw")
    report = check_file(path, "contract")
    assert report.page_count == 3
    assert [(f.check_id, f.page, f.severity) for f in report.findings] == [
        ("image.blur", 2, Severity.BLOCK),
        ("image.blank", 3, Severity.INFO),  # a blank back side among written pages is only a notice
    ]
    # page limits apply to multi-page TIFF as to PDF: a resident ID has two sides
    assert [f.measured for f in check_file(path, "resident_id").by_id("pdf.pages")] == [3.0]


def test_reports_cross_process_boundaries(clean_page: corpus.Arr, tmp_path: Path) -> None:
    """The GUI runs checks in a process pool: reports must pickle and serialise to JSON."""
    import json
    import pickle

    report = check_file(corpus.save(corpus.skewed(clean_page, 5.0), tmp_path / "s.jpg"), "contract")
    assert pickle.loads(pickle.dumps(report)) == report
    doc = json.loads(json.dumps(report.to_dict()))
    assert doc["worst_severity"] == "warn" and doc["findings"][0]["check_id"] == "image.skew"


def test_greyscale_16_bit_and_palette_images(clean_page: corpus.Arr, tmp_path: Path) -> None:
    grey = corpus.grey_rgb(clean_page)[:, :, 0]
    wide = tmp_path / "g16.png"
    Image.fromarray(grey.astype(np.uint16) * 257).save(wide)  # full 16-bit range, as a scanner writes it
    assert_passes(check_file(wide, "contract"))
    palette = tmp_path / "p.png"
    Image.fromarray(clean_page).convert("P", palette=Image.Palette.ADAPTIVE).save(palette)
    assert_passes(check_file(palette, "contract"))
    bilevel = tmp_path / "bw.tif"  # black-and-white scan; the grey paper comes out dithered
    Image.fromarray(clean_page).convert("1").save(bilevel, compression="group4")
    assert_passes(check_file(bilevel, "contract"))
    transparent = tmp_path / "rgba.png"
    rgba = Image.fromarray(clean_page).convert("RGBA")
    rgba.putalpha(Image.new("L", rgba.size, 255))
    rgba.save(transparent)
    assert_passes(check_file(transparent, "contract"))


def test_unknown_material_kind_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown material kind"):
        check_file(tmp_path / "x.pdf", "passport")


def test_findings_never_modify_the_file(clean_page: corpus.Arr, tmp_path: Path) -> None:
    path = corpus.save(corpus.blurred(clean_page, 4.0), tmp_path / "blur.png")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    check_file(path, "contract")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_internal_error_becomes_a_finding(clean_page: corpus.Arr, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from app.checks import page_steps

    def boom(ctx: object) -> None:
        raise RuntimeError("bug")

    broken = page_steps.PageStep("image.blur", page_steps.check_blur.kinds, boom)
    monkeypatch.setattr("app.checks.pipeline.PAGE_STEPS", (broken,))
    path = corpus.save(clean_page, tmp_path / "ok.png")
    report = check_file(path, "contract")
    assert ids(report) == {"file.unreadable"} and "RuntimeError" in report.findings[0].message_en


def test_png_fast_decode_matches_pillow(tmp_path: Path) -> None:
    """Plain grey and RGB PNGs are decoded by OpenCV at reduced size; the page is the one Pillow
    gives. PNGs with a palette, transparency or an EXIF orientation are left to Pillow."""
    from app.checks.raster import decode_frame, decode_png

    rgb = corpus.page(dpi=300, seed=11, seal=True)
    cases = {"rgb.png": rgb, "grey.png": rgb[:, :, 1]}
    for name, pixels in cases.items():
        path = tmp_path / name
        Image.fromarray(pixels).save(path, compress_level=1)
        with Image.open(path) as img:
            fast = decode_png(path, img, 1754)
        with Image.open(path) as img:
            slow = decode_frame(img, 1754)
        assert fast is not None and fast.shape == slow.shape, name
        assert float(np.abs(fast.astype(np.int16) - slow.astype(np.int16)).mean()) < 1.0, name
    Image.fromarray(rgb).convert("P").save(tmp_path / "palette.png")
    Image.fromarray(rgb).convert("RGBA").save(tmp_path / "alpha.png")
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(rgb).save(tmp_path / "exif.png", exif=exif.tobytes())
    for name in ("palette.png", "alpha.png", "exif.png"):
        with Image.open(tmp_path / name) as img:
            assert decode_png(tmp_path / name, img, 1754) is None, name
    # the EXIF-turned PNG is still checked upright, through Pillow
    report = check_file(tmp_path / "exif.png", "contract")
    assert "image.orientation" in ids(report)  # stored upright, tagged "rotate 90": shown sideways


def test_jpeg_fast_decode_matches_pillow(tmp_path: Path) -> None:
    """Plain grey and RGB JPEGs are decoded by OpenCV at reduced size into the array the checks use: the same
    pixels as Pillow's draft mode. CMYK, EXIF-turned and truncated JPEGs are left to Pillow."""
    from app.checks.raster import decode_frame, decode_jpeg

    rgb = corpus.page(dpi=300, seed=12, seal=True)
    cases = {"rgb.jpg": rgb, "grey.jpg": rgb[:, :, 1], "small.jpg": rgb[::3, ::3], "big.jpg": np.repeat(rgb, 2, 0)}
    for name, pixels in cases.items():
        path = tmp_path / name
        Image.fromarray(np.ascontiguousarray(pixels)).save(path, quality=85)
        with Image.open(path) as img:
            fast = decode_jpeg(path, img, 1754)
        with Image.open(path) as img:
            slow = decode_frame(img, 1754)
        assert fast is not None and fast.shape == slow.shape, name
        assert float(np.abs(fast.astype(np.int16) - slow.astype(np.int16)).mean()) < 0.5, name
    Image.fromarray(rgb).convert("CMYK").save(tmp_path / "cmyk.jpg")
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(rgb).save(tmp_path / "exif.jpg", exif=exif.tobytes())
    whole = (tmp_path / "rgb.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(whole[: len(whole) * 2 // 3])
    for name in ("cmyk.jpg", "exif.jpg", "cut.jpg"):
        with Image.open(tmp_path / name) as img:
            assert decode_jpeg(tmp_path / name, img, 1754) is None, name
    assert "image.orientation" in ids(check_file(tmp_path / "exif.jpg", "contract"))  # through Pillow, turned
    assert ids(check_file(tmp_path / "cut.jpg", "contract")) == {"file.unreadable"}  # Pillow: truncated
