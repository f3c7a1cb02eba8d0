"""The typed check configuration: defaults, overrides from plain data, and their effect."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.checks import CHECK_IDS, MATERIAL_KINDS, CheckConfig, Severity, check_file
from tests.checks import corpus


def test_round_trip_through_json() -> None:
    cfg = CheckConfig()
    data = json.loads(json.dumps(cfg.to_dict()))
    assert CheckConfig.from_dict(data) == cfg


def test_overrides_are_typed() -> None:
    cfg = CheckConfig.from_dict({
        "blur": {"warn_below": "45", "block_below": 20},
        "skew": {"severity": "block"},
        "pdf": {"max_pages": {"contract": 30}},
        "qr": {"kinds": ["business_licence", "certificate"]},
    })
    assert cfg.blur.warn_below == 45.0 and isinstance(cfg.blur.block_below, float)
    assert cfg.skew.severity is Severity.BLOCK
    assert cfg.pdf.max_pages == {"contract": 30}
    assert cfg.qr.kinds == frozenset({"business_licence", "certificate"})
    assert cfg.dpi == CheckConfig().dpi  # untouched sections keep their defaults


@pytest.mark.parametrize("bad", [
    {"blurr": {}},
    {"blur": {"warn_bellow": 3}},
    {"skew": {"severity": "fatal"}},
    {"file": {"max_bytes": 1.5}},
    {"blur": 3},
])
def test_bad_settings_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        CheckConfig.from_dict(bad)


def test_config_is_frozen() -> None:
    cfg = CheckConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.blur = cfg.blur  # type: ignore[misc]
    with pytest.raises(TypeError):
        cfg.pdf.max_pages["x"] = 1  # type: ignore[index]


def test_every_kind_has_a_paper_size() -> None:
    assert set(CheckConfig().dpi.paper_mm) == set(MATERIAL_KINDS)
    assert len(CHECK_IDS) == 17


def test_thresholds_change_the_outcome(clean_page: corpus.Arr, tmp_path: Path) -> None:
    path = corpus.save(corpus.skewed(clean_page, 5.0), tmp_path / "skew.png")
    assert check_file(path, "contract").by_id("image.skew")
    lenient = CheckConfig.from_dict({"skew": {"max_degrees": 8}})
    assert not check_file(path, "contract", lenient).by_id("image.skew")
    strict = CheckConfig.from_dict({"skew": {"severity": "block"}})
    assert check_file(path, "contract", strict).blocked
