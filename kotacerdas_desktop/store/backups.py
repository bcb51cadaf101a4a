"""Automatic and manual backups of the database file, and restoring one.

A backup is made with SQLite's ``VACUUM INTO`` (a consistent copy while the
file is in use, never a copy of the live file), synced, and verified with
``integrity_check`` before it gets its name. They live in a ``backups``
folder beside the data, named ``<stem>.<kind>.<YYYYMMDD-HHMMSS>.sqlite``:

- ``daily``: when a database is opened and once a day while the app runs;
  rotated to the newest of each of the last 7 days and of 4 weeks before them;
- ``migration-vN``: before a file of schema N is upgraded, one kept per N;
- ``manual``: ``kotacerdas backup`` or the GUI's button, never removed;
- ``before-restore``: the file a restore replaced, set aside as it was;
- ``before-import``: before packages are imported, the newest 4 kept.

Restoring verifies the chosen backup first, sets the current file (and its
-wal/-shm) aside, and renames a fresh copy of the backup into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.errors import (
    DamagedError,
    KotaCerdasError,
    StorageError,
    ValidationError,
)
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store.location import is_sqlite_file
from kotacerdas_desktop.store.outputs import (
    BACKUP,
    DATABASE_COMPANIONS,
    check_output,
    replace_file,
    sync_file,
    write_failed,
)
from kotacerdas_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION

FOLDER = "backups"
DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_IMPORT = "before-import"
KEEP_BEFORE_IMPORT = 4
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<kind>daily|manual|before-restore|before-import|migration-v\d+)"
    r"\.(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite$"
)


def migration_kind(version: int) -> str:
    return f"migration-v{version}"


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    made: dt.datetime


@dataclass(frozen=True)
class Contents:
    """What a backup holds, to choose one by: agencies, years, assessments, answers."""

    agencies: int
    years: tuple[int, ...]
    assessments: int
    answers: int
    schema: int

    def describe(self) -> LocalText:
        years = ", ".join(str(y) for y in self.years) or "-"
        return t(
            f"{self.agencies} OPD, tahun {years}, {self.assessments} penilaian, {self.answers} jawaban",
            f"{self.agencies} agencies, years {years}, {self.assessments} assessments, {self.answers} answers",
        )


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of this database file, newest first."""
    folder = backup_folder(db_path)
    found = []
    for path in folder.glob(f"{Path(db_path).stem}.*.sqlite") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and match["stem"] == Path(db_path).stem:
            made = dt.datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(path, match["kind"], made))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, locks or leaves files beside a backup (immutable)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?immutable=1", uri=True)


def _not_a_backup(path: Path, reason_id: str, reason_en: str) -> ValidationError:
    return ValidationError(
        t(
            f"{path.name} tidak dapat dipulihkan: {reason_id}",
            f"{path.name} cannot be restored: {reason_en}",
        ),
        field="backup",
    )


def verify_backup(path: Path) -> None:
    """Refuse a file that is not a sound KotaCerdas database this program can open."""
    path = Path(path)
    if not path.is_file() or not is_sqlite_file(path):
        raise _not_a_backup(path, "bukan berkas basis data SQLite.", "not a SQLite database file.")
    try:
        conn = _read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedError(
            t(f"Cadangan {path.name} rusak: {exc}", f"Backup {path.name} is damaged: {exc}"),
            field="backup",
        ) from exc
    if app_id != APPLICATION_ID:
        raise _not_a_backup(
            path, "bukan basis data KotaCerdas.", "it is not a KotaCerdas database."
        )
    if version > SCHEMA_VERSION:
        raise _not_a_backup(
            path,
            f"dibuat oleh versi KotaCerdas yang lebih baru (skema {version}).",
            f"it was made by a newer KotaCerdas (schema {version}).",
        )
    if integrity != ["ok"]:
        raise DamagedError(
            t(
                f"Cadangan {path.name} rusak: {'; '.join(integrity[:3])}",
                f"Backup {path.name} is damaged: {'; '.join(integrity[:3])}",
            ),
            field="backup",
        )


def contents(path: Path) -> Contents:
    """Count what a backup holds (DamagedError when it cannot be read)."""
    try:
        conn = _read_only(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            years = tuple(
                row[0]
                for row in conn.execute("SELECT DISTINCT year FROM assessments ORDER BY year")
            )
            agencies, assessments, answers = conn.execute(
                "SELECT (SELECT count(*) FROM agencies), (SELECT count(*) FROM assessments), "
                "(SELECT count(*) FROM answers)"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedError(
            t(
                f"Cadangan {path.name} tidak terbaca: {exc}",
                f"Backup {path.name} is unreadable: {exc}",
            ),
            field="backup",
        ) from exc
    return Contents(agencies, years, assessments, answers, version)


def _new_name(folder: Path, stem: str, kind: str, now: dt.datetime) -> Path:
    base = f"{stem}.{kind}.{now.strftime(_STAMP)}"
    target, n = folder / f"{base}.sqlite", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.sqlite"
    return target


def _claim(db_path: Path, day: dt.date) -> Path:
    """The marker that says today's daily backup is made or being made (by any process)."""
    return backup_folder(db_path) / f".{Path(db_path).stem}.daily-{day:%Y%m%d}.claim"


def daily_due(db_path: Path, today: dt.date | None = None) -> bool:
    return not _claim(db_path, today or dt.date.today()).exists()


def make_backup(
    conn: sqlite3.Connection, db_path: Path, kind: str, out: Path | None = None
) -> Path:
    """Copy the open database into the backups folder (or ``out``), verified; returns its path.

    A daily backup is made once per day by whichever process claims the day
    first; the others return the claim's folder without copying anything.
    """
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    if out is not None:
        check_output(out, BACKUP, db_path)
    claim = _claim(db_path, dt.date.today()) if kind == DAILY else None
    if out is None:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise write_failed(folder, exc) from exc
    if claim is not None:
        try:
            os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return folder  # another program made today's, or is making it now
        except OSError as exc:
            raise write_failed(claim, exc) from exc
    target = (
        Path(out) if out is not None else _new_name(folder, db_path.stem, kind, dt.datetime.now())
    )
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        conn.execute("VACUUM INTO ?", [str(temporary)])
        sync_file(temporary)
        verify_backup(temporary)
        replace_file(temporary, target)
    except (OSError, sqlite3.Error, StorageError, ValidationError) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if claim is not None:
            with contextlib.suppress(OSError):
                claim.unlink()
        if isinstance(exc, StorageError | ValidationError):
            raise
        raise write_failed(target, exc) from exc
    if out is None:
        rotate(db_path)
    return target


def make_daily(conn: sqlite3.Connection, db_path: Path) -> None:
    """The day's backup. When it cannot be made (disk full, no room for the folder) the work
    goes on and the reason goes to the log ("kotacerdas" logger): the next open tries again."""
    try:
        make_backup(conn, db_path, DAILY)
    except KotaCerdasError as error:
        logging.getLogger("kotacerdas").warning("daily backup of %s not made: %s", db_path, error)


def _newest_per(
    backups: list[Backup], key: Callable[[Backup], Hashable], limit: int
) -> list[Backup]:
    """The newest backup of each of the ``limit`` most recent periods (``key`` names a period)."""
    kept: dict[Hashable, Backup] = {}
    for backup in backups:  # newest first
        period = key(backup)
        if period not in kept:
            if len(kept) == limit:
                break
            kept[period] = backup
    return list(kept.values())


def rotate(db_path: Path) -> list[Path]:
    """Remove daily backups beyond 7 days and 4 weeks, all but the newest per migration, and
    all but the newest 4 made before an import."""
    backups = list_backups(db_path)
    daily = [b for b in backups if b.kind == DAILY]
    kept = _newest_per(daily, lambda b: b.made.date(), KEEP_DAILY)
    oldest_day = min((b.made.date() for b in kept), default=None)
    older = [b for b in daily if oldest_day is not None and b.made.date() < oldest_day]
    kept += _newest_per(older, lambda b: b.made.isocalendar()[:2], KEEP_WEEKLY)
    migrations = [b for b in backups if b.kind.startswith("migration-")]
    kept += _newest_per(migrations, lambda b: b.kind, len(migrations))
    imports = [b for b in backups if b.kind == BEFORE_IMPORT]
    kept += imports[:KEEP_BEFORE_IMPORT]
    removed = [b.path for b in daily + migrations + imports if b not in kept]
    today = _claim(db_path, dt.date.today()).name
    stale_claims = [
        p
        for p in backup_folder(db_path).glob(f".{Path(db_path).stem}.daily-*.claim")
        if p.name != today
    ]
    for path in removed + stale_claims:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def newest_good(db_path: Path) -> Backup | None:
    """The newest backup that passes verification (a set-aside file may well be damaged)."""
    for backup in list_backups(db_path):
        try:
            verify_backup(backup.path)
        except (StorageError, ValidationError):
            continue
        return backup
    return None


def _wait_for_writers(db_path: Path) -> None:
    """Let a write in progress (another program) finish before the file is moved."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=10)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()


def set_aside(db_path: Path) -> Path | None:
    """Move the database file and its -wal/-shm into the backups folder as ``before-restore``."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    target = _new_name(folder, db_path.stem, BEFORE_RESTORE, dt.datetime.now())
    for suffix in DATABASE_COMPANIONS:
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            replace_file(companion, Path(f"{target}{suffix}"))
    with contextlib.suppress(sqlite3.Error):  # fold its WAL in when it is sound, so it reads whole
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return target


def restore(db_path: Path, source: Path) -> Path | None:
    """Put a verified copy of ``source`` in the database's place; returns where the old file went."""
    db_path, source = Path(db_path), Path(source)
    if db_path.exists() and source.exists() and os.path.samefile(db_path, source):
        raise _not_a_backup(
            source, "itu basis data yang sedang dipakai.", "that is the database in use."
        )
    verify_backup(source)
    temporary = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")
    try:
        src = _read_only(source)
        try:
            dest = sqlite3.connect(temporary)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        sync_file(temporary)
        _wait_for_writers(db_path)
        aside = set_aside(db_path)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise write_failed(db_path, exc) from exc
    try:
        replace_file(temporary, db_path)
    except OSError as exc:
        if aside is not None:  # put the old file back rather than leave no database at all
            replace_file(aside, db_path)
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise write_failed(db_path, exc) from exc
    return aside
