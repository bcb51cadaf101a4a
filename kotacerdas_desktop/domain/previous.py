"""Last year's answers under this year's indicator codes (docs/catalogue-format.md, ``replaces``).

An assessment keeps the catalogue version it was started with, so last
year's answers may be stored under the codes of an older version. A newer
version says which old codes each indicator continues (``replaces``: several
when duplicates were merged, the first being the primary); this module is
the one rule that carries an old answer to its new indicator, for the panel
beside the form and for "Salin jawaban sebelumnya", and a city plan's step on
last year's version to its indicator in this year's draft (store/plans.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from kotacerdas_desktop.domain.catalogue import Catalogue, Indicator
from kotacerdas_desktop.domain.model import Answer


def earlier_codes(indicator: Indicator) -> tuple[str, ...]:
    """Where an earlier answer to this indicator may be stored: its own code, then the ones it replaces."""
    return (indicator.code, *indicator.replaces)


def continuing_code(catalogue: Catalogue, code: str) -> str | None:
    """The code under which this catalogue continues an earlier version's indicator: the code
    itself, or the indicator that ``replaces`` it; None when its question is gone."""
    if catalogue.has_indicator(code):
        return code
    return next((i.code for i in catalogue.indicators() if code in i.replaces), None)


def is_new(indicator: Indicator, earlier: Catalogue) -> bool:
    """Whether an earlier catalogue had no question this indicator continues."""
    return not any(earlier.has_indicator(code) for code in earlier_codes(indicator))


def previous_answers(catalogue: Catalogue, earlier: Mapping[str, Answer]) -> dict[str, Answer]:
    """The earlier answers keyed by this catalogue's codes.

    Each indicator takes the first answered one of its ``earlier_codes`` (an
    unanswered one only when none is answered); the answer keeps its old
    ``indicator_code``, so a view can say where it came from. Old codes that
    no indicator continues are left out: their question is gone.
    """
    carried: dict[str, Answer] = {}
    for indicator in catalogue.indicators():
        found = [earlier[code] for code in earlier_codes(indicator) if code in earlier]
        answered = [answer for answer in found if answer.is_answered]
        if found:
            carried[indicator.code] = (answered or found)[0]
    return carried
