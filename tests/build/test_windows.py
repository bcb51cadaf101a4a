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


def test_a_database_on_a_network_drive_is_refused_with_the_reason(tmp_path):
    """SQLite's locking is not safe on a share: a UNC path or a mapped drive letter is refused."""
    from pathlib import Path

    import pytest

    from kotacerdas_desktop.domain.errors import StorageError
    from kotacerdas_desktop.store.location import DRIVE_REMOTE, check_location, on_network_drive

    def drive_type(root: str) -> int:
        return DRIVE_REMOTE if root.upper() == "Z:\\" else 3  # 3: a fixed local disk

    assert on_network_drive(Path(r"\\server\data\kotacerdas.sqlite"), drive_type)
    assert on_network_drive(Path(r"Z:\KotaCerdas\kotacerdas.sqlite"), drive_type)
    assert not on_network_drive(Path(r"C:\Users\dewi\kotacerdas.sqlite"), drive_type)
    with pytest.raises(StorageError, match="drive jaringan") as info:
        check_location(Path(r"\\server\data") / "kotacerdas.sqlite", create=True, windows=True)
    assert "SQLite tidak dapat mengunci berkas dengan aman" in str(info.value)
    check_location(tmp_path / "lokal.sqlite", create=True, windows=True)  # a local folder is fine
