"""Labelled ID-card-like and licence-like images for tests and the OCR benchmark.

Real cards carry personal data, so everything that exercises the OCR is drawn here in the bundled font
(every character used is in GB2312, which the subset holds whole): random names, addresses, dates and
numbers that pass the one resident-ID rule (app.domain.ric) and python-stdnum's credit-code rule, then
degraded like real scans and phone photos (blur, JPEG, skew, low contrast, perspective).
Deterministic for a given seed. Not a copy of any real card design.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import qrcode
from PIL import Image, ImageDraw, ImageFont
from stdnum.cn import uscc

from app.domain.ric import check_character

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "NotoSansSC-Subset-Regular.otf"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健国志海宁波春雪晓云飞鹏"
NATIONS = ("汉", "汉", "汉", "汉", "回", "满", "壮", "苗", "畲", "蒙古")
PLACES = (  # (region code, province+city+district as printed)
    ("330106", "浙江省杭州市西湖区"), ("330102", "浙江省杭州市上城区"), ("330381", "浙江省瑞安市"),
    ("330302", "浙江省温州市鹿城区"), ("330602", "浙江省绍兴市越城区"), ("320505", "江苏省苏州市虎丘区"),
    ("330203", "浙江省宁波市海曙区"), ("320508", "江苏省苏州市姑苏区"), ("110105", "北京市朝阳区"),
)
ROADS = "文三学院解放延安中山人民建设新华和平长江黄河东湖南湖"
TOWNS = ("街道", "镇", "乡")
DEGRADATIONS = ("clean", "blur", "jpeg", "skew", "low_contrast", "perspective")
HEAVY = ("blur_heavy", "jpeg_heavy", "low_contrast_heavy", "phone")  # past what a counter scanner produces
COMPANY_WORDS = "华信达利通源恒泰瑞丰盛鑫宏远博创智联安康明德"
INDUSTRY = ("科技", "贸易", "餐饮", "建材", "电子", "服装", "物流", "文化")

RGB = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class IdTruth:
    name: str
    sex: str
    ethnicity: str
    birth_date: str  # ISO
    address: str
    id_number: str
    issuer: str
    valid_from: str
    valid_until: str | None  # None: 长期


@dataclass(frozen=True)
class LicenceTruth:
    company_name: str
    credit_code: str
    legal_representative: str
    established: str  # ISO
    address: str


@dataclass
class Sample:
    kind: str  # "id_front", "id_back", "licence"
    degradation: str
    image: RGB
    truth: IdTruth | LicenceTruth
    extra: dict[str, str] = field(default_factory=dict)


def random_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def ric_number(region: str, born: dt.date, rng: random.Random, male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def credit_code(rng: random.Random) -> str:
    body = "91" + rng.choice(PLACES)[0] + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + uscc.calc_check_digit(body)


def id_truth(rng: random.Random, today: dt.date, expired: bool = False) -> IdTruth:
    male = rng.random() < 0.5
    born = dt.date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    region, place = rng.choice(PLACES)
    address = f"{place}{rng.choice(ROADS)}{rng.choice(TOWNS)}{rng.choice(ROADS)}路{rng.randint(1, 399)}号"
    if expired:
        start = today.replace(year=today.year - 20) - dt.timedelta(days=rng.randint(30, 900))
        end: dt.date | None = start.replace(year=start.year + 20)
    else:
        start = today.replace(year=today.year - rng.randint(1, 9)) - dt.timedelta(days=rng.randint(0, 300))
        end = start.replace(year=start.year + 20) if rng.random() < 0.85 else None
    return IdTruth(
        name=random_name(rng), sex="男" if male else "女", ethnicity=rng.choice(NATIONS),
        birth_date=born.isoformat(), address=address, id_number=ric_number(region, born, rng, male),
        issuer=f"{place[3:] if place.startswith(('浙江', '江苏')) else place}公安局", valid_from=start.isoformat(),
        valid_until=end.isoformat() if end else None,
    )


def licence_truth(rng: random.Random) -> LicenceTruth:
    name = ("杭州" + "".join(rng.choice(COMPANY_WORDS) for _ in range(2)) + rng.choice(INDUSTRY) + "有限公司")
    est = dt.date(rng.randint(2000, 2024), rng.randint(1, 12), rng.randint(1, 28))
    _, place = rng.choice(PLACES)
    return LicenceTruth(name, credit_code(rng), random_name(rng), est.isoformat(),
                        f"{place}{rng.choice(ROADS)}路{rng.randint(1, 399)}号")


def _font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), px)


def _cn_date(iso: str, sep: str = ".") -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"


def draw_id_front(t: IdTruth, rng: random.Random) -> RGB:
    w, h = 1012, 638  # ID-1 at 300 dpi
    img = Image.new("RGB", (w, h), (236, 240, 238))
    d = ImageDraw.Draw(img)
    lab, val, small = _font(30), _font(36), _font(34)
    grey, black = (70, 90, 110), (20, 20, 20)
    d.rounded_rectangle((4, 4, w - 5, h - 5), 28, outline=(180, 190, 200), width=3)
    d.rectangle((680, 90, 940, 420), fill=(205, 212, 220))  # the portrait area
    born = dt.date.fromisoformat(t.birth_date)
    d.text((60, 70), "姓  名", font=lab, fill=grey)
    d.text((190, 66), t.name, font=val, fill=black)
    d.text((60, 145), "性  别", font=lab, fill=grey)
    d.text((190, 141), t.sex, font=val, fill=black)
    d.text((290, 145), "民  族", font=lab, fill=grey)
    d.text((410, 141), t.ethnicity, font=val, fill=black)
    d.text((60, 220), "出  生", font=lab, fill=grey)
    d.text((190, 216), f"{born.year}  年  {born.month}  月  {born.day}  日", font=val, fill=black)
    d.text((60, 295), "住  址", font=lab, fill=grey)
    addr = t.address
    lines = [addr[i:i + 12] for i in range(0, len(addr), 12)]
    for i, line in enumerate(lines[:3]):
        d.text((190, 291 + i * 48), line, font=small, fill=black)
    d.text((60, 520), "公民身份号码", font=lab, fill=grey)
    d.text((290, 514), "  ".join([t.id_number[:6], t.id_number[6:14], t.id_number[14:]]) if rng.random() < 0.3
           else t.id_number, font=_font(40), fill=black)
    return np.asarray(img, dtype=np.uint8)


def draw_id_back(t: IdTruth, rng: random.Random) -> RGB:
    w, h = 1012, 638
    img = Image.new("RGB", (w, h), (238, 238, 230))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((4, 4, w - 5, h - 5), 28, outline=(180, 190, 200), width=3)
    d.ellipse((60, 50, 200, 190), outline=(200, 60, 60), width=6)  # the emblem
    d.text((290, 80), "中华人民共和国", font=_font(56), fill=(20, 20, 20))
    d.text((330, 190), "居民身份证", font=_font(66), fill=(20, 20, 20))
    lab, val = _font(30), _font(34)
    d.text((160, 430), "签发机关", font=lab, fill=(70, 90, 110))
    d.text((330, 426), t.issuer, font=val, fill=(20, 20, 20))
    d.text((160, 510), "有效期限", font=lab, fill=(70, 90, 110))
    until = _cn_date(t.valid_until) if t.valid_until else "长期"
    d.text((330, 506), f"{_cn_date(t.valid_from)}-{until}", font=val, fill=(20, 20, 20))
    return np.asarray(img, dtype=np.uint8)


def draw_licence(t: LicenceTruth, rng: random.Random) -> RGB:
    w, h = 1240, 1754  # A4 at 150 dpi
    img = Image.new("RGB", (w, h), (250, 248, 240))
    d = ImageDraw.Draw(img)
    d.rectangle((40, 40, w - 41, h - 41), outline=(170, 130, 60), width=8)
    d.text((w // 2 - 200, 150), "营业执照", font=_font(100), fill=(30, 30, 30))
    body = _font(34)
    d.text((120, 330), f"统一社会信用代码  {t.credit_code}", font=body, fill=(30, 30, 30))
    est = dt.date.fromisoformat(t.established)
    rows = [("名称", t.company_name), ("类型", "有限责任公司"), ("法定代表人", t.legal_representative),
            ("注册资本", f"{rng.randint(10, 999)}万元人民币"),
            ("成立日期", f"{est.year}年{est.month:02d}月{est.day:02d}日"),
            ("住所", t.address), ("经营范围", "一般项目：技术服务、技术开发、技术咨询")]
    for i, (label, value) in enumerate(rows):
        y = 470 + i * 90
        d.text((120, y), label, font=body, fill=(30, 30, 30))
        d.text((360, y), value, font=body, fill=(30, 30, 30))
    qr = qrcode.make(f"http://www.gsxt.gov.cn/index.html?uniscid={t.credit_code}").get_image().convert("RGB")
    img.paste(qr.resize((220, 220)), (w - 340, 120))
    d.ellipse((w - 480, h - 520, w - 180, h - 220), outline=(220, 40, 40), width=10)  # the seal
    d.text((w - 430, h - 390), "登记机关", font=_font(44), fill=(220, 40, 40))
    d.text((120, h - 300), "登记机关", font=body, fill=(30, 30, 30))
    return np.asarray(img, dtype=np.uint8)


def degrade(img: RGB, how: str, rng: random.Random) -> RGB:
    """One degradation, as a scanner or a phone camera would add it."""
    if how == "clean":
        return img
    if how == "blur":
        return np.asarray(cv2.GaussianBlur(img, (0, 0), 1.6), dtype=np.uint8)
    if how == "jpeg":
        buf = io.BytesIO()
        Image.fromarray(img).save(buf, "JPEG", quality=18)
        return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), dtype=np.uint8)
    if how == "blur_heavy":
        return np.asarray(cv2.GaussianBlur(img, (0, 0), 2.6), dtype=np.uint8)
    if how == "jpeg_heavy":
        small = cv2.resize(img, (img.shape[1] // 2, img.shape[0] // 2), interpolation=cv2.INTER_AREA)
        buf = io.BytesIO()
        Image.fromarray(small).save(buf, "JPEG", quality=10)
        return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"), dtype=np.uint8)
    if how == "low_contrast_heavy":
        return np.asarray(150 + img.astype(np.float32) * 0.2, dtype=np.uint8)
    if how == "phone":  # perspective, then a soft focus and a JPEG
        return degrade(degrade(degrade(img, "perspective", rng), "blur", rng), "jpeg", rng)
    if how == "low_contrast":
        return np.asarray(110 + img.astype(np.float32) * 0.38, dtype=np.uint8)
    h, w = img.shape[:2]
    if how == "skew":
        angle = rng.choice((-1, 1)) * rng.uniform(3.0, 6.0)
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        return np.asarray(cv2.warpAffine(img, m, (w, h), borderValue=(255, 255, 255)), dtype=np.uint8)
    if how == "perspective":
        pad = int(0.12 * w)
        src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
        j = [rng.uniform(0.0, 0.07) for _ in range(8)]
        dst = np.array([[pad + j[0] * w, pad + j[1] * h], [pad + w * (1 - j[2]), pad + j[3] * h],
                        [pad + w * (1 - j[4]), pad + h * (1 - j[5])], [pad + j[6] * w, pad + h * (1 - j[7])]],
                       dtype=np.float32)
        m = cv2.getPerspectiveTransform(src, dst)
        out = cv2.warpPerspective(img, m, (w + 2 * pad, h + 2 * pad), borderValue=(96, 84, 70))  # a desk
        return np.asarray(out, dtype=np.uint8)
    raise ValueError(f"unknown degradation {how!r}")


def make_sample(kind: str, seed: int, degradation: str = "clean", today: dt.date | None = None,
                expired: bool = False) -> Sample:
    rng = random.Random(f"{kind}-{seed}")
    today = today or dt.date.today()
    if kind == "licence":
        lt = licence_truth(rng)
        return Sample(kind, degradation, degrade(draw_licence(lt, rng), degradation, rng), lt)
    it = id_truth(rng, today, expired)
    drawn = draw_id_front(it, rng) if kind == "id_front" else draw_id_back(it, rng)
    return Sample(kind, degradation, degrade(drawn, degradation, rng), it)


def write(sample: Sample, path: Path) -> Path:
    Image.fromarray(sample.image).save(path, quality=92) if path.suffix == ".jpg" else Image.fromarray(
        sample.image).save(path)
    return path
