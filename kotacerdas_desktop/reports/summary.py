"""The summary (rekapitulasi): dimension scores, the index and its predicate, enablers apart, a chart.

The enabler section is scored the same way but is not part of the index, so
it has its own table and its own grey bar, and the sheet says so.
"""

from __future__ import annotations

import re
from fractions import Fraction

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.catalogue import (
    KIND_DIMENSION,
    KIND_ENABLER,
    METHOD_LENSES,
    Dimension,
)
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.domain.score_text import (
    PROVISIONAL,
    format_share,
    index_name,
    method_sentence,
)
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.document import ScoredDocument
from kotacerdas_desktop.reports.fonts import SANS, SANS_BOLD
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.styles import (
    BAR,
    ENABLER_BAR,
    GRID,
    HEADER_FILL,
    MUTED,
    markup,
    new_drawing,
    para,
    styles,
    table_style,
)

MAX_LEVEL = 5
GRID_LIGHT = colors.HexColor("#CCCCCC")
_PARENTHESES = re.compile(r"\s*\(.*\)\s*$")
ENABLER_NOTE = t(
    "Dinilai terpisah; tidak dihitung dalam indeks.", "Scored apart; not counted in the index."
)
CHART_NOTE = t(
    "Skala 0-5; garis putus-putus menandai batas bawah setiap predikat; batang abu-abu: faktor pendukung.",
    "Scale 0-5; dashed lines mark where each predicate begins; grey bars: enablers.",
)
ENABLERS = t("Faktor Pendukung", "Enablers")
ANSWERED_HEADER = t("Indikator Terjawab", "Indicators Answered")
DIMENSION_HEADER = t("Dimensi", "Dimension")


def short_name(dimension: Dimension) -> str:
    """ "Smart Governance" from "Smart Governance (Tata Kelola Cerdas)", for chart labels."""
    name = str(dimension.name)
    return _PARENTHESES.sub("", name) or name


def _predicate(data: ScoredDocument, value: Fraction | None) -> str:
    predicate = predicate_of(data.catalogue, value)
    return str(predicate.label) if predicate is not None else "-"


def _index_row(data: ScoredDocument) -> tuple[str, str, str]:
    """Label, figure and predicate of the headline index, marked "sementara" on a draft."""
    report = data.report
    notes = [str(PROVISIONAL)] if report.provisional else []
    if report.partial:
        notes.append(str(t("belum semua indikator terjawab", "not every indicator answered")))
    label = str(index_name(report)).upper()
    if report.method != METHOD_LENSES:
        label = str(t("INDEKS", "INDEX")) + f" {str(data.catalogue.name).upper()}"
    if notes:
        label += f" ({'; '.join(notes)})"
    predicate = str(report.predicate.label) if report.predicate else "-"
    if report.provisional and report.predicate:
        predicate += f" ({PROVISIONAL})"
    return label, sheet_figure(report.index), predicate


def _score_table(
    data: ScoredDocument,
    headers: tuple[str, str],
    rows_in: list[tuple[str, str, Fraction | None]],
    width: float,
    total: tuple[str, str, str] | None,
) -> Table:
    """Number, name, a middle column (weight or answered), score and predicate per row;
    the index row last when given."""
    st = styles()
    name_header, middle_header = headers
    heads = (
        "No.",
        name_header,
        middle_header,
        str(t("Skor", "Score")),
        str(t("Predikat", "Predicate")),
    )
    rows: list[list] = [[para(h, st.cell_head) for h in heads]]
    for n, (name, middle, value) in enumerate(rows_in, start=1):
        rows.append(
            [
                para(str(n), st.cell_center),
                para(name, st.cell),
                para(middle, st.cell_center),
                para(sheet_figure(value), st.cell_center),
                para(_predicate(data, value), st.cell_center),
            ]
        )
    commands = []
    if total is not None:
        label, value, predicate = total
        commands = [
            ("SPAN", (0, len(rows)), (2, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEADER_FILL),
        ]
        rows.append(
            [
                para(label, st.cell, bold=True),
                "",
                "",
                para(value, st.cell_center, bold=True),
                para(predicate, st.cell_center, bold=True),
            ]
        )
    table = Table(
        rows,
        colWidths=[w * width for w in (0.06, 0.46, 0.18, 0.12, 0.18)],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


def _section_rows(
    data: ScoredDocument, dimensions: list[Dimension]
) -> list[tuple[str, str, Fraction | None]]:
    rows = []
    for dimension in dimensions:
        progress = data.report.dimensions[dimension.code]
        rows.append(
            (str(dimension.name), f"{progress.answered} / {progress.total}", progress.score)
        )
    return rows


def _lens_rows(data: ScoredDocument) -> list[tuple[str, str, Fraction | None]]:
    weights = [lens.weight for lens in data.catalogue.lenses]
    return [
        (
            str(lens.name),
            format_share(lens.weight, weights),
            data.report.lenses.get(lens.code),
        )
        for lens in data.catalogue.lenses
    ]


def _text(x: float, y: float, text: str, size: float, **style: object) -> String:
    return String(x, y, text, fontName=style.pop("fontName", SANS), fontSize=size, **style)


def score_chart(data: ScoredDocument, width: float) -> Drawing:
    """Horizontal bars of every dimension (blue) and enabler section (grey) on the 0-5 scale,
    with dashed lines where the predicates begin."""
    dimensions = data.dimensions(KIND_DIMENSION) + data.dimensions(KIND_ENABLER)
    row, label_width, top, bottom = 7 * mm, 42 * mm, 9 * mm, 7 * mm
    height = top + bottom + row * len(dimensions)
    plot = width - label_width - 12 * mm
    drawing = new_drawing(width, height)

    def x_of(value: float) -> float:
        return label_width + plot * value / MAX_LEVEL

    for tick in range(MAX_LEVEL + 1):
        x = x_of(tick)
        drawing.add(Line(x, bottom, x, height - top, strokeColor=GRID_LIGHT, strokeWidth=0.4))
        drawing.add(_text(x, bottom - 3.5 * mm, str(tick), 7, textAnchor="middle"))
    for predicate in data.catalogue.predicates[1:]:
        x = x_of(predicate.minimum)
        dashed = {"strokeColor": MUTED, "strokeWidth": 0.6, "strokeDashArray": [2, 2]}
        drawing.add(Line(x, bottom, x, height - top + 1.5 * mm, **dashed))
        drawing.add(
            _text(x + 1, height - top + 2.5 * mm, str(predicate.label), 6.5, fillColor=MUTED)
        )
    for n, dimension in enumerate(dimensions):
        value = data.report.dimensions[dimension.code].score
        y = height - top - (n + 1) * row
        drawing.add(_text(0, y + row * 0.35, short_name(dimension), 8))
        if value is None:
            drawing.add(
                _text(
                    x_of(0) + 2,
                    y + row * 0.35,
                    str(t("belum ada skor", "no score yet")),
                    7,
                    fillColor=MUTED,
                )
            )
            continue
        fill = BAR if dimension.kind == KIND_DIMENSION else ENABLER_BAR
        bar = (x_of(0), y + row * 0.2, x_of(value) - x_of(0), row * 0.6)
        drawing.add(Rect(*bar, fillColor=fill, strokeColor=None))
        # A white patch behind the value keeps it readable where a predicate line passes.
        drawing.add(
            Rect(
                x_of(value) + 1,
                y + row * 0.25,
                17,
                row * 0.5,
                fillColor=colors.white,
                strokeColor=None,
            )
        )
        drawing.add(
            _text(x_of(value) + 2, y + row * 0.35, sheet_figure(value), 7.5, fontName=SANS_BOLD)
        )
    drawing.add(Line(x_of(0), bottom, x_of(0), height - top, strokeColor=GRID, strokeWidth=0.6))
    return drawing


def _captioned(caption: Paragraph, body: Flowable, space: float = 1.5 * mm) -> KeepTogether:
    """A caption that never stays behind at a page foot without what it names."""
    return KeepTogether([Spacer(1, 3 * mm), caption, Spacer(1, space), body])


def summary_section(data: ScoredDocument, number: int, width: float) -> list[Flowable]:
    """The index with its lens breakdown (or the dimensions, for a dimension-method framework),
    the dimension scores, the method sentence, the enablers apart, and the chart."""
    st = styles()
    report = data.report
    dimensions = data.dimensions(KIND_DIMENSION)
    heading = para(
        f"{number}. {t('Rekapitulasi Hasil Penilaian', 'Summary of the Assessment')}", st.heading
    )
    method = Paragraph(f"<i>{markup(str(method_sentence(data.catalogue, report)))}</i>", st.note)
    dimension_headers = (str(DIMENSION_HEADER), str(ANSWERED_HEADER))
    if report.method == METHOD_LENSES:
        flowables: list[Flowable] = [
            _captioned(
                heading,
                _score_table(
                    data,
                    (str(t("Lensa Evaluasi", "Evaluation Lens")), str(t("Bobot", "Weight"))),
                    _lens_rows(data),
                    width,
                    _index_row(data),
                ),
                space=0,
            ),
            Spacer(1, 1.5 * mm),
            method,
            _captioned(
                Paragraph(f"<b>{t('Skor per Dimensi', 'Score per Dimension')}</b>", st.note),
                _score_table(
                    data,
                    dimension_headers,
                    _section_rows(data, dimensions),
                    width,
                    None,
                ),
            ),
        ]
    else:
        flowables = [
            _captioned(
                heading,
                _score_table(
                    data,
                    dimension_headers,
                    _section_rows(data, dimensions),
                    width,
                    _index_row(data),
                ),
                space=0,
            ),
            Spacer(1, 1.5 * mm),
            method,
        ]
    enablers = data.dimensions(KIND_ENABLER)
    if enablers:
        caption = f"<b>{ENABLERS}</b> &nbsp; <i>{markup(str(ENABLER_NOTE))}</i>"
        flowables.append(
            _captioned(
                Paragraph(caption, st.note),
                _score_table(
                    data,
                    (str(ENABLERS), str(ANSWERED_HEADER)),
                    _section_rows(data, enablers),
                    width,
                    None,
                ),
            )
        )
    caption = f"<b>{t('Grafik Skor', 'Score Chart')}</b> &nbsp; <i>{markup(str(CHART_NOTE))}</i>"
    flowables.append(_captioned(Paragraph(caption, st.note), score_chart(data, width)))
    return flowables
