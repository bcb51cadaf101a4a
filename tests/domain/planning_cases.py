"""Small random catalogues and a brute-force planner that knows nothing of the engine's method.

The brute force tries every combination of levels at or above today's on the answered
indicators, scores each one with the real scoring (an agency's answers, or the city
picture), and keeps the cheapest combination whose shown figure reaches the target.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction

from hypothesis import strategies as st

from kotacerdas_desktop.domain.city import AgencyEntry, city_picture
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.planner import Step
from kotacerdas_desktop.domain.scoring import score
from tests.factories import indicator, tiny_catalogue_data

WEIGHTS = st.sampled_from([0, 1, 1, 1, 2, 2, 3, 16.5])
LENSES = ["baseline", "output", "outcome", "impact", "quickwin"]
ANSWER = st.sampled_from([None, "na", 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5])


def targets(data, before: Fraction | None) -> Fraction:
    """A target near today's figure (up to 3,00 above it), sometimes out of reach (above 5)."""
    if before is None or data.draw(st.integers(0, 9), label="far") == 0:
        return Fraction(data.draw(st.integers(100, 520), label="target"), 100)
    return shown(before) + Fraction(data.draw(st.integers(-10, 300), label="above"), 100)


@st.composite
def small_catalogues(draw, max_indicators: int = 6):
    """(catalogue data, its indicator codes in order): 1-2 dimensions of 1-2 elements, an
    enabler, lens weights that may be 0, any weight 0."""
    lens_weights = draw(st.lists(st.sampled_from([0, 10, 30]), min_size=5, max_size=5))
    if not any(lens_weights):
        lens_weights[3] = 30
    dimensions, codes = [], []
    for d in range(draw(st.integers(1, 2))):
        elements = []
        for e in range(draw(st.integers(1, 2))):
            indicators = []
            for i in range(draw(st.integers(1, 2))):
                if len(codes) >= max_indicators:
                    break
                code = f"D{d}.E{e}.{i}"
                codes.append(code)
                lens = draw(st.sampled_from(LENSES))
                indicators.append(indicator(code, draw(WEIGHTS), lens, True))
            if indicators:
                weight = draw(WEIGHTS)
                elements.append(
                    {
                        "code": f"D{d}.E{e}",
                        "weight": weight,
                        "name": {"id": "e"},
                        "indicators": indicators,
                    }
                )
        if elements:
            dimensions.append(
                {
                    "code": f"D{d}",
                    "weight": draw(WEIGHTS),
                    "name": {"id": "d"},
                    "elements": elements,
                }
            )
    dimensions.append(
        {
            "code": "EN",
            "kind": "enabler",
            "name": {"id": "en"},
            "elements": [
                {"code": "EN.A", "name": {"id": "a"}, "indicators": [indicator("EN.A.1", 1)]}
            ],
        }
    )
    codes.append("EN.A.1")
    data = tiny_catalogue_data()
    data["index"] = {"method": draw(st.sampled_from(["lenses", "dimensions"]))}
    data["lenses"] = [
        {"code": code, "name": {"id": code}, "weight": w}
        for code, w in zip(LENSES, lens_weights, strict=True)
    ]
    data["dimensions"] = dimensions
    return data, codes


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
