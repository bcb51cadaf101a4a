"""Open the one SQLite file that holds an installation's whole state, and write to it safely.

Opening checks the place (location.py), that the file is ours (PRAGMA
application_id) and not from a newer app (PRAGMA user_version), that its
structure is sound (PRAGMA quick_check), makes the automatic backup that is
due (a copy before each migration, else one a day), then migrates it
forward. Each refusal is a StorageError with a clear message and leaves the
file untouched.

Durability: WAL with synchronous=FULL, so a save the program reported is on
disk even after a power cut. Every write transaction begins IMMEDIATE
(``StoreDatabase.atomic``): a second writer waits for the lock (up to
BUSY_TIMEOUT_S) instead of failing, and the reads that decide a write happen
inside the transaction that makes it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import NoReturn

from sqlite_utils import Database

from kotacerdas_desktop.domain.errors import BusyError, DamagedError, StorageError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import backups
from kotacerdas_desktop.store.location import check_location, is_sqlite_file, refuse
from kotacerdas_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

BUSY_TIMEOUT_S = 10.0  # how long a write waits for another program's write to finish
CLOSE_CHECKPOINT_TIMEOUT_MS = 1000


def storage_error(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The clear message for what SQLite reported about the file itself; None for anything else."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return BusyError(
            t(
                f"Program lain sedang menulis ke basis data {path.name} (jendela KotaCerdas lain "
                "atau perintah kotacerdas). Tidak ada yang hilang dan perubahan ini belum disimpan; "
                "coba lagi sebentar lagi.",
                f"Another program is writing to database {path.name} (another KotaCerdas window "
                "or a kotacerdas command). Nothing was lost and this change was not saved; "
                "try again in a moment.",
            ),
            field="db",
        )
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    ):
        return damaged_error(path, text)
    if name == "SQLITE_FULL" or "disk is full" in text:
        return refuse(
            f"Disk penuh: perubahan tidak disimpan ke {path.name}. Kosongkan ruang disk lalu coba lagi.",
            f"The disk is full: the change was not saved to {path.name}. Free some disk space and try again.",
        )
    if name.startswith(("SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return refuse(
            f"Basis data {path.name} tidak dapat dibaca atau ditulis ({text}); tidak ada yang disimpan.",
            f"Database {path.name} cannot be read or written ({text}); nothing was saved.",
        )
    return None


def damaged_error(path: Path, detail: str) -> DamagedError:
    return DamagedError(
        t(
            f"Berkas basis data {path.name} rusak ({detail}). Berkas ini tidak akan ditulisi lagi; "
            "pulihkan cadangan terbaru (Berkas > Cadangan dan pulihkan, atau `kotacerdas restore`).",
            f"Database file {path.name} is damaged ({detail}). It will not be written to again; "
            "restore the newest backup (File > Backups and restore, or `kotacerdas restore`).",
        ),
        field="db",
    )


class StoreDatabase(Database):
    """sqlite-utils' Database on our file, whose ``atomic()`` begins IMMEDIATE and refuses a damaged file.

    sqlite-utils' own write methods open ``atomic()`` too, so every write,
    ours or the library's, takes the write lock first; nested blocks are
    savepoints inside it. SQLite's errors about the file come out as
    StorageError subclasses with a message a user can act on.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, reconnected: bool = False) -> None:
        # No sqlite-utils plugins: code of whatever package is installed never hooks our
        # connection, and finding plugins reads every installed package's metadata (15-20 ms
        # of each start).
        super().__init__(conn, execute_plugins=False)
        self.path = path
        self.damaged: DamagedError | None = None
        self.reconnected = reconnected  # opened ``checked``: nothing checked, backed up or migrated

    def _raise_translated(self, exc: sqlite3.Error) -> NoReturn:
        """``storage_error`` for this file (a damaged file is remembered and never written
        again), or SQLite's own error when it is not about the file (a trigger, a constraint)."""
        error = storage_error(exc, self.path)
        if error is None:
            raise exc
        if isinstance(error, DamagedError):
            self.damaged = error
        raise error from exc

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.damaged is not None:
            raise self.damaged
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the caller's IMMEDIATE transaction
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._raise_translated(exc)
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.rollback()
            self._raise_translated(exc)
        except BaseException:
            self.rollback()
            raise

    def close(self) -> None:
        """Fold the WAL back into the file (a short wait only) and close: the file alone is complete."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute(f"PRAGMA busy_timeout = {CLOSE_CHECKPOINT_TIMEOUT_MS}")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        raise refuse(
            f"{path.name} adalah basis data SQLite milik aplikasi lain, bukan KotaCerdas.",
            f"{path.name} is another application's SQLite database, not KotaCerdas.",
        )
    if version > SCHEMA_VERSION:
        raise refuse(
            f"{path.name} dibuat oleh versi KotaCerdas yang lebih baru (skema {version}, aplikasi ini {SCHEMA_VERSION}). "
            "Pasang versi terbaru; berkas tidak diubah.",
            f"{path.name} was made by a newer KotaCerdas (schema {version}, this app {SCHEMA_VERSION}). "
            "Install the newest version; the file was not changed.",
        )
    return version


def _refuse_a_lost_database(path: Path) -> None:
    """A file we have backed up that is now empty or no longer SQLite is damaged, not new or foreign."""
    if not path.is_file() or is_sqlite_file(path) or not backups.list_backups(path):
        return
    size = path.stat().st_size
    raise damaged_error(
        path,
        "0 byte"
        if size == 0
        else str(t("kepala berkas bukan SQLite", "the header is not SQLite's")),
    )


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's fast structural check: ["ok"] for a sound file, else what is wrong."""
    return [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are ours) that waits for other writers."""
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise refuse(
            f"Basis data {path} tidak dapat dibuka: {exc}",
            f"Database {path} cannot be opened: {exc}",
        ) from exc


def open_database(path: Path, *, create: bool = True, checked: bool = False) -> StoreDatabase:
    """Open (or create) the database file: checked, backed up when due, migrated to the current schema.

    ``checked``: this program holds the file open already, checked, backed up and
    migrated, so another connection to it (a worker thread's own) only confirms it
    is ours and current. The structural check reads every page, evidence files
    included: on a city's file it costs a tenth of a second or more each time."""
    path = Path(path)
    _refuse_a_lost_database(path)
    check_location(path, create)
    conn = connect(path)
    try:
        version = _check_identity(conn, path)
        current = checked and version == SCHEMA_VERSION
        if version > 0 and not current:
            problems = quick_check(conn)
            if problems != ["ok"]:
                raise damaged_error(path, "; ".join(problems[:3]))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        if current:
            return StoreDatabase(conn, path, reconnected=True)
        if 0 < version < SCHEMA_VERSION:  # no upgrade without its backup
            backups.make_backup(conn, path, backups.migration_kind(version))
        elif version > 0 and backups.daily_due(path):
            backups.make_daily(conn, path)
        if version < SCHEMA_VERSION:
            migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        error = storage_error(exc, path) or damaged_error(path, str(exc))
        raise error from exc
    except BaseException:
        conn.close()
        raise
    return StoreDatabase(conn, path)
