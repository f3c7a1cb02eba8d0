"""Accuracy on pages the checks were not tuned on (tests/checks/unseen_cases.py): real fonts,
forms, photos, seals, ID cards and landscape tables, scanned on a flatbed, copied in grey,
photographed with a phone, on thin paper, at 150-600 dpi, as JPEG (quality 30-95) and PNG, with
every defect the page checks claim at strengths around and beyond its threshold.

Every case is generated and checked once per session (about 150 files); the tests below read the
shared outcomes. ``python -m tests.checks.unseen_cases`` prints the table."""

from __future__ import annotations

import pytest

from tests.checks import unseen_cases as uc

# (family, variant, layout): why the checks get it wrong; left out of the assertions below
KNOWN: dict[tuple[str, str, str], str] = {}

DEFECT_FAMILIES = [f for f in uc.FAMILIES if f != "clean"]


@pytest.fixture(scope="module")
def outcomes() -> tuple[uc.Outcome, ...]:
    if not uc.pages.available():
        pytest.skip("the bundled CJK font is missing")
    return uc.outcomes()


def _known(o: uc.Outcome) -> bool:
    return (o.case.family, o.case.variant, o.case.layout) in KNOWN


def _report(bad: list[uc.Outcome]) -> str:
    return f"{len(bad)} wrong:\n" + "\n".join(o.describe() for o in bad)


@pytest.mark.parametrize("family", DEFECT_FAMILIES)
def test_every_defect_is_found(family: str, outcomes: tuple[uc.Outcome, ...]) -> None:
    cases = [o for o in outcomes if o.case.family == family and o.case.expect]
    assert cases, f"no {family} cases"
    missed = [o for o in cases if not o.detected and not _known(o)]
    assert not missed, _report(missed)


def test_no_page_is_blocked_for_what_it_does_not_have(outcomes: tuple[uc.Outcome, ...]) -> None:
    """The worst outcome: a citizen sent away for a defect the page does not have."""
    wrong = [o for o in outcomes if o.false_blocks]
    assert not wrong, _report(wrong)


def test_clean_pages_raise_nothing(outcomes: tuple[uc.Outcome, ...]) -> None:
    clean = [o for o in outcomes if o.case.family == "clean"]
    assert len(clean) >= 50
    wrong = [o for o in clean if o.false_warnings]
    assert not wrong, _report(wrong)


def test_defects_do_not_spill_into_other_checks(outcomes: tuple[uc.Outcome, ...]) -> None:
    wrong = [o for o in outcomes if o.case.family != "clean" and o.false_warnings and not _known(o)]
    assert not wrong, _report(wrong)
