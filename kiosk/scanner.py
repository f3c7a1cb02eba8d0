"""Tell a keyboard-wedge QR scanner apart from a person typing.

A wedge scanner "types" the whole code in one burst (a few ms between keys) and ends with Enter; a person
leaves 80+ ms between keys. Keys are held back briefly: a burst ending in Enter becomes one ``Scanned``
code, anything else is released to the focused widget as ordinary typing. Pure logic with injected
timestamps (seconds); kiosk/scanner_input.py wires it to Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTER = "\n"


@dataclass(frozen=True)
class Scanned:
    code: str


@dataclass(frozen=True)
class Release:
    """Keys judged to be human typing, to be delivered in order (may include a trailing Enter)."""

    keys: str


@dataclass(frozen=True)
class Hold:
    pass


Decision = Scanned | Release | Hold


class ScannerBurstDetector:
    def __init__(self, max_gap_s: float = 0.05, min_length: int = 4, max_length: int = 512) -> None:
        self.max_gap_s = max_gap_s
        self.min_length = min_length
        self.max_length = max_length
        self._buffer: list[str] = []
        self._last_t: float | None = None

    @property
    def holding(self) -> bool:
        return bool(self._buffer)

    def _flush(self, extra: str = "") -> Release:
        keys = "".join(self._buffer) + extra
        self._buffer.clear()
        self._last_t = None
        return Release(keys)

    def feed(self, key: str, t: float) -> list[Decision]:
        """Feed one key (a printable character or ENTER). Returns decisions in delivery order."""
        out: list[Decision] = []
        if self._buffer and self._last_t is not None and t - self._last_t > self.max_gap_s:
            out.append(self._flush())  # the gap broke the burst: what we held was typing
        if key == ENTER:
            if len(self._buffer) >= self.min_length:
                code = "".join(self._buffer)
                self._buffer.clear()
                self._last_t = None
                out.append(Scanned(code))
            else:
                out.append(self._flush(ENTER))
            return out
        self._buffer.append(key)
        self._last_t = t
        if len(self._buffer) > self.max_length:
            out.append(self._flush())  # no scanner sends this much: don't hold keys forever
        else:
            out.append(Hold())
        return out

    def expire(self, t: float) -> Release | None:
        """Call when the hold timer fires: keys older than the gap are typing."""
        if self._buffer and self._last_t is not None and t - self._last_t > self.max_gap_s:
            return self._flush()
        return None

    def reset(self) -> None:
        self._buffer.clear()
        self._last_t = None
