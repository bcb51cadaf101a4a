"""The catalogue's weights as scoring uses them, worked out once per catalogue and kept on it.

Two facts make scoring a whole city cheap without giving up exact figures:

- A weighted mean does not change when every weight is multiplied by the same
  number. The file's weights are exact decimals (0.2 is 1/5), so multiplied by
  their common denominator they become whole numbers in the same proportions,
  and a mean of whole levels by whole weights is integer arithmetic with one
  fraction at the end: the same exact Fraction, many times faster than adding
  fractions.
- The effective weight of an indicator (docs/scoring.md) depends only on which
  indicators count, not on their levels; agencies of one city mostly share that
  set (every indicator answered, the same ones not applicable), so the weights
  of a set are worked out once.

Both live in ``Catalogue.memo``, so they go when the catalogue goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue, Dimension
from kotacerdas_desktop.domain.figures import exact

MEMO_LIMIT = 256  # counting sets kept per catalogue; a city has a handful


def whole(weights: Iterable[Fraction]) -> tuple[int, ...]:
    """Exact weights as whole numbers in the same proportions."""
    exacts = list(weights)
    scale = lcm(*(w.denominator for w in exacts)) if exacts else 1
    return tuple(int(w * scale) for w in exacts)


def weighted_mean(
    pairs: Iterable[tuple[Fraction | int | None, Fraction | int]],
) -> Fraction | None:
    """The mean of the values that exist by their weights above 0; None when none carries
    weight. Exact for whole or fractional values and weights alike."""
    total: Fraction | int = 0
    weight_sum = 0
    for value, weight in pairs:
        if value is not None and weight > 0:
            total += value * weight
            weight_sum += weight
    return Fraction(total, weight_sum) if weight_sum else None


@dataclass(frozen=True)
class CatalogueWeights:
    """Whole-number weights, in catalogue order: of each element's indicators, of each
    section's elements, of the sections of kind "dimension", and of the lenses."""

    indicators: dict[str, tuple[int, ...]]  # element code -> one per indicator
    elements: dict[str, tuple[int, ...]]  # section code -> one per element
    dimensions: tuple[int, ...]  # one per section of kind "dimension"
    lenses: tuple[int, ...]  # one per declared lens


def catalogue_weights(catalogue: Catalogue) -> CatalogueWeights:
    memo = catalogue.memo
    found = memo.get(CatalogueWeights)
    if isinstance(found, CatalogueWeights):
        return found
    weights = CatalogueWeights(
        indicators={
            element.code: whole(exact(i.weight) for i in element.indicators)
            for dimension in catalogue.dimensions
            for element in dimension.elements
        },
        elements={d.code: whole(exact(e.weight) for e in d.elements) for d in catalogue.dimensions},
        dimensions=whole(exact(d.weight) for d in catalogue.dimensions if d.kind == KIND_DIMENSION),
        lenses=whole(exact(lens.weight) for lens in catalogue.lenses),
    )
    memo[CatalogueWeights] = weights
    return weights


def shares(weights: Mapping[str, Fraction]) -> dict[str, Fraction]:
    """Each weight over the sum of the given (counting) weights; zero weights are left out."""
    exact_weights = {code: w for code, w in weights.items() if w > 0}
    total = sum(exact_weights.values(), Fraction(0))
    return {code: w / total for code, w in exact_weights.items()} if total else {}


def section_weights(dimension: Dimension, counting: Iterable[str]) -> dict[str, Fraction]:
    """Element share x indicator share of each counting indicator in one section."""
    counting = set(counting)
    element_shares = shares(
        {
            e.code: exact(e.weight)
            for e in dimension.elements
            if any(i.code in counting for i in e.indicators)
        }
    )
    weights = {}
    for element in dimension.elements:
        share = element_shares.get(element.code)
        if share is None:
            continue
        inside = shares({i.code: exact(i.weight) for i in element.indicators if i.code in counting})
        weights |= {code: share * s for code, s in inside.items()}
    return weights


@dataclass(frozen=True)
class CountingWeights:
    """What a set of counting indicators weighs: the effective weight W of each (index
    sections only), and per lens its indicators with W as whole numbers."""

    effective: dict[str, Fraction]
    lenses: dict[str, tuple[tuple[str, ...], tuple[int, ...]]]


def counting_weights(catalogue: Catalogue, counting: frozenset[str]) -> CountingWeights:
    memo = catalogue.memo
    found = memo.get(counting)
    if isinstance(found, CountingWeights):
        return found
    sections = {
        d.code: section_weights(d, counting)
        for d in catalogue.dimensions
        if d.kind == KIND_DIMENSION
    }
    dimension_shares = shares(
        {d.code: exact(d.weight) for d in catalogue.dimensions if sections.get(d.code)}
    )
    effective = {
        code: dimension_shares[d] * w
        for d, weights in sections.items()
        if d in dimension_shares
        for code, w in weights.items()
    }
    by_lens: dict[str, list[str]] = {lens.code: [] for lens in catalogue.lenses}
    for code in effective:
        lens = catalogue.indicator(code).lens
        if lens in by_lens:
            by_lens[lens].append(code)
    found = CountingWeights(
        effective,
        {
            lens: (tuple(codes), whole(effective[c] for c in codes))
            for lens, codes in by_lens.items()
        },
    )
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    memo[counting] = found
    return found


def lens_mean(levels: Mapping[str, Fraction | int], terms: Sequence[Sequence]) -> Fraction | None:
    """A lens score: the mean level of its counting indicators by effective weight."""
    codes, weights = terms
    return weighted_mean(
        (levels[code], weight) for code, weight in zip(codes, weights, strict=True)
    )
