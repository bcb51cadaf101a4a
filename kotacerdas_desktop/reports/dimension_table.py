"""One dimension's answers as a table: element, indicator, chosen level, justification, evidence.

Long text never gets cut: the header row repeats on every page and a row may
split between pages (a 5,000-character justification simply continues);
answer_rows.py decides how a row continues on the next page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Dimension, Indicator
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.score_report import Progress
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.reports.answer_rows import (
    MIN_SPLIT,
    AnswerTable,
    ElementHeading,
    RowNumber,
    WholeParagraph,
    indicator_cell,
)
from kotacerdas_desktop.reports.indonesian import format_iso_date, sheet_figure
from kotacerdas_desktop.reports.sheet_data import SheetData
from kotacerdas_desktop.reports.styles import (
    ELEMENT_FILL,
    HEADER_FILL,
    grid_style,
    markup,
    para,
    styles,
)

HEADERS = (
    t("No.", "No."),
    t("Indikator", "Indicator"),
    t("Tingkat", "Level"),
    t("Penjelasan", "Explanation"),
    t("Bukti Dukung", "Evidence"),
)
# Shares of the text width; the justification gets the most room.
COLUMN_SHARES = (0.05, 0.28, 0.12, 0.32, 0.23)


def answered_of(progress: Progress) -> str:
    return str(
        t(
            f"{progress.answered} dari {progress.total} indikator terjawab",
            f"{progress.answered} of {progress.total} indicators answered",
        )
    )


def score_label(dimension: Dimension) -> str:
    """ "Skor Dimensi Smart Governance (…)"; an enabler section is no dimension: "Skor Faktor …"."""
    prefix = (
        t("Skor Dimensi", "Score of Dimension")
        if dimension.kind == KIND_DIMENSION
        else t("Skor", "Score")
    )
    return f"{prefix} {markup(str(dimension.name))}"


def _level_cell(indicator: Indicator, answer: Answer | None) -> list[Flowable]:
    st = styles()
    if answer is None or not answer.is_answered:
        return [para(str(t("Belum dijawab", "Not answered")), st.cell_muted)]
    if answer.not_applicable:
        return [para(str(t("Tidak berlaku", "Not applicable")), st.cell_muted)]
    level = indicator.level(answer.level)
    return [
        WholeParagraph(f"<b>{answer.level}</b><br/>{markup(str(level.label))}", st.cell_center),
    ]


def _explanation_cell(answer: Answer | None) -> list[Flowable]:
    """Justification (or the reason it does not apply) and the follow-up plan, as typed."""
    st = styles()
    if answer is None or not answer.is_answered:
        return [para("-", st.cell_muted)]
    if answer.not_applicable:
        lead = t("Alasan tidak berlaku:", "Why it does not apply:")
        return [Paragraph(f"<i>{lead}</i> {markup(answer.na_reason)}", st.cell)]
    cell = [para(line, st.cell) for line in answer.justification.splitlines() if line.strip()]
    if answer.follow_up.strip():
        lead = t("Rencana tindak lanjut:", "Follow-up plan:")
        cell.append(Paragraph(f"<i>{lead}</i> {markup(answer.follow_up)}", st.cell))
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
        text += str(t(" [berkas terlampir]", " [file attached]"))
    return text


def _evidence_cell(answer: Answer | None) -> list[Flowable]:
    st = styles()
    if answer is None or not answer.evidence:
        return [para("-", st.cell_muted)]
    return [
        WholeParagraph(f"{n}. {markup(evidence_line(e))}", st.cell)
        for n, e in enumerate(answer.evidence, start=1)
    ]


def dimension_table(data: SheetData, dimension: Dimension, width: float) -> Table:
    """The table of one dimension (or enabler section), its element rows shaded, its score last."""
    st = styles()
    score = data.report.dimensions[dimension.code]
    rows: list[list] = [[para(str(h), st.cell_head) for h in HEADERS]]
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
                    f"<b>{t('Elemen', 'Element')}: {markup(str(element.name))}</b> — "
                    f"{t('skor elemen', 'element score')} {sheet_figure(progress.score)}; "
                    f"{answered_of(progress)}",
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
                    indicator_cell(indicator),
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
        grid_style(
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


def dimension_section(
    data: SheetData, number: int, dimension: Dimension, width: float, note: LocalText | None = None
) -> list[Flowable]:
    """Heading, an optional note, and the table; the heading never sits alone at a page foot."""
    st = styles()
    flowables: list[Flowable] = [
        CondPageBreak(45 * mm),
        para(f"{number}. {dimension.name}", st.heading),
    ]
    if note:
        flowables.append(Paragraph(f"<i>{markup(str(note))}</i>", st.note))
    flowables.append(dimension_table(data, dimension, width))
    return flowables
