"""What differs on an office PC running Windows, checked where it can be: on any system."""

from __future__ import annotations

import sys

from kotacerdas_desktop.store.clock import current_user


def test_who_changed_it_falls_back_when_the_system_cannot_say(monkeypatch):
    """Windows has no pwd module; without USERNAME getpass has nothing else to ask."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(sys.modules, "pwd", None)  # importing it now fails, as on Windows
    assert current_user() == "operator"


def test_who_changed_it_is_the_login_name(monkeypatch):
    monkeypatch.setenv("USERNAME", "dewi.lestari")
    for name in ("LOGNAME", "USER", "LNAME"):
        monkeypatch.delenv(name, raising=False)
    assert current_user() == "dewi.lestari"
