"""The target planner for one agency: against brute force on random catalogues, and the cases
the issue names (met, unreachable, zero weights, not applicable, minimal plans)."""

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue, read_catalogue_file
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.plan_target import Target, parse_efforts, parse_target
from kotacerdas_desktop.domain.plan_text import evidence_needed
from kotacerdas_desktop.domain.planner import (
    MET,
    PLANNED,
    UNREACHABLE,
    UNSCORED,
    Step,
    plan_agency,
)
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.domain.scoring import counting_levels, index_coefficients, score
from kotacerdas_desktop.domain.text import LocalText
from kotacerdas_desktop.resources import resource_path
from tests.domain.planning_cases import (
    ANSWER,
    agency_figure,
    check_against_brute_force,
    codes_of,
    combinations,
    raised,
    small_catalogues,
    targets,
)
from tests.domain.test_scoring_properties import catalogues
from tests.factories import (
    WORKED_EXAMPLE_ANSWERS,
    answers_of,
    indicator,
    tiny_catalogue_data,
    worked_example_data,
)


def worked_example():
    return parse_catalogue(worked_example_data(), "contoh.json"), answers_of(WORKED_EXAMPLE_ANSWERS)


@settings(max_examples=250, deadline=None)
@given(case=small_catalogues(), data=st.data())
def test_the_engine_agrees_with_brute_force(case, data):
    raw, _ = case
    catalogue = parse_catalogue(raw, "random.json")
    drawn = {code: data.draw(ANSWER, label=code) for code in codes_of(raw)}
    answers = answers_of({c: v for c, v in drawn.items() if v is not None})
    dimension = data.draw(st.sampled_from([None, *(d.code for d in catalogue.dimensions)]))
    efforts = data.draw(
        st.none() | st.dictionaries(st.sampled_from(codes_of(raw)), st.integers(1, 5)),
        label="efforts",
    )
    start = {("", c): a.level for c, a in answers.items() if a.level is not None}
    assume(combinations([(o, c, level) for (o, c), level in start.items()]) <= 1500)
    figure = agency_figure(catalogue, answers, dimension)
    target = Target(targets(data, figure({})), None, dimension)
    plan = plan_agency(catalogue, answers, target, efforts)
    check_against_brute_force(plan, figure, start, efforts)
    assert plan == plan_agency(catalogue, dict(reversed(answers.items())), target, efforts)


@settings(max_examples=200, deadline=None)
@given(case=catalogues())
def test_the_index_is_linear_in_the_levels_with_the_answered_set_fixed(case):
    raw, levels_given = case
    catalogue = parse_catalogue(raw, "random.json")
    answers = answers_of(levels_given)
    levels = counting_levels(catalogue, answers)
    coefficients = index_coefficients(catalogue, levels)
    index = score(catalogue, answers).index
    if index is None:
        assert not coefficients
    else:
        assert sum(c * levels[code] for code, c in coefficients.items()) == index


def test_a_target_already_met_gives_an_empty_plan():
    catalogue, answers = worked_example()  # 3,47 Baik
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "Baik"))
    assert plan.status == MET and plan.steps == () and plan.after == plan.before
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "3,47"))
    assert plan.status == MET and plan.steps == ()


def test_an_unreachable_target_says_so_and_gives_the_best_reachable_figure():
    catalogue, answers = worked_example()
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "5,01"))
    assert plan.status == UNREACHABLE and plan.steps == ()
    assert plan.best == 5
    # D2 holds only D2.A.1 at 5 (D2.A.2 is unanswered): nothing can raise it
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "5", "D2"))
    assert plan.status == MET
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "5", "D1"))
    assert plan.status == PLANNED and plan.after == 5 == plan.best


def test_the_worked_example_plan_to_sangat_baik():
    """3,47 Baik: impact (weight 60) holds D1.A.2 (W 1/6, level 2) and D1.B.1 (W 1/3, level 3);
    a level of D1.B.1 adds 60/100 x (1/3)/(1/2) = 2/5, of D1.A.2 1/5; output's D1.A.1 adds
    40/100 x (1/6)/(1/2) = 2/15. One step on D1.B.1 gives 3,87."""
    catalogue, answers = worked_example()
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "Sangat Baik"))
    assert [(s.indicator_code, s.from_level, s.gain) for s in plan.steps] == [
        ("D1.B.1", 3, Fraction(2, 5))
    ]
    assert plan.before == Fraction(52, 15) and plan.after == Fraction(52, 15) + Fraction(2, 5)
    assert predicate_of(catalogue, plan.after).label.id == "Sangat Baik"


def test_zero_weights_not_applicable_and_enablers_never_become_steps():
    data = worked_example_data()
    data["dimensions"][0]["elements"][0]["indicators"][1]["weight"] = 0  # D1.A.2
    catalogue = parse_catalogue(data, "contoh.json")
    answers = answers_of({**WORKED_EXAMPLE_ANSWERS, "D1.B.2": "na", "D2.A.2": 1})
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "5"))
    stepped = {s.indicator_code for s in plan.steps}
    assert stepped == {"D1.A.1", "D1.B.1", "D2.A.2"}  # not D1.A.2 (weight 0), D1.B.2 (NA), EN
    assert plan.after == 5
    enabler = plan_agency(catalogue, answers, parse_target(catalogue, "5", "EN"))
    assert [s.indicator_code for s in enabler.steps] == ["EN.A.1"] * 4


def test_unanswered_indicators_come_first_and_make_the_plan_provisional():
    catalogue, answers = worked_example()  # D2.A.2 unanswered; EN is outside the index
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "Sangat Baik"))
    assert [u.indicator_code for u in plan.to_answer] == ["D2.A.2"]
    assert plan.provisional
    complete = answers_of({**WORKED_EXAMPLE_ANSWERS, "D2.A.2": 3})
    assert not plan_agency(catalogue, complete, parse_target(catalogue, "4")).provisional


def test_nothing_answered_is_unscored():
    catalogue, _ = worked_example()
    plan = plan_agency(catalogue, answers_of({"D1.B.2": "na"}), parse_target(catalogue, "Baik"))
    assert plan.status == UNSCORED and plan.steps == () and len(plan.to_answer) == 5


def _two_indicators():
    data = tiny_catalogue_data()
    data["index"] = {"method": "dimensions"}
    data["dimensions"] = [
        {
            "code": "A",
            "weight": 1,
            "name": {"id": "A"},
            "elements": [
                {
                    "code": "A.X",
                    "weight": 1,
                    "name": {"id": "AX"},
                    "indicators": [indicator("A.X.1", 101), indicator("A.X.2", 99)],
                }
            ],
        }
    ]
    return parse_catalogue(data, "dua.json")


def test_the_target_is_reached_when_the_shown_figure_reaches_it():
    """2,99 today; one level of A.X.1 gives exactly 3,495, which shows as 3,50 Sangat Baik."""
    catalogue = _two_indicators()
    answers = answers_of({"A.X.1": 2, "A.X.2": 4})
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "Sangat Baik"))
    assert len(plan.steps) == 1 and plan.after == Fraction(3495, 1000)
    assert predicate_of(catalogue, plan.after).label.id == "Sangat Baik"
    assert len(plan_agency(catalogue, answers, parse_target(catalogue, "3,51")).steps) == 2


def test_ties_are_broken_by_catalogue_order_every_time():
    catalogue, _ = worked_example()
    answers = answers_of({"D1.A.1": 1, "D1.A.2": 1, "D1.B.1": 1, "D2.A.1": 1, "D2.A.2": 1})
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "Cukup"))
    # D2.A.1 and D2.A.2 carry the same weight in the same lenses as D1.A.1 and D1.A.2
    gains = [s.gain for s in plan.steps]
    assert gains == sorted(gains, reverse=True)
    same = [s.indicator_code for s in plan.steps if s.gain == plan.steps[-1].gain]
    assert same == sorted(same)
    assert plan == plan_agency(catalogue, answers, parse_target(catalogue, "Cukup"))


def test_effort_estimates_trade_steps_for_effort():
    """D1.B.1 gains 2/5 a level, D1.A.2 1/5: with D1.B.1 hard (5) and D1.A.2 easy (1), two easy
    steps (effort 2) beat one hard step (effort 5)."""
    catalogue, answers = worked_example()
    target = parse_target(catalogue, "3,80")
    fewest = plan_agency(catalogue, answers, target)
    assert [s.indicator_code for s in fewest.steps] == ["D1.B.1"]
    easiest = plan_agency(catalogue, answers, target, {"D1.B.1": 5, "D1.A.2": 1, "D1.A.1": 4})
    assert [s.indicator_code for s in easiest.steps] == ["D1.A.2", "D1.A.2"]
    assert easiest.effort == 2 and easiest.weighed


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Sangat Baik", Fraction(7, 2), "Sangat Baik"),
        ("  sangat   baik ", Fraction(7, 2), "Sangat Baik"),
        ("3,8", Fraction(19, 5), None),
        ("3.80", Fraction(19, 5), None),
        ("4", Fraction(4), None),
    ],
)
def test_targets_as_users_write_them(text, value, label):
    catalogue, _ = worked_example()
    target = parse_target(catalogue, text)
    assert target.value == value
    assert (target.predicate.label.id if target.predicate else None) == label


def test_a_predicate_may_be_named_in_english():
    catalogue = read_catalogue_file(resource_path("catalogues", "smartcity-2026.1.json"))
    assert parse_target(catalogue, "Very good").value == Fraction(7, 2)
    assert parse_target(catalogue, "excellent").predicate.label.id == "Memuaskan"


@pytest.mark.parametrize("text", ["", "tinggi", "3,805", "-1", "0", "3,8,1", "1e3", "٣"])
def test_a_bad_target_is_refused_with_the_predicates_named(text):
    catalogue, _ = worked_example()
    with pytest.raises(ValidationError) as raised_error:
        parse_target(catalogue, text)
    assert raised_error.value.field == "target"
    assert "Target" in str(raised_error.value)


def test_an_unknown_dimension_is_refused():
    catalogue, _ = worked_example()
    with pytest.raises(NotFoundError) as error:
        parse_target(catalogue, "4", "XYZ")
    assert error.value.field == "dimension" and "XYZ" in str(error.value)
    assert parse_target(catalogue, "4", " d1 ").dimension == "D1"


def test_effort_files_csv_and_json():
    catalogue, _ = worked_example()
    csv = "\ufeffindikator;upaya\nD1.A.1;2\n\nd1.b.1\t5\n"
    assert parse_efforts(catalogue, csv, "upaya.csv") == {"D1.A.1": 2, "D1.B.1": 5}
    assert parse_efforts(catalogue, '{"D2.A.1": 1}', "upaya.json") == {"D2.A.1": 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("D1.A.1,2\nX.9,3\n", "baris 2: indikator X.9 tidak ada"),
        ("D1.A.1,6\n", 'baris 1: upaya "6" untuk D1.A.1 harus 1 sampai 5'),
        ("D1.A.1\n", 'baris 1: upaya "" untuk D1.A.1'),
        ('{"D1.A.1": "sulit"}', 'upaya "sulit"'),
        ("{nope", "JSON tidak sah"),
    ],
)
def test_a_bad_effort_file_is_refused_with_its_line(text, message):
    catalogue, _ = worked_example()
    with pytest.raises(ValidationError) as error:
        parse_efforts(catalogue, text, "upaya.csv")
    assert message in str(error.value) and error.value.field == "effort"


def test_raised_copies_leave_the_original_answers_alone():
    catalogue, answers = worked_example()
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "4,20"))
    copy = raised(answers, plan.steps)
    assert answers["D1.B.1"].level == 3 and copy["D1.B.1"].level > 3
    assert shown(score(catalogue, copy).index) >= Fraction(21, 5)


def test_a_step_asks_for_its_levels_evidence_else_the_indicators_guidance():
    """2026.2 names the minimum evidence of every level; 2026.1 has only the guidance."""
    steps = [Step("GOV.PUB.01", from_level, Fraction(1, 10)) for from_level in (2, 3)]
    new = read_catalogue_file(resource_path("catalogues", "smartcity-2026.2.json"))
    indicator = new.indicator("GOV.PUB.01")
    asked = [evidence_needed(new, step) for step in steps]
    assert asked == [indicator.level(3).evidence, indicator.level(4).evidence]
    assert asked[0] != asked[1] and indicator.guidance not in asked
    old = read_catalogue_file(resource_path("catalogues", "smartcity-2026.1.json"))
    assert evidence_needed(old, steps[0]) == old.indicator("GOV.PUB.01").guidance != LocalText("")
