"""`kotacerdas check`: SQLite's own integrity check plus our consistency rules."""

from __future__ import annotations

import hashlib

from kotacerdas_desktop.domain.fingerprint import fingerprint
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store import Store


def check_database(store: Store) -> list[LocalText]:
    """Every problem found, as a message; an empty list means the file is sound."""
    db = store.db
    problems: list[LocalText] = []
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        problems += [
            t(f"Integritas SQLite: {line}", f"SQLite integrity: {line}") for line in integrity
        ]
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
