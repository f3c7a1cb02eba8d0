"""One masking policy (app.domain.masking) everywhere: intake, checks, logs, the server and the kiosk."""

from __future__ import annotations

import logging

from app.domain.masking import (
    id_tail_matches,
    mask_address,
    mask_applicant,
    mask_birth_date,
    mask_code,
    mask_id,
    mask_name,
)
from app.logs import MaskPersonalData

NUMBER = "330106194512120013"


def test_the_policy() -> None:
    assert mask_id(NUMBER) == "330***********0013"
    assert mask_id("3301 0619 4512 1200 1x") == "330***********001X"  # as typed
    assert mask_id("1234567") == "*******" and mask_id("") == ""
    assert mask_name("欧阳娜娜") == "欧***" and mask_name("王") == "王"
    assert mask_applicant("欧阳娜娜", company=False) == "欧***"
    assert mask_applicant("杭州某某科技有限公司", company=True) == "杭州某某科技有限公司"  # on its licence: public
    assert mask_address("浙江省杭州市西湖区文三路1号") == "浙江省杭州市" + "*" * 8
    assert mask_birth_date("1945-12-12") == "1945-**-**"
    assert mask_code("100001") == "10****"


def test_every_user_masks_alike() -> None:
    record = logging.LogRecord("onewindow.test", logging.INFO, __file__, 1, "issued for %s", (NUMBER,), None)
    MaskPersonalData().filter(record)
    assert record.getMessage() == f"issued for {mask_id(NUMBER)}"


def test_the_id_tail_proof_is_the_part_every_mask_shows() -> None:
    """Progress queries and ratings by receipt number check the same 4 characters (app.services.cases, .ratings)."""
    assert mask_id(NUMBER).endswith("0013") and id_tail_matches("0013", NUMBER)
    assert id_tail_matches(" 001x ", "11010519491231002X", "11010519491231001X")  # the agent's counts too
    assert not id_tail_matches("0014", NUMBER, "")
    assert not id_tail_matches("", NUMBER, "") and not id_tail_matches("013", NUMBER)  # no agent: no empty match
    assert not id_tail_matches("0013", "13")
