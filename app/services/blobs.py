"""Content-addressed file store for attached materials: every file is kept once, named by its sha256.

The citizen's scan is copied in before any database row points at it, and written to a temporary
name, flushed to disk and renamed into place, so a crash leaves either the whole file or nothing.
Nothing here ever deletes a blob: removing a page at the window only hides it from the case.
The same layout (sha256 names) is what the central blob store uses, so sync can skip known files.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.domain.errors import UserError

_CHUNK = 1024 * 1024


class FileImportError(UserError):
    code = "file_import"


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size_bytes: int
    path: Path


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def put_file(self, source: Path, max_bytes: int | None = None) -> StoredBlob:
        """Copy `source` in (streaming: a 200 MB file never sits in memory) and return its address."""
        source = Path(source)
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise FileImportError(f"“{source.name}”不是文件", f"'{source.name}' is not a file")
            if max_bytes is not None and size > max_bytes:
                raise FileImportError(
                    f"文件“{source.name}”有 {size / 2**20:.0f} MB，超过上限 {max_bytes / 2**20:.0f} MB",
                    f"'{source.name}' is {size / 2**20:.0f} MB, above the limit of {max_bytes / 2**20:.0f} MB",
                )
            with open(source, "rb") as fh:
                return self._store(fh)
        except FileNotFoundError:
            raise FileImportError(f"找不到文件“{source.name}”", f"File not found: '{source.name}'") from None
        except PermissionError:
            raise FileImportError(f"没有权限读取“{source.name}”", f"No permission to read '{source.name}'") from None
        except OSError as exc:
            raise FileImportError(
                f"无法读取或保存“{source.name}”：{exc.strerror or exc}",
                f"Cannot read or store '{source.name}': {exc.strerror or exc}",
            ) from None

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self._store(io.BytesIO(data))

    def _store(self, fh: BinaryIO) -> StoredBlob:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := fh.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.exists() and final.stat().st_size == size:
                tmp.unlink()  # already stored (same content attached twice, or to another case)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                os.chmod(final, 0o444)  # stored evidence: read-only
            return StoredBlob(sha, size, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def hall_blob_store() -> BlobStore:
    """The hall's store of scanned files, in the data directory (intake writes it, the sync agent uploads it)."""
    from app import settings

    return BlobStore(settings.paths().data_dir / "blobs")
