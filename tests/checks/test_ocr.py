"""OCR of ID cards and business licences over a fixed seed set of generated, labelled images.

Small on purpose (about 20 OCR'd images, a few seconds each on a busy 2-core machine); the larger set with
every degradation runs in `onewindow bench ocr --json`. Accuracy is asserted, never time.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from app.checks.cli import run as cli_run
from app.checks.config import CheckConfig
from app.checks.findings import CheckReport, Severity
from app.checks.ocr import samples
from app.checks.ocr.samples import IdTruth, LicenceTruth, make_sample, write
from app.checks.pipeline import check_file
from app.domain.ric import check_ric

pytest.importorskip("rapidocr_onnxruntime")

CLEAN_SEEDS = range(101, 111)  # 10 clean card fronts
DEGRADED = ("blur", "jpeg", "low_contrast", "perspective", "skew")
TODAY = dt.date.today()


def _other_number(number: str) -> str:
    """A different valid number (same person's region and birth date, another sequence)."""
    seq = (int(number[14:17]) + 2) % 1000
    first17 = f"{number[:14]}{seq:03d}"
    from app.domain.ric import check_character

    return first17 + check_character(first17)


@pytest.fixture(scope="module")
def fronts(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, IdTruth]]:
    folder = tmp_path_factory.mktemp("fronts")
    out = []
    for seed in CLEAN_SEEDS:
        s = make_sample("id_front", seed)
        assert isinstance(s.truth, IdTruth)
        out.append((write(s, folder / f"front-{seed}.png"), s.truth))
    return out


def test_generator_draws_only_glyphs_the_bundled_font_has() -> None:
    font = ImageFont.truetype(str(samples.FONT), 40)

    def glyph(c: str) -> bytes:
        im = Image.new("L", (60, 60))
        ImageDraw.Draw(im).text((5, 5), c, font=font, fill=255)
        return im.tobytes()

    missing = glyph("\ue000")  # a private-use code point: the .notdef box
    used = set(samples.SURNAMES + samples.GIVEN + samples.ROADS + samples.COMPANY_WORDS + "".join(samples.NATIONS)
               + "".join(p for _, p in samples.PLACES) + "".join(samples.INDUSTRY) + "".join(samples.TOWNS)
               + "姓名性别民族出生住址公民身份号码中华人民共和国居民证签发机关有效期限长期营业执照统一社会信用代码"
                 "类型有限责任公司法定代表人注册资本万元成立日期年月日所经营范围一般项目技术服务开发咨询路号")
    assert not [c for c in sorted(used) if c.strip() and glyph(c) == missing]


def test_generated_numbers_pass_the_one_rule() -> None:
    for seed in range(50):
        t = make_sample("id_front", seed).truth
        assert isinstance(t, IdTruth) and check_ric(t.id_number, TODAY).ok


def test_clean_fronts_id_number_accuracy_and_no_false_mismatch(fronts: list[tuple[Path, IdTruth]]) -> None:
    right = 0
    for path, truth in fronts:
        report = check_file(path, "resident_id", expected_id=truth.id_number)
        assert report.extracted is not None
        right += report.extracted.get("id_number") == truth.id_number
        assert not report.by_id("id.mismatch"), "a matching pair was flagged"
        assert not report.by_id("material.kind")
        assert not report.by_id("id.expired")
    assert right / len(fronts) >= 0.98
    # the other fields, read from the same (cached) images: names and birth dates on most cards
    names = sum(check_file(p, "resident_id").extracted.get("name") == t.name for p, t in fronts)  # type: ignore[union-attr]
    assert names >= 0.9 * len(fronts)


def test_a_wrong_expected_number_is_flagged(fronts: list[tuple[Path, IdTruth]]) -> None:
    for path, truth in fronts[:3]:
        wrong = _other_number(truth.id_number)
        report = check_file(path, "resident_id", expected_id=wrong)
        [finding] = report.by_id("id.mismatch")
        assert finding.severity is Severity.BLOCK
        assert truth.id_number not in finding.message_zh + finding.message_en  # masked


def test_degraded_fronts_read_right_or_not_at_all(tmp_path: Path) -> None:
    """A degraded scan may leave the number unread, but never reads another valid number."""
    right = 0
    for i, how in enumerate(DEGRADED):
        s = make_sample("id_front", 200 + i, how)
        assert isinstance(s.truth, IdTruth)
        report = check_file(write(s, tmp_path / f"{how}.png"), "resident_id", expected_id=s.truth.id_number)
        assert not report.by_id("id.mismatch"), how
        right += (report.extracted or {}).get("id_number") == s.truth.id_number
    assert right >= len(DEGRADED) - 1


def test_an_expired_card_is_blocked_and_a_valid_one_is_not(tmp_path: Path) -> None:
    old = make_sample("id_back", 7, expired=True)
    report = check_file(write(old, tmp_path / "old.png"), "resident_id")
    [finding] = report.by_id("id.expired")
    assert finding.severity is Severity.BLOCK and report.blocked
    assert isinstance(old.truth, IdTruth) and finding.measured == old.truth.valid_until
    fresh = make_sample("id_back", 8)
    report = check_file(write(fresh, tmp_path / "fresh.png"), "resident_id")
    assert not report.by_id("id.expired") and not report.blocked
    assert isinstance(fresh.truth, IdTruth)
    assert report.extracted and report.extracted.get("valid_until") == (fresh.truth.valid_until or "长期")


def test_a_licence_attached_as_the_id_card_gives_material_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    s = make_sample("licence", 3)
    assert isinstance(s.truth, LicenceTruth)
    path = write(s, tmp_path / "licence.png")
    report = check_file(path, "resident_id")
    [finding] = report.by_id("material.kind")
    assert finding.severity is Severity.WARN and finding.measured == "business_licence"
    assert "营业执照" in finding.message_zh and "business licence" in finding.message_en
    as_licence = check_file(path, "business_licence", expected_id=s.truth.credit_code)
    assert not as_licence.by_id("material.kind") and not as_licence.by_id("id.mismatch")
    got = as_licence.extracted or {}
    assert got.get("credit_code") == s.truth.credit_code
    assert got.get("company_name") == s.truth.company_name
    assert got.get("legal_representative") == s.truth.legal_representative
    assert got.get("established") == s.truth.established
    assert s.truth.credit_code in got.get("qr_payload", "")


def test_cli_masks_extracted_fields_unless_show_personal(fronts: list[tuple[Path, IdTruth]],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path, truth = fronts[0]
    assert cli_run(["--material", "resident_id", "--expected-id", truth.id_number, "--json", str(path)]) == 0
    shown = json.loads(capsys.readouterr().out)["files"][0]["extracted"]
    text = json.dumps(shown, ensure_ascii=False)
    assert truth.id_number not in text and truth.name not in text and truth.address not in text
    assert shown["id_number"] == truth.id_number[:3] + "*" * 11 + truth.id_number[-4:]
    assert cli_run(["--material", "resident_id", "--json", "--show-personal", str(path)]) == 0
    plain = json.loads(capsys.readouterr().out)["files"][0]["extracted"]
    assert plain["id_number"] == truth.id_number and plain["name"] == truth.name


def test_report_without_ocr_has_no_extracted_block() -> None:
    assert "extracted" not in CheckReport("x", "other", None, None).to_dict()


def test_kinds_without_ocr_never_load_onnxruntime(tmp_path: Path) -> None:
    path = write(make_sample("licence", 1), tmp_path / "page.png")
    code = ("import sys; from app.checks.pipeline import check_file; "
            f"r = check_file({str(path)!r}, 'certificate'); "
            "print(r.extracted is None, 'onnxruntime' in sys.modules, 'rapidocr_onnxruntime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out == ["True", "False", "False"]


def test_ocr_can_be_switched_off_per_hall(tmp_path: Path) -> None:
    cfg = CheckConfig.from_dict({"ocr": {"enabled": False}})
    report = check_file(write(make_sample("id_back", 9, expired=True), tmp_path / "b.png"), "resident_id", cfg)
    assert report.extracted is None and not report.by_id("id.expired")


def test_another_layout_is_read_too(tmp_path: Path) -> None:
    """Not the generator's design: one column, labels with colons, the number in groups, an ISO birth date
    and a validity written in Chinese dates; expired, so the back is blocked."""
    import random

    from app.checks.ocr.samples import id_truth

    t = id_truth(random.Random(5), TODAY)
    font = ImageFont.truetype(str(samples.FONT), 42)
    front = Image.new("RGB", (1400, 900), (255, 255, 255))
    d = ImageDraw.Draw(front)
    number = " ".join((t.id_number[:6], t.id_number[6:10], t.id_number[10:14], t.id_number[14:]))
    for i, line in enumerate((f"姓名：{t.name}", f"性别：{t.sex}    民族：{t.ethnicity}", f"出生日期：{t.birth_date}",
                              f"住址：{t.address}", f"身份证号：{number}")):
        d.text((80, 60 + 110 * i), line, font=font, fill=(0, 0, 0))
    front.save(tmp_path / "front.jpg", quality=70)
    back = Image.new("RGB", (1400, 600), (245, 245, 245))
    d = ImageDraw.Draw(back)
    d.text((80, 80), "居民身份证", font=ImageFont.truetype(str(samples.FONT), 70), fill=(0, 0, 0))
    d.text((80, 260), f"签发机关：{t.issuer}", font=font, fill=(0, 0, 0))
    d.text((80, 380), "有效期限：2010年01月01日至2020年01月01日", font=font, fill=(0, 0, 0))
    back.save(tmp_path / "back.png")
    right = check_file(tmp_path / "front.jpg", "resident_id", expected_id=t.id_number)
    assert not right.findings and right.extracted is not None
    assert {k: right.extracted.get(k) for k in ("name", "sex", "birth_date", "id_number")} == {
        "name": t.name, "sex": t.sex, "birth_date": t.birth_date, "id_number": t.id_number}
    assert check_file(tmp_path / "front.jpg", "resident_id", expected_id=_other_number(t.id_number)).by_id(
        "id.mismatch")
    expired = check_file(tmp_path / "back.png", "resident_id")
    assert expired.blocked and expired.by_id("id.expired")[0].measured == "2020-01-01"
    assert expired.extracted is not None and "birth_date" not in expired.extracted


def test_the_entered_name_is_compared_with_the_name_read(fronts: list[tuple[Path, IdTruth]]) -> None:
    path, truth = fronts[1]
    same = check_file(path, "resident_id", expected_id=truth.id_number, expected_name=f" {truth.name} ")
    assert not same.findings
    other = "欧阳" + truth.name[-1]
    [finding] = check_file(path, "resident_id", expected_name=other).by_id("id.mismatch")
    assert finding.severity is Severity.WARN  # a misread character must not block: the clerk looks
    assert truth.name not in finding.message_zh and finding.measured == "欧**"


def test_a_spent_time_budget_leaves_the_lesser_regions_unread(tmp_path: Path) -> None:
    s = make_sample("licence", 4)
    assert isinstance(s.truth, LicenceTruth)
    cfg = CheckConfig.from_dict({"ocr": {"page_budget_ms": 1}})
    got = check_file(write(s, tmp_path / "licence.png"), "business_licence", cfg).extracted or {}
    assert got.get("budget_spent") is True
    assert got.get("credit_code") == s.truth.credit_code  # the first band: code and name
    assert "established" not in got  # a later band, left unread
