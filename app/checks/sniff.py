"""File type by content (magic bytes), never by name, and image dimensions from the header.

Only the first bytes are read: a 200 MB upload must not be pulled into memory to find out what
it is, and a decompression bomb must be recognised before any pixel is decoded.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

PDF, JPEG, PNG, TIFF = "pdf", "jpeg", "png", "tiff"

EXTENSIONS: dict[str, frozenset[str]] = {
    PDF: frozenset({".pdf"}),
    JPEG: frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    PNG: frozenset({".png"}),
    TIFF: frozenset({".tif", ".tiff"}),
}

HEAD_BYTES = 1024  # readers accept a PDF header anywhere in the first KiB
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")  # classic and BigTIFF


def detect_type(head: bytes) -> str | None:
    """The file type from its first bytes, or None when it is none of the types we accept."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(_PNG_MAGIC):
        return PNG
    if head[:4] in _TIFF_MAGICS:
        return TIFF
    if b"%PDF-" in head[:HEAD_BYTES]:
        return PDF
    return None


def extension_matches(path: Path, detected: str) -> bool:
    return path.suffix.lower() in EXTENSIONS.get(detected, frozenset())


def header_size(fh: BinaryIO, detected: str) -> tuple[int, int] | None:
    """(width, height) read from the header without decoding pixels; None if it cannot be read
    this way (TIFF is left to Pillow's lazy open)."""
    fh.seek(0)
    if detected == PNG:
        data = fh.read(24)
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if detected == JPEG:
        return _jpeg_size(fh)
    return None


# SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(fh: BinaryIO, max_segments: int = 1000) -> tuple[int, int] | None:
    fh.seek(2)
    for _ in range(max_segments):
        byte = fh.read(1)
        if byte != b"\xff":  # every segment starts with 0xFF; anything else is a corrupt file
            return None
        while byte == b"\xff":  # fill bytes before a marker
            byte = fh.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            continue
        if marker in (0xD9, 0xDA):  # end of image / start of scan before any frame header
            return None
        raw_len = fh.read(2)
        if len(raw_len) < 2:
            return None
        length = struct.unpack(">H", raw_len)[0]
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            data = fh.read(5)
            if len(data) < 5:
                return None
            height, width = struct.unpack(">HH", data[1:5])
            return int(width), int(height)
        fh.seek(length - 2, 1)
    return None
