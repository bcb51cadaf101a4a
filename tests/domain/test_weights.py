"""Whole-number weights and the per-catalogue memo: the same exact figures, worked out once."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.domain.weights import MEMO_LIMIT, weighted_mean, whole
from tests.factories import answers_of, indicator, tiny_catalogue_data


def test_whole_weights_keep_the_proportions_of_the_exact_decimals():
    assert whole([Fraction(1, 5), Fraction(3, 10), Fraction(1)]) == (2, 3, 10)
    assert whole([Fraction(33, 2), Fraction(0), Fraction(1, 2)]) == (33, 0, 1)
    assert whole([]) == ()


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(3, 1), (4, 2)], Fraction(11, 3)),
        ([(Fraction(7, 2), Fraction(1, 3)), (4, Fraction(2, 3))], Fraction(23, 6)),
        ([(5, 0), (2, 3), (None, 9)], Fraction(2)),
        ([(5, 0), (None, 2)], None),
        ([], None),
    ],
)
def test_weighted_mean_is_exact_and_skips_missing_values_and_zero_weights(pairs, expected):
    mean = weighted_mean(pairs)
    assert mean == expected
    assert mean is None or type(mean) is Fraction  # never a float, even from whole numbers


def test_scoring_keeps_a_bounded_memo_per_catalogue_and_each_answer_set_its_own_figures():
    data = tiny_catalogue_data()
    data["dimensions"][0]["elements"][0]["indicators"] = [
        indicator(f"A.X.{n}", 1 + n % 3, "output", True) for n in range(12)
    ]
    catalogue = parse_catalogue(data, "memo.json")
    codes = [i.code for i in catalogue.indicators()]
    full = score(catalogue, answers_of(dict.fromkeys(codes, 4)))
    figures = set()
    for n in range(MEMO_LIMIT + 40):  # as many different sets of "not applicable"
        answers = {code: ("na" if (n >> k) & 1 else 4) for k, code in enumerate(codes)}
        figures.add(score(catalogue, answers_of(answers)).index)
        assert len(catalogue.memo) <= MEMO_LIMIT + 2
    assert figures <= {Fraction(4), None}
    again = parse_catalogue(data, "memo.json")
    assert score(catalogue, answers_of(dict.fromkeys(codes, 4))) == full
    assert score(again, answers_of(dict.fromkeys(codes, 4))) == full
