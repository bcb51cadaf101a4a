"""Open the one SQLite file that holds an installation's whole state.

Opening checks, in order, that the folder exists and is writable, that the
file is SQLite, that it is ours (PRAGMA application_id) and not from a newer
app (PRAGMA user_version), then backs an older file up beside itself and
migrates it forward. Each refusal is a StorageError with a clear message and
leaves the file untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
DB_ENV = "KOTACERDAS_DB"


def default_db_path() -> Path:
    """``--db`` wins, then $KOTACERDAS_DB, then this file in the OS user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(user_data_dir("KotaCerdas", appauthor=False, roaming=False)) / "kotacerdas.sqlite"


def _refuse(indonesian: str, english: str) -> StorageError:
    return StorageError(t(indonesian, english), field="db")


def _folder_writable(folder: Path) -> bool:
    """Try to create a file there: the only answer that holds on Windows ACLs and read-only mounts
    alike (os.access trusts mode bits); SQLite needs the folder for its -wal and -shm files."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".kotacerdas-probe-"):
            return True
    except OSError:
        return False


def _check_location(path: Path, create: bool) -> None:
    folder = path.parent
    if not path.exists():
        if not create:
            raise _refuse(
                f"Berkas basis data {path} tidak ada.", f"Database file {path} does not exist."
            )
        if not folder.is_dir():
            raise _refuse(
                f"Folder {folder} tidak ada; buat foldernya dulu atau pilih lokasi lain.",
                f"Folder {folder} does not exist; create it first or choose another location.",
            )
    if path.is_dir():
        raise _refuse(
            f"{path} adalah folder, bukan berkas basis data.",
            f"{path} is a folder, not a database file.",
        )
    if not _folder_writable(folder) or (path.exists() and not os.access(path, os.W_OK)):
        raise _refuse(
            f"Tidak ada izin menulis di {folder}; basis data perlu folder yang dapat ditulisi.",
            f"No permission to write in {folder}; the database needs a writable folder.",
        )
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise _refuse(
                    f"{path.name} bukan berkas basis data KotaCerdas (bukan SQLite).",
                    f"{path.name} is not a KotaCerdas database (not SQLite).",
                )


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        raise _refuse(
            f"{path.name} adalah basis data SQLite milik aplikasi lain, bukan KotaCerdas.",
            f"{path.name} is another application's SQLite database, not KotaCerdas.",
        )
    if version > SCHEMA_VERSION:
        raise _refuse(
            f"{path.name} dibuat oleh versi KotaCerdas yang lebih baru (skema {version}, aplikasi ini {SCHEMA_VERSION}). "
            "Pasang versi terbaru; berkas tidak diubah.",
            f"{path.name} was made by a newer KotaCerdas (schema {version}, this app {SCHEMA_VERSION}). "
            "Install the newest version; the file was not changed.",
        )
    return version


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database (SQLite's online backup), safe while in use."""
    with sqlite3.connect(target) as dest:
        conn.backup(dest)
    dest.close()
    return target


def _timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (or create) the database file, migrated to the current schema."""
    path = Path(path)
    _check_location(path, create)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    except sqlite3.Error as exc:
        raise _refuse(
            f"Basis data {path} tidak dapat dibuka: {exc}",
            f"Database {path} cannot be opened: {exc}",
        ) from exc
    try:
        version = _check_identity(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if 0 < version < SCHEMA_VERSION:
            backup_copy(
                conn, path.with_name(f"{path.stem}.v{version}-backup-{_timestamp()}{path.suffix}")
            )
        if version < SCHEMA_VERSION:
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _refuse(
            f"{path.name} rusak atau bukan basis data KotaCerdas: {exc}",
            f"{path.name} is damaged or not a KotaCerdas database: {exc}",
        ) from exc
    except BaseException:
        conn.close()
        raise
    return Database(conn)
