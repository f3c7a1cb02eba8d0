"""What scanners, copiers and phones do to a page (tests/checks/unseen_pages.py draws it clean).

Two groups: conditions a clean page still has after scanning (noise, a dark lid border, punched
holes, a fold, uneven light and a slight perspective from a phone, show-through from the back,
JPEG artefacts, grey mode) and the defects the checks must find (skew, turns, blur, exposure,
cut-off edges, low resolution). Functions take and return RGB uint8 arrays; randomness comes from
the generator passed in, so a case is the same on every run.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
import numpy.typing as npt

Arr = npt.NDArray[np.uint8]
Rng = np.random.Generator


def _u8(a: npt.NDArray[np.float32]) -> Arr:
    return np.asarray(np.clip(a, 0, 255), dtype=np.uint8)


def mm(v: float, dpi: int) -> int:
    return round(v / 25.4 * dpi)


# --- conditions of a clean scan ------------------------------------------------------------------

@lru_cache(maxsize=8)
def _grain(h: int, w: int) -> npt.NDArray[np.float32]:
    """Unit Gaussian noise a little larger than the page, made once per size (drawing fresh noise
    for every case costs more than checking it); each case takes its own offset into it."""
    field = np.random.default_rng(h * 7919 + w).standard_normal((h + 64, w + 64), dtype=np.float32)
    field.setflags(write=False)
    return field


def sensor_noise(img: Arr, std: float, rng: Rng) -> Arr:
    """Scanner or camera noise (luminance)."""
    h, w = img.shape[:2]
    dy, dx = (int(v) for v in rng.integers(0, 64, 2))
    grain = cv2.multiply(_grain(h, w)[dy : dy + h, dx : dx + w], float(std))
    return _apply(img, grain, add=True)


def _apply(img: Arr, field: npt.NDArray[np.float32], add: bool) -> Arr:
    """``img`` plus (or times) a one-channel field, rounded and clipped to uint8 by OpenCV."""
    field3 = cv2.merge([field, field, field])
    out = cv2.add(img, field3, dtype=cv2.CV_8U) if add else cv2.multiply(img, field3, dtype=cv2.CV_8U)
    return np.asarray(out, dtype=np.uint8)


def _smooth_field(h: int, w: int, small: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """A field drawn on a coarse grid, enlarged smoothly to the page (light varies slowly)."""
    return np.asarray(cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR), dtype=np.float32)


def uneven_light(img: Arr, drop: float, rng: Rng) -> Arr:
    """A phone photo under a desk lamp: brightness falls off by ``drop`` (share) towards one corner."""
    h, w = img.shape[:2]
    sh, sw = max(2, h // 16), max(2, w // 16)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy = rng.uniform(-0.3, 1.3) * sw, rng.uniform(-0.3, 1.3) * sh
    dist = np.hypot(xx - cx, yy - cy)
    gain = (1.0 - np.float32(drop) * dist / max(float(dist.max()), 1e-6)).astype(np.float32)
    return _apply(img, _smooth_field(h, w, gain), add=False)


def hand_shadow(img: Arr, depth: float, rng: Rng) -> Arr:
    """The soft shadow of the phone or a hand across one side of the sheet."""
    h, w = img.shape[:2]
    sh, sw = max(8, h // 16), max(8, w // 16)
    side = int(rng.integers(0, 4))
    ramp = np.linspace(1.0 - depth, 1.0, (sw if side < 2 else sh) // 3, dtype=np.float32)
    gain = np.ones((sh, sw), np.float32)
    if side == 0:
        gain[:, : len(ramp)] = ramp[None, :]
    elif side == 1:
        gain[:, sw - len(ramp) :] = ramp[::-1][None, :]
    elif side == 2:
        gain[: len(ramp)] = ramp[:, None]
    else:
        gain[sh - len(ramp) :] = ramp[::-1][:, None]
    gain = cv2.GaussianBlur(gain, (0, 0), sw / 40)
    return _apply(img, _smooth_field(h, w, gain), add=False)


def perspective(img: Arr, share: float, rng: Rng, background: int = 90) -> Arr:
    """A sheet photographed not quite square on: each corner moved by up to ``share`` of the width,
    the desk showing around it."""
    h, w = img.shape[:2]
    pad = int(share * w) + 4
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(0, share * w, (4, 2)).astype(np.float32)
    dst = np.float32([[pad, pad], [w + pad, pad], [w + pad, h + pad], [pad, h + pad]]) + (jitter - share * w / 2)
    m = cv2.getPerspectiveTransform(src, dst)
    return np.asarray(cv2.warpPerspective(img, m, (w + 2 * pad, h + 2 * pad), flags=cv2.INTER_LINEAR,
                                          borderValue=(background, background - 5, background - 15)), np.uint8)


def lid_border(img: Arr, dpi: int, sides: str, width_mm: float, level: int = 30) -> Arr:
    """The dark scanner lid showing along the given sides ("t", "b", "l", "r") of a smaller sheet."""
    out = img.copy()
    px = mm(width_mm, dpi)
    if "t" in sides:
        out[:px] = level
    if "b" in sides:
        out[-px:] = level
    if "l" in sides:
        out[:, :px] = level
    if "r" in sides:
        out[:, -px:] = level
    return out


def punched_holes(img: Arr, dpi: int, level: int = 25) -> Arr:
    """Two filing holes (6 mm, 80 mm apart, 12 mm from the left), showing the lid through them."""
    out = img.copy()
    h = img.shape[0]
    for y in (h // 2 - mm(40, dpi), h // 2 + mm(40, dpi)):
        cv2.circle(out, (mm(12, dpi), y), mm(3, dpi), (level,) * 3, -1, cv2.LINE_AA)
    return out


def fold_line(img: Arr, dpi: int, rng: Rng) -> Arr:
    """A sheet folded in three: a thin darker crease with a soft shadow on one side."""
    h, w = img.shape[:2]
    out = img.astype(np.float32)
    for y in (h // 3, 2 * h // 3):
        y += int(rng.integers(-mm(3, dpi), mm(3, dpi)))
        band = np.linspace(0.9, 1.0, mm(4, dpi), dtype=np.float32)
        out[y : y + len(band)] *= band[:, None, None]
        out[y : y + max(1, mm(0.3, dpi))] *= 0.8
    return _u8(out)


def show_through(img: Arr, back: Arr, strength: float = 0.06) -> Arr:
    """Thin paper: the mirrored back side shows faintly through."""
    ghost = cv2.resize(np.ascontiguousarray(back[:, ::-1]), (img.shape[1], img.shape[0]))
    darkening = (255.0 - ghost.astype(np.float32)) * np.float32(strength)
    return _u8(img.astype(np.float32) - darkening)


def grey_mode(img: Arr) -> Arr:
    """A copier or scanner in grey mode (saved as a one-channel file by the runner)."""
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(np.repeat(g[:, :, None], 3, axis=2))


# --- defects -------------------------------------------------------------------------------------

def skew(img: Arr, degrees: float, background: tuple[int, int, int]) -> Arr:
    """The sheet turned on the glass; the area uncovered is the scanner's background."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return np.asarray(cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=background), np.uint8)


def turn(img: Arr, quarter_turns: int) -> Arr:
    return np.ascontiguousarray(np.rot90(img, quarter_turns))


def _text_rows(img: Arr, axis: int) -> list[tuple[int, int]]:
    """Runs of rows (axis 0) or columns (axis 1) that hold ink."""
    ink = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) < 150
    profile = ink.sum(axis=1 - axis)
    on = np.concatenate(([0], (profile > 0.01 * ink.shape[1 - axis]).astype(np.int8), [0]))
    change = np.flatnonzero(np.diff(on))
    return [(int(a), int(b)) for a, b in zip(change[0::2], change[1::2], strict=True)]


def cut_through(img: Arr, edge: str, past_mm: float, dpi: int, fill: bool) -> Arr:
    """The page cut at ``edge`` through the middle of the first run of ink at least ``past_mm`` in:
    ``fill`` shifts the content off the glass and leaves paper behind (flatbed), otherwise the image
    simply ends there (a phone photo framed too tightly)."""
    axis = 0 if edge in ("top", "bottom") else 1
    flip = edge in ("bottom", "right")
    view = img[::-1] if flip and axis == 0 else img[:, ::-1] if flip else img
    at = mm(past_mm, dpi)  # across the lines (left, right): the lines all start or end there
    if axis == 0:  # through a line of text, not a table or photo block nor a thin rule
        runs = [r for r in _text_rows(np.ascontiguousarray(view), axis)
                if r[0] >= at and mm(2, dpi) <= r[1] - r[0] <= mm(9, dpi)]
        at = (runs[0][0] + runs[0][1]) // 2 if runs else at
    kept = view[at:] if axis == 0 else view[:, at:]
    if fill:
        pad = np.full_like(view[:at] if axis == 0 else view[:, :at], 246)
        kept = np.concatenate((kept, pad), axis=axis)
    out = kept[::-1] if flip and axis == 0 else kept[:, ::-1] if flip else kept
    return np.ascontiguousarray(out)


def gaussian_blur(img: Arr, sigma_at_150: float, dpi: int) -> Arr:
    return np.asarray(cv2.GaussianBlur(img, (0, 0), sigma_at_150 * dpi / 150), np.uint8)


def motion_blur(img: Arr, length_at_150: int, degrees: float, dpi: int) -> Arr:
    """A sheet (or phone) that moved during the exposure: a line kernel at ``degrees``."""
    n = max(3, round(length_at_150 * dpi / 150)) | 1
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), degrees, 1.0)
    kernel = cv2.warpAffine(kernel, rot, (n, n))
    return np.asarray(cv2.filter2D(img, -1, kernel / kernel.sum()), np.uint8)


def defocus(img: Arr, radius_at_150: float, dpi: int) -> Arr:
    """An out-of-focus phone camera: a disc kernel, not a Gaussian."""
    r = max(1, round(radius_at_150 * dpi / 150))
    kernel = np.zeros((2 * r + 1, 2 * r + 1), np.float32)
    cv2.circle(kernel, (r, r), r, 1.0, -1, cv2.LINE_AA)
    return np.asarray(cv2.filter2D(img, -1, kernel / kernel.sum()), np.uint8)


def exposure(img: Arr, gain: float = 1.0, lift: float = 0.0, gamma: float = 1.0) -> Arr:
    """Brightness and contrast: ``gain`` < 1 is underexposed, ``lift`` raises the ink towards the
    paper (faded toner, washed out), ``gamma`` > 1 brightens the mid tones (overexposed phone photo)."""
    a = img.astype(np.float32) / 255.0
    a = a ** (1.0 / gamma)
    a = lift + (1.0 - lift) * a
    return _u8(a * 255.0 * gain)


def resample_dpi(img: Arr, from_dpi: int, to_dpi: int) -> Arr:
    h, w = img.shape[:2]
    size = (max(1, round(w * to_dpi / from_dpi)), max(1, round(h * to_dpi / from_dpi)))
    inter = cv2.INTER_AREA if to_dpi < from_dpi else cv2.INTER_CUBIC
    return np.asarray(cv2.resize(img, size, interpolation=inter), np.uint8)
