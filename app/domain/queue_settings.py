"""The queue's hall settings, declared once with their defaults (read from the hall's `settings` JSON).

A hall overrides any of these in its settings, e.g. ``"min_call_interval_s": 15``; a value that is not a
number falls back to the default rather than stopping the queue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class QueueSettings:
    # call-next does not finish a ticket called less than this long ago (a double press of F1)
    min_call_interval_s: float = 10.0
    # the last window action can be undone for this long
    undo_window_s: float = 60.0
    # a call stays on the display's "now calling" list at most this long
    call_display_s: float = 600.0
    # the staff client writes a heartbeat this often; a window without one for `window_stale_s` is unattended
    heartbeat_s: float = 60.0
    window_stale_s: float = 180.0
    max_recalls: int = 3
    # window keys need a clerk signed in at the window (or `--as` on the command line); see app.services.window_actor
    window_login_required: bool = False

    @classmethod
    def of(cls, settings: Mapping[str, Any] | None) -> QueueSettings:
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = (settings or {}).get(f.name)
            if raw is None:
                continue
            try:
                if f.type == "bool":
                    if not isinstance(raw, bool):
                        continue
                    values[f.name] = raw
                else:
                    values[f.name] = int(raw) if f.type == "int" else float(raw)
            except (TypeError, ValueError):
                continue
        return cls(**values)
