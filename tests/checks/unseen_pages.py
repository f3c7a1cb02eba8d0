"""Clean pages drawn independently of app/checks/synthetic.py, for accuracy on pages nobody tuned on.

synthetic.py draws pseudo-glyphs made of straight strokes on one A4 layout. Real materials at a
counter are set in real fonts (here Noto Sans SC, regular and bold, 8-22 pt, Chinese and Latin), as
letters, ruled forms, two-column notices, letterheads with a logo, forms with a portrait photo,
business licences in a decorative frame with a QR code and a red seal, ID cards on a guilloche
background, landscape tables and half-empty pages. Everything is deterministic for a seed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

Arr = npt.NDArray[np.uint8]
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
A4 = (210.0, 297.0)
ID1 = (85.6, 54.0)
INK = (28, 28, 30)
RED = (205, 38, 40)

_HANZI = ("政务服务大厅便民中心申请材料受理窗口营业执照居民身份证统一社会信用代码办事指南承诺时限法定代表人注册资本"
          "经营范围住所成立日期登记机关兹证明特此本人所填信息真实有效联系电话办理事项不动产权证书社会保险参保出生医学"
          "有限公司杭州市温州宁波绍兴苏州区县街道村社区乡镇人民政府市场监督管理局年月日号第条款规定依照根据下列情况说明")
_PUNCT = "，。、；："
_LATIN = ("this is to certify that the applicant named below has submitted the required documents for the "
          "registration of a limited liability company at the municipal service hall and that the "
          "information given is true complete and accurate to the best of our knowledge").split()
_LABELS = ("姓名", "性别", "民族", "出生日期", "身份证号码", "联系电话", "住址", "申请事项", "工作单位", "邮政编码",
           "Name", "Tel.", "Date", "Case No.", "办理窗口", "备注")


@lru_cache(maxsize=64)
def font(px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSansSC-Subset-Bold.otf" if bold else "NotoSansSC-Subset-Regular.otf"
    return ImageFont.truetype(str(FONTS / name), max(6, px))


def available() -> bool:
    return (FONTS / "NotoSansSC-Subset-Regular.otf").exists()


def mm(v: float, dpi: int) -> int:
    return round(v / 25.4 * dpi)


def pt(v: float, dpi: int) -> int:
    return round(v / 72 * dpi)


@dataclass
class Canvas:
    """A PIL page being drawn on, with the helpers every layout needs."""

    im: Image.Image
    draw: ImageDraw.ImageDraw
    dpi: int
    rng: np.random.Generator

    @property
    def w(self) -> int:
        return self.im.size[0]

    @property
    def h(self) -> int:
        return self.im.size[1]

    def hanzi(self, n: int) -> str:
        chars = list(_HANZI)
        out = "".join(self.rng.choice(chars, n))
        # punctuation every dozen characters or so, as in running Chinese text
        return "".join(c + (str(self.rng.choice(list(_PUNCT))) if self.rng.random() < 0.08 else "") for c in out)[:n]

    def latin_words(self, n: int) -> list[str]:
        return [str(w) for w in self.rng.choice(_LATIN, n)]

    def text(self, xy: tuple[int, int], s: str, px: int, bold: bool = False,
             fill: tuple[int, int, int] = INK) -> int:
        """Draw ``s``; returns its width in pixels."""
        f = font(px, bold)
        self.draw.text(xy, s, font=f, fill=fill)
        return int(f.getlength(s))

    def centred(self, y: int, s: str, px: int, bold: bool = True) -> None:
        width = int(font(px, bold).getlength(s))
        self.text(((self.w - width) // 2, y), s, px, bold)

    def paragraph(self, x: int, y: int, width: int, lines: int, px: int, latin: bool = False,
                  pitch: float = 1.7) -> int:
        """Flush-left justified lines, first line indented, the last one short; returns the next y."""
        f = font(px)
        for i in range(lines):
            indent = 2 * px if i == 0 and not latin else 0
            room = width - indent if i < lines - 1 else int(width * self.rng.uniform(0.25, 0.7))
            if latin:
                words: list[str] = []
                while True:
                    nxt = self.latin_words(1)[0]
                    if f.getlength(" ".join([*words, nxt])) > room:
                        break
                    words.append(nxt)
                s = " ".join(words)
            else:
                s = self.hanzi(max(1, int(room / px)))
            self.text((x + indent, y), s, px)
            y += int(px * pitch)
        return y

    def rect(self, box: tuple[int, int, int, int], width: int = 1, outline: tuple[int, int, int] = INK,
             fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle(box, outline=outline, width=width, fill=fill)


def _canvas(size_mm: tuple[float, float], dpi: int, seed: int, paper: tuple[int, int, int]) -> Canvas:
    w, h = mm(size_mm[0], dpi), mm(size_mm[1], dpi)
    im = Image.new("RGB", (w, h), paper)
    return Canvas(im, ImageDraw.Draw(im), dpi, np.random.default_rng(seed))


# --- pieces --------------------------------------------------------------------------------------

def seal(c: Canvas, centre: tuple[int, int], radius_mm: float = 21.0, colour: tuple[int, int, int] = RED) -> None:
    """A round official seal: ring, star, the organisation's name along the upper arc."""
    r = mm(radius_mm, c.dpi)
    cx, cy = centre
    layer = Image.new("L", c.im.size, 0)
    d = ImageDraw.Draw(layer)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(2, mm(1.0, c.dpi)))
    star = [(cx + (0.3 if k % 2 == 0 else 0.12) * r * np.sin(k * np.pi / 5),
             cy - (0.3 if k % 2 == 0 else 0.12) * r * np.cos(k * np.pi / 5)) for k in range(10)]
    d.polygon(star, fill=255)
    glyph = max(8, int(r * 0.26))
    name = c.hanzi(11)
    for i, ch in enumerate(name):
        a = np.pi * (1.15 + 0.7 * i / (len(name) - 1))
        gx, gy = cx + 0.7 * r * np.cos(a), cy + 0.7 * r * np.sin(a)
        g = Image.new("L", (glyph * 2, glyph * 2), 0)
        ImageDraw.Draw(g).text((glyph // 2, glyph // 2), ch, font=font(glyph, True), fill=255)
        g = g.rotate(-np.degrees(a) - 90, resample=Image.Resampling.BILINEAR)
        layer.paste(g, (int(gx - glyph), int(gy - glyph)), g)
    # stamp ink is uneven: some of the ring and text print lighter
    patchy = np.asarray(layer, np.float32) / 255 * c.rng.uniform(0.6, 1.0, (c.h, 1)).astype(np.float32)
    alpha = Image.fromarray(np.asarray(patchy * 235, np.uint8))
    c.im.paste(Image.new("RGB", c.im.size, colour), (0, 0), alpha)


def qr(c: Canvas, payload: str, x: int, y: int, size_mm: float = 22.0) -> None:
    import qrcode

    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    modules = np.array(code.get_matrix(), dtype=np.uint8)
    size = mm(size_mm, c.dpi)
    tile = Image.fromarray(np.where(modules > 0, 20, 250).astype(np.uint8))
    tile = tile.resize((size, size), Image.Resampling.NEAREST)
    c.im.paste(tile.convert("RGB"), (x, y))


def photo(c: Canvas, box: tuple[int, int, int, int]) -> None:
    """A portrait-like photo: smooth shading, a darker head and shoulders, no text edges."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    bg = 200 + 30 * (yy / h)
    head = ((xx - w / 2) / (0.28 * w)) ** 2 + ((yy - 0.38 * h) / (0.3 * h)) ** 2 < 1
    body = ((xx - w / 2) / (0.48 * w)) ** 2 + ((yy - 1.05 * h) / (0.42 * h)) ** 2 < 1
    img = np.where(head, 150.0, np.where(body, 60.0, bg)).astype(np.float32)
    img = cv2.GaussianBlur(img, (0, 0), max(1.0, w / 60))
    rgb = np.stack([img * 1.05, img * 0.95, img * 0.9], axis=-1)
    c.im.paste(Image.fromarray(np.asarray(np.clip(rgb, 0, 255), np.uint8)), (x0, y0))


def logo(c: Canvas, x: int, y: int, size: int) -> None:
    """A large solid emblem: filled circle with a white device in it."""
    c.draw.ellipse((x, y, x + size, y + size), fill=(20, 60, 140))
    c.draw.polygon([(x + size // 2, y + size // 6), (x + size // 5, y + 4 * size // 5),
                    (x + 4 * size // 5, y + 4 * size // 5)], fill=(250, 250, 250))


def table(c: Canvas, x0: int, y0: int, x1: int, rows: int, cols: int, px: int, row_mm: float = 10.0) -> int:
    """A ruled form: labels in the first column, values or blanks in the rest; returns the bottom y."""
    row_h = mm(row_mm, c.dpi)
    line = max(1, mm(0.25, c.dpi))
    edges = np.linspace(x0, x1, cols + 1).astype(int)
    for r in range(rows):
        top = y0 + r * row_h
        for k in range(cols):
            cell = (int(edges[k]) + px // 2, top + (row_h - px) // 2 - px // 6)
            if k % 2 == 0:
                c.text(cell, str(c.rng.choice(_LABELS)), px)
            elif c.rng.random() < 0.75:
                n = int(c.rng.integers(2, max(3, (edges[k + 1] - edges[k]) // px - 1)))
                s = c.hanzi(n) if c.rng.random() < 0.7 else str(c.rng.integers(10**7, 10**10))
                c.text(cell, s, px)
            else:
                c.text(cell, "□是 □否", px)
    for r in range(rows + 1):
        c.draw.line((x0, y0 + r * row_h, x1, y0 + r * row_h), fill=INK, width=line)
    for e in edges:
        c.draw.line((int(e), y0, int(e), y0 + rows * row_h), fill=INK, width=line)
    return y0 + rows * row_h


# --- layouts -------------------------------------------------------------------------------------

def letter(c: Canvas, sealed: bool = False) -> None:
    m, px = mm(25, c.dpi), pt(float(c.rng.choice([10.5, 12, 14])), c.dpi)
    c.centred(m, c.hanzi(int(c.rng.integers(5, 10))), int(px * 1.6))
    y = m + int(px * 3.5)
    for _ in range(int(c.rng.integers(2, 4))):
        y = c.paragraph(m, y, c.w - 2 * m, int(c.rng.integers(3, 7)), px) + px // 2
    sx = c.w - m - 10 * px
    c.text((sx, y + 2 * px), c.hanzi(8), px)
    c.text((sx, y + 4 * px), "2023年5月17日", px)
    if sealed:
        seal(c, (sx + 4 * px, y + 3 * px))


def form(c: Canvas) -> None:
    m, px = mm(18, c.dpi), pt(float(c.rng.choice([9, 10.5, 12])), c.dpi)
    c.centred(m, c.hanzi(int(c.rng.integers(6, 11))) + "申请表", int(px * 1.7))
    c.text((m, m + int(px * 3)), f"编号：{c.rng.integers(10**9, 10**10)}", px)
    y = table(c, m, m + int(px * 5), c.w - m, int(c.rng.integers(9, 15)), int(c.rng.choice([2, 4])), px)
    c.paragraph(m, y + px, c.w - 2 * m, 3, px)


def latin(c: Canvas) -> None:
    m, px = mm(22, c.dpi), pt(float(c.rng.choice([9, 10, 11, 12])), c.dpi)
    c.text((m, m), "CERTIFICATE OF REGISTRATION", int(px * 1.6), bold=True)
    y = m + int(px * 3.5)
    for _ in range(int(c.rng.integers(3, 6))):
        y = c.paragraph(m, y, c.w - 2 * m, int(c.rng.integers(3, 6)), px, latin=True, pitch=1.45) + px


def two_column(c: Canvas) -> None:
    m, px = mm(15, c.dpi), pt(8, c.dpi)
    c.centred(m, c.hanzi(12), pt(16, c.dpi))
    col_w = (c.w - 2 * m - mm(8, c.dpi)) // 2
    for k in range(2):
        x, y = m + k * (col_w + mm(8, c.dpi)), m + pt(40, c.dpi)
        while y < c.h - m - 8 * px:
            y = c.paragraph(x, y, col_w, int(c.rng.integers(4, 9)), px, pitch=1.5) + px // 2


def sparse(c: Canvas) -> None:
    m, px = mm(30, c.dpi), pt(12, c.dpi)
    c.centred(m, c.hanzi(4), pt(20, c.dpi))
    y = c.paragraph(m, m + pt(50, c.dpi), c.w - 2 * m, 3, px)
    c.text((c.w - m - 8 * px, y + 3 * px), "签字：" + c.hanzi(3), px)


def photo_form(c: Canvas) -> None:
    m, px = mm(18, c.dpi), pt(10.5, c.dpi)
    c.centred(m, c.hanzi(8) + "登记表", pt(18, c.dpi))
    top = m + pt(40, c.dpi)
    pw, ph = mm(33, c.dpi), mm(45, c.dpi)
    photo(c, (c.w - m - pw, top, c.w - m, top + ph))
    c.rect((c.w - m - pw, top, c.w - m, top + ph), width=max(1, mm(0.25, c.dpi)))
    y = table(c, m, top, c.w - m - pw - mm(4, c.dpi), 5, 2, px, row_mm=9)
    y = table(c, m, y + mm(6, c.dpi), c.w - m, 8, 4, px, row_mm=9)
    c.paragraph(m, y + px, c.w - 2 * m, 2, px)


def letterhead(c: Canvas) -> None:
    m, px = mm(20, c.dpi), pt(11, c.dpi)
    size = mm(28, c.dpi)
    logo(c, m, m, size)
    c.text((m + size + mm(6, c.dpi), m + size // 4), c.hanzi(10), pt(20, c.dpi), bold=True)
    c.draw.rectangle((m, m + size + mm(4, c.dpi), c.w - m, m + size + mm(5.5, c.dpi)), fill=RED)
    y = m + size + mm(14, c.dpi)
    for _ in range(3):
        y = c.paragraph(m, y, c.w - 2 * m, int(c.rng.integers(3, 6)), px) + px // 2


def licence(c: Canvas, with_qr: bool = True, sealed: bool = True) -> None:
    m, px = mm(14, c.dpi), pt(11, c.dpi)
    for inset, width in ((0, mm(1.6, c.dpi)), (mm(3, c.dpi), max(1, mm(0.3, c.dpi)))):
        c.rect((m + inset, m + inset, c.w - m - inset, c.h - m - inset), width=width, outline=(150, 110, 40))
    c.centred(m + mm(22, c.dpi), "营 业 执 照", pt(30, c.dpi))
    x, y = m + mm(18, c.dpi), m + mm(50, c.dpi)
    c.text((x, y), "统一社会信用代码  91330106MA2H0K5Q5R", px)
    y += 3 * px
    for label in ("名称", "类型", "法定代表人", "经营范围", "注册资本", "成立日期", "营业期限", "住所"):
        c.text((x, y), label, px)
        c.text((x + 7 * px, y), c.hanzi(int(c.rng.integers(6, 22))), px)
        y += int(px * 2.4)
    if with_qr:
        qr(c, "https://www.gsxt.gov.cn/#/91330106MA2H0K5Q5R", x, c.h - m - mm(50, c.dpi))
    c.text((c.w - m - mm(75, c.dpi), c.h - m - mm(32, c.dpi)), "登记机关", px)
    c.text((c.w - m - mm(75, c.dpi), c.h - m - mm(22, c.dpi)), "2021年3月8日", px)
    if sealed:
        seal(c, (c.w - m - mm(55, c.dpi), c.h - m - mm(30, c.dpi)), 19)


def landscape_table(c: Canvas) -> None:
    m, px = mm(15, c.dpi), pt(9, c.dpi)
    c.centred(m, c.hanzi(10) + "统计表", pt(16, c.dpi))
    y = table(c, m, m + pt(36, c.dpi), c.w - m, 12, 6, px, row_mm=9)
    c.paragraph(m, y + px, c.w - 2 * m, 2, px)


def id_card(c: Canvas) -> None:
    """Front of a resident ID card: guilloche background, fields on the left, photo on the right."""
    arr = np.asarray(c.im, np.float32)
    yy, xx = np.mgrid[0 : c.h, 0 : c.w].astype(np.float32)
    wave = 0.5 + 0.5 * np.sin(xx / c.dpi * 90 + 3 * np.sin(yy / c.dpi * 40))
    arr = arr - wave[..., None] * np.array([10, 4, 0], np.float32)  # faint blue-green pattern
    c.im.paste(Image.fromarray(np.asarray(np.clip(arr, 0, 255), np.uint8)))
    px = pt(7.5, c.dpi)
    x, y = mm(6, c.dpi), mm(6, c.dpi)
    for label, value in (("姓名", c.hanzi(3)), ("性别", "男  民族  汉"), ("出生", "1985年7月3日"),
                         ("住址", c.hanzi(12)), ("", c.hanzi(8))):
        c.text((x, y), label, px, fill=(70, 110, 150))
        c.text((x + 4 * px, y), value, px)
        y += int(px * 1.9)
    c.text((x, c.h - mm(10, c.dpi)), "公民身份号码   330106198507031234", px)
    photo(c, (c.w - mm(30, c.dpi), mm(8, c.dpi), c.w - mm(5, c.dpi), mm(40, c.dpi)))


Layout = Callable[[Canvas], None]
LAYOUTS: dict[str, tuple[Layout, tuple[float, float], str]] = {
    # name: (draw, paper size in mm, the material kind it is handed in as)
    "letter": (letter, A4, "contract"),
    "letter_sealed": (lambda c: letter(c, sealed=True), A4, "certificate"),
    "form": (form, A4, "application_form"),
    "latin": (latin, A4, "other"),
    "two_column": (two_column, A4, "other"),
    "sparse": (sparse, A4, "contract"),
    "photo_form": (photo_form, A4, "application_form"),
    "letterhead": (letterhead, A4, "contract"),
    "licence": (licence, A4, "business_licence"),
    "landscape_table": (landscape_table, (297.0, 210.0), "other"),
    "id_card": (id_card, ID1, "resident_id"),
}


# the same pages with a defect of their kind: no seal on a certificate, no QR code on a licence
MISSING: dict[str, tuple[Layout, tuple[float, float], str]] = {
    "certificate_unsealed": (letter, A4, "certificate"),
    "licence_no_qr": (lambda c: licence(c, with_qr=False), A4, "business_licence"),
}


def draw(name: str, dpi: int = 200, seed: int = 0, paper: tuple[int, int, int] = (246, 245, 242)) -> Arr:
    """A page of the named layout as RGB uint8 at ``dpi``."""
    fn, size, _ = LAYOUTS.get(name) or MISSING[name]
    c = _canvas(size, dpi, seed, paper)
    fn(c)
    return np.asarray(c.im, dtype=np.uint8)


def kind_of(name: str) -> str:
    return (LAYOUTS.get(name) or MISSING[name])[2]
