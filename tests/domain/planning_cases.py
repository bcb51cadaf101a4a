"""Small random catalogues and a brute-force planner that knows nothing of the engine's method.

The brute force tries every combination of levels at or above today's on the answered
indicators, scores each one with the real scoring (an agency's answers, or the city
picture), and keeps the cheapest combination whose shown figure reaches the target.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction

from hypothesis import strategies as st

from kotacerdas_desktop.domain.city import AgencyEntry, city_picture
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.planner import MET, PLANNED, UNREACHABLE, UNSCORED, Plan, Step
from kotacerdas_desktop.domain.scoring import score
from tests.domain.test_scoring_properties import catalogues

ANSWER = st.sampled_from([None, "na", 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5])


def small_catalogues(indicators: int = 2):
    """(catalogue data, answers) of scoring's random catalogues, at most 2 dimensions of 2
    elements of ``indicators`` indicators, so a brute force can try every combination."""
    return catalogues(dimensions=2, elements=2, indicators=indicators)


def codes_of(data: dict) -> list[str]:
    return [i["code"] for d in data["dimensions"] for e in d["elements"] for i in e["indicators"]]


def targets(data, before: Fraction | None) -> Fraction:
    """A target near today's figure (up to 3,00 above it), sometimes out of reach (above 5)."""
    if before is None or data.draw(st.integers(0, 9), label="far") == 0:
        return Fraction(data.draw(st.integers(100, 520), label="target"), 100)
    return shown(before) + Fraction(data.draw(st.integers(-10, 300), label="above"), 100)


def raised(answers: dict[str, Answer], steps: Sequence[Step], owner: str = "") -> dict:
    """A copy of the answers with the steps of ``owner`` done."""
    copy = {code: replace(a) for code, a in answers.items()}
    for step in steps:
        if step.owner == owner:
            assert copy[step.indicator_code].level == step.from_level
            copy[step.indicator_code] = replace(copy[step.indicator_code], level=step.to_level)
    return copy


Slot = tuple[str, str, int]  # owner, indicator, today's level


def brute_force(
    slots: list[Slot],
    figure: Callable[[dict[tuple[str, str], int]], Fraction | None],
    target: Fraction,
    efforts: dict[str, int] | None = None,
) -> int | None:
    """The least number of steps (or effort) whose shown figure reaches ``target``; None when
    no combination does."""
    best = None
    for levels in itertools.product(*(range(level, 6) for _, _, level in slots)):
        cost = sum(
            (new - old) * ((efforts or {}).get(code, 3) if efforts is not None else 1)
            for (_, code, old), new in zip(slots, levels, strict=True)
        )
        if best is not None and cost >= best:
            continue
        value = figure({(o, c): lvl for (o, c, _), lvl in zip(slots, levels, strict=True)})
        if value is not None and shown(value) >= target:
            best = cost
    return best


def final_levels(plan: Plan, start: dict[tuple[str, str], int], leave_out: int | None = None):
    """The levels after the plan's steps (all, or all but one)."""
    counts = Counter(
        (s.owner, s.indicator_code) for n, s in enumerate(plan.steps) if n != leave_out
    )
    return {key: level + counts[key] for key, level in start.items()}


def check_minimal(plan: Plan, figure, start) -> None:
    """The steps reach the target, and leaving out any one of them misses it."""
    assert shown(figure(final_levels(plan, start))) >= plan.target.value
    for n in range(len(plan.steps)):
        assert shown(figure(final_levels(plan, start, leave_out=n))) < plan.target.value


def check_against_brute_force(plan: Plan, figure, start, efforts) -> None:
    """The plan's figures, status, size (or effort) and minimality, as the brute force finds."""
    slots = [(owner, code, level) for (owner, code), level in start.items()]
    expected = brute_force(slots, figure, plan.target.value, efforts)
    assert plan.before == figure({})
    if plan.before is None:
        assert plan.status == UNSCORED and not plan.steps
    elif expected is None:
        assert plan.status == UNREACHABLE and not plan.steps
        assert plan.best == figure({key: 5 for key in start})
    else:
        assert plan.status in (MET, PLANNED)
        assert (plan.effort if efforts is not None else len(plan.steps)) == expected
        assert plan.after == figure(final_levels(plan, start))
        check_minimal(plan, figure, start)


def combinations(slots: list[Slot]) -> int:
    count = 1
    for *_, level in slots:
        count *= 6 - level
    return count


def agency_figure(catalogue, answers, dimension=None):
    def figure(levels: dict[tuple[str, str], int]) -> Fraction | None:
        copy = {
            code: replace(a, level=levels.get(("", code), a.level)) for code, a in answers.items()
        }
        report = score(catalogue, copy)
        return report.index if dimension is None else report.dimensions[dimension].score

    return figure


def city_entries(catalogue, agencies: dict[str, dict[str, Answer]]) -> list[AgencyEntry]:
    return [
        AgencyEntry(code, f"Dinas {code}", n, 1, answers, score(catalogue, answers, final=True))
        for n, (code, answers) in enumerate(agencies.items(), start=1)
    ]


def city_figure(catalogue, agencies, dimension=None):
    def figure(levels: dict[tuple[str, str], int]) -> Fraction | None:
        changed = {
            owner: {
                code: replace(a, level=levels.get((owner, code), a.level))
                for code, a in answers.items()
            }
            for owner, answers in agencies.items()
        }
        report = city_picture(2026, catalogue, city_entries(catalogue, changed)).report
        return report.index if dimension is None else report.dimensions[dimension].score

    return figure
