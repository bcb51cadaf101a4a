"""The city picture: every counted agency's figures and the city's own, by the agency rules.

City score of an indicator = the mean level over the agencies that answered it
with a level ("not applicable" and unanswered left out). The city's element,
dimension, lens and index figures then follow exactly the rules of one agency
(scoring.score_levels), with those mean levels in place of one agency's levels
(docs/scoring.md, "The city").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_ENABLER, Catalogue
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.score_report import ScoreReport, tally
from kotacerdas_desktop.domain.scoring import counting_levels, score_levels


@dataclass(frozen=True)
class AgencyEntry:
    """One agency's counted assessment: its newest finalized revision of the year. Its
    answers are read without their evidence (store/city.py): the city never shows it."""

    agency_code: str
    agency_name: str
    assessment_id: int
    revision: int
    answers: Mapping[str, Answer]
    report: ScoreReport
    imported: bool = False


@dataclass(frozen=True)
class IndicatorFigure:
    """The city's mean level of one indicator and who pulls it down."""

    code: str
    level: Fraction
    answered_by: int
    lowest: tuple[str, ...]  # agency codes at the lowest level given


@dataclass
class CityPicture:
    year: int
    catalogue: Catalogue
    entries: list[AgencyEntry]
    report: ScoreReport | None  # None when no agency is counted
    indicators: dict[str, IndicatorFigure] = field(default_factory=dict)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (code, name) not sent
    other_framework: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, why

    def weakest(self, count: int = 10, *, kind: str | None = None) -> list[IndicatorFigure]:
        """The lowest city levels first (ties: more agencies answering, then code)."""
        chosen = [
            f
            for f in self.indicators.values()
            if kind is None or self.catalogue.locate(f.code)[0].kind == kind
        ]
        return sorted(chosen, key=lambda f: (f.level, -f.answered_by, f.code))[:count]

    def enabler_aspects(self) -> dict[str, Fraction | None]:
        """The city score of every enabler aspect (leadership, collaboration, ...)."""
        if self.report is None:
            return {}
        return {
            code: progress.score
            for section in self.report.sections(KIND_ENABLER).values()
            for code, progress in section.elements.items()
        }


def city_levels(catalogue: Catalogue, entries: Sequence[AgencyEntry]) -> dict[str, IndicatorFigure]:
    """The mean level of every indicator over the agencies that gave it a level."""
    given: dict[str, list[tuple[int, str]]] = {}
    for entry in entries:
        for code, level in counting_levels(catalogue, entry.answers).items():
            given.setdefault(code, []).append((level, entry.agency_code))
    figures = {}
    for indicator in catalogue.indicators():
        levels = given.get(indicator.code)
        if not levels:
            continue
        lowest = min(level for level, _ in levels)
        figures[indicator.code] = IndicatorFigure(
            code=indicator.code,
            level=Fraction(sum(level for level, _ in levels), len(levels)),
            answered_by=len(levels),
            lowest=tuple(sorted(agency for level, agency in levels if level == lowest)),
        )
    return figures


def _city_answers(catalogue: Catalogue, entries: Sequence[AgencyEntry]) -> dict[str, Answer]:
    """What the city "answered": an indicator some agency answered counts as answered, and as
    not applicable when every agency that answered it said so (for the counts only)."""
    answers: dict[str, Answer] = {}
    for indicator in catalogue.indicators():
        given = [e.answers[indicator.code] for e in entries if indicator.code in e.answers]
        given = [a for a in given if a.is_answered]
        if given:
            all_na = all(a.not_applicable for a in given)
            answers[indicator.code] = Answer(
                indicator.code, level=None if all_na else 1, not_applicable=all_na
            )
    return answers


def city_picture(
    year: int,
    catalogue: Catalogue,
    entries: Sequence[AgencyEntry],
    missing: Sequence[tuple[str, str]] = (),
    other_framework: Sequence[tuple[str, str, str]] = (),
) -> CityPicture:
    """The city's figures for a year from the counted agencies' answers on one catalogue."""
    indicators = city_levels(catalogue, entries)
    report = None
    if entries:
        sections, unanswered = tally(catalogue, _city_answers(catalogue, entries))
        levels = {code: figure.level for code, figure in indicators.items()}
        report = score_levels(catalogue, levels, sections, unanswered, final=True)
    return CityPicture(
        year=year,
        catalogue=catalogue,
        entries=list(entries),
        report=report,
        indicators=indicators,
        missing=list(missing),
        other_framework=list(other_framework),
    )


@dataclass(frozen=True)
class FollowUp:
    """One row of the follow-up register (rencana tindak lanjut) the city works on next year."""

    agency_code: str
    agency_name: str
    dimension_code: str
    indicator_code: str
    level: int
    follow_up: str  # empty when the agency wrote no plan for a weak indicator


def follow_up_register(
    picture: CityPicture,
    below: int = 3,
    agency_code: str | None = None,
    dimension_code: str | None = None,
) -> list[FollowUp]:
    """Every counted agency's indicators answered below ``below``, with their follow-up plans,
    in agency and catalogue order; optionally one agency or one dimension."""
    rows = []
    for entry in sorted(picture.entries, key=lambda e: e.agency_name):
        if agency_code is not None and entry.agency_code != agency_code:
            continue
        for dimension in picture.catalogue.dimensions:
            if dimension_code is not None and dimension.code != dimension_code:
                continue
            for indicator in dimension.indicators():
                answer = entry.answers.get(indicator.code)
                if answer is None or answer.level is None or answer.level >= below:
                    continue
                rows.append(
                    FollowUp(
                        entry.agency_code,
                        entry.agency_name,
                        dimension.code,
                        indicator.code,
                        answer.level,
                        answer.follow_up.strip(),
                    )
                )
    return rows


@dataclass(frozen=True)
class YearChange:
    """One figure this year and last year (None where a year has no score for it)."""

    code: str  # "index", a lens code, a dimension code or an agency code
    now: Fraction | None
    before: Fraction | None

    @property
    def delta(self) -> Fraction | None:
        return None if self.now is None or self.before is None else self.now - self.before

    @property
    def shown_delta(self) -> Fraction | None:
        """The change as printed: the difference of the two shown figures, so a reader who
        subtracts them on paper gets it (3,47 - 3,12 = 0,35); rounding the exact difference
        on its own could differ from that by 0,01. An exact number of hundredths."""
        now, before = shown(self.now), shown(self.before)
        return None if now is None or before is None else Fraction(now) - Fraction(before)


def year_over_year(now: CityPicture, before: CityPicture | None) -> list[YearChange]:
    """The index, every lens and every dimension of this year beside last year's, by code."""
    if now.report is None:
        return []
    old = before.report if before is not None else None
    changes = [YearChange("index", now.report.index, old.index if old else None)]
    changes += [
        YearChange(code, value, old.lenses.get(code) if old else None)
        for code, value in now.report.lenses.items()
    ]
    for code, section in now.report.dimensions.items():
        previous = old.dimensions.get(code) if old else None
        changes.append(YearChange(code, section.score, previous.score if previous else None))
    return changes


def agency_year_over_year(now: CityPicture, before: CityPicture | None) -> list[YearChange]:
    """Every counted agency's index this year beside its index last year."""
    last = {e.agency_code: e.report.index for e in before.entries} if before else {}
    return [YearChange(e.agency_code, e.report.index, last.get(e.agency_code)) for e in now.entries]
