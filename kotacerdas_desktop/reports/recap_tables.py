"""The plain grid table of the recap's sections, and the words its cells share.

Every recap table looks the same: a grey header row repeated on each page,
thin grid lines, numbers centred. Figures go through the one rounding rule
(``sheet_figure``), predicates are read from the shown figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.styles import GRID, HEADER_FILL, markup, para, styles, table_style

Cell = Flowable | str
KEEP_WITH_HEADING = 40 * mm  # a heading moves to the next page unless this much room is left


def predicate_label(catalogue: Catalogue, value: Fraction | None) -> str:
    """ "Baik", or "-" when there is no score."""
    predicate = predicate_of(catalogue, value)
    return predicate.label.id if predicate is not None else "-"


def change_text(delta: Fraction | None) -> str:
    """ "+0,35", "-0,12", "0,00"; "-" when a year has no figure."""
    if delta is None:
        return "-"
    sign = "+" if delta > 0 else "-" if delta < 0 else ""
    return f"{sign}{sheet_figure(abs(delta))}"


def figure_cell(value: Fraction | None, bold: bool = False) -> Paragraph:
    return para(sheet_figure(value), styles().cell_center, bold=bold)


def text_cell(text: str, centre: bool = False, bold: bool = False) -> Paragraph:
    st = styles()
    return para(text, st.cell_center if centre else st.cell, bold=bold)


def grid_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    shares: Sequence[float],
    width: float,
    bold_last: bool = False,
) -> Table:
    """A table with a repeated header row; ``shares`` of the width per column."""
    st = styles()
    data: list[list[Cell]] = [[para(h, st.cell_head) for h in headers], *map(list, rows)]
    table = Table(data, colWidths=[s * width for s in shares], repeatRows=1, hAlign="LEFT")
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if bold_last:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL))
    table.setStyle(table_style(*commands))
    return table


def section(heading: str, body: Sequence[Flowable], note: str = "") -> list[Flowable]:
    """A numbered heading that never stays alone at a page foot, an optional note, the body."""
    st = styles()
    opening: list[Flowable] = [CondPageBreak(KEEP_WITH_HEADING), para(heading, st.heading)]
    if note:
        opening += [Paragraph(f"<i>{markup(note)}</i>", st.note), Spacer(1, 1.5 * mm)]
    return [*opening, *body]
