"""Timestamps and the name of who made a change, in one place."""

from __future__ import annotations

import datetime as dt
import getpass


def now() -> str:
    """Local time with its UTC offset, to the second (what the audit trail shows)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # Windows without USERNAME has no pwd module
        return "operator"
