"""`kotacerdas backup [--out FILE] [--list]` and `kotacerdas restore FILE`."""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.errors import DamagedError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store, backups
from kotacerdas_desktop.store.location import default_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="buat atau daftar cadangan / make or list backups",
        description="Cadangan yang terverifikasi ke folder backups di samping data (atau --out). "
        "/ A verified backup into the backups folder beside the data (or --out).",
    )
    backup.add_argument("--out", type=Path, help="berkas cadangan baru / a new backup file")
    backup.add_argument(
        "--list", action="store_true", help="daftar cadangan yang ada / list the backups"
    )
    add_json(backup)
    backup.set_defaults(handler=with_store(run_backup))
    restore = subparsers.add_parser(
        "restore",
        help="pulihkan dari cadangan / restore a backup",
        description="Ganti basis data dengan cadangan; berkas lama disimpan di folder backups. "
        "/ Replace the database with a backup; the old file is kept in the backups folder.",
    )
    restore.add_argument("file", type=Path, help="berkas cadangan / backup file")
    restore.set_defaults(handler=run_restore)


def run_backup(store: Store, args: argparse.Namespace) -> int:
    if args.list:
        return list_backups(store.path, args.json)
    made = backups.make_backup(store.db.conn, store.path, backups.MANUAL, args.out)
    print(
        t(
            f"Cadangan terverifikasi dibuat: {made} ({backups.contents(made).describe()}).",
            f"Verified backup made: {made} ({backups.contents(made).describe()}).",
        )
    )
    return 0


def list_backups(db_path: Path, as_json: bool) -> int:
    rows: list[tuple[backups.Backup, backups.Contents | None]] = []
    for backup in backups.list_backups(db_path):
        try:
            rows.append((backup, backups.contents(backup.path)))
        except DamagedError:
            rows.append((backup, None))
    if as_json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "kind": b.kind,
                    "made": b.made.isoformat(),
                    "contents": None if c is None else c.__dict__,
                }
                for b, c in rows
            ]
        )
        return 0
    print_table(
        [t("DIBUAT", "MADE"), t("JENIS", "KIND"), t("ISI", "HOLDS"), t("BERKAS", "FILE")],
        [
            (
                f"{b.made:%Y-%m-%d %H:%M}",
                b.kind,
                c.describe() if c is not None else t("tidak terbaca", "unreadable"),
                b.path.name,
            )
            for b, c in rows
        ],
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore without opening the current file first: it may be the damaged one."""
    from kotacerdas_desktop.gui.instance import DatabaseLock  # QtCore only, no screen

    path = Path(args.db) if args.db else default_db_path()
    lock = DatabaseLock(path)
    lock.acquire()
    try:
        aside = backups.restore(path, args.file)
        with closing(Store.open(path, create=False)):
            pass  # opens, checks and (for an older backup) migrates what was restored
    finally:
        lock.release()
    print(
        t(
            f"Dipulihkan dari {args.file}: {backups.contents(args.file).describe()}.",
            f"Restored from {args.file}: {backups.contents(args.file).describe()}.",
        )
    )
    if aside is not None:
        print(t(f"Berkas sebelumnya disimpan di {aside}", f"The previous file is kept in {aside}"))
    return 0
