"""Build the labelled test corpus: clean synthetic pages and their defective derivatives, written
as real files (PNG/JPEG/TIFF/PDF) the way a scanner or a citizen would hand them in."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

from app.checks.synthetic import PageSpec, draw_page, mm_to_px

Arr = npt.NDArray[np.uint8]
DPI = 200  # corpus resolution: comfortably above the 150 dpi requirement, quick to draw
PAPER = 247


def page(dpi: int = DPI, **kw: object) -> Arr:
    return draw_page(PageSpec(dpi=dpi, **kw))  # type: ignore[arg-type]


def id_copy_page(dpi: int = DPI) -> Arr:
    """An A4 sheet with the front and back of an ID card copied onto it (身份证复印件)."""
    from app.checks.config import ID1_MM

    sheet = page(dpi=dpi, lines=0, title=False, seed=21)
    w = sheet.shape[1]
    for seed, top_mm in ((22, 40), (23, 150)):
        card = page(dpi=dpi, paper_mm=ID1_MM, lines=4, seed=seed, noise=0)
        ch, cw = card.shape[:2]
        x, y = (w - cw) // 2, mm_to_px(top_mm, dpi)
        sheet[y : y + ch, x : x + cw] = card
        cv2.rectangle(sheet, (x, y), (x + cw, y + ch), (120, 120, 120), 2)
    return sheet


def font_page(font: Path, dpi: int = DPI, pt: float = 11, seed: int = 0) -> Arr:
    """A page of real anti-aliased Chinese text drawn with a CJK font."""
    from PIL import ImageDraw, ImageFont

    text = "政务服务大厅便民服务中心申请材料受理窗口营业执照居民身份证统一社会信用代码办事指南承诺时限"
    rng = np.random.default_rng(seed)
    w, h = mm_to_px(210, dpi), mm_to_px(297, dpi)
    im = Image.new("RGB", (w, h), (PAPER, PAPER, PAPER))
    draw = ImageDraw.Draw(im)
    size = round(pt / 72 * dpi)
    face = ImageFont.truetype(str(font), size)
    margin = mm_to_px(22, dpi)
    y = margin
    while y < h - margin - size:
        n = (w - 2 * margin) // size - int(rng.integers(0, 8))
        draw.text((margin, y), "".join(rng.choice(list(text), n)), font=face, fill=(25, 25, 25))
        y += int(size * 1.8)
    noisy = np.asarray(im, dtype=np.float32) + rng.normal(0, 2, (h, w, 1)).astype(np.float32)
    return np.asarray(np.clip(noisy, 0, 255), dtype=np.uint8)


# --- defects -----------------------------------------------------------------------------------

def blurred(img: Arr, sigma_at_150dpi: float, dpi: int = DPI) -> Arr:
    return np.asarray(cv2.GaussianBlur(img, (0, 0), sigma_at_150dpi * dpi / 150), dtype=np.uint8)


def rescaled(img: Arr, from_dpi: int, to_dpi: int) -> Arr:
    h, w = img.shape[:2]
    size = (round(w * to_dpi / from_dpi), round(h * to_dpi / from_dpi))
    return np.asarray(cv2.resize(img, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def turned(img: Arr) -> Arr:
    return np.ascontiguousarray(np.rot90(img))


def skewed(img: Arr, degrees: float, background: int = PAPER) -> Arr:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return np.asarray(cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR,
                                     borderValue=(background,) * 3), dtype=np.uint8)


def cut_off(img: Arr, mm: float, edge: str = "left", dpi: int = DPI) -> Arr:
    """Shift the content ``mm`` past an edge, as when the sheet lay partly off the scanner glass."""
    px = mm_to_px(mm, dpi)
    out = np.full_like(img, PAPER)
    if edge == "left":
        out[:, :-px] = img[:, px:]
    elif edge == "top":
        out[:-px] = img[px:]
    elif edge == "right":
        out[:, px:] = img[:, :-px]
    else:
        out[px:] = img[:-px]
    return out


def dark(img: Arr) -> Arr:
    return np.asarray(img.astype(np.float32) * 0.35, dtype=np.uint8)


def faded(img: Arr) -> Arr:
    return np.asarray(200 + img.astype(np.float32) * 0.2, dtype=np.uint8)


def grey_rgb(img: Arr) -> Arr:
    """Colour converted to grey but still stored as RGB (a colour scanner in grey mode)."""
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return np.ascontiguousarray(np.repeat(g[:, :, None], 3, axis=2))


def dark_scanner_border(img: Arr, px: int = 40) -> Arr:
    out = img.copy()
    out[:, :px] = 25
    out[:px, :] = 25
    return out


# --- writers -----------------------------------------------------------------------------------

def save(img: Arr, path: Path, dpi: int = DPI, **kw: object) -> Path:
    im = Image.fromarray(img)
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".tif": "TIFF", ".tiff": "TIFF"}.get(
        path.suffix.lower(), kw.pop("format", "PNG"))
    if fmt == "JPEG":
        kw.setdefault("quality", 85)
    elif fmt == "PNG":
        kw.setdefault("compress_level", 1)  # fast: the corpus is rewritten on every run
    im.save(path, format=fmt, dpi=(dpi, dpi), **kw)  # type: ignore[arg-type]
    return path


def save_pdf(pages: Sequence[Arr], path: Path, dpi: int = DPI) -> Path:
    """A scanned PDF: each page one embedded JPEG placed at ``dpi``."""
    ims = [Image.fromarray(p) for p in pages]
    ims[0].save(path, format="PDF", save_all=True, append_images=ims[1:], resolution=float(dpi), quality=85)
    return path


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size but that carries one tiny compressed row: enough to make a
    naive decoder allocate width x height pixels (the decompression-bomb shape) at no cost to us."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(
        b"IEND", b"")


def jpeg_bytes(img: Arr) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="JPEG", quality=85)
    return buf.getvalue()


# --- an encrypted PDF, written by hand ---------------------------------------------------------
# Neither Pillow nor PDFium can encrypt, so this writes the PDF standard security handler
# (revision 2, 40-bit RC4, PDF 1.7 section 7.6.3) from the spec. It is a real encrypted PDF: the
# test opens it with the password to prove it.

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: str, owner_password: str = "owner") -> bytes:
    """A one-page PDF (a filled blue square) encrypted with the standard security handler.
    With an empty user password it opens without asking (permissions-only encryption)."""
    pad = lambda pw: (pw.encode("latin-1") + _PAD)[:32]  # noqa: E731
    o_key = hashlib.md5(pad(owner_password or user_password)).digest()[:5]
    o_value = _rc4(o_key, pad(user_password))
    permissions = -44  # printing and copying not allowed
    file_id = hashlib.md5(b"onewindow-test").digest()
    key = hashlib.md5(pad(user_password) + o_value + struct.pack("<i", permissions) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)

    def obj_key(num: int) -> bytes:
        return hashlib.md5(key + struct.pack("<I", num)[:3] + b"\x00\x00").digest()[:10]

    content = _rc4(obj_key(4), b"0 0 1 rg 100 300 300 300 re f\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(b"", content),
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <" + u_value.hex().encode()
        + b"> /P " + str(permissions).encode() + b" >>",
    ]
    trailer = b"/Encrypt 5 0 R /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">]"
    return _write_pdf(objects, trailer)


def _stream(extra: bytes, data: bytes) -> bytes:
    return b"<< " + extra + b" /Length " + str(len(data)).encode() + b" >>\nstream\n" + data + b"\nendstream"


def image_pdf(width: int, height: int, data: bytes) -> bytes:
    """A one-page PDF drawing one JPEG image XObject whose dictionary claims ``width`` x ``height``."""
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /Im0 5 0 R >> >> >>",
        _stream(b"", content),
        _stream(f"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray"
                " /BitsPerComponent 8 /Filter /DCTDecode".encode(), data),
    ]
    return _write_pdf(objects, b"")


def _write_pdf(objects: list[bytes], trailer_extra: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R " + trailer_extra
            + b" >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")
    return bytes(out)
