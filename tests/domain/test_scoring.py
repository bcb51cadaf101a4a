import pytest

from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.scoring import score
from tests.factories import tiny_catalogue


def answers(**levels):
    result = {}
    for code, level in levels.items():
        code = code.replace("_", ".")
        result[code] = (
            Answer(code, not_applicable=True, na_reason="bukan kewenangan")
            if level == "na"
            else Answer(code, level=level)
        )
    return result


def test_weighted_means_at_every_level():
    report = score(tiny_catalogue(), answers(A_X_1=1, A_X_2=5, A_Y_1=2, B_X_1=4, E_X_1=1))
    a = report.dimensions["A"]
    assert a.elements["A.X"].score == pytest.approx((1 * 1 + 5 * 3) / 4)  # 4.0
    assert a.score == pytest.approx((4.0 * 1 + 2 * 3) / 4)  # 2.5
    assert report.index == pytest.approx(round((2.5 * 1 + 4 * 2) / 3, 2))  # 3.5
    assert report.predicate.label.id == "Sangat Baik"  # 3.5 is the lower bound of Sangat Baik
    assert report.dimensions["E"].score == 1  # the enabler is scored but outside the index
    assert report.completeness == 1 and not report.partial


def test_not_applicable_drops_out_with_its_weight():
    report = score(tiny_catalogue(), answers(A_X_1=3, A_X_2="na", A_Y_1=3, B_X_1=3, E_X_1=3))
    assert report.dimensions["A"].elements["A.X"].score == 3
    assert report.dimensions["A"].not_applicable == 1
    assert report.completeness == 1


def test_unanswered_makes_a_partial_score_with_the_missing_listed():
    report = score(tiny_catalogue(), answers(A_X_1=2, B_X_1=4))
    assert report.missing == ["A.X.2", "A.Y.1", "E.X.1"]
    assert report.partial
    assert report.completeness == pytest.approx(2 / 5)
    assert report.dimensions["A"].score == 2
    assert report.index == pytest.approx(round((2 + 4 * 2) / 3, 2))


def test_no_answers_no_index():
    report = score(tiny_catalogue(), {})
    assert report.index is None and report.predicate is None
    assert report.completeness == 0


@pytest.mark.parametrize(
    ("level", "predicate"),
    [(1, "Kurang"), (2, "Cukup"), (3, "Baik"), (4, "Sangat Baik"), (5, "Memuaskan")],
)
def test_predicates_follow_the_thresholds(level, predicate):
    report = score(tiny_catalogue(), answers(A_X_1=level, A_X_2=level, A_Y_1=level, B_X_1=level))
    assert report.predicate.label.id == predicate


def test_scores_per_lens_and_lens_index():
    report = score(tiny_catalogue(), answers(A_X_1=2, A_X_2=4))
    assert report.lenses == {"output": 2.0, "impact": 4.0}
    assert report.lens_index == pytest.approx((2 * 1 + 4 * 3) / 4)
