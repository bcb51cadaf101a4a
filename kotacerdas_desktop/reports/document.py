"""What the shared flowables read from a document, so the sheet and the city recap share them.

The kop reads a city and an agency, a signature also the date; the summary reads
a catalogue, a score report and the sections of one kind. An evaluation sheet
(sheet_data.SheetData) and the city recap (recap_data.RecapData) provide these,
a plan (plan_data.PlanDocument) its letterhead and date.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from kotacerdas_desktop.domain.catalogue import Catalogue, Dimension
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.score_report import ScoreReport


class Letterhead(Protocol):
    """Who the document comes from: the kop surat names the government and the agency."""

    @property
    def city(self) -> str: ...

    @property
    def agency(self) -> Agency: ...


class SignedLetterhead(Letterhead, Protocol):
    """A document signed on a date under its letterhead: the place and date stand above a
    signature (the sheet, the recap, a plan)."""

    @property
    def sign_date(self) -> dt.date: ...


class ScoredDocument(Protocol):
    """A document that states an index with its breakdown (one agency's, or the city's)."""

    @property
    def catalogue(self) -> Catalogue: ...

    @property
    def report(self) -> ScoreReport: ...

    def dimensions(self, kind: str) -> list[Dimension]: ...
