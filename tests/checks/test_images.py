"""Image-quality and layout checks on a labelled synthetic corpus: every defect is found under its
stable id, and clean pages of every kind pass (no block, no warn)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.checks import CheckConfig, Severity, check_file
from app.checks.config import ID1_MM
from tests.checks import corpus
from tests.checks.conftest import assert_passes, ids

Derive = Callable[[corpus.Arr], corpus.Arr]

DEFECTS: dict[str, tuple[Derive, str, str, Severity]] = {
    # name: (derivation from a clean page, material kind, expected check id, expected severity)
    "blank": (lambda p: corpus.page(lines=0, title=False, seed=9), "application_form", "image.blank", Severity.BLOCK),
    "blur_heavy": (lambda p: corpus.blurred(p, 4.0), "application_form", "image.blur", Severity.BLOCK),
    "blur_moderate": (lambda p: corpus.blurred(p, 2.2), "application_form", "image.blur", Severity.WARN),
    "low_res_72dpi": (lambda p: corpus.rescaled(p, corpus.DPI, 72), "application_form", "image.dpi", Severity.BLOCK),
    "low_res_120dpi": (lambda p: corpus.rescaled(p, corpus.DPI, 120), "contract", "image.dpi", Severity.WARN),
    "turned_90": (corpus.turned, "application_form", "image.orientation", Severity.WARN),
    "turned_270": (lambda p: corpus.turned(corpus.turned(corpus.turned(p))), "other", "image.orientation",
                   Severity.WARN),
    "skewed_5": (lambda p: corpus.skewed(p, 5.0), "contract", "image.skew", Severity.WARN),
    "skewed_minus_7": (lambda p: corpus.skewed(p, -7.0), "application_form", "image.skew", Severity.WARN),
    "cut_left": (lambda p: corpus.cut_off(p, 30, "left"), "application_form", "image.cropped", Severity.WARN),
    "cut_top": (lambda p: corpus.cut_off(p, 40, "top"), "contract", "image.cropped", Severity.WARN),
    "cut_right": (lambda p: corpus.cut_off(p, 30, "right"), "other", "image.cropped", Severity.WARN),
    "cut_bottom": (lambda p: corpus.cut_off(p, 100, "bottom"), "other", "image.cropped", Severity.WARN),
    "dark": (corpus.dark, "application_form", "image.exposure", Severity.WARN),
    "faded": (corpus.faded, "application_form", "image.exposure", Severity.WARN),
}


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_defect_is_found(name: str, clean_page: corpus.Arr, corpus_dir: Path) -> None:
    derive, kind, check_id, severity = DEFECTS[name]
    path = corpus.save(derive(clean_page), corpus_dir / f"{name}.png")
    report = check_file(path, kind)
    found = report.by_id(check_id)
    assert found, f"{check_id} not found; got {[(f.check_id, f.measured) for f in report.findings]}"
    assert found[0].severity is severity
    assert found[0].page == 1
    assert found[0].measured is not None and found[0].threshold is not None
    assert found[0].message_zh and found[0].message_en
    assert report.worst_severity is not None and report.worst_severity.rank >= severity.rank


def test_defects_do_not_spill_into_unrelated_checks(clean_page: corpus.Arr, corpus_dir: Path) -> None:
    """A skewed page is not also called blurred, turned or cut off; a faded one is not blank."""
    skew = check_file(corpus.save(corpus.skewed(clean_page, 5.0), corpus_dir / "skew_only.png"), "contract")
    assert ids(skew) == {"image.skew"}
    fade = check_file(corpus.save(corpus.faded(clean_page), corpus_dir / "fade_only.png"), "contract")
    assert ids(fade) == {"image.exposure"}
    turned = check_file(corpus.save(corpus.turned(clean_page), corpus_dir / "turn_only.png"), "contract")
    assert ids(turned) == {"image.orientation"}


@pytest.mark.parametrize(
    ("fixture", "kind", "suffix"),
    [
        ("clean_page", "application_form", ".png"),
        ("clean_page", "contract", ".jpg"),
        ("clean_page", "other", ".tif"),
        ("form_page", "application_form", ".jpg"),
        ("sealed_page", "certificate", ".jpg"),
        ("sealed_page", "contract", ".png"),
        ("licence_page", "business_licence", ".jpg"),
    ],
)
def test_clean_pages_pass(fixture: str, kind: str, suffix: str, request: pytest.FixtureRequest,
                          corpus_dir: Path) -> None:
    img = request.getfixturevalue(fixture)
    report = check_file(corpus.save(img, corpus_dir / f"clean_{fixture}_{kind}{suffix}"), kind)
    assert_passes(report)
    assert report.page_count == 1


def test_clean_page_at_300_dpi_passes(corpus_dir: Path) -> None:
    report = check_file(corpus.save(corpus.page(dpi=300, seed=7, table=True), corpus_dir / "a4_300.jpg", dpi=300),
                        "application_form")
    assert_passes(report)


def test_clean_page_at_exactly_150_dpi_passes(corpus_dir: Path) -> None:
    report = check_file(corpus.save(corpus.page(dpi=150, seed=8), corpus_dir / "a4_150.png", dpi=150), "contract")
    assert_passes(report)


def test_slight_skew_and_scanner_border_are_tolerated(clean_page: corpus.Arr, corpus_dir: Path) -> None:
    """Prefer silence on pages a clerk would accept: 1.5 degrees of skew, a dark scanner lid edge."""
    assert_passes(check_file(corpus.save(corpus.skewed(clean_page, 1.5), corpus_dir / "skew15.png"), "contract"))
    bordered = corpus.dark_scanner_border(clean_page)
    assert_passes(check_file(corpus.save(bordered, corpus_dir / "border.png"), "contract"))
    wedges = corpus.skewed(clean_page, 4.0, background=20)  # skewed on a black lid: dark wedges at the edges
    report = check_file(corpus.save(wedges, corpus_dir / "wedges.png"), "contract")
    assert ids(report) == {"image.skew"}


def test_resident_id_card_scan_passes(corpus_dir: Path) -> None:
    card = corpus.page(dpi=300, paper_mm=ID1_MM, lines=4, seed=3)
    assert_passes(check_file(corpus.save(card, corpus_dir / "card.jpg", dpi=300), "resident_id"))
    small = corpus.rescaled(card, 300, 80)
    report = check_file(corpus.save(small, corpus_dir / "card_small.jpg", dpi=80), "resident_id")
    assert [f.severity for f in report.by_id("image.dpi")] == [Severity.BLOCK]


def test_colour_seal_required(sealed_page: corpus.Arr, clean_page: corpus.Arr, corpus_dir: Path) -> None:
    assert_passes(check_file(corpus.save(sealed_page, corpus_dir / "seal.png"), "certificate"))
    # the same certificate scanned in grey mode, stored as RGB and as a true greyscale file
    grey_rgb = check_file(corpus.save(corpus.grey_rgb(sealed_page), corpus_dir / "seal_grey_rgb.png"), "certificate")
    assert ids(grey_rgb) == {"image.colour"}
    assert "No colour found" in grey_rgb.by_id("image.colour")[0].message_en
    grey_path = corpus_dir / "seal_grey.png"
    Image.fromarray(corpus.grey_rgb(sealed_page)[:, :, 0]).save(grey_path)
    grey = check_file(grey_path, "certificate")
    assert ids(grey) == {"image.colour"}
    assert "greyscale" in grey.by_id("image.colour")[0].message_en
    # no seal at all on a colour scan
    assert ids(check_file(corpus.save(clean_page, corpus_dir / "noseal.png"), "business_licence")) >= {"image.colour"}
    # colour is not required of an application form
    assert_passes(check_file(grey_path, "application_form"))


def test_colour_rule_is_configurable(clean_page: corpus.Arr, corpus_dir: Path) -> None:
    path = corpus.save(clean_page, corpus_dir / "contract_grey.png")
    assert "image.colour" not in ids(check_file(path, "contract"))
    cfg = CheckConfig.from_dict({"colour": {"kinds": ["contract"]}})
    assert "image.colour" in ids(check_file(path, "contract", cfg))


def test_qr_code_payload_and_missing(licence_page: corpus.Arr, sealed_page: corpus.Arr, corpus_dir: Path) -> None:
    report = check_file(corpus.save(licence_page, corpus_dir / "licence.png"), "business_licence")
    assert report.qr_payloads == ("https://www.gsxt.gov.cn/#/91330106MA2H0K5Q5R",)
    assert "qr.missing" not in ids(report)
    missing = check_file(corpus.save(sealed_page, corpus_dir / "licence_no_qr.png"), "business_licence")
    assert [f.severity for f in missing.by_id("qr.missing")] == [Severity.WARN]
    # other kinds do not need a QR code, but its payload is still reported
    assert "qr.missing" not in ids(check_file(corpus.save(sealed_page, corpus_dir / "cert.png"), "certificate"))


def test_photo_is_not_judged_as_a_document(corpus_dir: Path) -> None:
    """A portrait has smooth skin and no text lines: no blur, skew or cut-off findings."""
    import cv2

    img = np.zeros((579, 413, 3), np.uint8)
    img[:] = (200, 225, 245)
    cv2.ellipse(img, (206, 250), (95, 125), 0, 0, 360, (225, 190, 165), -1, cv2.LINE_AA)
    cv2.ellipse(img, (206, 170), (105, 70), 0, 180, 360, (40, 30, 25), -1, cv2.LINE_AA)
    cv2.ellipse(img, (206, 579), (190, 150), 0, 180, 360, (30, 40, 70), -1, cv2.LINE_AA)
    assert_passes(check_file(corpus.save(img, corpus_dir / "portrait.jpg", dpi=300), "photo"))


def test_exif_orientation_is_applied(clean_page: corpus.Arr, corpus_dir: Path) -> None:
    """A phone photo stored sideways with an EXIF 'rotate 90' tag is upright for the viewer: no
    orientation finding. Without the tag the same pixels are reported."""
    sideways = Image.fromarray(corpus.turned(clean_page))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 clockwise to display": undoes the counter-clockwise np.rot90
    tagged, untagged = corpus_dir / "exif_tagged.jpg", corpus_dir / "exif_untagged.jpg"
    sideways.save(tagged, quality=85, exif=exif.tobytes(), dpi=(200, 200))
    sideways.save(untagged, quality=85, dpi=(200, 200))
    assert "image.orientation" not in ids(check_file(tagged, "contract"))
    assert "image.orientation" in ids(check_file(untagged, "contract"))


def test_id_card_copy_on_a4_passes(corpus_dir: Path) -> None:
    sheet = corpus.id_copy_page()
    for kind in ("resident_id", "other"):
        assert_passes(check_file(corpus.save(sheet, corpus_dir / f"id_copy_{kind}.jpg"), kind))
    turned = check_file(corpus.save(corpus.turned(sheet), corpus_dir / "id_copy_turned.jpg"), "other")
    assert ids(turned) == {"image.orientation"}


CJK_FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Subset-Regular.otf"


@pytest.mark.skipif(not CJK_FONT.exists(), reason="bundled CJK font not present")
def test_real_chinese_text(corpus_dir: Path) -> None:
    """Anti-aliased glyphs from a real CJK font behave like the synthetic ones."""
    text = corpus.font_page(CJK_FONT)
    assert_passes(check_file(corpus.save(text, corpus_dir / "cjk.jpg"), "application_form"))
    expected = {
        "turned": (corpus.turned(text), "image.orientation"),
        "skewed": (corpus.skewed(text, 4.0), "image.skew"),
        "blurred": (corpus.blurred(text, 4.0), "image.blur"),
        "faded": (corpus.faded(text), "image.exposure"),
    }
    for name, (img, check_id) in expected.items():
        report = check_file(corpus.save(img, corpus_dir / f"cjk_{name}.jpg"), "application_form")
        assert ids(report) == {check_id}, (name, [(f.check_id, f.measured) for f in report.findings])
