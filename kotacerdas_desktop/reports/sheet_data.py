"""Everything one evaluation sheet states, read from the store in one go.

The flowables are functions of this record alone, so the PDF can be built
off the GUI thread (SQLite connections stay on the thread that opened them)
and a finalized sheet states exactly the data its fingerprint was made from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kotacerdas_desktop.domain.catalogue import Catalogue, Dimension
from kotacerdas_desktop.domain.document_number import pattern_of
from kotacerdas_desktop.domain.identity import key_fingerprint
from kotacerdas_desktop.domain.model import Agency, Answer, Assessment
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.indonesian import parse_iso_date
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.catalogues import StoredCatalogue
from kotacerdas_desktop.store.integrity import Integrity


@dataclass(frozen=True)
class SheetData:
    assessment: Assessment
    agency: Agency
    city: str  # "Kota Mojokerto": the kop names the government, the date line the place
    catalogue: Catalogue
    catalogue_info: StoredCatalogue
    answers: dict[str, Answer]
    report: ScoreReport
    sign_date: dt.date  # the finalization date, so a finalized sheet reprints identically
    signer_key: str = ""  # fingerprint of the key that signs (or signed) its package

    @property
    def is_draft(self) -> bool:
        return not self.assessment.is_finalized

    @property
    def document_number(self) -> str:
        """The number given at finalizing; a draft's leaves the serial open for the register."""
        if self.is_draft:
            return pattern_of(self.agency).open_number(self.sign_date.year)
        return self.assessment.document_number

    @property
    def document_id(self) -> str:
        """The footer's document ID: the number, and the start of the fingerprint once final."""
        if self.is_draft:
            return f"{self.document_number} ({t('DRAF', 'DRAFT')})"
        return f"{self.document_number} · {self.assessment.fingerprint[:12]}"

    def dimensions(self, kind: str) -> list[Dimension]:
        return [d for d in self.catalogue.dimensions if d.kind == kind]


def load_sheet_data(store: Store, assessment_id: int, today: dt.date | None = None) -> SheetData:
    """Read one assessment with its agency, catalogue, answers and scores; check a final one's fingerprint."""
    assessment = store.assessments.get(assessment_id)
    agency = store.lifecycle.agency_of(assessment)
    catalogue = store.assessments.catalogue_of(assessment)
    answers = store.assessments.answers(assessment.id)  # read once: fingerprint, tables and scores
    if assessment.is_finalized:
        # The sheet prints the answers, agency, logo and catalogue, not the evidence files.
        Integrity(store.lifecycle).require(
            assessment,
            t(
                "Lembar tidak dicetak agar tidak berbeda dari yang ditandatangani.",
                "The sheet is not printed, so it never differs from the signed one.",
            ),
            files=False,
            answers=answers,
        )
        sign_date = parse_iso_date(assessment.finalized_at) or dt.date.today()
    else:
        sign_date = today or dt.date.today()
    return SheetData(
        assessment=assessment,
        agency=agency,
        city=agency.city.strip() or store.settings.get("city_name").strip(),
        catalogue=catalogue,
        catalogue_info=store.catalogues.info(assessment.catalogue_id),
        answers=answers,
        report=store.assessments.score_of(assessment, answers),
        sign_date=sign_date,
        signer_key=key_fingerprint(
            store.imports.signer_key(assessment.id) or store.installation.public_key
        ),
    )
