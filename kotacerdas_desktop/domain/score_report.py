"""What scoring gives back: exact figures of every part, the index and its predicate.

The figures are fractions; ``figures.shown`` turns them into what people read.
Both rule sets (``scoring`` and ``scoring_v1``) fill the same report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue, Predicate
from kotacerdas_desktop.domain.figures import percent_floor, shown
from kotacerdas_desktop.domain.model import Answer


class Completeness:
    """Answered over all, exact and as the percentage shown (rounded down)."""

    answered: int
    total: int

    @property
    def completeness(self) -> Fraction:
        return Fraction(self.answered, self.total) if self.total else Fraction(1)

    @property
    def percent(self) -> int:
        return percent_floor(self.answered, self.total)


@dataclass
class Progress(Completeness):
    """How far a part of the catalogue is answered, and its exact score so far."""

    answered: int = 0
    total: int = 0
    not_applicable: int = 0
    score: Fraction | None = None

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class DimensionScore(Progress):
    code: str = ""
    kind: str = KIND_DIMENSION
    elements: dict[str, Progress] = field(default_factory=dict)


@dataclass
class ScoreReport(Completeness):
    """Every figure of one assessment. ``index`` is the headline; the rest is its breakdown."""

    rules: int
    method: str
    dimensions: dict[str, DimensionScore]  # every section: kind "dimension" and "enabler"
    index: Fraction | None
    predicate: Predicate | None
    lenses: dict[str, Fraction | None]  # every declared lens; empty for method "dimensions"
    answered: int
    total: int
    missing: list[str]
    provisional: bool = True  # a draft's figures may still change ("sementara")

    @property
    def partial(self) -> bool:
        return bool(self.missing)

    def sections(self, kind: str) -> dict[str, DimensionScore]:
        return {code: d for code, d in self.dimensions.items() if d.kind == kind}


def predicate_of(catalogue: Catalogue, value: Fraction | None) -> Predicate | None:
    """The catalogue's predicate of a score, read from its shown figure (2,595 -> 2,60 Baik)."""
    figure = shown(value)
    return None if figure is None else catalogue.predicate(figure)


def tally(
    catalogue: Catalogue, answers: Mapping[str, Answer]
) -> tuple[dict[str, DimensionScore], list[str]]:
    """Every section and element with its answered counts (scores not yet filled in), and
    the codes of the unanswered indicators in catalogue order."""
    sections: dict[str, DimensionScore] = {}
    missing: list[str] = []
    for dimension in catalogue.dimensions:
        section = sections[dimension.code] = DimensionScore(
            code=dimension.code, kind=dimension.kind
        )
        for element in dimension.elements:
            progress = section.elements[element.code] = Progress(total=len(element.indicators))
            for indicator in element.indicators:
                answer = answers.get(indicator.code)
                if answer is None or not answer.is_answered:
                    missing.append(indicator.code)
                    continue
                progress.answered += 1
                progress.not_applicable += answer.not_applicable
            section.answered += progress.answered
            section.total += progress.total
            section.not_applicable += progress.not_applicable
    return sections, missing
