"""Scan sources: the watched folder takes only complete files; SANE is optional (tested with its
`test` backend when scanimage is installed, skipped otherwise)."""

from __future__ import annotations

import shutil

import pytest

from app.ui.intake.scan_sources import IMPORTED_DIR, SaneScanner, ScanFolderWatcher


def test_watched_folder_waits_for_a_stable_size(qapp, tmp_path):
    watcher = ScanFolderWatcher(tmp_path / "scans")
    arrived: list[str] = []
    watcher.arrived.connect(arrived.append)
    growing = watcher.folder / "page.pdf"
    growing.write_bytes(b"%PDF-1.4 part")
    (watcher.folder / "notes.txt").write_text("not a scan")
    watcher.poll()
    assert arrived == []  # first look: size unknown
    growing.write_bytes(b"%PDF-1.4 part and more")
    watcher.poll()
    assert arrived == []  # still growing
    watcher.poll()
    assert arrived == [str(growing)]
    watcher.mark_imported(str(growing))
    assert (watcher.folder / IMPORTED_DIR / "page.pdf").exists() and not growing.exists()
    watcher.poll()
    assert arrived == [str(growing)]  # never offered twice


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="SANE (scanimage) is not installed on this machine")
def test_sane_test_backend(qtbot, tmp_path):
    scanner = SaneScanner(tmp_path / "sane")
    assert scanner.available
    with qtbot.waitSignal(scanner.scanned, timeout=60_000) as blocker:
        scanner.scan(device="test", dpi=75, colour=False)
    assert blocker.args[0].endswith(".png")


def test_sane_absent_means_no_scan(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr("app.ui.intake.scan_sources.shutil.which", lambda _name: None)
    scanner = SaneScanner(tmp_path / "sane")
    assert not scanner.available
    scanner.scan()  # does nothing, raises nothing
