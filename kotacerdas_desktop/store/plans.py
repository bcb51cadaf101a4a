"""Accepting a plan's steps into the follow-up plans (rencana tindak lanjut) of the answers.

Accepting is an answer save: each step adds one line to its indicator's follow-up plan
(domain/plan_text.py writes the line), all of a plan in one IMMEDIATE transaction with
the checks that decide it inside (the lock, the drafts, the follow-up plans as they are
now), recorded in the audit trail like any edit under the operator's name (audit.actor).
Only a draft takes them: a finalized assessment is locked, so a plan on it is printed or
saved as a workbook instead.

A city plan's step goes to its agency's draft in this database: the agency's newest
revision of the plan's year when it is a draft (reopened to correct), else its draft of
the next year, the assessment the agency is working on now; a draft on a newer version of
the framework takes the step under the code that continues the indicator (``replaces``,
domain/previous.py). An agency with no draft here is listed as skipped: its steps travel
on the printed plan or the workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.model import Answer, Assessment
from kotacerdas_desktop.domain.plan_text import Assignment, follow_up_line, merged_follow_up
from kotacerdas_desktop.domain.previous import continuing_code
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.assessments import Assessments


@dataclass
class CityAcceptance:
    """Where a city plan's steps went: agency code -> the draft written, and the skipped."""

    written: dict[str, Assessment] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # agency codes with no draft here
    lines: int = 0


class Plans:
    def __init__(self, db: Database, assessments: Assessments) -> None:
        self.db = db
        self.assessments = assessments

    def accept(
        self, assessment_id: int, assignments: Sequence[Assignment], actor: str | None = None
    ) -> list[str]:
        """Add an agency plan's steps to the follow-up plans of one draft; LockedError on a
        finalized assessment. Returns the indicator codes whose plan changed."""
        with self.db.atomic():  # the lock is checked in the transaction that writes
            assessment = self.assessments.editable(assessment_id)
            catalogue = self.assessments.catalogue_of(assessment)
            lines = [
                (a.step.indicator_code, follow_up_line(catalogue, a.step, a.who, a.due))
                for a in assignments
            ]
            return self._append(assessment, lines, actor or audit.actor(self.db))

    def draft_for(self, agency_code: str, year: int) -> Assessment | None:
        """The draft a city step of ``year`` goes into (see the module's docstring)."""
        for candidate_year in (year, year + 1):
            assessment = self.assessments.current(agency_code, candidate_year)
            if assessment is not None and not assessment.is_finalized:
                return assessment
        return None

    def accept_city(
        self,
        year: int,
        catalogue: Catalogue,
        assignments: Sequence[Assignment],
        actor: str | None = None,
    ) -> CityAcceptance:
        """Add a city plan's steps to their agencies' drafts, all in one transaction."""
        result = CityAcceptance()
        by_agency: dict[str, list[Assignment]] = {}
        for assignment in assignments:
            by_agency.setdefault(assignment.step.owner, []).append(assignment)
        with self.db.atomic():  # which draft takes a step is decided inside it
            actor = actor or audit.actor(self.db)
            for agency_code, chosen in by_agency.items():
                draft = self.draft_for(agency_code, year)
                if draft is None:
                    result.skipped.append(agency_code)
                    continue
                known = self.assessments.catalogue_of(draft)
                lines = [
                    (code, follow_up_line(catalogue, a.step, a.who, a.due, year))
                    for a in chosen
                    if (code := continuing_code(known, a.step.indicator_code)) is not None
                ]
                self._append(draft, lines, actor)
                result.written[agency_code] = draft
                result.lines += len(lines)
        return result

    def _append(
        self, assessment: Assessment, lines: Sequence[tuple[str, str]], actor: str
    ) -> list[str]:
        answers = self.assessments.answers(assessment.id)
        changed = []
        for code, line in lines:
            answer = answers.get(code) or Answer(code)
            merged = merged_follow_up(answer.follow_up, line)
            if merged != answer.follow_up:
                answers[code] = replace(answer, follow_up=merged)
                self.assessments.save_answer(assessment.id, answers[code], actor)
                if code not in changed:
                    changed.append(code)
        return changed
