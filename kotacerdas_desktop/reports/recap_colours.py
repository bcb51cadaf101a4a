"""The predicate colours of the city matrix, one palette for the PDF and the workbook.

Light fills from red (the lowest band) to green (the highest), dark text stays
readable on every one, and the predicate is always written beside the colour:
the recap is often printed in black and white on a shared office printer.
"""

from __future__ import annotations

from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import shown

NO_SCORE = "#FFFFFF"
PALETTE = ("#F4B6B0", "#F9D79B", "#FFF2A8", "#CDE8B8", "#93CFA0")


def band_colour(position: int, bands: int) -> str:
    """The fill of the band at ``position`` (0 = lowest) of ``bands``, spread over the palette."""
    if bands <= 1:
        return PALETTE[-1]
    return PALETTE[round(position * (len(PALETTE) - 1) / (bands - 1))]


def predicate_colour(catalogue: Catalogue, value: Fraction | None) -> str:
    """The fill of a score's predicate band, read from the shown figure like the label."""
    figure = shown(value)
    if figure is None:
        return NO_SCORE
    predicate = catalogue.predicate(figure)
    return band_colour(catalogue.predicates.index(predicate), len(catalogue.predicates))
