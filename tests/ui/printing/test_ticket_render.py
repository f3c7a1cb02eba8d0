"""Ticket slip rendering: size, crisp decodable QR, no clipping, Chinese rendered with the bundled font."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from app.devices.ticket_slip import TicketSlip
from app.ui.printing.slip_canvas import MARGIN_PX, WIDTH_PX
from app.ui.printing.ticket_render import render_ticket_image, render_ticket_pdf, render_ticket_png
from tests.devices.test_ticket_slip import make_slip

REPO = Path(__file__).resolve().parents[3]
PAYLOAD = "https://q.example/H023/20261122/B012"


def pixels(image: QImage) -> np.ndarray:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8).reshape(gray.height(), gray.bytesPerLine())
    return buffer[:, : gray.width()].copy()


def decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def assert_margins_blank(px: np.ndarray) -> None:
    """Nothing drawn in the margins: no text or code runs off the printable area."""
    assert (px[:MARGIN_PX // 2] == 255).all()
    assert (px[-(MARGIN_PX // 2):] == 255).all()
    assert (px[:, : MARGIN_PX // 2] == 255).all()
    assert (px[:, -(MARGIN_PX // 2):] == 255).all()


def test_png_for_80mm_paper_with_readable_qr(app_font_family: str, artifacts: Path) -> None:
    path = render_ticket_png(make_slip(window_hint="3 号、5 号窗口"), artifacts / "ticket.png")
    image = Image.open(path)
    assert image.width == WIDTH_PX
    assert 700 < image.height < 1400
    assert image.info["dpi"] == pytest.approx((203, 203), abs=0.5)
    assert decode(image) == [PAYLOAD]


def test_qr_modules_are_crisp(app_font_family: str) -> None:
    """Drawn without smoothing: only pure black or white inside the code (text may antialias)."""
    px = pixels(render_ticket_image(make_slip()))
    (found,) = zxingcpp.read_barcodes(Image.fromarray(px))
    corners = [found.position.top_left, found.position.top_right, found.position.bottom_left,
               found.position.bottom_right]
    xs, ys = [c.x for c in corners], [c.y for c in corners]
    code = px[min(ys) - 8 : max(ys) + 8, min(xs) - 8 : max(xs) + 8]  # the code and part of its quiet zone
    assert set(np.unique(code).tolist()) == {0, 255}


def test_long_texts_wrap_without_clipping(app_font_family: str, artifacts: Path) -> None:
    slip = make_slip(
        hall_name="绍兴市柯桥区行政服务中心（柯桥区政务服务大厅）二楼综合受理区",
        category_name="不动产登记、税务与医保社保综合窗口",
        display_number="ZB1024",
        notice="请留意叫号，过号需重新取号。如需帮办代办服务，请到综合导服台咨询工作人员，长辈版请按帮助按钮。",
        people_ahead=128,
        estimated_wait_minutes=245,
    )
    short = render_ticket_image(make_slip())
    image = render_ticket_image(slip)
    image.save(str(artifacts / "ticket_long.png"))
    assert image.width() == WIDTH_PX and image.height() > short.height()
    assert_margins_blank(pixels(image))
    assert decode(Image.open(artifacts / "ticket_long.png")) == [PAYLOAD]


def test_short_slip_margins_blank(app_font_family: str) -> None:
    assert_margins_blank(pixels(render_ticket_image(make_slip(estimated_wait_minutes=None))))


def test_pdf_80mm_with_text_and_qr(app_font_family: str, artifacts: Path) -> None:
    path = render_ticket_pdf(make_slip(), artifacts / "ticket.pdf")
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) == 1
        page = pdf[0]
        width_pt, height_pt = page.get_size()
        assert width_pt == pytest.approx(80 / 25.4 * 72, abs=1)
        assert height_pt > width_pt
        text = page.get_textpage().get_text_range()
        for line in ("社会事务", "前面还有 5 人", "预计等待约 12 分钟", "请留意叫号，过号需重新取号"):
            assert line in text
        bitmap = page.render(scale=3).to_pil()
        assert decode(bitmap) == [PAYLOAD]
    finally:
        pdf.close()


_NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.mark.skipif(sys.platform != "linux", reason="hides system fonts through fontconfig (Linux only)")
def test_renders_identically_without_any_system_font(
    app_font_family: str, tmp_path: Path, artifacts: Path
) -> None:
    """A child process sees no system fonts at all; its slip must match ours pixel for pixel,
    which shows the Chinese comes from the bundled font (no tofu on a bare kiosk)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(_NO_FONTS_CONF.format(cache=tmp_path / "fc-cache"), encoding="utf-8")

    def render_in_child(out: Path, extra_env: dict[str, str]) -> tuple[str, str]:
        # Both renders run in fresh processes, so fonts set app-wide by other tests (the kiosk's) cannot differ.
        script = textwrap.dedent(f"""
            from PySide6.QtGui import QFontDatabase, QGuiApplication
            app = QGuiApplication([])
            system = QFontDatabase.families()
            from app.ui.fonts import install_app_font
            from app.ui.printing.ticket_render import render_ticket_png
            from tests.devices.test_ticket_slip import make_slip
            family = install_app_font(app)
            render_ticket_png(make_slip(), {str(out)!r})
            print(family, "|", ",".join(system))
        """)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_env}
        result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True,
                                text=True, timeout=120, check=True)
        family, system = result.stdout.strip().split(" | ")
        return family, system

    bare = artifacts / "ticket_no_system_fonts.png"
    family, system = render_in_child(bare, {"FONTCONFIG_FILE": str(conf)})
    assert family == app_font_family
    assert not any("CJK" in f or "Noto" in f for f in system.split(","))  # really no system CJK font
    normal = tmp_path / "ticket_with_system_fonts.png"
    render_in_child(normal, {})
    theirs, ours = pixels(QImage(str(bare))), pixels(QImage(str(normal)))
    assert theirs.shape == ours.shape
    assert (theirs == ours).all()


def test_slip_with_zero_people_ahead(app_font_family: str) -> None:
    slip: TicketSlip = make_slip(people_ahead=0, estimated_wait_minutes=0)
    assert decode(Image.fromarray(pixels(render_ticket_image(slip)))) == [PAYLOAD]
