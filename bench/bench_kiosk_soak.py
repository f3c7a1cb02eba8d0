"""Kiosk soak benchmark: N simulated citizen sessions with idle resets; prints one JSON object.

    python bench/bench_kiosk_soak.py [--sessions 10000] [--warmup 1000]

The work lives in kiosk/soak.py (also used by tests/kiosk/test_soak.py).
"""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.soak import main

    raise SystemExit(main(sys.argv[1:]))
