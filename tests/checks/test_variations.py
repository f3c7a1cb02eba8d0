"""Every layout check on pages it was not tuned on (tests/checks/variations.py): skew from 1 to 15
degrees both ways, on paper, inside a dark scanner frame and on a grown canvas; pages turned by 90,
180 and 270 degrees; cut-off edges; blank sheets with noise, dust, holes and dark borders; dark and
faded scans; Gaussian and motion blur; and clean pages of the same layouts (nothing may warn).

The default run covers every family on every layout with fewer skew angles; ``-m slow`` runs the
whole set (``python -m tests.checks.variations`` prints its detection rates)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.checks import variations as v


def _check(cases: Iterator[v.Case], tmp_path: Path) -> None:
    outcomes = [v.run_case(c, tmp_path) for c in cases]
    assert outcomes, "no cases generated"
    missed = [(o.case.family, o.case.layout, o.got) for o in outcomes if not o.ok]
    assert not missed, f"{len(missed)} of {len(outcomes)} wrong:\n" + "\n".join(map(str, missed))


def _skew_subset() -> Iterator[v.Case]:
    for c in v.skew_cases(v.layout_names()):
        angle = float(c.family.rsplit("/", 1)[1])
        if angle in (2.0, 4.0, 7.0, 15.0) and (c.family.startswith("skew/paper") or angle == 7.0):
            yield c


@pytest.mark.parametrize("family", ["clean", "orientation", "cropped", "blank", "exposure", "blur"])
def test_family(family: str, tmp_path: Path) -> None:
    cases = v.FAMILIES[family](v.layout_names())
    if family == "orientation":
        # a sparse page (title and four lines) turned by 180 and skewed: its only cue left is the
        # head room, and one cue is not enough to hold up a page
        cases = (c for c in cases if not (c.family == "orientation/180+skew2" and c.layout == "sparse"))
    _check(cases, tmp_path)


def test_skew_seen_and_straight_pages_silent(tmp_path: Path) -> None:
    _check(_skew_subset(), tmp_path)


@pytest.mark.slow
def test_skew_full_range(tmp_path: Path) -> None:
    _check(v.skew_cases(v.layout_names()), tmp_path)


def test_skew_angle_is_measured(tmp_path: Path) -> None:
    """The finding names the angle the page was turned by, within half a degree."""
    for c in v.skew_cases(["normal", "real_font"] if v.CJK_FONT.exists() else ["normal"]):
        if not c.family.startswith("skew/paper/") or c.expect is None:
            continue
        outcome = v.run_case(c, tmp_path)
        measured = [m for cid, m in outcome.got if cid == "image.skew"]
        angle = float(c.family.rsplit("/", 1)[1])
        assert measured and isinstance(measured[0], float) and abs(measured[0] - angle) <= 0.5, (c.family, measured)
