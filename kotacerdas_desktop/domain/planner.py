"""The target planner: the fewest steps (or the least effort) from today's figure to a target,
for one agency or for the whole city (docs/planner.md has the method and its argument).

A step raises one indicator by one level, never above 5. With the answered set fixed,
a step adds a constant amount to the target's figure: the indicator's coefficient
(``scoring.index_coefficients``, or its weight inside a dimension), and for the city that
amount over the number of agencies that answered the indicator, since the city level is
their mean. Unanswered indicators come first ("answer these"), and make the plan
provisional; not-applicable ones are left out, as scoring leaves them out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue
from kotacerdas_desktop.domain.city import CityPicture
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.plan_solver import Run, solve
from kotacerdas_desktop.domain.plan_target import Target, effort_of
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.scoring import counting_levels, index_coefficients, score
from kotacerdas_desktop.domain.weights import section_weights

TOP_LEVEL = 5
MET, PLANNED, UNREACHABLE, UNSCORED = "met", "planned", "unreachable", "unscored"


@dataclass(frozen=True)
class Step:
    """Raise ``indicator_code`` from ``from_level`` to the next level (``owner``: the agency,
    in a city plan); ``gain`` is what it adds to the target's figure, exactly."""

    indicator_code: str
    from_level: int
    gain: Fraction
    effort: int = 1
    owner: str = ""

    @property
    def to_level(self) -> int:
        return self.from_level + 1


@dataclass(frozen=True)
class Unanswered:
    indicator_code: str
    owner: str = ""


@dataclass(frozen=True)
class Plan:
    target: Target
    before: Fraction | None  # the figure today, exact; None when nothing counts yet
    steps: tuple[Step, ...]
    best: Fraction | None  # the highest figure the answered indicators allow
    to_answer: tuple[Unanswered, ...] = ()
    weighed: bool = False  # planned on effort estimates (least effort), not on step count

    @property
    def status(self) -> str:
        if self.before is None or self.best is None:
            return UNSCORED
        if self.before >= self.target.threshold:
            return MET
        return PLANNED if self.best >= self.target.threshold else UNREACHABLE

    @property
    def after(self) -> Fraction | None:
        """The figure once every step is done."""
        return None if self.before is None else self.before + sum(s.gain for s in self.steps)

    @property
    def effort(self) -> int:
        return sum(step.effort for step in self.steps)

    @property
    def provisional(self) -> bool:
        """Answering the unanswered indicators changes the weights: the plan may change too."""
        return bool(self.to_answer)

    def by_owner(self) -> list[tuple[str, int, Fraction]]:
        """Each owner's (a city plan's agency's) number of steps and their gain, largest first."""
        totals: dict[str, tuple[int, Fraction]] = {}
        for step in self.steps:
            count, gain = totals.get(step.owner, (0, Fraction(0)))
            totals[step.owner] = (count + 1, gain + step.gain)
        ordered = sorted(totals.items(), key=lambda item: (-item[1][1], item[0]))
        return [(owner, count, gain) for owner, (count, gain) in ordered]

    def running(self) -> list[Fraction]:
        """The figure after each step, in the plan's order."""
        figures, figure = [], self.before or Fraction(0)
        for step in self.steps:
            figure += step.gain
            figures.append(figure)
        return figures


@dataclass(frozen=True)
class _Term:
    """One owner's level of one indicator and what each level above it adds."""

    owner: str
    code: str
    level: int
    gain: Fraction


def plan_agency(
    catalogue: Catalogue,
    answers: Mapping[str, Answer],
    target: Target,
    efforts: Mapping[str, int] | None = None,
) -> Plan:
    """The plan of one agency's assessment (scored under the current rules)."""
    levels = counting_levels(catalogue, answers)
    coefficients = _coefficients(catalogue, levels, target)
    terms = [_Term("", code, int(levels[code]), gain) for code, gain in coefficients.items()]
    to_answer = [
        Unanswered(code) for code in _scope(catalogue, target) if not _answered(answers, code)
    ]
    report = score(catalogue, answers)
    return _plan(catalogue, target, _figure(report, target), terms, to_answer, efforts)


def plan_city(
    picture: CityPicture, target: Target, efforts: Mapping[str, int] | None = None
) -> Plan:
    """The city's plan: one agency raising an indicator one level raises the city level of
    that indicator by 1/n (n: the agencies that answered it), and the city figure by its
    coefficient over n. Each step names the agency that owns it."""
    catalogue = picture.catalogue
    levels = {code: figure.level for code, figure in picture.indicators.items()}
    coefficients = _coefficients(catalogue, levels, target)
    entries = sorted(picture.entries, key=lambda e: e.agency_code)
    terms = [
        _Term(entry.agency_code, code, int(level), gain / picture.indicators[code].answered_by)
        for entry in entries
        for code, level in counting_levels(catalogue, entry.answers).items()
        if (gain := coefficients.get(code)) is not None
    ]
    to_answer = [
        Unanswered(code, entry.agency_code)
        for entry in entries
        for code in _scope(catalogue, target)
        if not _answered(entry.answers, code)
    ]
    before = _figure(picture.report, target) if picture.report is not None else None
    return _plan(catalogue, target, before, terms, to_answer, efforts)


def _coefficients(
    catalogue: Catalogue, levels: Mapping[str, Fraction], target: Target
) -> dict[str, Fraction]:
    """Each counting indicator's gain per level in the target's figure (only gains above 0)."""
    if target.dimension is None:
        coefficients = index_coefficients(catalogue, levels)
    else:
        coefficients = section_weights(catalogue.dimension(target.dimension), levels)
    return {code: c for code, c in coefficients.items() if c > 0}


def _scope(catalogue: Catalogue, target: Target) -> Iterable[str]:
    """The indicators the target's figure is made of: the index's dimensions, or one section."""
    for dimension in catalogue.dimensions:
        wanted = (
            dimension.kind == KIND_DIMENSION
            if target.dimension is None
            else dimension.code == target.dimension
        )
        if wanted:
            yield from (indicator.code for indicator in dimension.indicators())


def _answered(answers: Mapping[str, Answer], code: str) -> bool:
    answer = answers.get(code)
    return answer is not None and answer.is_answered


def _figure(report: ScoreReport, target: Target) -> Fraction | None:
    if target.dimension is None:
        return report.index
    return report.dimensions[target.dimension].score


def _plan(
    catalogue: Catalogue,
    target: Target,
    before: Fraction | None,
    terms: list[_Term],
    to_answer: list[Unanswered],
    efforts: Mapping[str, int] | None,
) -> Plan:
    weighed = efforts is not None
    if before is None:
        return Plan(target, None, (), None, tuple(to_answer), weighed)
    best = before + sum((t.gain * (TOP_LEVEL - t.level) for t in terms), Fraction(0))
    position = {indicator.code: n for n, indicator in enumerate(catalogue.indicators())}
    terms = [t for t in terms if t.level < TOP_LEVEL]
    need = target.threshold - before
    scale = math.lcm(need.denominator, *(t.gain.denominator for t in terms))
    runs = [
        Run(
            key=(position[t.code], t.level, t.owner),
            gain=int(t.gain * scale),
            effort=effort_of(efforts, t.code),
            count=TOP_LEVEL - t.level,
        )
        for t in terms
    ]
    taken = solve(runs, math.ceil(need * scale)) or [0] * len(runs)
    steps = [
        Step(term.code, term.level + n, term.gain, run.effort, term.owner)
        for term, run, count in zip(terms, runs, taken, strict=True)
        for n in range(count)
    ]
    steps.sort(key=lambda s: (-s.gain, position[s.indicator_code], s.from_level, s.owner))
    return Plan(target, before, tuple(steps), best, tuple(to_answer), weighed)
