"""The chime before each call (QSoundEffect), skipped where there is no audio device."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from app.devices.announcement import (
    chime_file,
)

log = logging.getLogger("onewindow.ui.voice")


# --- chime -------------------------------------------------------------------------------------
class SoundEffectChime(QObject):
    """The chime through QSoundEffect; create() returns None when there is no audio output."""

    finished = Signal()

    def __init__(self, wav: Path, parent: QObject | None = None) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        super().__init__(parent)
        self._playing = False
        self._effect = QSoundEffect(self)
        self._error_status = QSoundEffect.Status.Error
        self._effect.setSource(QUrl.fromLocalFile(str(wav)))
        self._effect.playingChanged.connect(self._on_playing)
        self._effect.statusChanged.connect(self._on_status)

    @classmethod
    def create(cls, parent: QObject | None = None) -> SoundEffectChime | None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return None
        if not QMediaDevices.audioOutputs():
            return None
        try:
            return cls(chime_file(), parent)
        except OSError as exc:
            log.warning("chime disabled: %s", exc)
            return None

    def play(self) -> None:
        self._playing = True
        if self._effect.status() == self._error_status:
            QTimer.singleShot(0, self._done)
        else:
            self._effect.play()  # plays once loaded if still loading

    def stop(self) -> None:
        self._playing = False
        self._effect.stop()

    def _on_playing(self) -> None:
        if not self._effect.isPlaying():
            self._done()

    def _on_status(self) -> None:
        if self._effect.status() == self._error_status:
            self._done()

    def _done(self) -> None:
        if self._playing:
            self._playing = False
            self.finished.emit()
