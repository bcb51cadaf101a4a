"""One chart per dimension: every counted agency's score, highest first, beside the city's.

Horizontal bars on the 0-5 scale with dashed lines where the predicates begin
(as on the sheet's chart), the city's score as a solid line, and each bar's
figure and predicate written at its end. A city with many agencies gets
shorter rows, and a chart continues on the next page rather than shrink
below a readable row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Dimension
from kotacerdas_desktop.reports.fonts import SANS, SANS_BOLD
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.recap_data import RecapData
from kotacerdas_desktop.reports.recap_tables import predicate_label, section
from kotacerdas_desktop.reports.styles import BAR, GRID, MUTED, markup, new_drawing, styles
from kotacerdas_desktop.reports.summary import GRID_LIGHT, MAX_LEVEL, short_name

CITY_LINE = colors.HexColor("#B03A2E")
ROW_MAX = 6.5 * mm
ROW_MIN = 3.4 * mm
LABEL_WIDTH = 26 * mm
VALUE_ROOM = 27 * mm  # "3,45 Sangat Baik" after the longest bar
TOP, BOTTOM = 10 * mm, 11 * mm
CAPTION_ROOM = 16 * mm  # the dimension's caption above the drawing

Bar = tuple[str, Fraction | None]


def _text(
    x: float, y: float, text: str, size: float, bold: bool = False, **style: object
) -> String:
    return String(x, y, text, fontName=SANS_BOLD if bold else SANS, fontSize=size, **style)


def bars_of(data: RecapData, dimension: Dimension) -> list[Bar]:
    """(agency code, score) of every counted agency, highest first, unscored last."""
    bars = [
        (e.agency_code, e.report.dimensions[dimension.code].score) for e in data.picture.entries
    ]
    return sorted(bars, key=lambda b: (b[1] is None, -(b[1] or 0), b[0]))


@dataclass(frozen=True)
class Scale:
    """Where the 0-5 scale lies in a drawing: x of a value, and the plot's vertical extent."""

    left: float
    plot: float
    bottom: float
    top: float

    def x(self, value: float) -> float:
        return self.left + self.plot * value / MAX_LEVEL

    def vertical(self, value: float, extra: float = 0, **style: object) -> Line:
        return Line(self.x(value), self.bottom, self.x(value), self.top + extra, **style)


def _axes(drawing: Drawing, data: RecapData, scale: Scale, city: Fraction | None) -> None:
    """Ticks, the dashed predicate lines with their labels, and the city's line."""
    for tick in range(MAX_LEVEL + 1):
        drawing.add(scale.vertical(tick, strokeColor=GRID_LIGHT, strokeWidth=0.4))
        drawing.add(
            _text(scale.x(tick), scale.bottom - 3.5 * mm, str(tick), 7, textAnchor="middle")
        )
    for predicate in data.catalogue.predicates[1:]:
        dashed = {"strokeColor": MUTED, "strokeWidth": 0.6, "strokeDashArray": [2, 2]}
        drawing.add(scale.vertical(predicate.minimum, 1.5 * mm, **dashed))
        x, y = scale.x(predicate.minimum) + 1, scale.top + 2.5 * mm
        drawing.add(_text(x, y, predicate.label.id, 6.5, fillColor=MUTED))
    if city is not None:  # under the bars and their figures, so it never crosses a figure
        drawing.add(scale.vertical(city, strokeColor=CITY_LINE, strokeWidth=1.4))
        label = f"Kota {sheet_figure(city)}"
        y = scale.bottom - 6.5 * mm
        drawing.add(
            _text(scale.x(city), y, label, 7, True, fillColor=CITY_LINE, textAnchor="middle")
        )


def chart_drawing(
    data: RecapData, bars: list[Bar], city: Fraction | None, width: float, row: float
) -> Drawing:
    """The bars of some agencies with the predicate lines and the city's line."""
    height = TOP + BOTTOM + row * len(bars)
    scale = Scale(LABEL_WIDTH, width - LABEL_WIDTH - VALUE_ROOM, BOTTOM, height - TOP)
    drawing = new_drawing(width, height)
    size = min(8.0, row / mm * 2.1)
    _axes(drawing, data, scale, city)
    for n, (code, value) in enumerate(bars):
        y = height - TOP - (n + 1) * row
        baseline = y + row * 0.5 - size * 0.35
        drawing.add(_text(0, baseline, code, size))
        if value is None:
            drawing.add(_text(scale.x(0) + 2, baseline, "belum ada skor", size, fillColor=MUTED))
            continue
        end = scale.x(value)
        drawing.add(
            Rect(
                scale.x(0),
                y + row * 0.18,
                end - scale.x(0),
                row * 0.64,
                fillColor=BAR,
                strokeColor=None,
            )
        )
        label = f"{sheet_figure(value)} {predicate_label(data.catalogue, value)}"
        # A white patch behind the words keeps them readable where a line passes.
        patch = stringWidth(label, SANS, size) + 2
        drawing.add(
            Rect(end + 1, y + row * 0.2, patch, row * 0.6, fillColor=colors.white, strokeColor=None)
        )
        drawing.add(_text(end + 2, baseline, label, size))
    drawing.add(scale.vertical(0, strokeColor=GRID, strokeWidth=0.6))
    return drawing


def dimension_charts(
    data: RecapData, dimension: Dimension, width: float, height: float
) -> list[Flowable]:
    """The chart of one dimension, in as many parts as the page height needs."""
    st = styles()
    bars = bars_of(data, dimension)
    room = height - CAPTION_ROOM - TOP - BOTTOM
    count = max(len(bars), 1)
    per_part = math.ceil(count / math.ceil(count * ROW_MIN / room))  # parts of even length
    row = min(ROW_MAX, room / per_part)
    city = data.report.dimensions[dimension.code].score
    parts = [bars[i : i + per_part] for i in range(0, len(bars), per_part)]
    flowables: list[Flowable] = []
    for n, part in enumerate(parts):
        caption = (
            f"<b>{markup(short_name(dimension))}</b>: skor kota {sheet_figure(city)} "
            f"{markup(predicate_label(data.catalogue, city))}"
        )
        if n:
            caption += " (lanjutan)"
        flowables.append(
            KeepTogether([Paragraph(caption, st.note), chart_drawing(data, part, city, width, row)])
        )
    return flowables


def charts_section(data: RecapData, number: int, width: float, height: float) -> list[Flowable]:
    """A chart per dimension, in catalogue order."""
    body: list[Flowable] = []
    for dimension in data.dimensions(KIND_DIMENSION):
        body += dimension_charts(data, dimension, width, height)
    note = (
        "Skor tiap OPD per dimensi, dari yang tertinggi; garis merah: skor kota; garis "
        "putus-putus: batas bawah setiap predikat."
    )
    return section(f"{number}. Grafik Skor OPD per Dimensi", body, note=note)
