"""A change from last year as printed: the difference of the two shown figures."""

from fractions import Fraction

from kotacerdas_desktop.domain.city import YearChange
from kotacerdas_desktop.domain.figures import shown


def test_the_printed_change_adds_up_with_the_printed_figures():
    change = YearChange("index", Fraction(2595, 1000), Fraction(2004, 1000))
    assert (shown(change.now), shown(change.before)) == (Fraction(260, 100), Fraction(2))
    assert shown(change.delta) == Fraction(59, 100)  # rounded on its own: does not add up
    assert change.shown_delta == Fraction(60, 100)


def test_no_change_without_both_years():
    assert YearChange("index", Fraction(3), None).shown_delta is None
    assert YearChange("D1", None, Fraction(3)).shown_delta is None
    assert YearChange("D1", Fraction(3), Fraction(7, 2)).shown_delta == Fraction(-1, 2)
