"""Everything a finalized sheet depends on, recomputed from the stored bytes.

The fingerprint covers the catalogue's and the files' SHA-256 as stored in
their columns; the triggers (store/schema_locks.py) keep those rows from
changing through SQL. A program that drops or switches off the triggers, or
edits the file's bytes, is caught here: every catalogue text and every file is
hashed again and compared with its column, the finalized data is fingerprinted
again, and the tables, indexes and triggers themselves are compared with the
ones this version creates. ``kotacerdas check``, ``verify``, printing a finalized sheet and
exporting its package all ask this module, and each problem says exactly what
no longer matches.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from typing import TYPE_CHECKING

from kotacerdas_desktop.domain.agency_snapshot import snapshot_logo_sha256
from kotacerdas_desktop.domain.errors import KotaCerdasError, StorageError
from kotacerdas_desktop.domain.fingerprint import fingerprint
from kotacerdas_desktop.domain.model import Answer, Assessment
from kotacerdas_desktop.domain.text import LocalText, shown, t
from kotacerdas_desktop.store.schema import migrate

if TYPE_CHECKING:
    from kotacerdas_desktop.store.lifecycle import Lifecycle

MISSING, DAMAGED = "missing", "damaged"


def _sha256(value: object) -> str:
    """The SHA-256 of a stored text or blob (a text is hashed as the UTF-8 it was imported as)."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return hashlib.sha256(value if isinstance(value, bytes) else str(value).encode()).hexdigest()


_SCHEMA = (
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') "
    "AND name NOT LIKE 'sqlite_%'"
)
_KINDS = {
    "table": t("Tabel", "Table"),
    "index": t("Indeks", "Index"),
    "trigger": t("Pemicu (trigger)", "Trigger"),
}


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    return {(kind, name): sql for kind, name, sql in conn.execute(_SCHEMA)}


def schema_problems(conn: sqlite3.Connection) -> list[LocalText]:
    """The tables, indexes and triggers (those that lock finalized data and keep the logs
    append-only) as this version makes them: one missing, changed or added means finalized
    data may have changed without being refused."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as fresh:
        migrate(fresh)
        expected = _schema(fresh)
    found = _schema(conn)
    problems = []
    for kind, name in sorted(expected.keys() | found.keys()):
        if found.get((kind, name)) == expected.get((kind, name)):
            continue
        state = (
            t("hilang", "is missing")
            if (kind, name) not in found
            else t("tidak dikenal", "is not ours")
            if (kind, name) not in expected
            else t("diubah", "was changed")
        )
        what = _KINDS[kind]
        problems.append(
            t(
                f"{what.id} {shown(name)} {state.id}: struktur berkas diubah di luar aplikasi, "
                "perubahan data final mungkin tidak ditolak; periksa hasil lain.",
                f"{what.en} {shown(name)} {state.en}: the file's structure was changed outside "
                "the program, changes of finalized data may not have been refused; see the other "
                "results.",
            )
        )
    return problems


class Integrity:
    """One round of checks; each catalogue and file is hashed once however many sheets use it."""

    def __init__(self, lifecycle: Lifecycle) -> None:
        self.lifecycle = lifecycle
        self.db = lifecycle.db
        self._catalogues: dict[int, list[LocalText]] = {}
        self._files: dict[str, str | None] = {}

    def catalogue(self, catalogue_id: int) -> list[LocalText]:
        """Whether a stored catalogue's text still gives the SHA-256 stored beside it."""
        if catalogue_id not in self._catalogues:
            row = self.db.execute(
                "SELECT code, version, body, sha256 FROM catalogues WHERE id = ?", [catalogue_id]
            ).fetchone()
            problems = []
            if row is not None and _sha256(row[2]) != row[3]:
                problems.append(
                    t(
                        f"Katalog {shown(row[0])} {shown(row[1])} (#{catalogue_id}): teksnya tidak lagi "
                        "cocok dengan SHA-256 yang tersimpan (diubah setelah diimpor).",
                        f"Catalogue {shown(row[0])} {shown(row[1])} (#{catalogue_id}): its text no "
                        "longer matches its stored SHA-256 (changed after it was imported).",
                    )
                )
            self._catalogues[catalogue_id] = problems
        return self._catalogues[catalogue_id]

    def file(self, sha256: str) -> str | None:
        """None when the stored file gives its hash, else MISSING or DAMAGED."""
        if sha256 not in self._files:
            row = self.db.execute(
                "SELECT content, size FROM attachments WHERE sha256 = ?", [sha256]
            ).fetchone()
            if row is None:
                self._files[sha256] = MISSING
            elif _sha256(row[0]) != sha256 or len(row[0] or b"") != row[1]:
                self._files[sha256] = DAMAGED
            else:
                self._files[sha256] = None
        return self._files[sha256]

    def assessment(
        self,
        assessment: Assessment,
        *,
        files: bool = True,
        answers: Mapping[str, Answer] | None = None,
    ) -> list[LocalText]:
        """What of a finalized assessment no longer matches: its catalogue's text, its logo, its
        evidence files (unless ``files`` is False: the sheet does not print them) and its
        fingerprint (from ``answers`` when the caller has read them). An empty list: the stored
        data is what was finalized."""
        where = t(
            f"Penilaian #{assessment.id} ({shown(assessment.agency_code)} {assessment.year}, "
            f"revisi {assessment.revision})",
            f"Assessment #{assessment.id} ({shown(assessment.agency_code)} {assessment.year}, "
            f"revision {assessment.revision})",
        )
        problems = list(self.catalogue(assessment.catalogue_id))
        try:
            logo = (
                snapshot_logo_sha256(assessment.agency_snapshot)
                if assessment.agency_snapshot
                else ""
            )
            digest = fingerprint(self.lifecycle.canonical(assessment, answers))
        except (KotaCerdasError, ValueError, KeyError, TypeError) as exc:  # a row made unreadable
            return [
                *problems,
                t(
                    f"{where.id}: datanya tidak dapat dibaca ({shown(exc)}).",
                    f"{where.en}: its data cannot be read ({shown(exc)}).",
                ),
            ]
        named = [(logo, t("logo OPD", "the agency logo"))] if logo else []
        if files:
            named += [
                (
                    sha,
                    t(f"berkas bukti dukung {shown(code)}", f"the evidence file of {shown(code)}"),
                )
                for code, sha in self.db.execute(
                    "SELECT indicator_code, sha256 FROM evidence WHERE assessment_id = ? "
                    "AND sha256 IS NOT NULL ORDER BY indicator_code, position",
                    [assessment.id],
                ).fetchall()
            ]
        for sha, what in named:
            state = self.file(sha)
            if state == MISSING:
                problems.append(
                    t(
                        f"{where.id}: {what.id} ({shown(sha[:12])}…) hilang dari basis data.",
                        f"{where.en}: {what.en} ({shown(sha[:12])}…) is missing from the database.",
                    )
                )
            elif state == DAMAGED:
                problems.append(
                    t(
                        f"{where.id}: isi {what.id} ({shown(sha[:12])}…) tidak lagi cocok dengan SHA-256-nya.",
                        f"{where.en}: the content of {what.en} ({shown(sha[:12])}…) no longer matches its SHA-256.",
                    )
                )
        if digest != assessment.fingerprint:
            problems.append(
                t(
                    f"{where.id}: jawaban, bukti dukung atau data OPD saat finalisasi tidak lagi "
                    f"menghasilkan sidik jarinya {shown(assessment.fingerprint[:12])}… (data final diubah).",
                    f"{where.en}: its answers, evidence or agency as finalized no longer give its "
                    f"fingerprint {shown(assessment.fingerprint[:12])}… (finalized data was changed).",
                )
            )
        return problems

    def require(
        self,
        assessment: Assessment,
        consequence: LocalText,
        *,
        files: bool = True,
        answers: Mapping[str, Answer] | None = None,
    ) -> None:
        """Refuse (StorageError: what is not done, and every problem) to use a finalized
        assessment whose stored data no longer matches what was finalized."""
        problems = self.assessment(assessment, files=files, answers=answers)
        if problems:
            raise StorageError(
                t(
                    "Data final tidak lagi cocok dengan saat finalisasi (berkas diubah di luar "
                    f"aplikasi). {consequence.id} " + " ".join(p.id for p in problems),
                    "The finalized data no longer matches its finalization (the file was changed "
                    f"outside the program). {consequence.get('en')} "
                    + " ".join(p.get("en") for p in problems),
                ),
                field="fingerprint",
            )

    def everything(self) -> list[LocalText]:
        """Every stored catalogue and file, used by an assessment or not."""
        problems = []
        for (catalogue_id,) in self.db.execute("SELECT id FROM catalogues ORDER BY id").fetchall():
            problems += self.catalogue(catalogue_id)
        for (sha,) in self.db.execute("SELECT sha256 FROM attachments ORDER BY sha256").fetchall():
            if self.file(sha) == DAMAGED:
                problems.append(
                    t(
                        f"Lampiran {shown(sha[:12])}…: isinya tidak lagi cocok dengan SHA-256-nya.",
                        f"Attachment {shown(sha[:12])}…: its content no longer matches its SHA-256.",
                    )
                )
        return problems
