"""Assessments and their answers: create, answer, read, score.

Every business operation is one ``db.atomic()`` block, which begins
IMMEDIATE (store/database.py): the checks that decide a write (the lock
state, the old values for the audit trail) run inside the transaction that
makes it. Writes to a finalized assessment are refused here with a clear
message and, as a backstop, by triggers in the file itself (schema v3).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.errors import LockedError, NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import STATUS_DRAFT, Answer, Assessment, Evidence
from kotacerdas_desktop.domain.scoring import ScoreReport, score
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_answer, check_year
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.agencies import Agencies
from kotacerdas_desktop.store.catalogues import Catalogues
from kotacerdas_desktop.store.clock import now

DEFAULT_FRAMEWORK = "SMARTCITY"
ANSWER_FIELDS = (
    "level",
    "not_applicable",
    "na_reason",
    "justification",
    "follow_up",
    "review_flag",
    "review_comment",
)
EMPTY_ANSWER: dict[str, object] = {
    "level": None,
    "not_applicable": 0,
    "na_reason": "",
    "justification": "",
    "follow_up": "",
    "review_flag": 0,
    "review_comment": "",
}
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


@contextmanager
def lock_guard(assessment: Assessment) -> Iterator[None]:
    """Turn the file's own lock trigger into the same clear message as the check in Python."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        if LOCK_MESSAGE in str(exc):
            raise locked_error(assessment) from exc
        raise


def _assessment(row: dict) -> Assessment:
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
        return _assessment(rows[0])

    def list(self, agency_code: str | None = None, year: int | None = None) -> list[Assessment]:
        sql, params = "SELECT * FROM assessments WHERE 1 = 1", []
        if agency_code:
            sql += " AND agency_code = ?"
            params.append(agency_code.upper())
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        return [
            _assessment(r)
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
        return _assessment(rows[0]) if rows else None

    def answers(self, assessment_id: int) -> dict[str, Answer]:
        answers: dict[str, Answer] = {}
        for row in self.db.query("SELECT * FROM answers WHERE assessment_id = ?", [assessment_id]):
            answers[row["indicator_code"]] = Answer(
                indicator_code=row["indicator_code"],
                level=row["level"],
                not_applicable=bool(row["not_applicable"]),
                na_reason=row["na_reason"],
                justification=row["justification"],
                follow_up=row["follow_up"],
                review_flag=bool(row["review_flag"]),
                review_comment=row["review_comment"],
                changed_by=row["changed_by"],
                changed_at=row["changed_at"],
            )
        for row in self.db.query(
            "SELECT * FROM evidence WHERE assessment_id = ? ORDER BY indicator_code, position, id",
            [assessment_id],
        ):
            answer = answers.setdefault(row["indicator_code"], Answer(row["indicator_code"]))
            answer.evidence.append(
                Evidence(
                    title=row["title"],
                    number=row["number"],
                    date=row["date"],
                    file_name=row["file_name"],
                    sha256=row["sha256"] or "",
                    size=row["size"],
                    id=row["id"],
                )
            )
        return answers

    def answer(self, assessment_id: int, indicator_code: str) -> Answer:
        return self.answers(assessment_id).get(indicator_code) or Answer(indicator_code)

    def scores(self, assessment_id: int) -> ScoreReport:
        assessment = self.get(assessment_id)
        return score(self.catalogue_of(assessment), self.answers(assessment_id))

    # Writing -------------------------------------------------------------

    def new(self, agency_code: str, year: int | str, framework: str | None = None) -> Assessment:
        """Start revision 1 of an agency's assessment for a year against the newest catalogue."""
        year = check_year(year)
        with self.db.atomic():
            agency = self.agencies.get(agency_code)
            stored = self.catalogues.require(framework or DEFAULT_FRAMEWORK)
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
                f"SELECT {', '.join(ANSWER_FIELDS)} FROM answers WHERE assessment_id = ? AND indicator_code = ?",
                [assessment_id, answer.indicator_code],
            ).fetchone()
            new_values = {
                "level": answer.level,
                "not_applicable": int(answer.not_applicable),
                "na_reason": answer.na_reason if answer.not_applicable else "",
                "justification": answer.justification,
                "follow_up": answer.follow_up,
                "review_flag": int(answer.review_flag),
                "review_comment": answer.review_comment,
            }
            # a first save is recorded against an empty answer: only what was filled in
            old_values = dict(zip(ANSWER_FIELDS, old, strict=True)) if old else EMPTY_ANSWER
            changes = {k: (old_values[k], v) for k, v in new_values.items() if old_values[k] != v}
            if not changes:
                return answer
            stamp = now()
            with lock_guard(assessment):
                self.db.execute(
                    "INSERT INTO answers (assessment_id, indicator_code, level, not_applicable, na_reason, justification, "
                    "follow_up, review_flag, review_comment, changed_by, changed_at) "
                    "VALUES (:id, :code, :level, :not_applicable, :na_reason, :justification, :follow_up, :review_flag, "
                    ":review_comment, :actor, :at) "
                    "ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET level = excluded.level, "
                    "not_applicable = excluded.not_applicable, na_reason = excluded.na_reason, "
                    "justification = excluded.justification, follow_up = excluded.follow_up, "
                    "review_flag = excluded.review_flag, review_comment = excluded.review_comment, "
                    "changed_by = excluded.changed_by, changed_at = excluded.changed_at",
                    {
                        "id": assessment_id,
                        "code": answer.indicator_code,
                        "actor": actor,
                        "at": stamp,
                        **new_values,
                    },
                )
            audit.record(
                self.db,
                actor=actor,
                assessment_id=assessment_id,
                entity="answer",
                key=answer.indicator_code,
                changes=changes,
            )
        answer.changed_by, answer.changed_at = actor, stamp
        return answer
