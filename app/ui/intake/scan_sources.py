"""Where scanned files come from besides import and drag-and-drop: a watched folder and SANE.

Most counter scanners save into a folder ("scan to folder"); we watch it and take each new file
once its size has stopped changing (a scanner writes a page over a second or two). A taken file is
moved into an "已导入" subfolder so it is never attached twice; it is never deleted.
SANE (`scanimage`) is optional: when it is not installed the scan button is simply disabled.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QProcess, QTimer, Signal

log = logging.getLogger("onewindow.ui.scan")

SCAN_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})
IMPORTED_DIR = "已导入"


class ScanFolderWatcher(QObject):
    arrived = Signal(str)  # path of a complete new file

    def __init__(self, folder: Path, settle_ms: int = 700, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sizes: dict[Path, int] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.poll)
        self._watcher = QFileSystemWatcher([str(self.folder)], self)
        self._watcher.directoryChanged.connect(lambda _d: self._timer.start())

    def poll(self) -> None:
        """Report files whose size is unchanged since the last look; keep polling while any are growing."""
        growing = False
        for path in sorted(self.folder.iterdir()):
            if not path.is_file() or path.suffix.lower() not in SCAN_SUFFIXES:
                continue
            size = path.stat().st_size
            if size > 0 and self._sizes.get(path) == size:
                del self._sizes[path]
                self.arrived.emit(str(path))
            else:
                self._sizes[path] = size
                growing = True
        if not growing:
            self._timer.stop()

    def mark_imported(self, path: str) -> None:
        """Move a file that has been attached out of the way, so it is not offered again."""
        src = Path(path)
        if src.parent != self.folder or not src.exists():
            return
        target_dir = self.folder / IMPORTED_DIR
        target_dir.mkdir(exist_ok=True)
        target = target_dir / src.name
        n = 1
        while target.exists():
            target = target_dir / f"{src.stem}-{n}{src.suffix}"
            n += 1
        try:
            shutil.move(str(src), str(target))
        except OSError as exc:
            log.warning("could not move a scanned file aside: %s", exc.strerror or exc)


class SaneScanner(QObject):
    """One page from the default SANE device with `scanimage`, written into `folder` as PNG."""

    scanned = Signal(str)
    failed = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.binary = shutil.which("scanimage")
        self._process: QProcess | None = None
        self._target: Path | None = None

    @property
    def available(self) -> bool:
        return self.binary is not None

    def scan(self, device: str | None = None, dpi: int = 300, colour: bool = True) -> None:
        if self.binary is None or self._process is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        n = len(list(self.folder.glob("sane-*.png"))) + 1
        self._target = self.folder / f".sane-{n:04d}.png.part"  # hidden until complete
        args = [
            "--format=png",
            f"--resolution={dpi}",
            f"--mode={'Color' if colour else 'Gray'}",
            f"--output-file={self._target}",
        ]
        if device:
            args.insert(0, f"--device-name={device}")
        process = QProcess(self)
        process.finished.connect(self._finished)
        self._process = process
        process.start(self.binary, args)

    def _finished(self, code: int, _status: object) -> None:
        process, target = self._process, self._target
        self._process, self._target = None, None
        if process is None or target is None:
            return
        if code != 0 or not target.exists():
            err = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
            self.failed.emit(err or f"scanimage exit code {code}")
            return
        final = target.with_name(target.name.removeprefix(".").removesuffix(".part"))
        target.rename(final)
        self.scanned.emit(str(final))
