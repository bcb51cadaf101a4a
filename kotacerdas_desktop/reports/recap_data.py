"""Everything the city recap states, read from the store in one go, and its matrix as plain rows.

The PDF, the workbook and the CSV are functions of this record alone, so they
agree with each other and can be built off the GUI thread. The matrix (one
row per counted agency and one for the city; a column per dimension, per lens
and the index) is defined once here for all three.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER, Catalogue, Dimension
from kotacerdas_desktop.domain.city import CityPicture, IndicatorFigure
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.score_text import index_name
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store

CITY_CODE = "KOTA"
INDEX = "index"
GROUP_DIMENSION = "dimension"
GROUP_LENS = "lens"
GROUP_INDEX = "index"


@dataclass(frozen=True)
class RecapData:
    picture: CityPicture  # has a report: at least one agency is counted
    previous: CityPicture | None  # the year before, for the change from last year
    city: str  # "Kota Mojokerto"
    coordinator: Agency | None  # the letterhead and the signature; required for the PDF only
    sign_date: dt.date
    counted: tuple[tuple[str, int, str], ...]  # (agency code, revision, fingerprint) counted

    @property
    def year(self) -> int:
        return self.picture.year

    @property
    def catalogue(self) -> Catalogue:
        return self.picture.catalogue

    @property
    def report(self) -> ScoreReport:
        if self.picture.report is None:
            raise ValueError("a recap needs at least one counted agency")
        return self.picture.report

    def dimensions(self, kind: str) -> list[Dimension]:
        return [d for d in self.catalogue.dimensions if d.kind == kind]

    @property
    def document_id(self) -> str:
        """ "REKAP-2025-1a2b3c4d5e6f": the year and a digest of exactly which finalized
        revisions (by fingerprint) the recap counts, so a printed recap names its data."""
        lines = "\n".join(f"{code}:{revision}:{fp}" for code, revision, fp in sorted(self.counted))
        return f"REKAP-{self.year}-{hashlib.sha256(lines.encode()).hexdigest()[:12]}"


def nothing_finalized(store: Store, year: int) -> ValidationError:
    years = ", ".join(str(y) for y in store.city.years()) or "-"
    return ValidationError(
        t(
            f"Belum ada penilaian final untuk tahun {year}, jadi belum ada yang direkap. "
            f"Tahun yang sudah memiliki penilaian final: {years}.",
            f"No finalized assessment for {year} yet, so there is nothing to recap. "
            f"Years with finalized assessments: {years}.",
        ),
        field="year",
    )


def load_picture(store: Store, year: int) -> CityPicture:
    """The city picture of a year, or a message naming the years that have one."""
    picture = store.city.picture(year)
    if picture is None:
        raise nothing_finalized(store, year)
    return picture


def load_recap_data(
    store: Store,
    year: int,
    coordinator: Agency | None,
    today: dt.date | None = None,
    last_year: bool = True,
) -> RecapData:
    """The year's city picture, last year's (unless ``last_year`` is False: the CSV has no use
    for it), and who signs; ValidationError for an empty year."""
    picture = load_picture(store, year)
    counted = tuple(
        (e.agency_code, e.revision, store.assessments.get(e.assessment_id).fingerprint)
        for e in picture.entries
    )
    city = (coordinator.city.strip() if coordinator else "") or store.settings.get("city_name")
    return RecapData(
        picture=picture,
        previous=store.city.picture(year - 1) if last_year else None,
        city=city.strip(),
        coordinator=coordinator,
        sign_date=today or dt.date.today(),
        counted=counted,
    )


def figure_name(data: RecapData, code: str) -> str:
    """The Indonesian name of a year-over-year figure: the index, a lens or a dimension."""
    if code == INDEX:
        return index_name(data.report).id
    lens = data.catalogue.lens(code)
    if lens is not None:
        return f"Lensa {lens.name.id}"
    return data.catalogue.dimension(code).name.id


def lowest_level(picture: CityPicture, figure: IndicatorFigure) -> int | None:
    """The lowest level any counted agency gave the indicator."""
    levels = [
        e.answers[figure.code].level
        for e in picture.entries
        if e.agency_code in figure.lowest and figure.code in e.answers
    ]
    return min((level for level in levels if level is not None), default=None)


@dataclass(frozen=True)
class Aspect:
    """An enabler aspect of the city, and its weakest indicator (None when none was answered)."""

    code: str
    name: str
    score: Fraction | None
    weakest: IndicatorFigure | None


def enabler_aspects(data: RecapData) -> list[Aspect]:
    """Every enabler aspect (leadership, collaboration, ...) with its city score."""
    picture = data.picture
    elements = {e.code: e for d in data.dimensions(KIND_ENABLER) for e in d.elements}
    aspects = []
    for code, score in picture.enabler_aspects().items():
        element = elements[code]
        figures = [
            picture.indicators[i.code] for i in element.indicators if i.code in picture.indicators
        ]
        weakest = min(figures, key=lambda f: (f.level, f.code), default=None)
        aspects.append(Aspect(code, element.name.id, score, weakest))
    return aspects


@dataclass(frozen=True)
class Column:
    """One figure column of the matrix: a dimension, a lens, or the index."""

    code: str
    group: str
    title: str  # the full Indonesian name
    short: str  # without its parenthesis (and a first word every dimension shares): headers


@dataclass(frozen=True)
class MatrixRow:
    """One agency (or the city) across the matrix; exact values, by column code."""

    code: str
    name: str
    revision: int | None  # None on the city row
    imported: bool | None
    values: dict[str, Fraction | None]


def _short(name: str) -> str:
    return name.split(" (")[0]


def _narrow(names: list[str]) -> list[str]:
    """Names without the first word they all share ("Smart Governance" -> "Governance")."""
    words = [name.split(" ", 1) for name in names]
    if len(names) > 1 and all(len(w) == 2 and w[0] == words[0][0] for w in words):
        return [w[1] for w in words]
    return names


def matrix_columns(data: RecapData) -> list[Column]:
    """The dimensions, then the lenses (a lens-method framework), then the index."""
    dimensions = data.dimensions(KIND_DIMENSION)
    shorts = _narrow([_short(d.name.id) for d in dimensions])
    columns = [
        Column(d.code, GROUP_DIMENSION, d.name.id, short)
        for d, short in zip(dimensions, shorts, strict=True)
    ]
    columns += [
        Column(lens.code, GROUP_LENS, lens.name.id, _short(lens.name.id))
        for lens in data.catalogue.lenses
    ]
    name = index_name(data.report).id
    return [*columns, Column(INDEX, GROUP_INDEX, name, name)]


def _values(report: ScoreReport, columns: list[Column]) -> dict[str, Fraction | None]:
    values: dict[str, Fraction | None] = {}
    for column in columns:
        if column.group == GROUP_DIMENSION:
            values[column.code] = report.dimensions[column.code].score
        elif column.group == GROUP_LENS:
            values[column.code] = report.lenses.get(column.code)
        else:
            values[column.code] = report.index
    return values


def matrix_rows(data: RecapData) -> list[MatrixRow]:
    """Every counted agency by name, then the city."""
    columns = matrix_columns(data)
    rows = [
        MatrixRow(e.agency_code, e.agency_name, e.revision, e.imported, _values(e.report, columns))
        for e in sorted(data.picture.entries, key=lambda e: (e.agency_name, e.agency_code))
    ]
    city = data.city or "Kota"
    rows.append(MatrixRow(CITY_CODE, city, None, None, _values(data.report, columns)))
    return rows
