"""The scoring rules assessments finalized before Indeks Pencapaian were signed with.

Index = weighted mean of the dimension scores, computed in binary floats and
rounded with ``round()``. A sheet finalized under these rules keeps printing
the figures its head signed; every figure here is the two-decimal value that
sheet showed, so ``figures.shown`` returns it unchanged. New assessments never
use this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, METHOD_DIMENSIONS, Catalogue
from kotacerdas_desktop.domain.model import RULES_V1, Answer
from kotacerdas_desktop.domain.score_report import (
    ScoreReport,
    predicate_of,
    tally,
)


def _mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    total = weight_sum = 0.0
    for value, weight in pairs:
        if value is not None and weight > 0:
            total += value * weight
            weight_sum += weight
    return total / weight_sum if weight_sum else None


def _level(answer: Answer | None) -> float | None:
    if answer is None or answer.not_applicable or answer.level is None:
        return None
    return float(answer.level)


def _as_signed(value: float | None) -> Fraction | None:
    """The two-decimal figure the old sheet printed for a float score."""
    return None if value is None else Fraction(repr(round(value, 2)))


def score_v1(catalogue: Catalogue, answers: Mapping[str, Answer], *, final: bool) -> ScoreReport:
    sections, missing = tally(catalogue, answers)
    raw: dict[str, float | None] = {}
    for dimension in catalogue.dimensions:
        section = sections[dimension.code]
        element_pairs = []
        for element in dimension.elements:
            element_score = _mean(
                (_level(answers.get(i.code)), i.weight) for i in element.indicators
            )
            section.elements[element.code].score = _as_signed(element_score)
            element_pairs.append((element_score, element.weight))
        raw[dimension.code] = _mean(element_pairs)
        section.score = _as_signed(raw[dimension.code])
    index = _as_signed(
        _mean((raw[d.code], d.weight) for d in catalogue.dimensions if d.kind == KIND_DIMENSION)
    )
    return ScoreReport(
        rules=RULES_V1,
        method=METHOD_DIMENSIONS,
        dimensions=sections,
        index=index,
        predicate=predicate_of(catalogue, index),
        lenses={},
        answered=sum(s.answered for s in sections.values()),
        total=sum(s.total for s in sections.values()),
        missing=missing,
        provisional=not final,
    )
