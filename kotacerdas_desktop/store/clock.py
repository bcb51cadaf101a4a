"""Timestamps, new identities and the name of who made a change, in one place."""

from __future__ import annotations

import datetime as dt
import getpass
import uuid


def now() -> str:
    """Local time with its UTC offset, to the second (what the audit trail shows)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def new_uuid() -> str:
    """A random identity that travels in packages (agencies, assessments)."""
    return str(uuid.uuid4())


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # Windows without USERNAME has no pwd module
        return "operator"
