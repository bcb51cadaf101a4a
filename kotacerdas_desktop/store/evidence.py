"""Evidence (bukti dukung) of answers, with attached files stored inside the database by SHA-256.

Keeping the files inside the one SQLite file keeps a backup of that file a
full backup; identical files are stored once, and a file is removed in the
transaction that removes the last evidence referring to it.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from kotacerdas_desktop.domain.answer_schema import EDITED_EVIDENCE_NAMES, EVIDENCE_NAMES
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import Evidence
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_evidence
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.assessments import Assessments, lock_guard
from kotacerdas_desktop.store.attachments import FileRead, keep_attachment, read_attachment
from kotacerdas_desktop.store.settings import Settings

DEFAULT_MAX_ATTACHMENT_MB = 20
MIN_ATTACHMENT_MB, MAX_ATTACHMENT_MB = 1, 500  # a packaged scan fits; a video does not


def insert_evidence(
    db: Database, assessment_id: int, indicator_code: str, position: int, evidence: Evidence
) -> int:
    """One evidence row from every evidence field (answer_schema); no file is stored as NULL."""
    row = {name: getattr(evidence, name) for name in EVIDENCE_NAMES}
    row |= {"sha256": evidence.sha256 or None}  # NULL: the attachments reference allows it
    row |= {"assessment_id": assessment_id, "indicator_code": indicator_code, "position": position}
    columns = ", ".join(row)
    values = ", ".join(f":{name}" for name in row)
    # Plain SQL: sqlite-utils' insert() reads the table's schema each time (0.4 ms a row).
    return int(db.execute(f"INSERT INTO evidence ({columns}) VALUES ({values})", row).lastrowid)


class EvidenceStore:
    def __init__(self, db: Database, assessments: Assessments, settings: Settings) -> None:
        self.db = db
        self.assessments = assessments
        self.settings = settings

    def set_limit_mb(self, megabytes: float) -> None:
        """The largest file that may be attached, from 1 to 500 MB (a setting of this file)."""
        if not MIN_ATTACHMENT_MB <= megabytes <= MAX_ATTACHMENT_MB:
            raise ValidationError(
                t(
                    f"Batas ukuran lampiran harus {MIN_ATTACHMENT_MB} sampai {MAX_ATTACHMENT_MB} MB.",
                    f"The attachment limit must be {MIN_ATTACHMENT_MB} to {MAX_ATTACHMENT_MB} MB.",
                ),
                "max_attachment_mb",
            )
        self.settings.set("max_attachment_mb", f"{megabytes:g}")

    @property
    def max_bytes(self) -> int:
        return int(
            float(self.settings.get("max_attachment_mb", str(DEFAULT_MAX_ATTACHMENT_MB)))
            * 1024
            * 1024
        )

    def read_file(self, path: Path) -> FileRead:
        """A file to attach, read once and hashed while read, within the size limit; or
        ValidationError (not a regular file, unreadable, too large) naming the file."""
        return read_attachment(Path(path), self.max_bytes)

    def add(
        self,
        assessment_id: int,
        indicator_code: str,
        evidence: Evidence,
        content: bytes | None = None,
        actor: str | None = None,
        sha256: str | None = None,
    ) -> Evidence:
        """Attach one piece of evidence (and its file, if any) to an answer; ``sha256`` is the
        content's hash when the caller has it (``read_file`` hashes while it reads)."""
        evidence = check_evidence(evidence)
        sha = ""
        if content is not None:
            sha = sha256 or hashlib.sha256(content).hexdigest()
        with self.db.atomic():
            if content is not None and len(content) > self.max_bytes:
                raise ValidationError(
                    t(
                        "Berkas melebihi batas ukuran lampiran.",
                        "The file exceeds the attachment size limit.",
                    ),
                    "file",
                )
            assessment = self.assessments.editable(assessment_id)
            if not self.assessments.catalogue_of(assessment).has_indicator(indicator_code):
                raise NotFoundError(
                    t(
                        f"Indikator {indicator_code} tidak dikenal.",
                        f"Unknown indicator {indicator_code}.",
                    ),
                    "indicator",
                )
            if content is not None:
                keep_attachment(self.db, sha, content)
            position = self.db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM evidence WHERE assessment_id = ? AND indicator_code = ?",
                [assessment_id, indicator_code],
            ).fetchone()[0]
            with lock_guard(assessment):
                new_id = insert_evidence(
                    self.db,
                    assessment_id,
                    indicator_code,
                    position,
                    replace(evidence, sha256=sha, size=len(content) if content is not None else 0),
                )
            audit.record(
                self.db,
                actor=actor or audit.actor(self.db),
                assessment_id=assessment_id,
                entity="evidence",
                key=indicator_code,
                changes={"added": (None, evidence.title)},
            )
        return replace(evidence, sha256=sha, size=len(content or b""), id=new_id)

    def add_file(
        self,
        assessment_id: int,
        indicator_code: str,
        path: Path,
        evidence: Evidence | None = None,
        actor: str | None = None,
    ) -> Evidence:
        """Read a file from disk and attach it; the title defaults to the file name."""
        path = Path(path)
        read = self.read_file(path)
        evidence = evidence or Evidence(title=path.stem)
        evidence.file_name = path.name
        return self.add(assessment_id, indicator_code, evidence, read.content, actor, read.sha256)

    def _row(self, evidence_id: int) -> dict:
        rows = list(self.db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
        if not rows:
            raise NotFoundError(
                t(
                    f"Bukti dukung #{evidence_id} tidak ada.",
                    f"Evidence #{evidence_id} does not exist.",
                )
            )
        return rows[0]

    def update(
        self,
        evidence_id: int,
        title: str,
        number: str,
        date: str,
        actor: str | None = None,
    ) -> Evidence:
        """Correct the title, number or date of stored evidence; its file stays as attached.

        A wrong title or date otherwise meant removing the evidence and attaching
        the file again; each changed field goes to the audit trail.
        """
        new = check_evidence(Evidence(title, number, date))
        with self.db.atomic():
            row = self._row(evidence_id)
            assessment = self.assessments.editable(row["assessment_id"])
            with lock_guard(assessment):
                self.db.execute(
                    "UPDATE evidence SET title = ?, number = ?, date = ? WHERE id = ?",
                    [new.title, new.number, new.date, evidence_id],
                )
            audit.record(
                self.db,
                actor=actor or audit.actor(self.db),
                assessment_id=assessment.id,
                entity="evidence",
                key=row["indicator_code"],
                changes={name: (row[name], getattr(new, name)) for name in EDITED_EVIDENCE_NAMES},
            )
        return Evidence(
            new.title,
            new.number,
            new.date,
            row["file_name"],
            row["sha256"] or "",
            row["size"],
            evidence_id,
        )

    def remove(self, evidence_id: int, actor: str | None = None) -> None:
        """Remove one piece of evidence, and its file when nothing refers to that file any more."""
        with self.db.atomic():
            row = self._row(evidence_id)
            assessment = self.assessments.editable(row["assessment_id"])
            with lock_guard(assessment):
                self.db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            if row["sha256"]:
                self._drop_unreferenced(row["sha256"])
            audit.record(
                self.db,
                actor=actor or audit.actor(self.db),
                assessment_id=assessment.id,
                entity="evidence",
                key=row["indicator_code"],
                changes={"removed": (row["title"], None)},
            )

    def _drop_unreferenced(self, sha256: str) -> None:
        """Delete an attachment no evidence and no finalized agency snapshot (its logo) refers to."""
        self.db.execute(
            "DELETE FROM attachments WHERE sha256 = :sha "
            "AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = :sha) "
            "AND NOT EXISTS (SELECT 1 FROM assessments WHERE agency_snapshot != '' "
            "AND json_extract(agency_snapshot, '$.logo_sha256') = :sha)",
            {"sha": sha256},
        )

    def content(self, sha256: str) -> bytes:
        row = self.db.execute(
            "SELECT content FROM attachments WHERE sha256 = ?", [sha256]
        ).fetchone()
        if row is None:
            raise NotFoundError(
                t("Berkas lampiran tidak ditemukan.", "Attachment not found."), "file"
            )
        return row[0]
