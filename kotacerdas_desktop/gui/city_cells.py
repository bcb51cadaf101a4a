"""The cells of the Kota view's tables: a figure as shown everywhere, its predicate in words.

A cell is plain data (text, tooltip, sort key, fill colour, the assessment a
row opens), made once when the figures arrive; the table model hands it to Qt
only for the rows on screen, so 4,000 follow-up rows fill in a few tens of
milliseconds. A coloured cell always says its predicate in words too (the
tooltip, which is also what a screen reader reads), and the legend under the
matrix names every colour, so nothing is told by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import Catalogue, Predicate
from kotacerdas_desktop.domain.city import YearChange
from kotacerdas_desktop.domain.figures import format_figure, shown
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui.formatting import format_score

NO_FIGURE = -1.0  # sorts "no score" below every score
NO_CHANGE = -1e9  # sorts "no last year" below every change

# Light fills with dark text readable on each, from the lowest band (Kurang) to the highest.
BAND_COLOURS = ("#f4c4bf", "#f9dbb2", "#f8eeb0", "#d3eac2", "#a7d9b3")


@dataclass(frozen=True)
class Cell:
    text: str
    tip: str = ""
    sort: float | int | str | None = None  # None: the text, case-folded
    fill: str = ""  # background colour, "" for none
    centred: bool = False
    note: bool = False  # a remark rather than data ("(no plan yet)"): italic, muted
    assessment_id: int | None = None  # on a row's first cell: the assessment it opens
    indicator: str = ""  # ... and the indicator to show there

    @property
    def key(self) -> float | int | str:
        return self.text.casefold() if self.sort is None else self.sort


def opening(cell: Cell, assessment_id: int, indicator: str = "") -> Cell:
    """The same cell, opening an assessment (at an indicator) on Enter or a double-click."""
    return replace(cell, assessment_id=assessment_id, indicator=indicator)


def short_name(name: LocalText) -> str:
    """ "Smart Governance (Tata Kelola Cerdas)" -> "Smart Governance" (the full name goes in tooltips)."""
    return str(name).split(" (")[0]


def wrap_title(text: str, chars: int = 12) -> str:
    """A column title on short lines: a header section is as wide as its longest line, so a
    matrix of fifteen columns fits a 1366-pixel screen."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class Bands:
    """The predicate and fill colour of a catalogue's figures, each shown figure looked up once.

    The predicate is read from the shown figure by the catalogue (as
    ``score_report.predicate_of`` does); remembering it per figure keeps the
    matrix of 60 agencies quick to fill, since a figure has at most 501 values.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        bands = list(catalogue.predicates)
        last = max(len(bands) - 1, 1)
        self._colours = {
            band: BAND_COLOURS[n * (len(BAND_COLOURS) - 1) // last] for n, band in enumerate(bands)
        }
        self._seen: dict[Decimal, Predicate] = {}

    def predicate(self, value: Fraction | None) -> Predicate | None:
        figure = shown(value)
        if figure is None:
            return None
        if figure not in self._seen:
            self._seen[figure] = self.catalogue.predicate(figure)
        return self._seen[figure]

    def colour(self, predicate: Predicate) -> str:
        """A catalogue with more or fewer bands than five spreads the same ramp over them."""
        return self._colours.get(predicate, BAND_COLOURS[0])


def figure_cell(bands: Bands, value: Fraction | None, what: str) -> Cell:
    """A score as shown everywhere, its predicate in the tooltip, its band as the fill."""
    figure = format_score(value)
    predicate = bands.predicate(value)
    if predicate is None:
        return Cell(
            figure,
            str(t(f"{what}: belum ada skor", f"{what}: no score yet")),
            NO_FIGURE,
            centred=True,
        )
    return Cell(
        figure,
        f"{what}: {figure} ({predicate.label})",
        float(value),  # type: ignore[arg-type]
        bands.colour(predicate),
        centred=True,
    )


def shown_change(change: YearChange) -> Decimal | None:
    """This year's shown figure minus last year's shown figure: 2,58 -> 3,05 is +0,47, as a
    reader subtracts the two figures beside it (rounding the exact difference could say +0,46)."""
    now, before = shown(change.now), shown(change.before)
    return None if now is None or before is None else now - before


def format_change(change: YearChange) -> str:
    """ "+0,47 ▲", "−0,05 ▼", "0,00", or "–" when a year has no figure (the arrow is not colour)."""
    delta = shown_change(change)
    if delta is None:
        return "–"
    if delta == 0:
        return format_score(Fraction(0))
    if delta > 0:
        return f"+{format_figure(delta)} ▲"
    return f"−{format_figure(-delta)} ▼"


def change_cell(change: YearChange, tip: str) -> Cell:
    delta = shown_change(change)
    return Cell(
        format_change(change), tip, NO_CHANGE if delta is None else float(delta), centred=True
    )


PENDING = "…"


def pending_cell() -> Cell:
    """A figure of last year's or a change while last year's picture is still being computed:
    never "–", which would say there is nothing to compare with."""
    return Cell(
        PENDING,
        str(t("Menghitung perbandingan tahun lalu …", "Comparing with last year …")),
        NO_CHANGE,
        centred=True,
        note=True,
    )
