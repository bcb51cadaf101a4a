"""How the answer table breaks across pages, the way Tata Naskah Dinas wants a table to.

reportlab splits a row cell by cell at the page end ("splitInRow") and leaves
a cell empty on the next page when its content fitted above the break. Here:
the part of a row on the next page repeats the row's number and a shortened
indicator, marked "(lanjutan)"; the indicator, the level and each evidence
entry move whole rather than break; an element heading never ends a page; and
a continued part is never a lone line or two.
"""

from __future__ import annotations

from typing import TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from kotacerdas_desktop.domain.catalogue import Indicator
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.styles import markup, styles

F = TypeVar("F", bound=Flowable)
# Split a row at the page end rather than leave the space empty; each part at least ~3 lines.
MIN_SPLIT = 32
CONTINUED = t("(lanjutan)", "(continued)")
SHORT_QUESTION = 55  # characters of the question a continued row repeats
# A paragraph kept whole at a page break is still split when taller than this: no page
# would hold it with the rest of its row.
WHOLE_MAX_HEIGHT = 60 * mm
NUMBER_COLUMN, INDICATOR_COLUMN = 0, 1


class WholeParagraph(Paragraph):
    """A paragraph that moves whole to the next page when a table row splits across it."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        height = getattr(self, "height", None)
        if height is None:
            height = self.wrap(availWidth, availHeight)[1]
        if height <= WHOLE_MAX_HEIGHT:
            return []
        return super().split(availWidth, availHeight)


class RowNumber(WholeParagraph):
    """The number cell of an indicator row; it knows what the row's continuation repeats."""

    def __init__(self, number: int, indicator: Indicator, style: ParagraphStyle) -> None:
        super().__init__(str(number), style)
        self.number = number
        self.indicator = indicator


class ElementHeading(Paragraph):
    """The shaded row that opens an element: it never ends a page without a row under it."""


def code_line(indicator: Indicator) -> Paragraph:
    return WholeParagraph(f"<font size=7>{markup(indicator.code)}</font>", styles().cell_muted)


def indicator_cell(indicator: Indicator) -> list[Flowable]:
    return [WholeParagraph(markup(str(indicator.question)), styles().cell), code_line(indicator)]


def short_question(text: str, limit: int = SHORT_QUESTION) -> str:
    """The question cut after a whole word near ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}\u00a0…"  # no line break before the ellipsis


def continued_indicator_cell(indicator: Indicator) -> list[Flowable]:
    text = f"<i>{CONTINUED}</i> {markup(short_question(str(indicator.question)))}"
    return [WholeParagraph(text, styles().cell), code_line(indicator)]


class AnswerTable(Table):
    """A Table that breaks between pages as the module says."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        height = availHeight
        for _ in range(3):  # each retry moves the break up; a few settle every case
            parts = super().split(availWidth, height)
            if len(parts) != 2:
                return parts
            better = _higher_break(*parts, height)
            if better is None:
                break
            height = better
        _mark_continuation(*parts)
        return parts


def _first_of(cell: object, kind: type[F]) -> F | None:
    """The first flowable of a kind in a table cell (a flowable or a list of them)."""
    flowables = cell if isinstance(cell, (list, tuple)) else [cell]
    return next((f for f in flowables if isinstance(f, kind)), None)


def _continued_row(after: Table) -> int | None:
    """The index of the first row of ``after`` when it continues a row split at the break."""
    row = after.repeatRows
    if row >= len(after._cellvalues) or after._cellvalues[row][NUMBER_COLUMN]:
        return None  # split between rows, or nothing below the repeated header
    return row


def _higher_break(before: Table, after: Table, height: float) -> float | None:
    """A smaller height to split at when this break leaves an element heading last on the
    page, or a line or two of a row (or none) for the next; None when the break is good."""
    if _first_of(before._cellvalues[-1][NUMBER_COLUMN], ElementHeading):
        return sum(before._rowHeights[:-1]) + 0.01
    row = _continued_row(after)
    if row is None:
        return None
    rest = max(
        after._listCellGeom(cell, width, style)[1]
        for cell, width, style in zip(
            after._cellvalues[row], after._colWidths, after._cellStyles[row], strict=True
        )
    )
    # An empty rest is the row's bottom padding alone: the break comes up into the content too.
    return height - (MIN_SPLIT - rest) if rest < MIN_SPLIT else None


def _mark_continuation(before: Table, after: Table) -> None:
    """Repeat the number and the shortened indicator when ``after`` begins inside a row."""
    row = _continued_row(after)
    number = _first_of(before._cellvalues[-1][NUMBER_COLUMN], RowNumber)
    if row is None or number is None:
        return
    cells = after._cellvalues[row]
    after._cellvalues[row] = [
        [RowNumber(number.number, number.indicator, styles().cell_center)],
        continued_indicator_cell(number.indicator),
        *cells[INDICATOR_COLUMN + 1 :],
    ]
    heights = list(after._argH)
    heights[row] = None  # measured again with the repeated cells
    after._argH = after._rowHeights = heights
