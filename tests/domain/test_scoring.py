"""The scoring rules of docs/scoring.md: effective weights, lens scores, Indeks Pencapaian."""

from fractions import Fraction

import pytest

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.model import RULES_V1
from kotacerdas_desktop.domain.scoring import effective_weights, score
from tests.factories import (
    WORKED_EXAMPLE_ANSWERS,
    answers_of,
    indicator,
    tiny_catalogue,
    tiny_catalogue_data,
    worked_example_data,
)


def worked_example():
    return parse_catalogue(worked_example_data(), "contoh.json")


def test_the_worked_example_of_docs_scoring_md():
    catalogue = worked_example()
    answers = answers_of(WORKED_EXAMPLE_ANSWERS)
    levels = {c: a.level for c, a in answers.items() if a.level is not None}
    weights = effective_weights(catalogue, levels)
    assert weights == {
        "D1.A.1": Fraction(1, 6),
        "D1.A.2": Fraction(1, 6),
        "D1.B.1": Fraction(1, 3),
        "D2.A.1": Fraction(1, 3),
    }
    report = score(catalogue, answers)
    assert report.method == "lenses"
    assert report.lenses == {"output": Fraction(14, 3), "impact": Fraction(8, 3)}
    assert report.index == Fraction(52, 15)
    assert format_figure(report.index, "en") == "3.47"
    assert report.predicate.label.id == "Baik"
    assert report.dimensions["D1"].score == 3 and report.dimensions["D2"].score == 5
    assert report.dimensions["EN"].score == 1
    assert report.missing == ["D2.A.2"] and report.percent == 85  # 6 of 7, rounded down
    assert report.provisional


def test_enabler_answers_never_move_the_index():
    catalogue = worked_example()
    low = score(catalogue, answers_of({**WORKED_EXAMPLE_ANSWERS, "EN.A.1": 1}))
    high = score(catalogue, answers_of({**WORKED_EXAMPLE_ANSWERS, "EN.A.1": 5}))
    assert low.index == high.index and low.lenses == high.lenses
    assert low.dimensions["EN"].score == 1 and high.dimensions["EN"].score == 5


def test_not_applicable_removes_its_weight_from_every_mean():
    catalogue = worked_example()
    with_na = score(catalogue, answers_of(WORKED_EXAMPLE_ANSWERS))
    unanswered = dict(WORKED_EXAMPLE_ANSWERS)
    del unanswered["D1.B.2"]
    without = score(catalogue, answers_of(unanswered))
    assert with_na.index == without.index
    assert with_na.dimensions["D1"].not_applicable == 1
    assert with_na.percent > without.percent  # "not applicable" is an answer


def test_a_lens_without_answers_leaves_the_index_to_the_others():
    report = score(worked_example(), answers_of({"D1.A.1": 2, "D2.A.1": 4}))
    assert report.lenses["impact"] is None
    assert report.index == report.lenses["output"]


def test_no_answers_no_index():
    report = score(worked_example(), {})
    assert report.index is None and report.predicate is None
    assert report.percent == 0


def _one_element_catalogue(weights_and_levels: list[tuple[float, int]]):
    """One dimension, one element, indicators of the given weights (for exact index values)."""
    data = tiny_catalogue_data()
    data["index"] = {"method": "dimensions"}
    indicators = [indicator(f"A.X.{n}", w) for n, (w, _) in enumerate(weights_and_levels, 1)]
    data["dimensions"] = [
        {
            "code": "A",
            "name": {"id": "A"},
            "elements": [{"code": "A.X", "name": {"id": "AX"}, "indicators": indicators}],
        }
    ]
    answers = answers_of({f"A.X.{n}": lvl for n, (_, lvl) in enumerate(weights_and_levels, 1)})
    return parse_catalogue(data, "edges.json"), answers


@pytest.mark.parametrize(
    ("weights_and_levels", "exact_index", "figure", "predicate"),
    [
        ([(41, 1), (159, 2)], Fraction(359, 200), "1.80", "Cukup"),  # 1,795
        ([(1, 1), (4, 2)], Fraction(9, 5), "1.80", "Cukup"),  # 1,80
        ([(81, 2), (119, 3)], Fraction(519, 200), "2.60", "Baik"),  # 2,595
        ([(2, 2), (3, 3)], Fraction(13, 5), "2.60", "Baik"),  # 2,60
        ([(101, 3), (99, 4)], Fraction(699, 200), "3.50", "Sangat Baik"),  # 3,495
        ([(161, 4), (39, 5)], Fraction(839, 200), "4.20", "Memuaskan"),  # 4,195
        ([(1, 4), (199, 4)], Fraction(4), "4.00", "Sangat Baik"),
    ],
)
def test_band_edges_take_the_predicate_of_the_shown_figure(
    weights_and_levels, exact_index, figure, predicate
):
    catalogue, answers = _one_element_catalogue(weights_and_levels)
    report = score(catalogue, answers)
    assert report.index == exact_index
    assert format_figure(report.index, "en") == figure
    assert report.predicate.label.id == predicate


def test_dimension_method_is_the_weighted_mean_of_dimensions():
    data = tiny_catalogue_data()
    data["index"] = {"method": "dimensions"}
    catalogue = parse_catalogue(data, "tiny.json")
    report = score(catalogue, answers_of({"A.X.1": 1, "A.X.2": 5, "A.Y.1": 2, "B.X.1": 4}))
    # A.X = (1x1 + 5x3) / 4 = 4; A = (4x1 + 2x3) / 4 = 2.5; index = (2.5x1 + 4x2) / 3 = 3.5
    assert report.dimensions["A"].score == Fraction(5, 2)
    assert report.index == Fraction(7, 2)
    assert report.lenses == {}


def test_zero_weights_count_for_nothing():
    catalogue, answers = _one_element_catalogue([(0, 1), (1, 4)])
    assert score(catalogue, answers).index == 4
    # A file cannot give every sibling weight 0 (the checker refuses it), but the only
    # answered indicator may weigh 0: nothing counts, and the index is None, never NaN.
    report = score(catalogue, answers_of({"A.X.1": 1}))
    assert report.index is None and report.predicate is None


def test_final_figures_are_not_provisional():
    assert not score(worked_example(), {}, final=True).provisional


def test_rules_v1_reproduce_what_old_sheets_printed():
    """Old rules: mean of dimensions in floats, round() to two places (1.795 -> 1.79)."""
    catalogue, answers = _one_element_catalogue([(41, 1), (159, 2)])
    report = score(catalogue, answers, rules=RULES_V1, final=True)
    assert format_figure(report.index, "en") == "1.79"  # binary rounding of 1.795 as it was signed
    assert report.predicate.label.id == "Kurang"
    assert report.lenses == {} and report.rules == RULES_V1
    tiny = score(
        tiny_catalogue(),
        answers_of({"A.X.1": 1, "A.X.2": 5, "A.Y.1": 2, "B.X.1": 4, "E.X.1": 1}),
        rules=RULES_V1,
    )
    assert tiny.index == Fraction("3.5")


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (Fraction(1795, 1000), "1,80", "1.80"),
        (2.595, "2,60", "2.60"),
        (0, "0,00", "0.00"),
        (5, "5,00", "5.00"),
        (Fraction(1, 3), "0,33", "0.33"),
        (Fraction(2, 3), "0,67", "0.67"),
        (4.005, "4,01", "4.01"),
        (None, "–", "–"),
    ],
)
def test_one_rounding_rule_half_up_in_decimal(value, indonesian, english):
    assert format_figure(value, "id") == indonesian and format_figure(value, "en") == english


def test_percentages_round_down():
    from kotacerdas_desktop.domain.figures import percent_floor

    assert [percent_floor(a, b) for a, b in ((81, 82), (29, 100), (82, 82), (0, 82), (0, 0))] == [
        98,
        29,
        100,
        0,
        100,
    ]
