"""One dimension's answers as a table: element, indicator, chosen level, justification, evidence.

Long text never gets cut: the header row repeats on every page and a row may
split between pages (a 5,000-character justification simply continues). The
part of a row on the next page repeats its number and a shortened indicator,
marked "(lanjutan)" as Tata Naskah Dinas asks, and an evidence entry, the
indicator and the level move whole to the next page rather than break there.
"""

from __future__ import annotations

from typing import TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Dimension, Indicator
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.score_report import Progress
from kotacerdas_desktop.reports.indonesian import format_iso_date, sheet_figure
from kotacerdas_desktop.reports.sheet_data import SheetData
from kotacerdas_desktop.reports.styles import (
    ELEMENT_FILL,
    GRID,
    HEADER_FILL,
    markup,
    para,
    styles,
    table_style,
)

F = TypeVar("F", bound=Flowable)
HEADERS = ("No.", "Indikator", "Tingkat", "Penjelasan", "Bukti Dukung")
# Split a row at the page end rather than leave the space empty; each part at least ~3 lines.
MIN_SPLIT = 32
# Shares of the text width; the justification gets the most room.
COLUMN_SHARES = (0.05, 0.28, 0.12, 0.32, 0.23)
CONTINUED = "(lanjutan)"
SHORT_QUESTION = 55  # characters of the question a continued row repeats
# A paragraph kept whole at a page break is still split when taller than this: no page
# would hold it with the rest of its row.
WHOLE_MAX_HEIGHT = 60 * mm


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


class AnswerTable(Table):
    """A Table whose row split over a page starts again with its number and indicator.

    reportlab splits a row cell by cell and leaves a cell empty on the next page
    when its content fitted above the break; ``split`` then fills the number and
    indicator cells of that first row and lets its height be measured again.
    A split that would leave an element heading last on the page is made above it.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and _first_of(parts[0]._cellvalues[-1][0], ElementHeading):
            above = sum(parts[0]._rowHeights[:-1])
            parts = super().split(availWidth, above + 0.01)
        if len(parts) == 2:
            _mark_continuation(*parts)
        return parts


def _first_of(cell: object, kind: type[F]) -> F | None:
    """The first flowable of a kind in a table cell (a flowable or a list of them)."""
    flowables = cell if isinstance(cell, (list, tuple)) else [cell]
    return next((f for f in flowables if isinstance(f, kind)), None)


def _mark_continuation(before: Table, after: Table) -> None:
    """Repeat the number and the shortened indicator when ``after`` begins inside a row."""
    row = after.repeatRows
    if row >= len(after._cellvalues) or after._cellvalues[row][0]:
        return  # split between rows, or nothing below the repeated header
    number = _first_of(before._cellvalues[-1][0], RowNumber)
    if number is None:
        return
    cells = after._cellvalues[row]
    after._cellvalues[row] = [
        [RowNumber(number.number, number.indicator, styles().cell_center)],
        _continued_indicator_cell(number.indicator),
        *cells[2:],
    ]
    heights = list(after._argH)
    heights[row] = None  # measured again with the repeated cells
    after._argH = after._rowHeights = heights


def short_question(text: str, limit: int = SHORT_QUESTION) -> str:
    """The question cut after a whole word near ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}\u00a0…"  # no line break before the ellipsis


def answered_of(progress: Progress) -> str:
    return f"{progress.answered} dari {progress.total} indikator terjawab"


def score_label(dimension: Dimension) -> str:
    """ "Skor Dimensi Smart Governance (…)"; an enabler section is no dimension: "Skor Faktor …"."""
    prefix = "Skor Dimensi" if dimension.kind == KIND_DIMENSION else "Skor"
    return f"{prefix} {markup(dimension.name.id)}"


def _level_cell(indicator: Indicator, answer: Answer | None) -> list[Flowable]:
    st = styles()
    if answer is None or not answer.is_answered:
        return [para("Belum dijawab", st.cell_muted)]
    if answer.not_applicable:
        return [para("Tidak berlaku", st.cell_muted)]
    level = indicator.level(answer.level)
    return [
        WholeParagraph(f"<b>{answer.level}</b><br/>{markup(level.label.id)}", st.cell_center),
    ]


def _explanation_cell(answer: Answer | None) -> list[Flowable]:
    """Justification (or the reason it does not apply) and the follow-up plan, as typed."""
    st = styles()
    if answer is None or not answer.is_answered:
        return [para("-", st.cell_muted)]
    if answer.not_applicable:
        return [Paragraph(f"<i>Alasan tidak berlaku:</i> {markup(answer.na_reason)}", st.cell)]
    cell = [para(line, st.cell) for line in answer.justification.splitlines() if line.strip()]
    if answer.follow_up.strip():
        cell.append(Paragraph(f"<i>Rencana tindak lanjut:</i> {markup(answer.follow_up)}", st.cell))
    return cell or [para("-", st.cell_muted)]


def evidence_line(evidence: Evidence) -> str:
    """ "Title (No. 5/2025, 12 Maret 2025; berkas terlampir)"."""
    details = []
    if evidence.number.strip():
        details.append(f"No. {evidence.number.strip()}")
    if evidence.date.strip():
        details.append(format_iso_date(evidence.date))
    text = evidence.title.strip()
    if details:
        text += f" ({', '.join(details)})"
    if evidence.sha256:
        text += " [berkas terlampir]"
    return text


def _evidence_cell(answer: Answer | None) -> list[Flowable]:
    st = styles()
    if answer is None or not answer.evidence:
        return [para("-", st.cell_muted)]
    return [
        WholeParagraph(f"{n}. {markup(evidence_line(e))}", st.cell)
        for n, e in enumerate(answer.evidence, start=1)
    ]


def _code_line(indicator: Indicator) -> Paragraph:
    return WholeParagraph(f"<font size=7>{markup(indicator.code)}</font>", styles().cell_muted)


def _indicator_cell(indicator: Indicator) -> list[Flowable]:
    st = styles()
    return [WholeParagraph(markup(indicator.question.id), st.cell), _code_line(indicator)]


def _continued_indicator_cell(indicator: Indicator) -> list[Flowable]:
    st = styles()
    text = f"<i>{CONTINUED}</i> {markup(short_question(indicator.question.id))}"
    return [WholeParagraph(text, st.cell), _code_line(indicator)]


def dimension_table(data: SheetData, dimension: Dimension, width: float) -> Table:
    """The table of one dimension (or enabler section), its element rows shaded, its score last."""
    st = styles()
    score = data.report.dimensions[dimension.code]
    rows: list[list] = [[para(h, st.cell_head) for h in HEADERS]]
    commands: list[tuple] = []
    number = 0
    for element in dimension.elements:
        progress = score.elements[element.code]
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), ELEMENT_FILL),
        ]
        rows.append(
            [
                ElementHeading(
                    f"<b>Elemen: {markup(element.name.id)}</b> — "
                    f"skor elemen {sheet_figure(progress.score)}; {answered_of(progress)}",
                    st.cell,
                ),
                "",
                "",
                "",
                "",
            ]
        )
        for indicator in element.indicators:
            number += 1
            answer = data.answers.get(indicator.code)
            rows.append(
                [
                    [RowNumber(number, indicator, st.cell_center)],
                    _indicator_cell(indicator),
                    _level_cell(indicator, answer),
                    _explanation_cell(answer),
                    _evidence_cell(answer),
                ]
            )
    commands += [
        ("SPAN", (0, len(rows)), (-2, len(rows))),
        ("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEADER_FILL),
    ]
    rows.append(
        [
            Paragraph(f"<b>{score_label(dimension)}</b> — {answered_of(score)}", st.cell),
            "",
            "",
            "",
            Paragraph(f"<b>{sheet_figure(score.score)}</b>", st.cell_center),
        ]
    )
    table = AnswerTable(
        rows,
        colWidths=[share * width for share in COLUMN_SHARES],
        repeatRows=1,
        splitByRow=0,
        splitInRow=MIN_SPLIT,
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


def dimension_section(
    data: SheetData, number: int, dimension: Dimension, width: float, note: str = ""
) -> list[Flowable]:
    """Heading, an optional note, and the table; the heading never sits alone at a page foot."""
    st = styles()
    flowables: list[Flowable] = [
        CondPageBreak(45 * mm),
        para(f"{number}. {dimension.name.id}", st.heading),
    ]
    if note:
        flowables.append(Paragraph(f"<i>{markup(note)}</i>", st.note))
    flowables.append(dimension_table(data, dimension, width))
    return flowables
