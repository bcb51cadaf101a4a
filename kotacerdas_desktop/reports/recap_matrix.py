"""The city matrix: every counted agency across the dimensions, the lenses and the index.

Each figure sits on its predicate's colour with the predicate written under
it (never colour alone). The table needs room for a column per dimension and
per lens; ``fits_portrait`` tells the document when to turn the page.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.recap_colours import band_colour, predicate_colour
from kotacerdas_desktop.reports.recap_data import (
    CITY_CODE,
    GROUP_DIMENSION,
    GROUP_LENS,
    Column,
    MatrixRow,
    RecapData,
    matrix_columns,
    matrix_rows,
)
from kotacerdas_desktop.reports.recap_tables import predicate_label, section
from kotacerdas_desktop.reports.styles import (
    GRID,
    HEADER_FILL,
    MUTED,
    markup,
    para,
    styles,
    table_style,
)

NUMBER_WIDTH = 9 * mm
NAME_MIN = 46 * mm
VALUE_MIN = 15 * mm
GROUP_TITLES = {GROUP_DIMENSION: "Dimensi", GROUP_LENS: "Lensa Evaluasi"}


def fits_portrait(data: RecapData, width: float) -> bool:
    """Whether the matrix's columns fit the portrait text width at their smallest."""
    return NUMBER_WIDTH + NAME_MIN + VALUE_MIN * len(matrix_columns(data)) <= width


def _band_text(data: RecapData, position: int) -> str:
    """ "Cukup 1,80–2,59": the band's label and the shown figures it holds."""
    predicates = data.catalogue.predicates
    label = predicates[position].label.id
    if position + 1 == len(predicates):
        return f"{label} ≥ {sheet_figure(predicates[position].exact_minimum)}"
    edge = predicates[position + 1].exact_minimum
    if position == 0:
        return f"{label} < {sheet_figure(edge)}"
    below_edge = Fraction(math.ceil(edge * 100) - 1, 100)  # the highest shown figure under it
    return f"{label} {sheet_figure(predicates[position].exact_minimum)}–{sheet_figure(below_edge)}"


def legend(data: RecapData, width: float) -> Table:
    """One swatch per predicate band with its label and range."""
    st = styles()
    bands = len(data.catalogue.predicates)
    cells = [para(_band_text(data, n), st.cell_center) for n in range(bands)]
    table = Table([cells], colWidths=[min(width / bands, 42 * mm)] * bands, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            *[
                ("BACKGROUND", (n, 0), (n, 0), colors.HexColor(band_colour(n, bands)))
                for n in range(bands)
            ],
        )
    )
    return table


def _value_cell(data: RecapData, row: MatrixRow, column: Column) -> Paragraph:
    value = row.values[column.code]
    bold = column.group not in (GROUP_DIMENSION, GROUP_LENS) or row.code == CITY_CODE
    figure = f"<b>{sheet_figure(value)}</b>" if bold else sheet_figure(value)
    label = predicate_label(data.catalogue, value) if value is not None else ""
    return Paragraph(f"{figure}<br/><font size=6.5>{markup(label)}</font>", styles().cell_center)


def _name_cell(row: MatrixRow) -> Paragraph:
    st = styles()
    if row.code == CITY_CODE:
        return Paragraph(f"<b>{markup(row.name.upper())}</b>", st.cell)
    notes = [row.code] + ([f"revisi {row.revision}"] if row.revision and row.revision > 1 else [])
    muted = f'<font size=6.5 color="{MUTED.hexval()}">{markup(", ".join(notes))}</font>'
    return Paragraph(f"{markup(row.name)}<br/>{muted}", st.cell)


def _headers(columns: list[Column]) -> tuple[list, list, list[tuple]]:
    """Two header rows: the groups (Dimensi, Lensa Evaluasi) over their column names; the
    number, the agency and the index each span both rows."""
    head = ParagraphStyle("matrix_head", parent=styles().cell_head, fontSize=7, leading=8.5)
    top: list = [para("No.", head), para("Perangkat Daerah", head)]
    bottom: list = ["", ""]
    spans: list[tuple] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    first = 2
    for group, grouped in itertools.groupby(columns, key=lambda c: c.group):
        members = list(grouped)
        last = first + len(members) - 1
        title = GROUP_TITLES.get(group)
        if title is None:
            top += [para(m.short, head) for m in members]
            bottom += [""] * len(members)
            spans += [("SPAN", (c, 0), (c, 1)) for c in range(first, last + 1)]
        else:
            top += [para(title, head)] + [""] * (len(members) - 1)
            bottom += [para(m.short, head) for m in members]
            spans.append(("SPAN", (first, 0), (last, 0)))
        first = last + 1
    return top, bottom, spans


def matrix_table(data: RecapData, width: float) -> Table:
    columns = matrix_columns(data)
    rows = matrix_rows(data)
    top, bottom, spans = _headers(columns)
    body = [
        [para(str(n) if row.code != CITY_CODE else "", styles().cell_center), _name_cell(row)]
        + [_value_cell(data, row, column) for column in columns]
        for n, row in enumerate(rows, start=1)
    ]
    value_width = (width - NUMBER_WIDTH - NAME_MIN) / len(columns)
    value_width = min(value_width, 22 * mm)
    name_width = width - NUMBER_WIDTH - value_width * len(columns)
    table = Table(
        [top, bottom, *body],
        colWidths=[NUMBER_WIDTH, name_width, *[value_width] * len(columns)],
        repeatRows=2,
        hAlign="LEFT",
    )
    fills = [
        (
            "BACKGROUND",
            (c, r),
            (c, r),
            colors.HexColor(predicate_colour(data.catalogue, row.values[column.code])),
        )
        for r, row in enumerate(rows, start=2)
        for c, column in enumerate(columns, start=2)
    ]
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
            ("BACKGROUND", (0, -1), (1, -1), HEADER_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 1.2, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            *spans,
            *fills,
        )
    )
    return table


def matrix_section(data: RecapData, number: int, width: float) -> list[Flowable]:
    note = (
        "Warna sel menurut predikat skor yang ditampilkan; predikat juga tertulis di bawah "
        "setiap angka. Baris terakhir: kota."
    )
    return section(
        f"{number}. Matriks OPD per Dimensi dan Lensa Evaluasi",
        [legend(data, width), Spacer(1, 2 * mm), matrix_table(data, width)],
        note=note,
    )
