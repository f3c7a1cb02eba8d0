"""Where the server keeps scanned files, by sha256. A small interface so an S3-compatible store can replace the
disk (see README: a boto3 implementation maps `append` to multipart-upload parts and `commit` to completing it).

Uploads are resumable in the spirit of tus: the client asks how many bytes arrived (`offset`), sends the rest
from there, and the server re-hashes the whole file before it becomes visible.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

fcntl: Any
try:
    import fcntl
except ImportError:  # Windows: the in-process lock still serialises one server process
    fcntl = None


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
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

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

    @contextmanager
    def _locked(self, sha256: str) -> Iterator[None]:
        """One writer per file at a time, across threads and server processes (two halls may send one scan)."""
        with self._guard:
            lock = self._locks.setdefault(sha256, threading.Lock())
        with lock, open(self.root / "partial" / ".lock", "a") as handle:  # one lock file: writes are short
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield

    def append(self, sha256: str, offset: int, data: bytes) -> int:
        with self._locked(sha256):
            if self.exists(sha256):
                return offset + len(data)  # another upload of the same file finished meanwhile
            current = self.offset(sha256)
            if offset != current:
                raise OffsetMismatch(current)
            with open(self._partial(sha256), "ab") as fh:
                fh.write(data)  # made durable at commit: a partial upload lost in a crash is only sent again
            return current + len(data)

    def commit(self, sha256: str) -> bool:
        with self._locked(sha256):
            if self.exists(sha256):
                return True
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
