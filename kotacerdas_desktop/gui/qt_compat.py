"""Work around PySide6 6.12 dropping references to None, True and False on Python 3.11.

PySide6 6.12 (abi3 wheels, so it installs on 3.11) returns None from every
void method and True from ``Signal.emit`` without taking a reference, as if
they were immortal objects (PEP 683, Python 3.12+). On Python 3.11 each call
lowers their reference count by one, and after some thousands of calls the
interpreter aborts ("Fatal Python error: none_dealloc"): an operator typing
for an afternoon would lose the window. Python 3.12 makes these objects
immortal by giving them a huge reference count; this does the same on 3.11.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40  # more calls than a PC makes in years


def make_singletons_immortal() -> None:
    """Give None, True and False a reference count no leak can exhaust (Python < 3.12 only)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already; or a debug build, where the count is not the first field
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < IMMORTAL:
            count.value += IMMORTAL
