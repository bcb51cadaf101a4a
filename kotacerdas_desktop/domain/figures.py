"""How a score becomes the figure people read: one rounding rule, one percentage rule.

Scores are computed exactly (``fractions.Fraction``) and shown rounded half-up
in decimal to two places, so 2,595 shows as 2,60 on the screen, the sheet, the
command line, JSON and every export alike; binary ``round()`` would show 2,59
for some such values and 2,60 for others. The predicate is read from the shown
figure (see ``scoring.predicate_of``), so the printed number and its label can
never disagree.

Completeness is a percentage rounded down, so 100 % appears only when nothing
is missing.
"""

from __future__ import annotations

from fractions import Fraction

from kotacerdas_desktop.domain.text import current_language

PLACES = 2

Number = Fraction | float | int


def exact(value: Number) -> Fraction:
    """A number as an exact fraction; a float is taken as the decimal it is written as
    (``0.1`` is 1/10, as the catalogue file says, not the nearest binary fraction)."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def shown(value: Number | None, places: int = PLACES) -> Fraction | None:
    """The figure as it is shown: rounded half-up in decimal to two places (an exact number
    of hundredths; fractions rather than the decimal module, which costs the frozen build
    1.7 MB for this one rule). ``places`` is for the planner's gains only: a city step moves
    the index by thousandths, which two places would show as 0,00."""
    if value is None:
        return None
    scaled = exact(value) * 10**places
    whole = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)  # half-up
    return Fraction(whole, 10**places)


def format_figure(
    value: Number | None, language: str | None = None, empty: str = "–", places: int = PLACES
) -> str:
    """ "2,60" in Indonesian, "2.60" in English, ``empty`` when there is no score."""
    figure = shown(value, places)
    if figure is None:
        return empty
    sign = "-" if figure < 0 else ""
    units = abs(int(figure * 10**places))
    separator = "," if (language or current_language()) == "id" else "."
    return f"{sign}{units // 10**places}{separator}{units % 10**places:0{places}d}"


def figure_json(value: Number | None) -> float | None:
    """The shown figure as a JSON number (2.6 for 2,595)."""
    figure = shown(value)
    return None if figure is None else float(figure)


def exact_json(value: Number | None) -> float | None:
    """The unrounded value as a JSON number, for programs that compute further."""
    return None if value is None else float(exact(value))


def percent_floor(part: int, whole: int) -> int:
    """A share as a whole percentage rounded down: 81 of 82 is 98 %, never 100 %."""
    return 100 if whole == 0 else part * 100 // whole


def format_percent(part: int, whole: int) -> str:
    return f"{percent_floor(part, whole)}%"
