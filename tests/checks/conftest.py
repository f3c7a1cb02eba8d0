"""Fixtures for the material-check tests: clean pages are drawn once per session and shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checks import CheckReport, Severity
from tests.checks import corpus

KNOWN_RIC = "11010519491231002X"  # the standard's own example number (GB 11643-1999)


@pytest.fixture(scope="session")
def clean_page() -> corpus.Arr:
    return corpus.page(seed=1)


@pytest.fixture(scope="session")
def form_page() -> corpus.Arr:
    return corpus.page(seed=2, table=True)


@pytest.fixture(scope="session")
def sealed_page() -> corpus.Arr:
    return corpus.page(seed=3, seal=True)


@pytest.fixture(scope="session")
def licence_page() -> corpus.Arr:
    return corpus.page(seed=4, seal=True, qr_payload="https://www.gsxt.gov.cn/#/91330106MA2H0K5Q5R")


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


def ids(report: CheckReport) -> set[str]:
    return {f.check_id for f in report.findings}


def assert_passes(report: CheckReport) -> None:
    """A clean material: nothing that would hold up intake (info notes are allowed)."""
    serious = [f for f in report.findings if f.severity is not Severity.INFO]
    assert not serious, "\n".join(f"{f.check_id} p{f.page}: {f.message_en}" for f in serious)


@pytest.fixture(autouse=True)
def _ocr_only_in_its_own_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The image-check tests here check forms and licences by the hundred; reading each one's text would
    add over a minute and test nothing of theirs. OCR has its own tests (test_ocr.py), which keep it."""
    if request.module.__name__.endswith("test_ocr"):
        return
    from app.checks.ocr import step

    monkeypatch.setattr(step, "run", lambda *args, **kwargs: ([], None))
