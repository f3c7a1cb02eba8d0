"""Pure rating rules: levels, reasons, references, the follow-up loop."""

import pytest

from app.domain.ratings import (
    FollowUpStatus,
    RatingError,
    RatingLevel,
    Reference,
    check_follow_up_step,
    parse_reference,
    split_ticket_number,
    validate_rating,
)


def test_levels_are_stored_five_to_one_and_the_two_lowest_are_bad():
    assert [int(x) for x in RatingLevel] == [5, 4, 3, 2, 1]
    assert [x.name_zh for x in RatingLevel] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    assert [x.is_bad for x in RatingLevel] == [False, False, False, True, True]


def test_reasons_are_required_for_bad_ratings_only_and_must_be_known():
    assert validate_rating(2, ["wait", "wait", " attitude "]).reasons == ("wait", "attitude")
    assert validate_rating(5, [], "  很好  ").comment == "很好"
    cases = [(1, [], "reason_required"), (2, ["rude"], "invalid_rating"), (4, ["wait"], "invalid_rating"),
             (0, [], "invalid_rating"), (6, [], "invalid_rating"), (3, [], None)]
    for level, reasons, code in cases:
        if code is None:
            validate_rating(level, reasons)
            continue
        with pytest.raises(RatingError) as err:
            validate_rating(level, reasons)
        assert err.value.code == code and err.value.message_zh and err.value.message_en
    with pytest.raises(RatingError):
        validate_rating(5, [], "长" * 501)


def test_references():
    assert parse_reference("OW1:T:H023:0192abcd") == Reference("ticket_id", "0192abcd", "H023")
    assert parse_reference("OW1:R:H023-20261120-0007") == Reference("receipt", "H023-20261120-0007")
    assert parse_reference("h023-20261120-0007") == Reference("receipt", "H023-20261120-0007")
    assert parse_reference(" b012 ") == Reference("ticket_number", "B012")
    assert split_ticket_number("B012") == ("B", 12)
    with pytest.raises(RatingError):
        parse_reference("  ")


def test_follow_up_loop_goes_forward_with_a_note_each_step():
    o, c, r, x = FollowUpStatus.OPEN, FollowUpStatus.CONTACTED, FollowUpStatus.RECTIFIED, FollowUpStatus.CLOSED
    assert check_follow_up_step(o, c, " 已电话回访市民 ") == "已电话回访市民"
    check_follow_up_step(c, r, "窗口已调整排班")
    check_follow_up_step(r, x, "市民对整改满意")
    check_follow_up_step(c, x, "核实为误操作，市民确认")
    for frm, to in ((o, r), (o, x), (x, o), (r, c), (c, o)):
        with pytest.raises(RatingError) as err:
            check_follow_up_step(frm, to, "足够长的说明")
        assert err.value.code == "rule"
    with pytest.raises(RatingError) as err:
        check_follow_up_step(o, c, "好")
    assert err.value.code == "note_required"
