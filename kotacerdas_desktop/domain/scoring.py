"""Scores of an assessment, from its answers and its catalogue (docs/scoring.md has the rules
and a worked example).

- An indicator *counts* when it is answered with a level (not "not applicable")
  and its weight is above 0; an element or a dimension counts when something in
  it counts and its own weight is above 0.
- Element score: the mean level of its counting indicators by indicator weight;
  dimension score: the mean of its counting elements by element weight. Enabler
  sections are scored the same way, apart, and never enter the index.
- Effective weight of an indicator: (its dimension's share among the counting
  dimensions) x (its element's share in the dimension) x (its share in the
  element), each share its weight over the weights of the counting siblings.
- Lens score: sum(W x level) / sum(W) over the counting indicators of that lens.
- Index, method "lenses" (Indeks Pencapaian): the mean of the lens scores by the
  catalogue's lens weights, over the lenses that have a counting indicator.
  Method "dimensions" (SPBE-style): the mean of the dimension scores by
  dimension weight, which is also sum(W x level) / sum(W).
- Everything is exact (fractions; means of whole levels by whole-number weights in
  the same proportions, domain/weights.py); ``figures.shown`` rounds for display, and
  the predicate is read from the shown figure.

``RULES_V1`` is the rule every assessment finalized before these rules was
signed with (index = mean of dimensions, binary rounding): those sheets keep
printing the figures their heads signed (``scoring_v1``).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, METHOD_LENSES, Catalogue
from kotacerdas_desktop.domain.figures import exact
from kotacerdas_desktop.domain.model import RULES_CURRENT, RULES_V1, Answer
from kotacerdas_desktop.domain.score_report import DimensionScore, ScoreReport, predicate_of, tally
from kotacerdas_desktop.domain.scoring_v1 import score_v1
from kotacerdas_desktop.domain.weights import (
    catalogue_weights,
    counting_weights,
    lens_mean,
    weighted_mean,
)

Levels = Mapping[str, Fraction | int]  # indicator code -> level (an agency's 1-5, or a city mean)


def counting_levels(catalogue: Catalogue, answers: Mapping[str, Answer]) -> dict[str, int]:
    """The level of every indicator that counts: answered with a level, weight above 0."""
    levels = {}
    for indicator in catalogue.indicators():
        answer = answers.get(indicator.code)
        if answer is None or answer.not_applicable or answer.level is None:
            continue
        if indicator.weight > 0:
            levels[indicator.code] = answer.level
    return levels


def effective_weights(catalogue: Catalogue, levels: Levels) -> dict[str, Fraction]:
    """W of every counting indicator of the index (enabler sections are never in it)."""
    return dict(counting_weights(catalogue, frozenset(levels)).effective)


def index_coefficients(catalogue: Catalogue, levels: Levels) -> dict[str, Fraction]:
    """How far the index moves per level of each counting indicator, the counting set fixed.

    With the same indicators counting, the effective weights do not depend on the levels, so
    the index is linear in them: index = sum(c x level). Method "dimensions": c = W. Method
    "lenses": c = (lens weight / weights of the lenses that count) x (W / sum of W in its
    lens); an indicator in no declared lens, or in a lens of weight 0, has c = 0 and is left
    out. The planner's gains are these (docs/planner.md).
    """
    weights = effective_weights(catalogue, levels)
    if catalogue.index_method != METHOD_LENSES:
        return weights
    lens_of = {code: catalogue.indicator(code).lens for code in weights}
    in_lens: dict[str, Fraction] = {}
    for code, weight in weights.items():
        in_lens[lens_of[code]] = in_lens.get(lens_of[code], Fraction(0)) + weight
    lens_weights = {
        lens.code: exact(lens.weight)
        for lens in catalogue.lenses
        if lens.code in in_lens and lens.weight > 0
    }
    total = sum(lens_weights.values(), Fraction(0))
    return {
        code: lens_weights[lens_of[code]] / total * weight / in_lens[lens_of[code]]
        for code, weight in weights.items()
        if lens_of[code] in lens_weights
    }


def _fill_scores(
    catalogue: Catalogue, sections: Mapping[str, DimensionScore], levels: Levels
) -> None:
    """Element scores by indicator weight, section scores by element weight (exact)."""
    weights = catalogue_weights(catalogue)
    for dimension in catalogue.dimensions:
        section = sections[dimension.code]
        for element in dimension.elements:
            section.elements[element.code].score = weighted_mean(
                (levels.get(i.code), w)
                for i, w in zip(element.indicators, weights.indicators[element.code], strict=True)
            )
        section.score = weighted_mean(
            (section.elements[e.code].score, w)
            for e, w in zip(dimension.elements, weights.elements[dimension.code], strict=True)
        )


def score(
    catalogue: Catalogue,
    answers: Mapping[str, Answer],
    *,
    rules: int = RULES_CURRENT,
    final: bool = False,
) -> ScoreReport:
    """Score every element, section and lens, and the index, from the answers given.

    ``final`` marks the figures of a finalized assessment (not provisional);
    ``rules`` is the assessment's scoring rules (``Assessment.scoring_rules``).
    """
    if rules == RULES_V1:
        return score_v1(catalogue, answers, final=final)
    sections, missing = tally(catalogue, answers)
    return score_levels(
        catalogue, counting_levels(catalogue, answers), sections, missing, final=final
    )


def score_levels(
    catalogue: Catalogue,
    levels: Levels,
    sections: dict[str, DimensionScore],
    missing: list[str],
    *,
    final: bool,
) -> ScoreReport:
    """The figures from the levels that count (an agency's answers, or a city's mean levels)
    and the answered counts of ``score_report.tally``."""
    _fill_scores(catalogue, sections, levels)
    weights = catalogue_weights(catalogue)
    lenses: dict[str, Fraction | None] = {}
    if catalogue.index_method == METHOD_LENSES:
        terms = counting_weights(catalogue, frozenset(levels)).lenses
        lenses = {lens.code: lens_mean(levels, terms[lens.code]) for lens in catalogue.lenses}
        index = weighted_mean(
            (lenses[lens.code], w) for lens, w in zip(catalogue.lenses, weights.lenses, strict=True)
        )
    else:
        index = weighted_mean(
            (sections[d.code].score, w)
            for d, w in zip(
                (d for d in catalogue.dimensions if d.kind == KIND_DIMENSION),
                weights.dimensions,
                strict=True,
            )
        )
    return ScoreReport(
        rules=RULES_CURRENT,
        method=catalogue.index_method,
        dimensions=sections,
        index=index,
        predicate=predicate_of(catalogue, index),
        lenses=lenses,
        answered=sum(s.answered for s in sections.values()),
        total=sum(s.total for s in sections.values()),
        missing=missing,
        provisional=not final,
    )
