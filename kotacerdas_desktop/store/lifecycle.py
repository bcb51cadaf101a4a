"""Finalize (lock and fingerprint), reopen as a new revision, and find an assessment by fingerprint.

Life of an assessment: draft -> finalized (immutable; the sheet is printed
and signed) -> optionally reopened as revision N+1, a draft copy; the old
revision stays, still prints, and keeps its fingerprint.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from kotacerdas_desktop.domain.agency_snapshot import (
    agency_from_snapshot,
    snapshot_json,
    snapshot_logo_sha256,
)
from kotacerdas_desktop.domain.document_number import next_serial, pattern_of
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.fingerprint import canonical_data, canonical_version, fingerprint
from kotacerdas_desktop.domain.model import (
    STATUS_DRAFT,
    STATUS_FINALIZED,
    Agency,
    Answer,
    Assessment,
)
from kotacerdas_desktop.domain.nip import check_nip
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.assessments import Assessments, copy_answers
from kotacerdas_desktop.store.attachments import keep_attachment
from kotacerdas_desktop.store.clock import now
from kotacerdas_desktop.store.integrity import Integrity
from kotacerdas_desktop.store.settings import Settings

_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
SHORT_FINGERPRINT = 12  # the characters of the fingerprint every page footer prints
_PREFIX = re.compile(rf"[0-9a-f]{{{SHORT_FINGERPRINT},63}}")


@dataclass(frozen=True)
class Verification:
    """What a printed sheet's fingerprint matches: the assessment, its agency as finalized,
    a newer revision if one exists, and what of the stored data no longer matches it (the
    catalogue's text, the files, the data the fingerprint is made from)."""

    assessment: Assessment
    agency: Agency
    newer: Assessment | None
    problems: tuple[LocalText, ...] = ()

    @property
    def intact(self) -> bool:
        return not self.problems


class Lifecycle:
    def __init__(self, db: Database, assessments: Assessments) -> None:
        self.db = db
        self.assessments = assessments

    def agency_of(self, assessment: Assessment) -> Agency:
        """The agency as the sheet states it: the finalize-time snapshot, else the agency as it is now."""
        if not assessment.agency_snapshot:
            return self.assessments.agencies.get(assessment.agency_code)
        sha = snapshot_logo_sha256(assessment.agency_snapshot)
        row = (
            self.db.execute("SELECT content FROM attachments WHERE sha256 = ?", [sha]).fetchone()
            if sha
            else None
        )
        return agency_from_snapshot(assessment.agency_snapshot, row[0] if row else None)

    def canonical(
        self, assessment: Assessment, answers: Mapping[str, Answer] | None = None
    ) -> dict:
        """The data the fingerprint is computed from (domain/fingerprint.py documents it);
        pass the answers when the caller has read them already."""
        info = self.assessments.catalogues.info(assessment.catalogue_id)
        return canonical_data(
            assessment,
            self.agency_of(assessment),
            info.code,
            info.version,
            info.sha256,
            self.assessments.answers(assessment.id) if answers is None else answers,
            version=canonical_version(assessment),
        )

    def _snapshot(self, agency_code: str) -> str:
        """The agency's snapshot JSON; its logo goes into the attachments table by hash."""
        agency = self.assessments.agencies.get(agency_code)
        city = agency.city.strip() or Settings(self.db).get("city_name").strip()
        sha = ""
        if agency.logo:
            sha = hashlib.sha256(agency.logo).hexdigest()
            keep_attachment(self.db, sha, agency.logo)
        return snapshot_json(agency, city, sha)

    def check_signatories(self, agency_code: str) -> None:
        agency = self.assessments.agencies.get(agency_code)
        head = agency.head
        if head is None or not head.name.strip() or not head.nip.strip():
            raise ValidationError(
                t(
                    f"Nama dan NIP Kepala OPD {agency.code} wajib diisi sebelum finalisasi.",
                    f"The name and NIP of the head of agency {agency.code} are required before finalizing.",
                ),
                field="signatories",
            )
        for signatory in agency.signatories.values():
            if signatory.name.strip() or signatory.nip.strip():
                check_nip(signatory.nip)

    def finalize(
        self,
        assessment_id: int,
        override_reason: str = "",
        document_number: str = "",
        actor: str | None = None,
    ) -> Assessment:
        """Lock a complete assessment (or an incomplete one with a recorded reason) and fingerprint it.

        The lock state, completeness and signatories are checked inside the
        transaction that locks it, so an answer saved meanwhile by another
        program is either in the fingerprint or refused."""
        with self.db.atomic():
            assessment = self.assessments.editable(assessment_id)
            report = self.assessments.scores(assessment_id)
            override_note = ""
            if report.missing:
                if not override_reason.strip():
                    shown = ", ".join(report.missing[:5]) + (
                        " ..." if len(report.missing) > 5 else ""
                    )
                    raise ValidationError(
                        t(
                            f"Penilaian belum lengkap: {len(report.missing)} indikator belum dijawab ({shown}). "
                            "Lengkapi dulu, atau finalisasi dengan alasan tertulis.",
                            f"The assessment is incomplete: {len(report.missing)} indicator(s) unanswered ({shown}). "
                            "Complete it first, or finalize with a written reason.",
                        ),
                        field="completeness",
                    )
                override_note = (
                    f"{override_reason.strip()} [belum dijawab: {', '.join(report.missing)}]"
                )
            self.check_signatories(assessment.agency_code)
            finalized_at = now()
            assessment.document_number = self._document_number(
                assessment, document_number, year=int(finalized_at[:4])
            )
            assessment.agency_snapshot = self._snapshot(assessment.agency_code)
            digest = fingerprint(self.canonical(assessment))
            self.db["assessments"].update(
                assessment.id,
                {
                    "status": STATUS_FINALIZED,
                    "fingerprint": digest,
                    "agency_snapshot": assessment.agency_snapshot,
                    "finalized_at": finalized_at,
                    "document_number": assessment.document_number,
                    "override_note": override_note,
                },
            )
            audit.record(
                self.db,
                actor=actor or audit.actor(self.db),
                assessment_id=assessment.id,
                entity="assessment",
                key=str(assessment.id),
                changes={"status": (STATUS_DRAFT, STATUS_FINALIZED), "fingerprint": (None, digest)},
            )
        return self.assessments.get(assessment.id)

    def proposed_document_number(self, assessment_id: int) -> str:
        """The number finalizing today gives when none is typed: the agency's pattern with the
        next serial of its sheets issued this year."""
        return self._proposed(self.assessments.get(assessment_id), year=int(now()[:4]))

    def _proposed(self, assessment: Assessment, year: int) -> str:
        pattern = pattern_of(self.assessments.agencies.get(assessment.agency_code))
        issued = self.db.execute(
            "SELECT document_number FROM assessments WHERE agency_code = ? AND status = ?",
            [assessment.agency_code, STATUS_FINALIZED],
        ).fetchall()
        return pattern.format(next_serial((row[0] for row in issued), year), year)

    def _document_number(self, assessment: Assessment, typed: str, year: int) -> str:
        """The typed number checked against the agency's pattern (or the proposed one when none is
        typed); refused when another finalized sheet carries it already."""
        if typed.strip():
            pattern = pattern_of(self.assessments.agencies.get(assessment.agency_code))
            number = pattern.check(typed, year)
        else:
            number = self._proposed(assessment, year)
        holder = self.db.execute(
            "SELECT id, agency_code, year, revision FROM assessments "
            "WHERE document_number = ? AND status = ? AND id != ?",
            [number, STATUS_FINALIZED, assessment.id],
        ).fetchone()
        if holder is not None:
            raise ValidationError(
                t(
                    f"Nomor dokumen {number} sudah dipakai lembar penilaian #{holder[0]} ({holder[1]} "
                    f"{holder[2]}, revisi {holder[3]}); ketik nomor urut berikutnya dari buku agenda.",
                    f"Document number {number} is already used by the sheet of assessment #{holder[0]} "
                    f"({holder[1]} {holder[2]}, revision {holder[3]}); type the next serial from the "
                    "register.",
                ),
                field="document_number",
            )
        return number

    def reopen(self, assessment_id: int, actor: str | None = None) -> Assessment:
        """Copy a finalized assessment into revision N+1 (a draft); the original stays as it is."""
        with self.db.atomic():
            assessment = self.assessments.get(assessment_id)
            if not assessment.is_finalized:
                raise ValidationError(
                    t(
                        f"Penilaian #{assessment.id} masih draf; hanya penilaian final yang dibuka sebagai revisi.",
                        f"Assessment #{assessment.id} is still a draft; only a finalized one is reopened as a revision.",
                    ),
                    field="status",
                )
            if self.db.execute(
                "SELECT 1 FROM imported WHERE assessment_id = ?", [assessment.id]
            ).fetchone():
                raise ValidationError(
                    t(
                        f"Penilaian #{assessment.id} diimpor dari paket OPD {assessment.agency_code}; "
                        "hanya OPD itu yang dapat membuat revisinya.",
                        f"Assessment #{assessment.id} was imported from a package of agency "
                        f"{assessment.agency_code}; only that agency can make a revision of it.",
                    ),
                    field="status",
                )
            latest = self.assessments.current(assessment.agency_code, assessment.year)
            if latest is not None and latest.id != assessment.id:
                raise ValidationError(
                    t(
                        f"Sudah ada revisi yang lebih baru (#{latest.id}, revisi {latest.revision}).",
                        f"A newer revision exists already (#{latest.id}, revision {latest.revision}).",
                    ),
                    field="revision",
                )
            new_id = self.assessments.insert_draft(
                assessment.agency_code,
                assessment.year,
                assessment.catalogue_id,
                revision=assessment.revision + 1,
                previous_id=assessment.id,
            )
            copy_answers(self.db, assessment.id, new_id)
            audit.record(
                self.db,
                actor=actor or audit.actor(self.db),
                assessment_id=new_id,
                entity="assessment",
                key=str(new_id),
                changes={"reopened_from": (None, assessment.id)},
            )
        return self.assessments.get(new_id)

    def find_by_fingerprint(self, text: str) -> Assessment | None:
        """The finalized assessment whose fingerprint is in the text: the whole fingerprint, the QR
        code's text, or the start of it printed in every page footer (12 characters or more) when
        only one assessment's fingerprint starts so; several are listed in the error."""
        cleaned = text.strip().lower()
        match = _FINGERPRINT.search(cleaned)
        if match is not None:
            return self._finalized_where("fingerprint = ?", match.group(0))
        prefix = "".join(cleaned.split())
        if not _PREFIX.fullmatch(prefix):
            raise ValidationError(
                t(
                    "Sidik jari harus berupa 64 karakter heksadesimal (0-9, a-f), atau sedikitnya "
                    f"{SHORT_FINGERPRINT} karakter pertamanya seperti tercetak di kaki halaman.",
                    "A fingerprint is 64 hexadecimal characters (0-9, a-f), or at least its first "
                    f"{SHORT_FINGERPRINT} as printed in the page footer.",
                ),
                field="fingerprint",
            )
        return self._finalized_where("substr(fingerprint, 1, ?) = ?", len(prefix), prefix)

    def _finalized_where(self, condition: str, *values: object) -> Assessment | None:
        rows = [
            self.assessments.get(row["id"])
            for row in self.db.query(
                f"SELECT id FROM assessments WHERE status = 'finalized' AND {condition} ORDER BY id",
                list(values),
            )
        ]
        if len(rows) > 1:
            listed = "; ".join(
                f"#{a.id} {a.agency_code} {a.year} r{a.revision} ({a.fingerprint[:20]}…)"
                for a in rows
            )
            raise ValidationError(
                t(
                    f"Awal sidik jari ini cocok dengan {len(rows)} penilaian final: {listed}. "
                    "Ketik lebih banyak karakter, atau seluruh sidik jari dari kotak verifikasi.",
                    f"This start of a fingerprint matches {len(rows)} finalized assessments: "
                    f"{listed}. Type more characters, or the whole fingerprint from the "
                    "verification box.",
                ),
                field="fingerprint",
            )
        return rows[0] if rows else None

    def verify(self, text: str) -> Verification | None:
        """Match a typed fingerprint or QR text with a finalized assessment (None when nothing matches)."""
        assessment = self.find_by_fingerprint(text)
        if assessment is None:
            return None
        current = self.assessments.current(assessment.agency_code, assessment.year)
        return Verification(
            assessment=assessment,
            agency=self.agency_of(assessment),
            newer=current if current is not None and current.id != assessment.id else None,
            problems=tuple(Integrity(self).assessment(assessment)),
        )
