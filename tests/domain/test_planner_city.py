"""The city-wide plan: steps owned by agencies, gains through the city rules (mean level over the
agencies that answered), checked against brute force over every agency's levels."""

from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.city import city_picture
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.plan_target import Target, parse_target
from kotacerdas_desktop.domain.planner import PLANNED, UNSCORED, plan_city
from kotacerdas_desktop.domain.scoring import index_coefficients
from tests.domain.planning_cases import (
    ANSWER,
    check_against_brute_force,
    check_minimal,
    city_entries,
    city_figure,
    codes_of,
    combinations,
    small_catalogues,
    targets,
)
from tests.domain.test_city import AGENCIES
from tests.factories import answers_of, worked_example_data


def worked_city():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    agencies = {code: answers_of(levels) for code, levels in AGENCIES.items()}
    return catalogue, agencies


def start_levels(agencies):
    return {
        (owner, code): a.level
        for owner, answers in agencies.items()
        for code, a in answers.items()
        if a.level is not None
    }


@settings(max_examples=120, deadline=None)
@given(case=small_catalogues(indicators=1), data=st.data())
def test_the_city_plan_agrees_with_brute_force(case, data):
    raw, _ = case
    catalogue = parse_catalogue(raw, "random.json")
    codes = codes_of(raw)
    agencies = {}
    for owner in ("BAPPEDA", "DINKES", "DLH")[: data.draw(st.integers(1, 3), label="agencies")]:
        drawn = {code: data.draw(ANSWER, label=f"{owner} {code}") for code in codes}
        agencies[owner] = answers_of({c: v for c, v in drawn.items() if v is not None})
    dimension = data.draw(st.sampled_from([None, *(d.code for d in catalogue.dimensions)]))
    efforts = data.draw(st.none() | st.dictionaries(st.sampled_from(codes), st.integers(1, 5)))
    start = start_levels(agencies)
    assume(combinations([(o, c, level) for (o, c), level in start.items()]) <= 600)
    figure = city_figure(catalogue, agencies, dimension)
    target = Target(targets(data, figure({})), None, dimension)
    picture = city_picture(2026, catalogue, city_entries(catalogue, agencies))
    check_against_brute_force(plan_city(picture, target, efforts), figure, start, efforts)


def test_a_step_raises_the_city_level_by_one_over_the_agencies_that_answered():
    """D1.A.1 is answered by all three agencies (city level 11/3), D1.A.2 by BAPPEDA alone
    (DINKES: not applicable, DLH: unanswered): one level there moves the city three times as
    much as one agency's level on D1.A.1."""
    catalogue, agencies = worked_city()
    picture = city_picture(2026, catalogue, city_entries(catalogue, agencies))
    levels = {code: f.level for code, f in picture.indicators.items()}
    coefficients = index_coefficients(catalogue, levels)
    plan = plan_city(picture, parse_target(catalogue, "5"))
    gains = {(s.owner, s.indicator_code): s.gain for s in plan.steps}
    assert gains[("DINKES", "D1.A.1")] == coefficients["D1.A.1"] / 3
    assert gains[("BAPPEDA", "D1.A.2")] == coefficients["D1.A.2"]
    assert ("DINKES", "D1.A.2") not in gains and ("DLH", "D1.A.2") not in gains
    assert plan.after == 5 and plan.status == PLANNED
    # every step names its agency; every agency's steps climb from its own level
    assert {s.owner for s in plan.steps} == {"BAPPEDA", "DINKES", "DLH"}
    assert [u for u in plan.to_answer] == [
        u for u in plan.to_answer if u.owner in ("BAPPEDA", "DINKES", "DLH")
    ]
    assert {(u.owner, u.indicator_code) for u in plan.to_answer} == {
        ("BAPPEDA", "D2.A.2"),
        ("DINKES", "D1.B.2"),
        ("DLH", "D1.A.2"),
        ("DLH", "D2.A.1"),
    }


def test_applying_the_city_steps_reaches_the_target_and_none_is_spare():
    catalogue, agencies = worked_city()
    picture = city_picture(2026, catalogue, city_entries(catalogue, agencies))
    plan = plan_city(picture, parse_target(catalogue, "Sangat Baik"))
    assert shown(picture.report.index) < Fraction(7, 2) <= shown(plan.after)
    check_minimal(plan, city_figure(catalogue, agencies), start_levels(agencies))
    # among agencies, the one with the lowest level on an indicator goes first
    first = {}
    for step in plan.steps:
        first.setdefault(step.indicator_code, step)
    for code, step in first.items():
        lowest = min(
            a[code].level for a in agencies.values() if code in a and a[code].level is not None
        )
        assert step.from_level == lowest


def test_no_agency_counted_gives_an_unscored_city_plan():
    catalogue, _ = worked_city()
    picture = city_picture(2026, catalogue, [])
    plan = plan_city(picture, parse_target(catalogue, "Baik"))
    assert plan.status == UNSCORED and plan.steps == ()
