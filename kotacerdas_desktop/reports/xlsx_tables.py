"""Writing tables into an XlsxWriter workbook the same way on every sheet.

A sheet opens with its title and a note row, then one table: a bold header
row that stays frozen while scrolling, an autofilter over the header and the
rows, and column formats by kind. Scores are real numbers holding the shown
figure (half-up to two places, the one rounding rule of domain/figures.py)
with a two-decimal number format, so Excel and LibreOffice compute with what
the paper says.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.reports.recap_colours import band_colour

TEXT = "text"
WRAP = "wrap"
FIGURE = "figure"  # a score: the shown figure as a number, "0.00"
CHANGE = "change"  # a signed change of shown figures, "+0.00"
EXACT = "exact"  # an unrounded score, for programs that compute further
COUNT = "count"
NUMBER = "number"  # any other number, as Excel shows it (a weight of 10 or 16.5)
FIGURE_FORMAT = "0.00"
CHANGE_FORMAT = "+0.00;-0.00;0.00"
EXACT_FORMAT = "0.000000"
Value = str | int | Fraction | None
PAPER_A4 = 9  # Excel's paper code


@dataclass(frozen=True)
class Header:
    title: str
    width: float
    kind: str = TEXT


class Formats:
    """The cell formats of one workbook (XlsxWriter formats belong to their workbook)."""

    def __init__(self, workbook: Workbook) -> None:
        add: Callable[[dict], Format] = workbook.add_format
        self.title = add({"bold": True, "font_size": 14})
        self.subtitle = add({"bold": True, "font_size": 11})
        self.note = add({"italic": True, "font_color": "#555555"})
        self.header = add(
            {"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.label = add({"bold": True, "valign": "top"})
        self.columns = {
            TEXT: add({"valign": "top"}),
            WRAP: add({"text_wrap": True, "valign": "top"}),
            FIGURE: add({"num_format": FIGURE_FORMAT, "valign": "top"}),
            CHANGE: add({"num_format": CHANGE_FORMAT, "valign": "top"}),
            EXACT: add({"num_format": EXACT_FORMAT, "valign": "top", "font_color": "#555555"}),
            COUNT: add({"num_format": "0", "valign": "top"}),
            NUMBER: add({"valign": "top"}),
        }
        self.bold_columns = {
            kind: add({**spec, "bold": True})
            for kind, spec in (
                (TEXT, {}),
                (WRAP, {"text_wrap": True}),
                (FIGURE, {"num_format": FIGURE_FORMAT}),
                (CHANGE, {"num_format": CHANGE_FORMAT}),
                (EXACT, {"num_format": EXACT_FORMAT}),
                (COUNT, {"num_format": "0"}),
                (NUMBER, {}),
            )
        }
        self.bands: dict[tuple[int, int], Format] = {}
        self._add = add

    def band(self, position: int, bands: int) -> Format:
        """The fill of a predicate band (the recap's palette), made once per band."""
        key = (position, bands)
        if key not in self.bands:
            self.bands[key] = self._add({"bg_color": band_colour(position, bands)})
        return self.bands[key]


def cell_value(value: Value, kind: str) -> str | int | float | None:
    """What a cell holds: the shown figure for a score, the exact value for an exact column."""
    if value is None:
        return None
    if kind in (FIGURE, CHANGE):
        return float(shown(value))  # a change is already whole hundredths: shown keeps it
    if kind in (EXACT, NUMBER) and not isinstance(value, str):
        return float(value)
    return value if isinstance(value, (str, int)) else str(value)


def new_sheet(workbook: Workbook, formats: Formats, name: str, title: str, note: str) -> Worksheet:
    """A sheet with its title in the first row and the note (what the numbers are) in the second."""
    sheet = workbook.add_worksheet(name)
    sheet.write_string(0, 0, title, formats.title)
    sheet.write_string(1, 0, note, formats.note)
    return sheet


def write_row(
    sheet: Worksheet,
    formats: Formats,
    row: int,
    headers: Sequence[Header],
    values: Sequence[Value],
    bold: bool = False,
) -> None:
    """One row of a table, each cell in its column's format (bold for a total)."""
    chosen = formats.bold_columns if bold else formats.columns
    for column, (header, value) in enumerate(zip(headers, values, strict=True)):
        written = cell_value(value, header.kind)
        if written is None:
            sheet.write_blank(row, column, None, chosen[header.kind])
        else:
            sheet.write(row, column, written, chosen[header.kind])


def write_table(
    sheet: Worksheet,
    formats: Formats,
    first_row: int,
    headers: Sequence[Header],
    rows: Sequence[Sequence[Value]],
    frozen_columns: int = 0,
) -> int:
    """Header, rows, column formats, frozen header and autofilter; returns the last row written."""
    for column, header in enumerate(headers):
        sheet.set_column(column, column, header.width, formats.columns[header.kind])
        sheet.write_string(first_row, column, header.title, formats.header)
    for n, values in enumerate(rows, start=1):
        write_row(sheet, formats, first_row + n, headers, values)
    last = first_row + len(rows)
    sheet.freeze_panes(first_row + 1, frozen_columns)
    sheet.autofilter(first_row, 0, last, len(headers) - 1)
    # Printed from Excel: landscape, one page wide, the header on every page.
    sheet.set_landscape()
    sheet.set_paper(PAPER_A4)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(first_row)
    return last


def colour_by_predicate(
    sheet: Worksheet,
    formats: Formats,
    catalogue: Catalogue,
    cells: tuple[int, int, int, int],
) -> None:
    """Fill score cells with their predicate's colour (a native conditional format on the shown
    figure, so it follows an edited number); blank cells stay white."""
    first_row, first_col, last_row, last_col = cells
    corner = xl_rowcol_to_cell(first_row, first_col)
    edges = [float(p.minimum) for p in catalogue.predicates]
    bands = len(edges)
    for position, low in enumerate(edges):
        test = f"ISNUMBER({corner}),{corner}>={low}"
        if position + 1 < bands:
            test += f",{corner}<{edges[position + 1]}"
        sheet.conditional_format(
            first_row,
            first_col,
            last_row,
            last_col,
            {
                "type": "formula",
                "criteria": f"=AND({test})",
                "format": formats.band(position, bands),
            },
        )


def workbook_bytes(fill: Callable[[Workbook, Formats], None], title: str, author: str) -> bytes:
    """A whole workbook in memory, written by ``fill``; the caller writes the file atomically."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": title, "author": author, "comments": "KotaCerdas Desktop"})
    fill(workbook, Formats(workbook))
    workbook.close()
    return buffer.getvalue()
