"""Assessments and their answers: create, answer, read, score.

Every business operation is one ``db.atomic()`` block, which begins
IMMEDIATE (store/database.py): the checks that decide a write (the lock
state, the old values for the audit trail) run inside the transaction that
makes it. Writes to a finalized assessment are refused here with a clear
message and, as a backstop, by triggers in the file itself (schema v3).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

from kotacerdas_desktop.domain.answer_schema import (
    ANSWER_FIELDS,
    ANSWER_NAMES,
    EDITED_ANSWER_NAMES,
    EVIDENCE_NAMES,
    Field,
    answer_reader,
    answer_record,
    evidence_from_row,
)
from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.errors import LockedError, NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import (
    RULES_CURRENT,
    STATUS_DRAFT,
    Answer,
    Assessment,
)
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_answer, check_year
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.agencies import Agencies
from kotacerdas_desktop.store.catalogues import Catalogues
from kotacerdas_desktop.store.clock import new_uuid, now

DEFAULT_FRAMEWORK = "SMARTCITY"
IDS_PER_QUERY = 500  # SQLite allows 999 parameters in a statement on older builds
LOCK_MESSAGE = "finalized assessment is locked"


def locked_error(assessment: Assessment) -> LockedError:
    return LockedError(
        t(
            f"Penilaian #{assessment.id} ({assessment.agency_code} {assessment.year}, revisi {assessment.revision}) "
            "sudah difinalisasi dan dikunci; buka sebagai revisi baru untuk mengubahnya.",
            f"Assessment #{assessment.id} ({assessment.agency_code} {assessment.year}, revision {assessment.revision}) "
            "is finalized and locked; reopen it as a new revision to change it.",
        ),
        field="status",
    )


def write_answer(db: Database, assessment_id: int, indicator_code: str, record: dict) -> None:
    """Insert or replace one answer's row from a record of every answer field (answer_schema)."""
    columns = ", ".join(ANSWER_NAMES)
    values = ", ".join(f":{name}" for name in ANSWER_NAMES)
    updates = ", ".join(f"{name} = excluded.{name}" for name in ANSWER_NAMES)
    db.execute(
        f"INSERT INTO answers (assessment_id, indicator_code, {columns}) "
        f"VALUES (:assessment_id, :indicator_code, {values}) "
        f"ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET {updates}",
        {"assessment_id": assessment_id, "indicator_code": indicator_code, **record},
    )


def copy_answers(db: Database, source_id: int, target_id: int) -> None:
    """Copy every answer and evidence row of one assessment into another (a new revision)."""
    answer_columns = ", ".join(ANSWER_NAMES)
    db.execute(
        f"INSERT INTO answers (assessment_id, indicator_code, {answer_columns}) "
        f"SELECT ?, indicator_code, {answer_columns} FROM answers WHERE assessment_id = ?",
        [target_id, source_id],
    )
    evidence_columns = ", ".join(EVIDENCE_NAMES)
    db.execute(
        f"INSERT INTO evidence (assessment_id, indicator_code, position, {evidence_columns}) "
        f"SELECT ?, indicator_code, position, {evidence_columns} FROM evidence WHERE assessment_id = ?",
        [target_id, source_id],
    )


@contextmanager
def lock_guard(assessment: Assessment) -> Iterator[None]:
    """Turn the file's own lock trigger into the same clear message as the check in Python."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        if LOCK_MESSAGE in str(exc):
            raise locked_error(assessment) from exc
        raise


def assessment_from_row(row: dict) -> Assessment:
    return Assessment(
        id=row["id"],
        agency_code=row["agency_code"],
        year=row["year"],
        catalogue_id=row["catalogue_id"],
        status=row["status"],
        revision=row["revision"],
        previous_id=row["previous_id"],
        document_number=row["document_number"],
        fingerprint=row["fingerprint"],
        created_at=row["created_at"],
        finalized_at=row["finalized_at"],
        override_note=row["override_note"],
        agency_snapshot=row["agency_snapshot"],
        scoring_rules=row["scoring_rules"],
        uuid=row["uuid"],
    )


class Assessments:
    def __init__(self, db: Database, catalogues: Catalogues, agencies: Agencies) -> None:
        self.db = db
        self.catalogues = catalogues
        self.agencies = agencies
        self._catalogue_cache: dict[int, Catalogue] = {}

    # Reading -------------------------------------------------------------

    def catalogue_of(self, assessment: Assessment) -> Catalogue:
        cached = self._catalogue_cache.get(assessment.catalogue_id)
        if cached is None:
            cached = self._catalogue_cache[assessment.catalogue_id] = self.catalogues.load(
                assessment.catalogue_id
            )
        return cached

    def get(self, assessment_id: int | str) -> Assessment:
        rows = list(self.db.query("SELECT * FROM assessments WHERE id = ?", [str(assessment_id)]))
        if not rows:
            raise NotFoundError(
                t(
                    f"Penilaian #{assessment_id} tidak ditemukan.",
                    f"Assessment #{assessment_id} not found.",
                ),
                field="assessment",
            )
        return assessment_from_row(rows[0])

    def list(self, agency_code: str | None = None, year: int | None = None) -> list[Assessment]:
        sql, params = "SELECT * FROM assessments WHERE 1 = 1", []
        if agency_code:
            sql += " AND agency_code = ?"
            params.append(agency_code.upper())
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        return [
            assessment_from_row(r)
            for r in self.db.query(sql + " ORDER BY year DESC, agency_code, revision", params)
        ]

    def current(self, agency_code: str, year: int) -> Assessment | None:
        """The newest revision of an agency's assessment for a year."""
        rows = list(
            self.db.query(
                "SELECT * FROM assessments WHERE agency_code = ? AND year = ? ORDER BY revision DESC LIMIT 1",
                [agency_code.upper(), year],
            )
        )
        return assessment_from_row(rows[0]) if rows else None

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        return self.answers_of([assessment_id])[assessment_id]

    def answers_of(
        self,
        assessment_ids: Sequence[int],
        *,
        evidence: bool = True,
        fields: Sequence[Field] = ANSWER_FIELDS,
    ) -> dict[int, dict[str, Answer]]:
        """The answers of several assessments by assessment id, in two queries however many
        there are. ``evidence`` False leaves every evidence list empty: the city's figures
        and lists never show evidence, and reading it would double the time. ``fields``
        (of answer_schema.ANSWER_FIELDS) are the answer fields read; every other field keeps
        its default (an empty text, False): the city reads CITY_ANSWER_FIELDS only, without
        the long justifications."""
        read = answer_reader(fields)
        columns = ", ".join(f.name for f in fields)
        found: dict[int, dict[str, Answer]] = {i: {} for i in assessment_ids}
        for start in range(0, len(assessment_ids), IDS_PER_QUERY):
            chunk = list(assessment_ids[start : start + IDS_PER_QUERY])
            marks = ", ".join("?" * len(chunk))
            for assessment_id, code, *values in self.db.execute(
                f"SELECT assessment_id, indicator_code, {columns} FROM answers "
                f"WHERE assessment_id IN ({marks})",
                chunk,
            ):
                found[assessment_id][code] = read(code, values)
            if not evidence:
                continue
            for row in self.db.query(
                f"SELECT * FROM evidence WHERE assessment_id IN ({marks}) "
                "ORDER BY assessment_id, indicator_code, position, id",
                chunk,
            ):
                code = row["indicator_code"]
                answer = found[row["assessment_id"]].setdefault(code, Answer(code))
                answer.evidence.append(evidence_from_row(row, row["id"]))
        return found

    def answer(self, assessment_id: int, indicator_code: str) -> Answer:
        return self.answers(assessment_id).get(indicator_code) or Answer(indicator_code)

    def scores(self, assessment_id: int) -> ScoreReport:
        return self.score_of(self.get(assessment_id))

    def score_of(
        self, assessment: Assessment, answers: dict[str, Answer] | None = None
    ) -> ScoreReport:
        """The figures of an assessment under the rules it follows; pass the answers when read."""
        return score(
            self.catalogue_of(assessment),
            self.answers(assessment.id) if answers is None else answers,
            rules=assessment.scoring_rules,
            final=assessment.is_finalized,
        )

    # Writing -------------------------------------------------------------

    def new(
        self,
        agency_code: str,
        year: int | str,
        framework: str | None = None,
        version: str | None = None,
    ) -> Assessment:
        """Start revision 1 of an agency's assessment for a year against the newest catalogue
        (or the given version of it: the demo's last year was answered on an older one)."""
        year = check_year(year)
        with self.db.atomic():
            agency = self.agencies.get(agency_code)
            stored = self.catalogues.require(framework or DEFAULT_FRAMEWORK, version)
            if self.current(agency.code, year) is not None:
                raise ValidationError(
                    t(
                        f"OPD {agency.code} sudah punya penilaian tahun {year}.",
                        f"Agency {agency.code} already has an assessment for {year}.",
                    ),
                    field="year",
                )
            new_id = self.insert_draft(agency.code, year, stored.id)
        return self.get(new_id)

    def insert_draft(
        self,
        agency_code: str,
        year: int,
        catalogue_id: int,
        revision: int = 1,
        previous_id: int | None = None,
    ) -> int:
        """Insert a draft assessment row (inside the caller's transaction); returns its id."""
        return int(
            self.db["assessments"]
            .insert(
                {
                    "agency_code": agency_code,
                    "year": year,
                    "catalogue_id": catalogue_id,
                    "status": STATUS_DRAFT,
                    "revision": revision,
                    "previous_id": previous_id,
                    "created_at": now(),
                    "scoring_rules": RULES_CURRENT,
                    "uuid": new_uuid(),
                }
            )
            .last_pk
        )

    def editable(self, assessment_id: int) -> Assessment:
        """The assessment, or LockedError when it is finalized."""
        assessment = self.get(assessment_id)
        if assessment.is_finalized:
            raise locked_error(assessment)
        return assessment

    def save_answer(self, assessment_id: int, answer: Answer, actor: str | None = None) -> Answer:
        """Store an answer's fields (not its evidence) and record each changed field in the audit trail."""
        with self.db.atomic():
            assessment = self.editable(assessment_id)
            check_answer(self.catalogue_of(assessment), answer)
            actor = actor or audit.actor(self.db)
            old = self.db.execute(
                f"SELECT {', '.join(EDITED_ANSWER_NAMES)} FROM answers "
                "WHERE assessment_id = ? AND indicator_code = ?",
                [assessment_id, answer.indicator_code],
            ).fetchone()
            record = answer_record(answer)
            if not answer.not_applicable:
                record["na_reason"] = ""  # a reason only belongs to "not applicable"
            # a first save is recorded against an empty answer: only what was filled in
            empty = answer_record(Answer(answer.indicator_code))
            old_values = dict(zip(EDITED_ANSWER_NAMES, old, strict=True)) if old else empty
            changes = {
                k: (old_values[k], record[k])
                for k in EDITED_ANSWER_NAMES
                if old_values[k] != record[k]
            }
            if not changes:
                return answer
            record |= {"changed_by": actor, "changed_at": now()}
            with lock_guard(assessment):
                write_answer(self.db, assessment_id, answer.indicator_code, record)
            audit.record(
                self.db,
                actor=actor,
                assessment_id=assessment_id,
                entity="answer",
                key=answer.indicator_code,
                changes=changes,
            )
        answer.changed_by, answer.changed_at = record["changed_by"], record["changed_at"]
        return answer
