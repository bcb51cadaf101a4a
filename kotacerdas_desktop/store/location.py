"""Where the database file lives, and whether that place can hold it safely.

Checked before SQLite touches anything, in order: (on Windows) it is not on a
network drive, the file exists (or may be created), its folder exists and is
writable, it is not a folder, it is not empty unless it is being created, and
it starts like a SQLite file. Each
refusal is a StorageError naming the path; nothing is created or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from platformdirs import user_data_dir

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import t

SQLITE_MAGIC = b"SQLite format 3\x00"
DB_ENV = "KOTACERDAS_DB"
DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network share


def default_db_path() -> Path:
    """``--db`` wins, then $KOTACERDAS_DB, then this file in the OS user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(user_data_dir("KotaCerdas", appauthor=False, roaming=False)) / "kotacerdas.sqlite"


def refuse(indonesian: str, english: str) -> StorageError:
    return StorageError(t(indonesian, english), field="db")


def is_sqlite_file(path: Path) -> bool:
    """Whether the file starts with SQLite's header (any SQLite database, ours or not)."""
    try:
        with Path(path).open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def on_network_drive(path: Path, drive_type: Callable[[str], int] = _windows_drive_type) -> bool:
    """A UNC path (\\\\server\\share) or a drive letter mapped to a share (Windows paths)."""
    windows = PureWindowsPath(path)
    if not windows.drive:
        windows = PureWindowsPath(os.path.abspath(path))
    if windows.drive.startswith("\\\\"):
        return True
    return bool(windows.drive) and drive_type(windows.drive + "\\") == DRIVE_REMOTE


def _folder_writable(folder: Path) -> bool:
    """Try to create a file there: the only answer that holds on Windows ACLs and read-only mounts
    alike (os.access trusts mode bits); SQLite needs the folder for its -wal and -shm files."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".kotacerdas-probe-"):
            return True
    except OSError:
        return False


def missing_database(path: Path) -> StorageError:
    return refuse(
        f"Berkas basis data {path} tidak ada. Periksa --db atau KOTACERDAS_DB; basis data baru "
        "dibuat oleh aplikasi (Berkas > Basis data baru), `kotacerdas agency add` atau `kotacerdas demo`.",
        f"Database file {path} does not exist. Check --db or KOTACERDAS_DB; a new database is "
        "made by the app (File > New database), `kotacerdas agency add` or `kotacerdas demo`.",
    )


def check_location(path: Path, create: bool, windows: bool = sys.platform == "win32") -> None:
    """Refuse a place the database cannot safely live in (see the module docstring)."""
    folder = path.parent
    if windows and on_network_drive(path):
        raise refuse(
            f"{path} ada di drive jaringan. SQLite tidak dapat mengunci berkas dengan aman di sana, "
            "sehingga data bisa rusak; simpan basis data di disk komputer ini.",
            f"{path} is on a network drive. SQLite cannot lock files safely there, so data could "
            "be damaged; keep the database on this computer's own disk.",
        )
    if not path.exists():
        if not create:
            raise missing_database(path)
        if not folder.is_dir():
            raise refuse(
                f"Folder {folder} tidak ada; buat foldernya dulu atau pilih lokasi lain.",
                f"Folder {folder} does not exist; create it first or choose another location.",
            )
    if path.is_dir():
        raise refuse(
            f"{path} adalah folder, bukan berkas basis data.",
            f"{path} is a folder, not a database file.",
        )
    if not _folder_writable(folder) or (path.exists() and not os.access(path, os.W_OK)):
        raise refuse(
            f"Tidak ada izin menulis di {folder}; basis data perlu folder yang dapat ditulisi.",
            f"No permission to write in {folder}; the database needs a writable folder.",
        )
    if path.exists() and path.stat().st_size == 0 and not create:
        raise refuse(
            f"{path.name} kosong (0 byte): bukan basis data KotaCerdas.",
            f"{path.name} is empty (0 bytes): not a KotaCerdas database.",
        )
    if path.exists() and path.stat().st_size > 0 and not is_sqlite_file(path):
        raise refuse(
            f"{path.name} bukan berkas basis data KotaCerdas (bukan SQLite).",
            f"{path.name} is not a KotaCerdas database (not SQLite).",
        )
