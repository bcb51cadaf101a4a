"""Scores of an assessment, from its answers and its catalogue.

The rules (also in README.md):
- an answered indicator scores its level, 1 to 5;
- element score = weighted mean of its answered indicators (indicator weights);
- dimension score = weighted mean of its scored elements (element weights);
- index = weighted mean of the scored dimensions of kind "dimension" (dimension
  weights), 0 to 5, rounded to two decimals; enabler sections are scored the
  same way but shown apart, outside the index;
- "not applicable" indicators drop out of the means together with their weight;
- unanswered indicators make the assessment incomplete: completeness is
  answered (including not applicable) / all indicators, the missing codes are
  listed, and the score of what is answered is still shown, marked partial;
- the predicate is the catalogue's label for the index (Kurang .. Memuaskan);
- when indicators carry evaluation lenses, each lens gets the weighted mean of
  its indicators, and the lens index is the mean of lens scores by lens weight.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue, Predicate
from kotacerdas_desktop.domain.model import Answer


def weighted_mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """Mean of the values that exist, by weight; None when nothing carries weight."""
    total = weight_sum = 0.0
    for value, weight in pairs:
        if value is not None and weight > 0:
            total += value * weight
            weight_sum += weight
    return total / weight_sum if weight_sum else None


@dataclass
class Progress:
    """How far a part of the catalogue is answered, and its score so far."""

    answered: int = 0
    total: int = 0
    not_applicable: int = 0
    score: float | None = None

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass
class DimensionScore(Progress):
    code: str = ""
    kind: str = KIND_DIMENSION
    elements: dict[str, Progress] = field(default_factory=dict)


@dataclass
class ScoreReport:
    dimensions: dict[str, DimensionScore]
    index: float | None
    predicate: Predicate | None
    lenses: dict[str, float | None]
    lens_index: float | None
    answered: int
    total: int
    missing: list[str]

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def partial(self) -> bool:
        return bool(self.missing)


def _level_value(answer: Answer | None) -> float | None:
    if answer is None or answer.not_applicable or answer.level is None:
        return None
    return float(answer.level)


def score(catalogue: Catalogue, answers: Mapping[str, Answer]) -> ScoreReport:
    """Score every element, dimension and lens, and the index, from the answers given."""
    dimensions: dict[str, DimensionScore] = {}
    missing: list[str] = []
    lens_pairs: dict[str, list[tuple[float | None, float]]] = {
        lens.code: [] for lens in catalogue.lenses
    }
    for dimension in catalogue.dimensions:
        result = DimensionScore(code=dimension.code, kind=dimension.kind)
        element_pairs = []
        for element in dimension.elements:
            progress = Progress(total=len(element.indicators))
            pairs = []
            for indicator in element.indicators:
                answer = answers.get(indicator.code)
                if answer is None or not answer.is_answered:
                    missing.append(indicator.code)
                else:
                    progress.answered += 1
                    progress.not_applicable += answer.not_applicable
                value = _level_value(answer)
                pairs.append((value, indicator.weight))
                if indicator.lens in lens_pairs:
                    lens_pairs[indicator.lens].append((value, indicator.weight))
            progress.score = weighted_mean(pairs)
            result.elements[element.code] = progress
            result.answered += progress.answered
            result.total += progress.total
            result.not_applicable += progress.not_applicable
            element_pairs.append((progress.score, element.weight))
        result.score = weighted_mean(element_pairs)
        dimensions[dimension.code] = result
    index = weighted_mean(
        (dimensions[d.code].score, d.weight)
        for d in catalogue.dimensions
        if d.kind == KIND_DIMENSION
    )
    lenses = {code: weighted_mean(pairs) for code, pairs in lens_pairs.items()}
    lens_index = weighted_mean((lenses[lens.code], lens.weight) for lens in catalogue.lenses)
    answered = sum(d.answered for d in dimensions.values())
    total = sum(d.total for d in dimensions.values())
    return ScoreReport(
        dimensions=dimensions,
        index=round(index, 2) if index is not None else None,
        predicate=catalogue.predicate(round(index, 2)) if index is not None else None,
        lenses={code: round(v, 2) if v is not None else None for code, v in lenses.items()},
        lens_index=round(lens_index, 2) if lens_index is not None else None,
        answered=answered,
        total=total,
        missing=missing,
    )
