"""`kotacerdas check`: damage in the file itself, then SQLite's integrity check and our consistency rules.

The file is examined before it is trusted: an empty or truncated file, a
header that is not SQLite's, pages overwritten with garbage. Every kind of
damage is reported as a message, never raised; only a sound file is opened
as a store for the consistency checks: the tables, indexes and lock triggers are
the ones this version makes, answers match their catalogue, and everything a finalized sheet
depends on is recomputed from the stored bytes (store/integrity.py): every
catalogue text and attachment against its SHA-256, every finalized
assessment's data against its fingerprint.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import LocalText, shown, t
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.integrity import Integrity, schema_problems
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
    problems = schema_problems(store.db.conn)
    try:
        return problems + _consistency(store)
    except sqlite3.DatabaseError as exc:  # a table gone or changed: said above, and here
        return [*problems, _damage(str(exc))]


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
    integrity = Integrity(store.lifecycle)
    for assessment in store.assessments.list():
        if assessment.is_finalized:
            problems += integrity.assessment(assessment)
        try:
            catalogue = store.assessments.catalogue_of(assessment)
        except KotaCerdasError as exc:  # a text changed into one that is no catalogue
            problems.append(
                t(
                    f"Penilaian #{assessment.id}: katalognya tidak dapat dibaca: {exc.message.id}",
                    f"Assessment #{assessment.id}: its catalogue cannot be read: {exc.message.get('en')}",
                )
            )
            continue
        for code in store.assessments.answers(assessment.id):
            if not catalogue.has_indicator(code):
                problems.append(
                    t(
                        f"Penilaian #{assessment.id}: indikator {shown(code)} tidak ada di katalognya.",
                        f"Assessment #{assessment.id}: indicator {shown(code)} is not in its catalogue.",
                    )
                )
    problems += integrity.everything()
    return list(dict.fromkeys(problems))  # a catalogue or file shared by many sheets: said once
