"""`onewindow check`: human and JSON output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.checks.cli import run
from tests.checks import corpus


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, clean_page: corpus.Arr) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("cli")
    return {
        "clean": corpus.save(clean_page, d / "clean scan.jpg"),
        "skewed": corpus.save(corpus.skewed(clean_page, 5.0), d / "倾斜.jpg"),
        "blurred": corpus.save(corpus.blurred(clean_page, 4.0), d / "blur\nname.jpg"),
    }


def test_clean_file_exits_0(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(files["clean"]), "--material", "contract"]) == 0
    out = capsys.readouterr().out
    assert "可受理" in out and "no problems found" in out


def test_warning_still_exits_0_and_is_explained(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(files["skewed"]), "--material", "contract"]) == 0
    out = capsys.readouterr().out
    assert "image.skew" in out and "页面倾斜" in out and "skewed by" in out


def test_block_exits_1_and_names_stay_on_one_line(files: dict[str, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(files["clean"]), str(files["blurred"])]) == 1
    out = capsys.readouterr().out
    assert "blur\\nname.jpg" in out and "不可受理" in out


def test_json_output_is_one_object(files: dict[str, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.pdf"
    code = run(["--json", "--material", "contract", str(files["clean"]), str(files["skewed"]), str(missing)])
    assert code == 1
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"files", "summary"}
    assert [f["worst_severity"] for f in doc["files"]] == [None, "warn", "block"]
    assert doc["files"][2]["findings"][0]["check_id"] == "file.unreadable"
    assert doc["summary"] == {"total": 3, "blocked": 1, "warned": 1, "passed": 1, "worst_severity": "block",
                              "exit_code": 1}
    skew = doc["files"][1]["findings"][0]
    assert skew["check_id"] == "image.skew" and skew["page"] == 1 and skew["measured"] > 3


@pytest.mark.parametrize("argv", [[], ["--material", "passport", "x.pdf"], ["--bogus", "x.pdf"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    assert "onewindow check" in capsys.readouterr().err


def test_config_file(files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "checks.json"
    cfg.write_text(json.dumps({"skew": {"severity": "block"}}), encoding="utf-8")
    assert run([str(files["skewed"]), "--config", str(cfg)]) == 1
    cfg.write_text("{not json", encoding="utf-8")
    assert run([str(files["skewed"]), "--config", str(cfg)]) == 2
    capsys.readouterr()


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    assert "--material" in capsys.readouterr().out
