"""Where the server keeps scanned files, by sha256. A small interface so an S3-compatible store can replace the
disk (see README: a boto3 implementation maps `append` to multipart-upload parts and `commit` to completing it).

Uploads are resumable in the spirit of tus: the client asks how many bytes arrived (`offset`), sends the rest
from there, and the server re-hashes the whole file before it becomes visible.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol


class BlobStoreBackend(Protocol):
    def exists(self, sha256: str) -> bool: ...

    def offset(self, sha256: str) -> int:
        """Bytes of an unfinished upload received so far (0 when none)."""
        ...

    def append(self, sha256: str, offset: int, data: bytes) -> int:
        """Add `data` at `offset` (must equal the current offset); returns the new offset."""
        ...

    def commit(self, sha256: str) -> bool:
        """Re-hash the finished upload; keep it if it matches (True), discard it otherwise (False)."""
        ...


class OffsetMismatch(Exception):
    def __init__(self, current: int) -> None:
        super().__init__(current)
        self.current = current


def valid_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


class DiskBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        (self.root / "partial").mkdir(parents=True, exist_ok=True)

    def _final(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def _partial(self, sha256: str) -> Path:
        return self.root / "partial" / sha256

    def exists(self, sha256: str) -> bool:
        return self._final(sha256).is_file()

    def offset(self, sha256: str) -> int:
        try:
            return self._partial(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def append(self, sha256: str, offset: int, data: bytes) -> int:
        current = self.offset(sha256)
        if offset != current:
            raise OffsetMismatch(current)
        with open(self._partial(sha256), "ab") as fh:
            fh.write(data)  # made durable at commit: a partial upload lost in a crash is only sent again
        return current + len(data)

    def commit(self, sha256: str) -> bool:
        partial = self._partial(sha256)
        digest = hashlib.sha256()
        with open(partial, "rb+") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
            os.fsync(fh.fileno())  # on disk before it becomes visible under its name
        if digest.hexdigest() != sha256:
            partial.unlink(missing_ok=True)
            return False
        final = self._final(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)  # atomic: a file is either whole under its name or not there
        return True

    def path(self, sha256: str) -> Path:
        return self._final(sha256)
