"""The framework catalogue: dimensions, elements, indicators and their maturity levels.

A catalogue is versioned data (resources/catalogues/*.json), never code. Indicator
codes are stable across versions, so answers can be compared year over year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from kotacerdas_desktop.domain.text import LocalText

LEVELS = (1, 2, 3, 4, 5)
KIND_DIMENSION = "dimension"
KIND_ENABLER = "enabler"
# How the headline index is computed (docs/scoring.md): the weighted mean of the
# evaluation lenses (Indeks Pencapaian of the national smart city evaluation), or
# of the dimensions (SPBE-style frameworks, whose index weighs domains).
METHOD_LENSES = "lenses"
METHOD_DIMENSIONS = "dimensions"
METHODS = (METHOD_LENSES, METHOD_DIMENSIONS)


@dataclass(frozen=True)
class Level:
    level: int
    label: LocalText
    description: LocalText
    evidence: LocalText = LocalText("")  # the minimum evidence that proves this level


@dataclass(frozen=True)
class Indicator:
    code: str
    question: LocalText
    levels: tuple[Level, ...]
    weight: float = 1.0
    lens: str | None = None
    allow_na: bool = False
    guidance: LocalText = LocalText("")
    # Codes of earlier catalogue versions this indicator continues (the first is the
    # primary): last year's answer stored under one of them belongs here.
    replaces: tuple[str, ...] = ()
    note: LocalText = LocalText("")  # about the indicator's source, e.g. an unconfirmed text

    def level(self, number: int) -> Level:
        return self.levels[number - 1]


@dataclass(frozen=True)
class Element:
    code: str
    name: LocalText
    indicators: tuple[Indicator, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class Dimension:
    code: str
    name: LocalText
    elements: tuple[Element, ...]
    weight: float = 1.0
    kind: str = KIND_DIMENSION
    description: LocalText = LocalText("")

    def indicators(self) -> Iterator[Indicator]:
        for element in self.elements:
            yield from element.indicators


@dataclass(frozen=True)
class Lens:
    code: str
    name: LocalText
    weight: float


@dataclass(frozen=True)
class Predicate:
    minimum: float
    label: LocalText

    @property
    def exact_minimum(self) -> Fraction:
        """The band's lower edge as written in the file (1.8 is 9/5, not a binary float)."""
        return Fraction(repr(self.minimum))


@dataclass(frozen=True)
class Catalogue:
    code: str
    version: str
    name: LocalText
    dimensions: tuple[Dimension, ...]
    predicates: tuple[Predicate, ...]
    level_labels: tuple[LocalText, ...]
    lenses: tuple[Lens, ...] = ()
    description: LocalText = LocalText("")
    index_method: str = METHOD_DIMENSIONS
    weights_source: LocalText = LocalText("")  # where the lens (or dimension) weights come from
    predicates_source: LocalText = LocalText("")  # where the predicate bands come from
    source: LocalText = LocalText("")  # where the framework comes from (a citation)
    level_rule: LocalText = LocalText("")  # how to choose a level, e.g. the cumulative rule
    _by_code: dict[str, tuple[Dimension, Element, Indicator]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # Values worked out from this catalogue alone by the modules that need them, kept while
    # it lives (domain/weights.py: its weights as scoring uses them); never its content.
    memo: dict[object, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for dimension in self.dimensions:
            for element in dimension.elements:
                for indicator in element.indicators:
                    self._by_code[indicator.code] = (dimension, element, indicator)

    @property
    def title(self) -> str:
        return f"{self.name} ({self.code} {self.version})"

    def indicators(self) -> Iterator[Indicator]:
        for dimension in self.dimensions:
            yield from dimension.indicators()

    def indicator_count(self) -> int:
        return len(self._by_code)

    def has_indicator(self, code: str) -> bool:
        return code in self._by_code

    def locate(self, code: str) -> tuple[Dimension, Element, Indicator]:
        """The dimension, element and indicator of an indicator code (KeyError if unknown)."""
        return self._by_code[code]

    def indicator(self, code: str) -> Indicator:
        return self._by_code[code][2]

    def dimension(self, code: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    def lens(self, code: str | None) -> Lens | None:
        return next((lens for lens in self.lenses if lens.code == code), None)

    def predicate(self, figure: Fraction) -> Predicate:
        """The predicate whose band holds a shown figure (the highest minimum not above it).

        Pass the figure as shown (``figures.shown``), never a raw score: the label
        must agree with the printed number.
        """
        chosen = self.predicates[0]
        for predicate in self.predicates:
            if figure >= predicate.exact_minimum:
                chosen = predicate
        return chosen
