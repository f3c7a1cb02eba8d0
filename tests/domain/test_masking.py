"""One masking policy for ID numbers everywhere: intake, checks, logs and the kiosk's case progress."""

from __future__ import annotations

import logging

from app.checks.ids import mask as checks_mask
from app.domain import applicant as ap
from app.domain.masking import mask_id, mask_name
from app.logs import MaskPersonalData

NUMBER = "330106194512120013"


def test_the_policy() -> None:
    assert mask_id(NUMBER) == "330***********0013"
    assert mask_id("3301 0619 4512 1200 1x") == "330***********001X"  # as typed
    assert mask_id("1234567") == "*******" and mask_id("") == ""
    assert mask_name("欧阳娜娜") == "欧***" and mask_name("王") == "王"


def test_every_user_masks_alike() -> None:
    assert checks_mask(NUMBER) == ap.mask_id(NUMBER) == mask_id(NUMBER)
    record = logging.LogRecord("onewindow.test", logging.INFO, __file__, 1, "issued for %s", (NUMBER,), None)
    MaskPersonalData().filter(record)
    assert record.getMessage() == f"issued for {mask_id(NUMBER)}"
