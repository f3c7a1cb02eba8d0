"""Labelled cases from the independent page generator (unseen_pages.py + unseen_scan.py), run through
``check_file`` as files, and the accuracy table: detection per defect, false blocks and false
warnings on clean pages.

``python -m tests.checks.unseen_cases`` prints the table; tests/checks/test_unseen.py asserts it.

Each case says which check ids must be found (``expect``), which may warn because the case sits
at a threshold (``allow``), and nothing else may warn; a block is only right for an expected id.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from app.checks import CheckConfig, check_file
from app.checks.findings import Severity
from tests.checks import unseen_pages as pages
from tests.checks import unseen_scan as scan

Arr = pages.Arr
NO_OCR = CheckConfig.from_dict({"ocr": {"enabled": False}})  # OCR has its own tests
DPI = 150  # most pages: the analysis resolution, quick to draw and check
WHITE_LID, DARK_LID = (246, 246, 246), (35, 35, 35)
DOCS = ["letter", "form", "latin", "two_column", "photo_form", "letterhead", "licence", "landscape_table",
        "letter_sealed", "sparse"]
COLOUR_KINDS = frozenset({"certificate", "business_licence"})


@dataclass(frozen=True)
class Shot:
    """A page as handed in: pixels, the resolution they were made at and how the file is saved."""

    image: Arr
    dpi: int
    fmt: str = "jpg"
    quality: int = 85
    grey: bool = False


@dataclass(frozen=True)
class Case:
    family: str
    variant: str
    layout: str
    kind: str
    build: Callable[[], Shot]
    expect: frozenset[str] = frozenset()
    allow: frozenset[str] = frozenset()


def _rng(*key: object) -> np.random.Generator:
    return np.random.default_rng(_stable(key))


def _stable(key: tuple[object, ...]) -> int:
    # hash() of a str changes per process; this does not
    return sum((i + 1) * ord(ch) for i, ch in enumerate(repr(key))) % 2**32


@lru_cache(maxsize=64)
def _page(layout: str, dpi: int = DPI, seed: int = 0) -> Arr:
    """A clean page, drawn once per process: many cases start from the same one (read-only)."""
    img = pages.draw(layout, dpi=dpi, seed=seed)
    img.setflags(write=False)
    return img


# --- clean pages ---------------------------------------------------------------------------------

def _flatbed(layout: str, seed: int) -> Shot:
    rng = _rng("flatbed", layout, seed)
    img = scan.skew(_page(layout, seed=seed), float(rng.uniform(-0.6, 0.6)), WHITE_LID)
    img = scan.lid_border(img, DPI, "tr", float(rng.uniform(1.5, 5)))
    return Shot(scan.sensor_noise(img, 2.5, rng), DPI, quality=int(rng.integers(75, 95)))


def _holes(layout: str, seed: int) -> Shot:
    rng = _rng("holes", layout, seed)
    img = scan.punched_holes(_page(layout, dpi=200, seed=seed), 200)
    img = scan.fold_line(scan.skew(img, float(rng.uniform(-1, 1)), DARK_LID), 200, rng)
    return Shot(scan.sensor_noise(img, 3.0, rng), 200, fmt="png")


def _phone(layout: str, seed: int) -> Shot:
    rng = _rng("phone", layout, seed)
    img = scan.uneven_light(_page(layout, dpi=200, seed=seed), 0.22, rng)
    img = scan.hand_shadow(img, 0.2, rng)
    img = scan.perspective(img, 0.012, rng)
    return Shot(scan.sensor_noise(img, 4.0, rng), 200, quality=int(rng.integers(60, 80)))


def _phone_light_desk(layout: str, seed: int) -> Shot:
    """On a light desk (a pale table top shows around the sheet, hardly darker than the paper)."""
    rng = _rng("desk", layout, seed)
    img = scan.uneven_light(_page(layout, dpi=200, seed=seed), 0.12, rng)
    img = scan.perspective(img, 0.015, rng, background=205)
    return Shot(scan.sensor_noise(img, 3.0, rng), 200, quality=int(rng.integers(70, 90)))


def _copier(layout: str, seed: int) -> Shot:
    rng = _rng("copier", layout, seed)
    img = scan.grey_mode(scan.sensor_noise(_page(layout, seed=seed), 3.0, rng))
    return Shot(img, DPI, quality=int(rng.integers(30, 50)), grey=True)


def _thin_paper(layout: str, seed: int) -> Shot:
    rng = _rng("thin", layout, seed)
    img = scan.show_through(_page(layout, seed=seed), _page("letter", seed=seed + 100))
    return Shot(scan.sensor_noise(img, 2.0, rng), DPI, quality=92)


def _at_dpi(layout: str, seed: int, dpi: int) -> Shot:
    rng = _rng("dpi", layout, seed, dpi)
    drawn = min(dpi, 300)  # 600 dpi: drawn at 300 and enlarged, as a scanner interpolates
    img = scan.sensor_noise(_page(layout, dpi=drawn, seed=seed), 2.0, rng)
    if dpi != drawn:
        img = scan.resample_dpi(img, drawn, dpi)
    return Shot(img, dpi, fmt="png" if dpi == 300 else "jpg", quality=90)


PROFILES: dict[str, Callable[[str, int], Shot]] = {
    "flatbed": _flatbed, "holes_fold": _holes, "phone": _phone, "phone_light_desk": _phone_light_desk,
    "copier_grey": _copier, "thin_paper": _thin_paper,
}


def clean_cases() -> Iterator[Case]:
    for i, layout in enumerate(pages.LAYOUTS):
        kind = pages.kind_of(layout)
        for profile, make in PROFILES.items():
            if profile == "copier_grey" and kind in COLOUR_KINDS:
                continue  # a grey copy of a sealed material is the colour defect, below
            if layout == "id_card" and profile in ("holes_fold", "thin_paper"):
                continue
            yield Case("clean", profile, layout, kind, lambda m=make, lay=layout, s=i: m(lay, s))
    for layout, dpi in (("letter", 150), ("form", 150), ("latin", 300), ("licence", 300), ("form", 600),
                        ("id_card", 300), ("id_card", 600)):
        yield Case("clean", f"{dpi}dpi", layout, pages.kind_of(layout),
                   lambda lay=layout, d=dpi: _at_dpi(lay, 7, d))


# --- defects -------------------------------------------------------------------------------------

def _noisy(img: Arr, key: object, dpi: int = DPI, std: float = 2.5, **kw: object) -> Shot:
    return Shot(scan.sensor_noise(img, std, _rng(key)), dpi, **kw)  # type: ignore[arg-type]


def skew_cases() -> Iterator[Case]:
    for i, a in enumerate((1.0, 2.0, 3.0, 4.0, 6.0, 9.0, 12.0, 15.0)):
        for sign in (1, -1):
            deg = sign * a
            layout = DOCS[(2 * i + (sign < 0)) % len(DOCS)]
            lid = DARK_LID if (i + (sign < 0)) % 2 else WHITE_LID
            expect = frozenset({"image.skew"}) if a > 3.5 else frozenset()
            allow = frozenset({"image.skew"}) if 2.5 < a <= 3.5 else frozenset()
            if a >= 9:  # an A4 sheet turned this far on A4 glass loses its corners: really cut off
                allow = frozenset({"image.cropped"})
            yield Case("skew", f"{deg:+g}", layout, pages.kind_of(layout),
                       lambda lay=layout, d=deg, b=lid: _noisy(scan.skew(_page(lay, seed=1), d, b), ("skew", lay, d)),
                       expect, allow)
    for deg in (5.0, -8.0):  # a phone photo held crooked
        yield Case("skew", f"phone{deg:+g}", "form", "application_form",
                   lambda d=deg: _noisy(scan.perspective(scan.skew(_page("form", seed=1), d, (90, 85, 75)),
                                                         0.01, _rng("p", d)), ("ps", d), std=4.0, quality=70),
                   frozenset({"image.skew"}))


def orientation_cases() -> Iterator[Case]:
    for layout in ("letter", "form", "latin", "two_column", "letterhead", "landscape_table"):
        for turns, label in ((1, "90"), (2, "180"), (3, "270")):
            yield Case("orientation", label, layout, pages.kind_of(layout),
                       lambda lay=layout, t=turns: _noisy(scan.turn(_page(lay, seed=1), t), ("turn", lay, t)),
                       frozenset({"image.orientation"}))


def _blur_labels(label: str) -> tuple[frozenset[str], frozenset[str]]:
    """(expect, allow) for a blur case: a blurred scan's thin strokes also print lighter, so a
    faded-contrast warning may come with it."""
    expect = frozenset({"image.blur"}) if label == "expect" else frozenset()
    allow = frozenset({"image.blur", "image.exposure"}) if label != "none" else frozenset()
    return expect, allow


def blur_cases() -> Iterator[Case]:
    gauss = ((1.0, "none"), (1.6, "allow"), (2.4, "expect"), (3.0, "expect"), (4.5, "expect"))
    for i, (sigma, label) in enumerate(gauss):
        for layout in (DOCS[i % len(DOCS)], DOCS[(i + 5) % len(DOCS)]):
            yield Case("blur", f"gauss{sigma:g}", layout, pages.kind_of(layout),
                       lambda lay=layout, s=sigma: _noisy(scan.gaussian_blur(_page(lay, seed=1), s, DPI),
                                                          ("blur", lay, s)),
                       *_blur_labels(label))
    # A box (motion) or disc (defocus) kernel keeps more fine detail than a Gaussian of the same
    # width: a 9 px smear is sigma 2.6, a disc of radius 4.5 sigma 2.25, both at the warning
    # threshold (sigma ~2, text soft but legible); twice as much must be found.
    motion = ((9, 0.0, "letter", "allow"), (9, 90.0, "form", "allow"), (11, 30.0, "latin", "allow"),
              (13, 0.0, "sparse", "expect"), (17, 0.0, "latin", "expect"), (17, 90.0, "form", "expect"),
              (19, 45.0, "letterhead", "expect"))
    for length, deg, layout, label in motion:
        yield Case("blur", f"motion{length}@{deg:g}", layout, pages.kind_of(layout),
                   lambda lay=layout, n=length, d=deg: _noisy(scan.motion_blur(_page(lay, seed=1), n, d, DPI),
                                                              ("motion", lay, n, d)),
                   *_blur_labels(label))
    for radius, layout, label in ((3.0, "letterhead", "none"), (4.5, "two_column", "allow"),
                                  (6.0, "photo_form", "expect"), (8.0, "letter", "expect")):
        yield Case("blur", f"defocus{radius:g}", layout, pages.kind_of(layout),
                   lambda lay=layout, r=radius: _noisy(scan.defocus(_page(lay, seed=1), r, DPI), ("defocus", lay, r),
                                                       std=4.0, quality=75),
                   *_blur_labels(label))
    yield Case("blur", "id_card_gauss3", "id_card", "resident_id",
               lambda: _noisy(scan.gaussian_blur(_page("id_card", dpi=300, seed=1), 3.0, 300), "idblur", dpi=300),
               *_blur_labels("expect"))


def exposure_cases() -> Iterator[Case]:
    settings: tuple[tuple[str, dict[str, float], str], ...] = (
        ("dark0.35", {"gain": 0.35}, "expect"), ("dark0.4", {"gain": 0.4}, "expect"),
        ("dark0.45", {"gain": 0.45}, "allow"),  # paper at 111, the threshold is 110
        ("dim0.7", {"gain": 0.7}, "none"),
        ("faded0.72", {"lift": 0.72}, "expect"), ("faded0.62", {"lift": 0.62}, "allow"),
        ("toner0.4", {"lift": 0.4}, "none"),
        ("washed_out", {"gain": 1.25, "lift": 0.65}, "expect"), ("bright_gamma2", {"gamma": 2.0}, "none"),
    )
    for i, (name, kw, label) in enumerate(settings):
        layout = DOCS[i % len(DOCS)]
        yield Case("exposure", name, layout, pages.kind_of(layout),
                   lambda lay=layout, k=kw: _noisy(scan.exposure(_page(lay, seed=1), **k), ("exp", lay, str(k))),
                   frozenset({"image.exposure"}) if label == "expect" else frozenset(),
                   # a washed-out seal is no longer red: the colour check is right to say so
                   frozenset({"image.exposure", "image.colour"}) if label != "none" else frozenset())


def crop_cases() -> Iterator[Case]:
    # (edge, shifted off the glass or framed too tightly, layout): bottom cuts need text near the bottom
    plan = (("left", True, "letter"), ("left", False, "photo_form"), ("right", True, "form"),
            ("right", False, "latin"), ("top", True, "letterhead"), ("top", False, "letter"),
            ("bottom", True, "two_column"), ("bottom", False, "two_column"))
    for edge, fill, layout in plan:
        # framed: a part of the sheet fills the picture, so it is taken at 200 dpi (a 150 dpi picture
        # of less than a page is rightly below 150 dpi for the page)
        dpi = DPI if fill else 200
        yield Case("cropped", f"{edge}/{'shifted' if fill else 'framed'}", layout, pages.kind_of(layout),
                   lambda lay=layout, e=edge, f=fill, d=dpi: _noisy(
                       scan.cut_through(_page(lay, dpi=d, seed=1), e, 30, d, f), ("crop", lay, e, f), dpi=d),
                   frozenset({"image.cropped"}))


def _blank(seed: int, paper: int = 246) -> Arr:
    return np.full((scan.mm(297, DPI), scan.mm(210, DPI), 3), paper, np.uint8) + np.uint8(seed % 2)


def blank_cases() -> Iterator[Case]:
    back = _page("letter", seed=20)
    variants: dict[str, Callable[[], Shot]] = {
        "noise3": lambda: _noisy(_blank(1), "b1", std=3.0),
        "noise8_q30": lambda: _noisy(_blank(2), "b2", std=8.0, quality=30),
        "lid_border": lambda: _noisy(scan.lid_border(_blank(3), DPI, "lb", 5.0), "b3"),
        "holes": lambda: _noisy(scan.punched_holes(_blank(4), DPI), "b4"),
        "fold": lambda: _noisy(scan.fold_line(_blank(5), DPI, _rng("fold")), "b5"),
        "show_through": lambda: _noisy(scan.show_through(_blank(6), back, 0.05), "b6"),
        "grey_paper": lambda: _noisy(_blank(7, paper=212), "b7", fmt="png"),
        "phone": lambda: _noisy(scan.perspective(scan.uneven_light(_blank(8), 0.15, _rng("bl")), 0.01,
                                                 _rng("bp")), "b8", std=4.0, quality=70),
        "skewed_dark_lid": lambda: _noisy(scan.skew(_blank(9), 4.0, DARK_LID), "b9"),
        "phone_light_desk": lambda: _noisy(scan.perspective(scan.uneven_light(_blank(10), 0.12, _rng("bd")), 0.015,
                                                            _rng("bq"), background=205), "b10", std=3.0),
    }
    for name, make in variants.items():
        yield Case("blank", name, "-", "application_form", make, frozenset({"image.blank"}))


def dpi_cases() -> Iterator[Case]:
    for layout, dpi in (("letter", 72), ("form", 96), ("latin", 120), ("two_column", 140), ("id_card", 110)):
        yield Case("dpi", f"{dpi}dpi", layout, pages.kind_of(layout),
                   lambda lay=layout, d=dpi: _noisy(scan.resample_dpi(_page(lay, dpi=300, seed=21), 300, d),
                                                    ("dpi", lay, d), dpi=d),
                   frozenset({"image.dpi"}))


def colour_cases() -> Iterator[Case]:
    yield Case("colour", "certificate_grey_scan", "letter_sealed", "certificate",
               lambda: _noisy(scan.grey_mode(_page("letter_sealed", seed=22)), "c1", grey=True),
               frozenset({"image.colour"}))
    yield Case("colour", "certificate_unsealed", "certificate_unsealed", "certificate",
               lambda: _noisy(_page("certificate_unsealed", seed=23), "c2"), frozenset({"image.colour"}))
    yield Case("colour", "licence_grey_scan", "licence", "business_licence",
               lambda: _noisy(scan.grey_mode(_page("licence", seed=24)), "c3"), frozenset({"image.colour"}))
    yield Case("qr", "licence_without_qr", "licence_no_qr", "business_licence",
               lambda: _noisy(_page("licence_no_qr", seed=25), "c4"), frozenset({"qr.missing"}))


FAMILIES: dict[str, Callable[[], Iterator[Case]]] = {
    "clean": clean_cases, "skew": skew_cases, "orientation": orientation_cases, "blur": blur_cases,
    "exposure": exposure_cases, "cropped": crop_cases, "blank": blank_cases, "dpi": dpi_cases,
    "colour": colour_cases,
}


# --- running -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    case: Case
    found: tuple[tuple[str, Severity, float | str | None], ...]

    @property
    def detected(self) -> bool:
        serious = {cid for cid, sev, _ in self.found if sev is not Severity.INFO}
        return self.case.expect <= serious

    @property
    def false_blocks(self) -> list[str]:
        return [cid for cid, sev, _ in self.found if sev is Severity.BLOCK and cid not in self.case.expect]

    @property
    def false_warnings(self) -> list[str]:
        ok = self.case.expect | self.case.allow
        return [cid for cid, sev, _ in self.found if sev is Severity.WARN and cid not in ok]

    @property
    def ok(self) -> bool:
        return self.detected and not self.false_blocks and not self.false_warnings

    def describe(self) -> str:
        c = self.case
        got = ", ".join(f"{cid}:{sev}:{m}" for cid, sev, m in self.found) or "nothing"
        return f"{c.family}/{c.variant} [{c.layout}, {c.kind}] expected {sorted(c.expect) or '-'}; got {got}"


def run_case(case: Case, folder: Path) -> Outcome:
    shot = case.build()
    path = folder / f"page.{shot.fmt}"
    im = Image.fromarray(shot.image)
    if shot.grey:
        im = im.convert("L")
    if shot.fmt == "jpg":
        im.save(path, quality=shot.quality, dpi=(shot.dpi, shot.dpi))
    else:
        im.save(path, compress_level=1, dpi=(shot.dpi, shot.dpi))
    report = check_file(path, case.kind, NO_OCR)
    return Outcome(case, tuple((f.check_id, f.severity, f.measured) for f in report.findings))


def all_cases() -> list[Case]:
    return [c for make in FAMILIES.values() for c in make()]


@lru_cache(maxsize=1)
def outcomes() -> tuple[Outcome, ...]:
    """Every case run once per process (the tests share it)."""
    with tempfile.TemporaryDirectory() as tmp:
        return tuple(run_case(c, Path(tmp)) for c in all_cases())


def table(results: tuple[Outcome, ...]) -> str:
    rows = ["family       variant           cases  detected  false-block  false-warn"]
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for o in results:
        groups.setdefault((o.case.family, "(all)" if o.case.family == "clean" else ""), []).append(o)
        if o.case.family == "clean":  # clean pages by how they were scanned
            groups.setdefault((o.case.family, o.case.variant), []).append(o)
    for (family, variant), outs in sorted(groups.items()):
        need = [o for o in outs if o.case.expect]
        det = f"{sum(o.detected for o in need)}/{len(need)}" if need else "-"
        blocks = sum(bool(o.false_blocks) for o in outs)
        warns = sum(bool(o.false_warnings) for o in outs)
        rows.append(f"{family:<12} {variant:<17} {len(outs):>5}  {det:>8}  {blocks:>11}  {warns:>10}")
    return "\n".join(rows)


def main() -> int:
    results = outcomes()
    print(table(results))
    for o in results:
        if not o.ok:
            print("  WRONG:", o.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
