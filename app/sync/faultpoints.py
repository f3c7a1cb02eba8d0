"""Named points where the kill tests stop the agent dead (SIGKILL), to prove a crash there loses nothing.

Inert unless ONEWINDOW_FAULT_POINT names the point (as "name" or "name@k" for the k-th time it is reached).
"""

from __future__ import annotations

import os
import signal

_hits: dict[str, int] = {}


def reached(name: str) -> None:
    wanted = os.environ.get("ONEWINDOW_FAULT_POINT")
    if not wanted:
        return
    point, _, nth = wanted.partition("@")
    if point != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
