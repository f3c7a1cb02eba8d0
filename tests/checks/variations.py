"""Variations of the labelled corpus that the first tests did not cover: every layout check run on
page layouts (dense, sparse, no margins, tables, small print, seals, real CJK text) with its defect
in several strengths and directions, plus clean pages of the same layouts.

``python -m tests.checks.variations`` prints the detection rate of each variation as JSON;
tests/checks/test_variations.py asserts them.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from app.checks import check_file
from app.checks.findings import Severity
from app.checks.synthetic import PageSpec, draw_page, mm_to_px
from tests.checks import corpus

DPI = 150  # the analysis resolution: fast to draw and check, and what every page is reduced to
CJK_FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Subset-Regular.otf"
Arr = corpus.Arr

LAYOUTS: dict[str, PageSpec] = {
    "normal": PageSpec(dpi=DPI, seed=31),
    "dense": PageSpec(dpi=DPI, seed=32, lines=40, line_spacing=1.6),
    "sparse": PageSpec(dpi=DPI, seed=33, lines=4),
    "no_margin": PageSpec(dpi=DPI, seed=34, lines=70, margin_mm=5),
    "table": PageSpec(dpi=DPI, seed=35, table=True, lines=8),
    "small_print": PageSpec(dpi=DPI, seed=36, glyph_mm=2.8, lines=60),
    "large_print": PageSpec(dpi=DPI, seed=37, glyph_mm=6.5, lines=14, title=False),
    "sealed": PageSpec(dpi=DPI, seed=38, seal=True, lines=10),
    "licence": PageSpec(dpi=DPI, seed=30, seal=True, qr_payload="https://www.gsxt.gov.cn/#/91330106MA2H0K5Q5R"),
}


def layout(name: str) -> Arr:
    if name == "real_font":
        return corpus.font_page(CJK_FONT, dpi=DPI, seed=39)
    return draw_page(LAYOUTS[name])


def layout_names() -> list[str]:
    return [*LAYOUTS, *(["real_font"] if CJK_FONT.exists() else [])]


# --- derivations ---------------------------------------------------------------------------------

def in_frame(img: Arr, degrees: float, frame: int = 35, pad_mm: float = 12) -> Arr:
    """The sheet turned inside a larger scan whose background (the scanner lid) shows around it."""
    pad = mm_to_px(pad_mm, DPI)
    h, w = img.shape[:2]
    big = np.full((h + 2 * pad, w + 2 * pad, 3), frame, np.uint8)
    big[pad : pad + h, pad : pad + w] = img
    return corpus.skewed(big, degrees, background=frame)


def expanded(img: Arr, degrees: float) -> Arr:
    """Turned with the canvas grown to hold the whole sheet, black corners (an image editor's rotate)."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return np.asarray(cv2.warpAffine(img, m, (nw, nh), borderValue=(0, 0, 0)), dtype=np.uint8)


def rot(img: Arr, quarter_turns: int) -> Arr:
    return np.ascontiguousarray(np.rot90(img, quarter_turns))


def paper(img: Arr, colour: tuple[int, int, int]) -> Arr:
    """The same page on tinted paper (recycled, yellowish or grey stock)."""
    scale = np.array(colour, np.float32) / corpus.PAPER
    return np.asarray(np.clip(img.astype(np.float32) * scale, 0, 255), dtype=np.uint8)


def blue_ink(img: Arr) -> Arr:
    """Written in blue ballpoint (or printed in blue): the text itself is coloured."""
    out = img.copy()
    dark = img.min(axis=2) < 128
    out[dark] = (30, 60, 190)
    return out


def edge_shadow(img: Arr) -> Arr:
    """The dark gradient a scanner leaves along the edge of a sheet lying off the glass line."""
    out = img.copy()
    ramp = np.linspace(60, corpus.PAPER, mm_to_px(1.0, DPI))
    out[:, : len(ramp)] = np.minimum(out[:, : len(ramp)], ramp[None, :, None].astype(np.uint8))
    return out


def blank_sheet(noise: float = 2.0, colour: int = corpus.PAPER, seed: int = 40) -> Arr:
    rng = np.random.default_rng(seed)
    h, w = mm_to_px(297, DPI), mm_to_px(210, DPI)
    img = np.full((h, w, 3), colour, np.float32) + rng.normal(0, noise, (h, w, 1)).astype(np.float32)
    return np.asarray(np.clip(img, 0, 255), dtype=np.uint8)


def dusty(img: Arr, specks: int = 25, seed: int = 41) -> Arr:
    out = img.copy()
    rng = np.random.default_rng(seed)
    for _ in range(specks):
        x, y = int(rng.integers(0, img.shape[1])), int(rng.integers(0, img.shape[0]))
        cv2.circle(out, (x, y), int(rng.integers(1, 3)), (60, 60, 60), -1)
    return out


def punched(img: Arr) -> Arr:
    """Two filing holes at the left edge: dark through the sheet on a black lid."""
    out = img.copy()
    h = img.shape[0]
    for y in (h // 2 - mm_to_px(40, DPI), h // 2 + mm_to_px(40, DPI)):
        cv2.circle(out, (mm_to_px(12, DPI), y), mm_to_px(3, DPI), (20, 20, 20), -1)
    return out


def motion_blurred(img: Arr, length_px: int) -> Arr:
    kernel = np.zeros((length_px, length_px), np.float32)
    kernel[length_px // 2, :] = 1.0 / length_px
    return np.asarray(cv2.filter2D(img, -1, kernel), dtype=np.uint8)


def cut(img: Arr, mm: float, edge: str) -> Arr:
    return corpus.cut_off(img, mm, edge, dpi=DPI)


# --- cases ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    family: str  # the variation, e.g. "skew/frame/+7"
    layout: str
    image: Arr
    kind: str
    expect: str | None  # the check id that must be found; None: a clean page, nothing may warn or block


Cases = Iterator[Case]
SKEW_ANGLES = (1.0, 2.0, 4.0, 5.0, 7.0, 10.0, 15.0, 25.0, 40.0)


def skew_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name)
        for a in SKEW_ANGLES:
            for sign in (1, -1):
                deg = sign * a
                expect = "image.skew" if a > 3.0 else None
                yield Case(f"skew/paper/{a:g}", name, corpus.skewed(base, deg), "contract", expect)
                yield Case(f"skew/frame/{a:g}", name, in_frame(base, deg), "application_form", expect)
                if a >= 4.0:
                    yield Case(f"skew/expanded/{a:g}", name, expanded(base, deg), "other", expect)


def orientation_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name)
        for turns, label in ((1, "90"), (3, "270"), (2, "180")):
            yield Case(f"orientation/{label}", name, rot(base, turns), "contract", "image.orientation")
        yield Case("orientation/180+skew2", name, rot(corpus.skewed(base, 2.0), 2), "other", "image.orientation")


def clean_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name)
        yield Case("clean/plain", name, base, "contract", None)
        yield Case("clean/yellow_paper", name, paper(base, (250, 240, 205)), "application_form", None)
        yield Case("clean/grey_paper", name, paper(base, (205, 205, 205)), "other", None)
        yield Case("clean/scanner_border", name, corpus.dark_scanner_border(base, mm_to_px(6, DPI)), "contract", None)
        yield Case("clean/dusty", name, dusty(base), "contract", None)
        yield Case("clean/frame_straight", name, in_frame(base, 0.0), "contract", None)
        yield Case("clean/blue_ink", name, blue_ink(base), "application_form", None)
        yield Case("clean/edge_shadow", name, edge_shadow(base), "contract", None)


def through_text(img: Arr, edge: str, from_mm: float) -> float:
    """A cut depth (mm) at or past ``from_mm`` that runs through the middle of a line of text, so
    that content really is cut at that edge (a cut between lines only looks like a narrow margin)."""
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) < 128
    profile = grey.sum(axis=1) if edge in ("top", "bottom") else grey.sum(axis=0)
    if edge in ("bottom", "right"):
        profile = profile[::-1]
    start = mm_to_px(from_mm, DPI)
    limit = 0.02 * grey.shape[1 if edge in ("top", "bottom") else 0]
    inked = np.concatenate(([False], profile >= limit, [False])).astype(np.int8)
    change = np.flatnonzero(np.diff(inked))
    for a, b in zip(change[0::2], change[1::2], strict=True):
        if a >= start:  # the first line (or column of text) wholly past from_mm: cut through its middle
            return (a + b) / 2 * 25.4 / DPI
    return from_mm


def crop_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name)
        for edge in ("left", "right", "top", "bottom"):
            if edge == "bottom" and name in ("sparse", "table", "sealed"):
                continue  # no text near the bottom to cut
            spec = LAYOUTS.get(name)
            depth = through_text(base, edge, (spec.margin_mm if spec is not None else 22.0) + 8)
            yield Case(f"cropped/{edge}", name, cut(base, depth, edge), "contract", "image.cropped")


def blank_cases() -> Cases:
    yield Case("blank/plain", "-", blank_sheet(), "application_form", "image.blank")
    yield Case("blank/noisy", "-", blank_sheet(noise=6.0), "application_form", "image.blank")
    yield Case("blank/grey_paper", "-", blank_sheet(colour=200), "application_form", "image.blank")
    yield Case("blank/dusty", "-", dusty(blank_sheet()), "application_form", "image.blank")
    yield Case("blank/scanner_border", "-", corpus.dark_scanner_border(blank_sheet(), mm_to_px(6, DPI)),
               "application_form", "image.blank")
    yield Case("blank/punched", "-", punched(blank_sheet()), "application_form", "image.blank")
    yield Case("blank/in_frame", "-", in_frame(blank_sheet(), 0.0), "application_form", "image.blank")
    yield Case("blank/turned_in_frame", "-", in_frame(blank_sheet(), 6.0), "application_form", "image.blank")
    one_line = draw_page(PageSpec(dpi=DPI, seed=42, lines=1, title=False))
    yield Case("blank/one_line_is_not_blank", "-", one_line, "application_form", None)


def exposure_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name).astype(np.float32)
        for f in (0.35, 0.42):
            yield Case(f"exposure/dark_{f:g}", name, np.asarray(base * f, np.uint8), "contract", "image.exposure")
        for lo, k in ((200, 0.2), (170, 0.3)):
            yield Case(f"exposure/faded_{lo}", name, np.asarray(lo + base * k, np.uint8), "contract",
                       "image.exposure")


def blur_cases(layouts: list[str]) -> Cases:
    for name in layouts:
        base = layout(name)
        for sigma in (2.2, 3.0, 4.0):
            yield Case(f"blur/gauss_{sigma:g}", name, corpus.blurred(base, sigma, dpi=DPI), "contract", "image.blur")
        yield Case("blur/motion_9px", name, motion_blurred(base, 9), "contract", "image.blur")


FAMILIES: dict[str, Callable[[list[str]], Cases]] = {
    "skew": skew_cases,
    "orientation": orientation_cases,
    "clean": clean_cases,
    "cropped": crop_cases,
    "blank": lambda _: blank_cases(),
    "exposure": exposure_cases,
    "blur": blur_cases,
}


@dataclass(frozen=True)
class Outcome:
    case: Case
    ok: bool
    got: tuple[tuple[str, float | str | None], ...]


def run_case(case: Case, folder: Path) -> Outcome:
    path = corpus.save(case.image, folder / "case.jpg", dpi=DPI, quality=92)
    report = check_file(path, case.kind)
    got = tuple((f.check_id, f.measured) for f in report.findings)
    serious = {f.check_id for f in report.findings if f.severity is not Severity.INFO}
    ok = case.expect in serious if case.expect is not None else not serious
    return Outcome(case, ok, got)


def run_family(family: str, layouts: list[str] | None = None) -> list[Outcome]:
    with tempfile.TemporaryDirectory() as tmp:
        return [run_case(c, Path(tmp)) for c in FAMILIES[family](layouts or layout_names())]


def rates(outcomes: list[Outcome]) -> dict[str, dict[str, object]]:
    table: dict[str, dict[str, object]] = {}
    for o in outcomes:
        row = table.setdefault(o.case.family, {"cases": 0, "right": 0, "missed": []})
        row["cases"] = int(row["cases"]) + 1  # type: ignore[call-overload]
        if o.ok:
            row["right"] = int(row["right"]) + 1  # type: ignore[call-overload]
        else:
            row["missed"].append(o.case.layout)  # type: ignore[attr-defined]
    return table


def main(argv: list[str]) -> int:
    families = argv or list(FAMILIES)
    out = {f: rates(run_family(f)) for f in families}
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
