"""The coordinator's imports: one verified package written in one transaction, or nothing.

The exchange layer verifies the package file first (exchange/package.py); here
the decisions that need the database are made inside the transaction that
writes: a package made by this very file, a draft, the same assessment again,
a conflicting one, an agency signing with a new key (trust on first use), a
framework this file lacks. Whatever the outcome, one row goes to the import
log, which lists every package ever tried; a refused package changes nothing
else.
"""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from kotacerdas_desktop.domain.answer_schema import answer_record
from kotacerdas_desktop.domain.errors import KotaCerdasError, ValidationError
from kotacerdas_desktop.domain.fingerprint import fingerprint
from kotacerdas_desktop.domain.identity import key_fingerprint
from kotacerdas_desktop.domain.model import STATUS_FINALIZED, Assessment
from kotacerdas_desktop.domain.package import (
    ALREADY,
    IMPORTED,
    NEEDS_CATALOGUE,
    NEEDS_KEY,
    REFUSED,
    SUPERSEDED,
    ImportOutcome,
    PackageFile,
)
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store.assessments import Assessments, write_answer
from kotacerdas_desktop.store.attachments import keep_attachment
from kotacerdas_desktop.store.clock import current_user, now
from kotacerdas_desktop.store.evidence import insert_evidence
from kotacerdas_desktop.store.installation import Installation
from kotacerdas_desktop.store.lifecycle import Lifecycle


class Refused(ValidationError):
    """Raised inside the import transaction: everything written so far rolls back."""

    def __init__(self, message: LocalText, needs: str | None = None) -> None:
        super().__init__(message, field="package")
        self.needs = needs


class Imports:
    def __init__(self, db: Database, assessments: Assessments, lifecycle: Lifecycle) -> None:
        self.db = db
        self.assessments = assessments
        self.lifecycle = lifecycle

    def add(
        self,
        package: PackageFile,
        *,
        accept_new_key: bool = False,
        import_catalogue: bool = False,
        actor: str | None = None,
    ) -> ImportOutcome:
        """Import one verified package; the outcome says what happened (and is logged)."""
        actor = actor or current_user()
        c = package.contents
        base = ImportOutcome(
            package.file_name,
            REFUSED,
            agency_code=c.agency.code,
            year=c.assessment.year,
            revision=c.assessment.revision,
        )
        try:
            with self.db.atomic():
                outcome = self._add(package, base, accept_new_key, import_catalogue, actor)
        except Refused as exc:
            outcome = replace(base, reason=exc.message, needs=exc.needs)
        except KotaCerdasError as exc:
            outcome = replace(base, reason=exc.message)
        self.log(package.file_name, package.sha256, outcome, actor, c.assessment.uuid)
        return outcome

    def refused_file(
        self, file_name: str, sha256: str, reason: LocalText, actor: str | None = None
    ) -> ImportOutcome:
        """Log a file the exchange layer refused before it could be read as a package."""
        outcome = ImportOutcome(file_name, REFUSED, reason)
        self.log(file_name, sha256, outcome, actor or current_user(), "")
        return outcome

    def log(
        self, file_name: str, sha256: str, outcome: ImportOutcome, actor: str, uuid: str
    ) -> None:
        with self.db.atomic():
            self.db["import_log"].insert(
                {
                    "at": now(),
                    "actor": actor,
                    "file_name": file_name,
                    "package_sha256": sha256,
                    "outcome": outcome.outcome,
                    "reason": outcome.reason.id if outcome.reason else "",
                    "reason_en": outcome.reason.en if outcome.reason else "",
                    "agency_code": outcome.agency_code,
                    "year": outcome.year,
                    "revision": outcome.revision,
                    "assessment_uuid": uuid,
                }
            )

    def history(self) -> list[dict]:
        """Every package ever tried here, newest first."""
        return list(self.db.query("SELECT * FROM import_log ORDER BY id DESC"))

    def is_imported(self, assessment_id: int) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM imported WHERE assessment_id = ?", [assessment_id]
            ).fetchone()
            is not None
        )

    def signer_key(self, assessment_id: int) -> bytes | None:
        """The key an imported assessment's package was signed with (None for local ones)."""
        row = self.db.execute(
            "SELECT signer_key FROM imported WHERE assessment_id = ?", [assessment_id]
        ).fetchone()
        return bytes(row[0]) if row else None

    # The decisions, inside the transaction --------------------------------------------

    def _add(
        self,
        package: PackageFile,
        base: ImportOutcome,
        accept_new_key: bool,
        import_catalogue: bool,
        actor: str,
    ) -> ImportOutcome:
        c = package.contents
        a = c.assessment
        if c.installation == Installation(self.db).id:
            raise Refused(
                t(
                    "paket ini dibuat oleh basis data ini sendiri",
                    "this package was made by this very database",
                )
            )
        if not a.is_finalized:
            raise Refused(
                t(
                    "paket draf: cadangan pekerjaan yang belum final, tidak dihitung koordinator",
                    "a draft package: a backup of unfinished work, never counted by the coordinator",
                )
            )
        same = self.db.execute(
            "SELECT id, fingerprint FROM assessments WHERE uuid = ?", [a.uuid]
        ).fetchone()
        if same is not None:
            if same[1] == a.fingerprint:
                return replace(base, outcome=ALREADY, assessment_id=same[0])
            raise Refused(
                t(
                    "penilaian yang sama sudah ada dengan isi berbeda",
                    "the same assessment is stored already with other content",
                )
            )
        clash = self.assessments.list(c.agency.code, a.year)
        if any(x.revision == a.revision for x in clash):
            raise Refused(
                t(
                    f"OPD {c.agency.code} tahun {a.year} revisi {a.revision} sudah ada di sini dengan isi lain",
                    f"agency {c.agency.code} {a.year} revision {a.revision} is stored here already with other content",
                )
            )
        self._trust(c.agency.code, c.public_key, accept_new_key, actor)
        catalogue_id = self._catalogue(package, import_catalogue)
        if self.assessments.agencies.find(c.agency.code) is None:
            self.assessments.agencies.add(replace(c.agency, signatories=dict(c.agency.signatories)))
        new_id = self._write(package, catalogue_id, clash, actor)
        older = [x for x in clash if x.is_finalized and x.revision < a.revision]
        newest = all(x.revision < a.revision for x in clash)
        outcome = SUPERSEDED if older and newest else IMPORTED
        return replace(base, outcome=outcome, assessment_id=new_id)

    def _trust(self, agency_code: str, key: bytes, accept_new_key: bool, actor: str) -> None:
        row = self.db.execute(
            "SELECT public_key FROM trusted_keys WHERE agency_code = ?", [agency_code]
        ).fetchone()
        if row is not None and bytes(row[0]) == key:
            return
        if row is not None and not accept_new_key:
            raise Refused(
                t(
                    f"PERINGATAN: paket OPD {agency_code} ditandatangani kunci lain ({key_fingerprint(key)}) "
                    f"daripada paket sebelumnya ({key_fingerprint(bytes(row[0]))}). Cocokkan sidik jari kunci "
                    "dengan lembar evaluasi bertanda tangan OPD itu sebelum menerimanya.",
                    f"WARNING: the package of agency {agency_code} is signed by another key ({key_fingerprint(key)}) "
                    f"than its earlier packages ({key_fingerprint(bytes(row[0]))}). Compare the key fingerprint "
                    "with that agency's signed evaluation sheet before accepting it.",
                ),
                needs=NEEDS_KEY,
            )
        self.db["trusted_keys"].upsert(
            {
                "agency_code": agency_code,
                "public_key": key,
                "trusted_at": now(),
                "trusted_by": actor,
            },
            pk="agency_code",
        )

    def _catalogue(self, package: PackageFile, import_catalogue: bool) -> int:
        c = package.contents
        stored = self.assessments.catalogues.find(c.catalogue_code, c.catalogue_version)
        if stored is not None and stored.sha256 != c.catalogue_sha256:
            raise Refused(
                t(
                    f"kerangka {c.catalogue_code} versi {c.catalogue_version} di sini berbeda isinya dengan yang dipakai OPD",
                    f"framework {c.catalogue_code} version {c.catalogue_version} here differs from the one the agency used",
                )
            )
        if stored is not None:
            return stored.id
        if not import_catalogue:
            raise Refused(
                t(
                    f"kerangka {c.catalogue_code} versi {c.catalogue_version} belum ada di basis data ini; "
                    "paket membawanya dan dapat diimpor bersama paket",
                    f"framework {c.catalogue_code} version {c.catalogue_version} is not in this database; "
                    "the package carries it and it can be imported with the package",
                ),
                needs=NEEDS_CATALOGUE,
            )
        return self.assessments.catalogues.import_text(
            c.catalogue_text, f"{c.catalogue_code} {c.catalogue_version}"
        ).id

    def _write(
        self, package: PackageFile, catalogue_id: int, same_year: list[Assessment], actor: str
    ) -> int:
        c = package.contents
        a = c.assessment
        lower = [x for x in same_year if x.revision < a.revision]
        new_id = int(
            self.db["assessments"]
            .insert(
                {
                    "agency_code": c.agency.code,
                    "year": a.year,
                    "catalogue_id": catalogue_id,
                    "revision": a.revision,
                    "previous_id": max(lower, key=lambda x: x.revision).id if lower else None,
                    "created_at": a.created_at,
                    "scoring_rules": a.scoring_rules,
                    "uuid": a.uuid,
                }
            )
            .last_pk
        )
        for sha, content in c.attachments.items():
            keep_attachment(self.db, sha, content)
        for code, answer in c.answers.items():
            write_answer(self.db, new_id, code, answer_record(answer))
            for position, evidence in enumerate(answer.evidence):
                insert_evidence(self.db, new_id, code, position, evidence)
        self.db["assessments"].update(
            new_id,
            {
                "status": STATUS_FINALIZED,
                "fingerprint": a.fingerprint,
                "agency_snapshot": a.agency_snapshot,
                "finalized_at": a.finalized_at,
                "document_number": a.document_number,
                "override_note": a.override_note,
            },
        )
        stored = self.assessments.get(new_id)
        if fingerprint(self.lifecycle.canonical(stored)) != a.fingerprint:
            raise Refused(
                t(
                    "data yang tersimpan tidak menghasilkan sidik jari paket",
                    "the stored data does not give the package's fingerprint",
                )
            )
        self.db["imported"].insert(
            {
                "assessment_id": new_id,
                "file_name": package.file_name,
                "package_sha256": package.sha256,
                "signer_key": c.public_key,
                "installation": c.installation,
                "agency_uuid": c.agency.uuid,
                "imported_at": now(),
                "imported_by": actor,
            }
        )
        return new_id
