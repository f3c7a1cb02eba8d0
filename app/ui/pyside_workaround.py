"""Work around PySide6 6.12 dropping references to None/True/False on CPython 3.11.

Measured here: every call of a binding that returns a null object (``QWidget.parentWidget()`` of a
top-level widget, ``QApplication.focusWidget()`` with no focus, ``QObject.property()`` of an unset
property, ...) takes one reference away from ``None`` without ever having given it one; similar
drains hit ``True``/``False``. On Python 3.12+ these objects are immortal and nothing happens; on
3.11 a long-running kiosk (or a long test run) eventually deallocates ``None`` and the interpreter
aborts ("Fatal Python error: none_dealloc").

Until PySide6 is fixed (or the project moves to Python >= 3.12) we do what 3.12 does: give these
singletons a reference count so large they can never reach zero. They are statically allocated and
never freed anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_BALLAST = 1 << 60


def immortalize_singletons() -> bool:
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        if refcnt.value < _BALLAST:
            refcnt.value += _BALLAST
    return True
