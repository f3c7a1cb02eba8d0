"""Every screen, portrait and landscape, normal and elderly: screenshots, sizes, contrast.

English (for foreign residents) is checked like normal mode.
Elderly mode (长辈版) must meet the MIIT 适老化 numbers: text >= 18 pt with the largest >= 30 pt,
touch targets >= 60x60 px, contrast >= 4.5:1. Normal mode keeps the target and contrast rules too.
Screenshots go to tests/artifacts/kiosk/ for people to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kiosk.a11y import audit
from tests.kiosk.tour import TOUR, visit

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.mark.parametrize("screen", list(TOUR))
# English on the narrower portrait screen only: where longer words run out of room first (and the suite stays short)
@pytest.mark.parametrize(
    ("orientation", "mode"),
    [(o, m) for o in SIZES for m in ("normal", "elderly")] + [("portrait", "english")],
)
def test_screen(make_kiosk, printer, backend, artifacts: Path, orientation: str, mode: str, screen: str) -> None:  # noqa: ANN001
    kiosk = make_kiosk(size=SIZES[orientation])
    if mode == "elderly":
        kiosk.restyle("zh_CN", True)
    elif mode == "english":  # English words are longer than Chinese: the same screens must still fit
        kiosk.restyle("en_US", False)
    visit(kiosk, printer, backend, screen)
    out = artifacts / "kiosk"
    out.mkdir(parents=True, exist_ok=True)
    kiosk.grab().save(str(out / f"{orientation}-{mode}-{screen}.png"))
    # A full-screen kiosk cannot grow: content that needs more room than the screen is cut off.
    assert (kiosk.width(), kiosk.height()) == SIZES[orientation], "the screen's content does not fit"

    root = kiosk
    for overlay in (kiosk.idle.attract, kiosk.admin.pad, kiosk.idle.still_there):
        if overlay is not None and overlay.isVisible():
            root = overlay  # what is under an overlay cannot be touched or read
            break
    elderly = mode == "elderly"
    findings, _ = audit(kiosk, root, min_pt=18 if elderly else None, largest_pt=30 if elderly else None)
    assert not findings, "\n".join(map(str, findings))

