"""`kotacerdas check`: damage in the file itself, then SQLite's integrity check and our consistency rules.

The file is examined before it is trusted: an empty or truncated file, a
header that is not SQLite's, pages overwritten with garbage. Every kind of
damage is reported as a message, never raised; only a sound file is opened
as a store for the consistency checks (answers match their catalogue,
finalized data matches its fingerprint, attachments match their SHA-256).
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from kotacerdas_desktop.domain.fingerprint import fingerprint
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.location import is_sqlite_file


def _damage(detail: str) -> LocalText:
    return t(f"Berkas rusak: {detail}", f"The file is damaged: {detail}")


def file_problems(path: Path) -> list[LocalText]:
    """What SQLite finds wrong with the file's structure (reads only; an empty list: sound)."""
    path = Path(path)
    if path.stat().st_size == 0:
        return [t("Berkas kosong (0 byte).", "The file is empty (0 bytes).")]
    if not is_sqlite_file(path):
        return [_damage(str(t("kepala berkas bukan milik SQLite", "the header is not SQLite's")))]
    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            lines = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [_damage(str(exc))]
    if lines == ["ok"]:
        return []
    return [t(f"Integritas SQLite: {line}", f"SQLite integrity: {line}") for line in lines]


def check_file(path: Path) -> list[LocalText]:
    """Everything wrong with a database file: its structure first, then (when sound) its content."""
    problems = file_problems(path)
    if problems:
        return problems
    with closing(Store.open(path, create=False)) as store:
        return check_database(store)


def check_database(store: Store) -> list[LocalText]:
    """Our consistency rules on a sound file; an empty list means nothing is wrong."""
    try:
        return _consistency(store)
    except sqlite3.DatabaseError as exc:
        return [_damage(str(exc))]


def _consistency(store: Store) -> list[LocalText]:
    db = store.db
    problems: list[LocalText] = []
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(
            t(
                f"Baris {rowid} di {table} merujuk {parent} yang tidak ada.",
                f"Row {rowid} in {table} refers to a missing {parent}.",
            )
        )
    for assessment in store.assessments.list():
        catalogue = store.assessments.catalogue_of(assessment)
        for code in store.assessments.answers(assessment.id):
            if not catalogue.has_indicator(code):
                problems.append(
                    t(
                        f"Penilaian #{assessment.id}: indikator {code} tidak ada di katalognya.",
                        f"Assessment #{assessment.id}: indicator {code} is not in its catalogue.",
                    )
                )
        if (
            assessment.is_finalized
            and fingerprint(store.lifecycle.canonical(assessment)) != assessment.fingerprint
        ):
            problems.append(
                t(
                    f"Penilaian #{assessment.id}: sidik jari tidak cocok dengan datanya (data final berubah).",
                    f"Assessment #{assessment.id}: the fingerprint does not match its data (finalized data changed).",
                )
            )
    for sha, content in db.execute("SELECT sha256, content FROM attachments").fetchall():
        if hashlib.sha256(content).hexdigest() != sha:
            problems.append(
                t(
                    f"Lampiran {sha[:12]}… rusak (hash berbeda).",
                    f"Attachment {sha[:12]}… is damaged (hash differs).",
                )
            )
    return problems
