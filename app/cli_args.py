"""Argument types for the command line: a number within bounds, a calendar day. A bad value becomes
argparse's one-line "bad arguments" message (bilingual), never a traceback and never a silent clamp."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import NoReturn


class BilingualParser(argparse.ArgumentParser):
    """Usage mistakes as one bilingual line too (argparse's own: a usage block and the error). Subparsers made
    from it are of the same class, so every `onewindow` command (and the kiosk's own parser) says it the same way."""

    def error(self, message: str) -> NoReturn:
        from app.domain.errors import one_line

        self.exit(
            2, one_line(f"错误 / error: 命令参数有误 / bad arguments: {message} (see: {self.prog} --help)") + "\n"
        )


def int_between(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"应为整数 / not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"应在 {low} 到 {high} 之间 / must be from {low} to {high}: {value}")
        return value

    parse.__name__ = "int"
    return parse


def iso_day(text: str) -> date:
    """A calendar day from 2000 to 2199: a hall's working-day calendar and reports live there, and a day near
    year 1 or 9999 overflows as soon as a report adds a week or a time zone to it."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD / a date is YYYY-MM-DD: {text!r}") from None
    if not 2000 <= day.year <= 2199:
        raise argparse.ArgumentTypeError(f"日期应在 2000 到 2199 年之间 / a date must be in 2000 to 2199: {text}")
    return day


# A hall's window numbers (app.services.hall checks the same range when a hall is set up).
window_number = int_between(1, 9999)
window_number.__name__ = "window number"


def seconds_between(low: float, high: float) -> Callable[[str], float]:
    """A duration in seconds: a finite number (argparse's float() takes "nan" and "inf")."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"应为秒数 / not a number of seconds: {text!r}") from None
        if not low <= value <= high:  # also false for NaN
            raise argparse.ArgumentTypeError(f"应在 {low} 到 {high} 秒之间 / must be from {low} to {high} s: {text}")
        return value

    parse.__name__ = "seconds"
    return parse


def screen_size(text: str) -> tuple[int, int]:
    """`1280x720`: a window size in pixels."""
    width, _, height = text.lower().partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"尺寸应为 宽x高，例如 1280x720 / a size is WxH, e.g. 1280x720: {text!r}"
        ) from None
    if not all(200 <= v <= 16_384 for v in size):
        raise argparse.ArgumentTypeError(
            f"宽和高应在 200 到 16384 之间 / width and height must be 200 to 16384: {text}"
        )
    return size


def text(max_len: int, what_zh: str = "文字", what_en: str = "text") -> Callable[[str], str]:
    """A piece of text from the command line: not blank, not longer than `max_len`, no control characters (a
    pasted escape sequence or newline in a name would end up on a printed ticket or a report)."""

    def parse(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError(f"{what_zh}不能为空 / the {what_en} must not be blank")
        if len(value) > max_len:
            raise argparse.ArgumentTypeError(
                f"{what_zh}太长（{len(value)} 个字符，最多 {max_len}） / the {what_en} is too long "
                f"({len(value)} characters, at most {max_len})"
            )
        if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029" for ch in value):
            raise argparse.ArgumentTypeError(
                f"{what_zh}含有控制字符 / the {what_en} contains control characters: {value[:40]!r}"
            )
        return value

    parse.__name__ = what_en
    return parse


code = text(64, "编号", "code")  # ids, prefixes, receipt numbers, matter codes, statuses
login = text(64, "工号", "login")
_pin_shape = text(64, "密码", "PIN")


def secret(value: str) -> str:
    """A PIN: checked like other text, but a refusal never repeats what was typed (stderr ends up in logs)."""
    try:
        return _pin_shape(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            "密码不能为空、过长或含控制字符 / a PIN must not be blank, too long or hold control characters"
        ) from None


secret.__name__ = "PIN"
note = text(2000, "说明", "note")  # notes, reasons, names, a marquee line
host_name = text(253, "地址", "address")  # a host name or IP address to listen on
reference = text(512, "编号或二维码内容", "reference")  # a ticket's number, id or QR payload; an appointment code


def server_url(value: str) -> str:
    """A central server's address (the rule is app.sync.client.check_server_url), checked before anything opens."""
    from app.domain.errors import UserError
    from app.sync.client import check_server_url

    try:
        return check_server_url(value)
    except UserError as exc:
        raise argparse.ArgumentTypeError(exc.bilingual()) from None


server_url.__name__ = "server address"


def gui_role(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """What every screen (staff, display, intake, back office, console, rating pad, demo) takes besides its own."""
    parser.add_argument("--lang", choices=["zh_CN", "en_US"], default="zh_CN", help="user interface language")
    parser.add_argument(
        "--error-dialog",
        action="store_true",
        help="if the screen cannot start, also say why in a dialog (for desktop launchers, where nobody reads "
        "stderr; see resources/deploy/onewindow-staff.desktop); without it the reason is one line on stderr",
    )
    return parser
