"""The coordinator's reading of the whole file: which assessments count for a year, and the
city picture made from them (domain/city.py holds the rules).

An agency counts with its newest finalized revision of the year, whether it was
filled in here or imported from a package; drafts never count. The city's
framework for a year is the one most counted agencies answered (ties: the
default framework), in the newest version any of them used; an agency on an
older version counts with its answers carried to the codes that continue them
(``replaces``, domain/previous.py), and an agency on another framework is
listed apart with the reason, never silently mixed in.

The picture reads every counted assessment's answers in one go, without their
evidence (no city figure or list shows it) and with only the answer fields the
city uses (no justifications): 60 agencies in two queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlite_utils import Database

from kotacerdas_desktop.domain.answer_schema import CITY_ANSWER_FIELDS, Field
from kotacerdas_desktop.domain.city import AgencyEntry, CityPicture, city_picture
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.previous import previous_answers
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store.assessments import (
    DEFAULT_FRAMEWORK,
    Assessments,
    assessment_from_row,
)


class City:
    def __init__(self, db: Database, assessments: Assessments) -> None:
        self.db = db
        self.assessments = assessments

    def years(self) -> list[int]:
        """Years with at least one finalized assessment, newest first."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT year FROM assessments WHERE status = 'finalized' ORDER BY year DESC"
            )
        ]

    def counted(self, year: int) -> list[Assessment]:
        """The newest finalized revision of every agency for the year."""
        rows = self.db.query(
            "SELECT a.* FROM assessments a WHERE a.year = ? AND a.status = 'finalized' "
            "AND a.revision = (SELECT max(b.revision) FROM assessments b WHERE b.agency_code = "
            "a.agency_code AND b.year = a.year AND b.status = 'finalized') ORDER BY a.agency_code",
            [year],
        )
        return [assessment_from_row(row) for row in rows]

    def _imported_ids(self) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT assessment_id FROM imported")}

    def picture(
        self, year: int, *, fields: Sequence[Field] = CITY_ANSWER_FIELDS
    ) -> CityPicture | None:
        """The city picture of a year; None when no agency has a finalized assessment for it.

        Its entries' answers hold only ``fields`` (answer_schema.CITY_ANSWER_FIELDS: what the
        city's figures, lists and follow-up register use); the other fields keep their
        defaults. tests/store/test_city.py reads every field too and compares what each user
        of the picture makes of both."""
        counted = self.counted(year)
        if not counted:
            return None
        catalogues = self.assessments.catalogues
        infos = {i: catalogues.info(i) for i in {a.catalogue_id for a in counted}}
        codes = Counter(infos[a.catalogue_id].code for a in counted)
        code = max(codes, key=lambda c: (codes[c], c == DEFAULT_FRAMEWORK))
        # The newest version of that framework any counted agency used (imported last).
        catalogue_id = max(a.catalogue_id for a in counted if infos[a.catalogue_id].code == code)
        chosen = infos[catalogue_id]
        catalogue = catalogues.load(catalogue_id)
        names = self.assessments.agencies.names()
        imported = self._imported_ids()
        on_framework = [a for a in counted if infos[a.catalogue_id].code == code]
        read = self.assessments.answers_of(
            [a.id for a in on_framework], evidence=False, fields=fields
        )
        entries, other = [], []
        for assessment in counted:
            info = infos[assessment.catalogue_id]
            name = names.get(assessment.agency_code, assessment.agency_code)
            if info.code != code:
                why = t(
                    f"dinilai dengan {info.code} {info.version}, bukan {chosen.code}",
                    f"assessed on {info.code} {info.version}, not {chosen.code}",
                )
                other.append((assessment.agency_code, name, str(why)))
                continue
            answers = read[assessment.id]
            entries.append(
                AgencyEntry(
                    agency_code=assessment.agency_code,
                    agency_name=name,
                    assessment_id=assessment.id,
                    revision=assessment.revision,
                    # An older version's answers count under the codes that continue them.
                    answers=answers
                    if assessment.catalogue_id == catalogue_id
                    else previous_answers(catalogue, answers),
                    report=self.assessments.score_of(assessment, answers),
                    imported=assessment.id in imported,
                )
            )
        sent = {a.agency_code for a in counted}
        missing = [(c, n) for c, n in sorted(names.items(), key=lambda i: i[1]) if c not in sent]
        return city_picture(year, catalogue, entries, missing, other)
