"""Valid identity numbers and scanned-material files, generated (real scans hold personal data)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image
from stdnum.cn import ric, uscc

from app.checks.synthetic import PageSpec, draw_page

DPI = 200


def make_ric(birth: str = "19900307", region: str = "110105", seq: str = "123") -> str:
    body = region + birth + seq
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


def make_uscc(body: str = "91330100MA2") -> str:
    body = (body + "7A8B9C0D1E")[:17]
    return body + uscc.calc_check_digit(body)


def _save(img: np.ndarray, path: Path, grey: bool = False) -> Path:
    im = Image.fromarray(img)
    if grey:
        im = im.convert("L")
    im.save(path, dpi=(DPI, DPI))
    return path


def clean_page(path: Path, *, seal: bool = False, qr: str | None = None, seed: int = 1) -> Path:
    return _save(draw_page(PageSpec(dpi=DPI, seal=seal, qr_payload=qr, seed=seed)), path)


def blurred_page(path: Path, sigma: float = 4.0, seed: int = 2) -> Path:
    img = draw_page(PageSpec(dpi=DPI, seed=seed))
    return _save(np.asarray(cv2.GaussianBlur(img, (0, 0), sigma), dtype=np.uint8), path)


def grey_licence(path: Path, qr: str | None = None) -> Path:
    """A business licence scanned in greyscale: the red seal cannot be seen in colour."""
    return _save(draw_page(PageSpec(dpi=DPI, seal=True, qr_payload=qr, seed=3)), path, grey=True)


def blank_page(path: Path) -> Path:
    return _save(np.full((2339, 1654, 3), 247, dtype=np.uint8), path)


def id_card_side(path: Path, seed: int = 4) -> Path:
    """One side of a resident ID card at 300 dpi (card size, a few lines of text)."""
    spec = PageSpec(dpi=300, paper_mm=(85.6, 54.0), lines=4, title=False, seed=seed)
    return _save(draw_page(spec), path)


def id_card_pdf(path: Path) -> Path:
    """Front and back of an ID card as a two-page PDF, as a scanner's duplex mode writes it."""
    sides = [
        Image.fromarray(draw_page(PageSpec(dpi=300, paper_mm=(85.6, 54.0), lines=4, title=False, seed=s)))
        for s in (4, 5)
    ]
    sides[0].save(path, "PDF", resolution=300, save_all=True, append_images=sides[1:])
    return path
