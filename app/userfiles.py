"""The one way to read a JSON or TOML file a person hands us (hall config, catalogue, check thresholds, calendar,
kiosk config): BadInputFile saying exactly what is wrong, never a traceback. And where a file a person names for
output (a report, a ticket's PDF or PNG) may be written.

Both parsers recurse per nesting level, so a file of 100,000 ``[`` raises RecursionError (not a ValueError); that
is a bad file like any other here. Files we write ourselves (device.json, printers.json) do not come through here.
"""

from __future__ import annotations

import errno
import json
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from app.domain.errors import BadInputFile, FileProblem
from app.domain.stored_text import nul_in

T = TypeVar("T")

MAX_INPUT_BYTES = 64 * 1024 * 1024  # a catalogue is a few hundred kilobytes; anything this big is a wrong file


def read_json_file(path: Path, what_zh: str, what_en: str) -> object:
    """A JSON input file, or BadInputFile."""

    def parse(text: str) -> object:
        try:
            data = json.loads(text, parse_constant=_not_json, parse_float=_finite, object_pairs_hook=_no_twice)
        except json.JSONDecodeError as exc:
            raise BadInputFile(
                f"{path} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}），文件可能不完整",
                f"{path} is not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg}); "
                "the file may be truncated",
            ) from None
        except _Refused as exc:
            raise BadInputFile(f"{path} 的内容有误：{exc.zh}", f"{path} cannot be used: {exc.en}") from None
        except ValueError:  # int(): more digits than Python converts (sys.get_int_max_str_digits)
            raise BadInputFile(
                f"{path} 含有位数过多的数字，不像{what_zh}文件",
                f"{path} holds a number too long to be a {what_en} file",
            ) from None
        if nul_in(data):  # "\u0000" in a string: PostgreSQL cannot store it (app.domain.stored_text)
            raise BadInputFile(
                f"{path} 含有字符 \\u0000（NUL），一窗通不能保存它；请删去",
                f"{path} holds the character \\u0000 (NUL), which OneWindow cannot store: remove it",
            )
        return data

    return _read(Path(path), what_zh, what_en, "JSON", parse)


class _Refused(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _not_json(word: str) -> object:
    """NaN and Infinity: Python's json accepts them, the standard does not, and no setting means them."""
    raise _Refused(f"{word} 不是 JSON 数字", f"{word} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):  # 1e999 reads as infinity
        raise _Refused(f"数字 {text[:40]} 太大", f"the number {text[:40]} is too large")
    return value


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A key written twice in one object: which of the two a person meant is unknown (json keeps the last)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"键“{key[:60]}”在同一对象中出现两次", f"the key '{key[:60]}' appears twice in one object")
        out[key] = value
    return out


def read_json_object(path: Path, what_zh: str, what_en: str) -> dict[str, Any]:
    """A JSON input file whose top level must be an object."""
    data = read_json_file(path, what_zh, what_en)
    if not isinstance(data, dict):
        raise BadInputFile(
            f"{path} 的最外层应为 JSON 对象 {{...}}，不像{what_zh}文件",
            f"{path} must hold a JSON object {{...}} at the top level to be a {what_en} file",
        )
    return data


def read_toml_file(path: Path, what_zh: str, what_en: str) -> dict[str, Any]:
    """A TOML input file, or BadInputFile."""

    def parse(text: str) -> dict[str, Any]:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise BadInputFile(f"{path} 不是有效的 TOML（{exc}）", f"{path} is not valid TOML ({exc})") from None

    return _read(Path(path), what_zh, what_en, "TOML", parse)


def _read(path: Path, what_zh: str, what_en: str, syntax: str, parse: Callable[[str], T]) -> T:
    try:
        if path.is_dir():
            raise IsADirectoryError(path)
        info = path.stat()
        if not path.is_file():
            raise BadInputFile(
                f"{path} 不是普通文件（是设备或管道）", f"{path} is not a regular file (a device or a pipe)"
            )
        if info.st_size > MAX_INPUT_BYTES:
            raise BadInputFile(
                f"{path} 太大（{info.st_size // 1_000_000} MB），不像{what_zh}文件",
                f"{path} is too big ({info.st_size // 1_000_000} MB) to be a {what_en} file",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInputFile(f"找不到{what_zh}文件 {path}", f"The {what_en} file {path} does not exist") from None
    except IsADirectoryError:
        raise BadInputFile(f"{path} 是文件夹，不是{what_zh}文件", f"{path} is a folder, not a {what_en} file") from None
    except OSError as exc:
        raise BadInputFile(
            f"无法读取{what_zh}文件 {path}（{exc.strerror}）", f"Cannot read the {what_en} file {path} ({exc.strerror})"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding = _other_encoding(raw)
        if encoding is None:
            raise BadInputFile(
                f"{path} 不是文本文件（应为 UTF-8 编码的 {syntax} {what_zh}）",
                f"{path} is not a text file (expected a UTF-8 {syntax} {what_en})",
            ) from None
        raise BadInputFile(
            f"{path} 是 {encoding} 编码的文本；请另存为 UTF-8 编码后再试",
            f"{path} is text encoded as {encoding}: save it as UTF-8 and try again",
        ) from None
    try:
        return parse(text)
    except RecursionError:
        raise BadInputFile(
            f"{path} 嵌套过深，不像{what_zh}文件", f"{path} is nested too deeply to be a {what_en} file"
        ) from None


def _other_encoding(raw: bytes) -> str | None:
    """The encoding a Windows editor may have saved a text file in (Notepad's "Unicode", or GBK), or None for
    bytes that are not text at all."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    if b"\x00" in raw:
        return None
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "GBK"


def output_file(path: str | Path) -> Path:
    """Where an output file a person named may be written: not a folder, in a folder that exists (a mistyped
    folder is not made up on the spot); else FileProblem (one clear line) before anything is computed or written."""
    out = Path(path)
    if out.is_dir():
        raise FileProblem(f"{out} 是文件夹，请给出文件名", f"{out} is a folder: give a file name")
    if out.exists() and not out.is_file():  # a pipe would block the writer; a device gets half a PDF
        raise FileProblem(
            f"{out} 不是普通文件（是设备或管道），请给出文件名",
            f"{out} is not a regular file (a device or a pipe): give a file name",
        )
    if not out.parent.is_dir():
        raise FileProblem(
            f"无法使用文件 {out}：文件夹 {out.parent} 不存在",
            f"Cannot use the file {out}: the folder {out.parent} does not exist",
        )
    return out


def append_to_device(path: str | Path, data: bytes) -> None:
    """Append `data` to a file or a device (an ESC/POS printer such as /dev/usb/lp0). A pipe that no program
    reads is refused at once: opening it for writing would otherwise wait for a reader forever."""
    import fcntl

    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise FileProblem(
                f"{path} 是管道，但没有程序在读取它", f"{path} is a pipe that no program is reading"
            ) from None
        raise
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)  # writes wait for paper
        rest = memoryview(data)
        while rest:  # a device may take part of it at a time
            rest = rest[os.write(fd, rest) :]
    except OSError as exc:  # the device's error (no paper, unplugged, a full disk), named with its path
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        os.close(fd)
