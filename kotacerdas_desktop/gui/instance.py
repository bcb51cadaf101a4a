"""One window per database file: a lock file beside it (QLockFile), held while the window is open.

A second start on the same file finds the lock and says the file is open
elsewhere (which program, on which computer) instead of opening a second
window whose edits would race the first. A lock left by a program that
crashed is stale (its process is gone) and is taken over. ``kotacerdas
restore`` takes the same lock, so a file is never replaced under a window.
Only QtCore is used: the command line can take the lock without a screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import t


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = QLockFile(str(lock_path(db_path)))
        self._lock.setStaleLockTime(
            0
        )  # a window may hold it for days: stale only when its process is gone

    def acquire(self) -> None:
        """Take the lock, or StorageError naming who holds it."""
        if self._lock.tryLock(0):
            return
        info = self._lock.getLockInfo()
        holder = f"{info[2]}, proses {info[0]}, {info[1]}" if info else "?"
        raise StorageError(
            t(
                f"{self.db_path.name} sudah terbuka di program KotaCerdas lain ({holder}). "
                "Gunakan jendela itu, atau tutup dulu sebelum membukanya di sini.",
                f"{self.db_path.name} is already open in another KotaCerdas program ({holder}). "
                "Use that window, or close it before opening the file here.",
            ),
            field="db",
        )

    def release(self) -> None:
        self._lock.unlock()
