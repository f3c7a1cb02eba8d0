"""The one-time notice speaks to the citizen: scan faults never reach it; content faults say what to do."""

from app.domain.notice_wording import SCAN_FAULTS, FindingFact, citizen_reasons, missing_action

MISSING = missing_action("公司章程", "Articles of association", "原件 1 份")


def test_scan_faults_are_left_to_the_clerk():
    facts = [FindingFact(c, "block") for c in sorted(SCAN_FAULTS)]
    assert citizen_reasons("defective", facts, MISSING) == ()


def test_content_faults_say_what_to_bring():
    reasons = citizen_reasons(
        "defective",
        [FindingFact("image.blur", "block"), FindingFact("id.mismatch", "block"), FindingFact("id.mismatch", "warn")],
        MISSING,
    )
    assert len(reasons) == 1 and "申请人本人" in reasons[0][0] and "applicant's own" in reasons[0][1]


def test_overridden_warnings_and_missing_materials():
    assert citizen_reasons("needs_review", [FindingFact("qr.missing", "warn", overridden=True)], MISSING) == ()
    assert citizen_reasons("missing", [], MISSING) == (
        ("请提交公司章程（原件 1 份）", "Please bring: Articles of association"),
    )
