"""The plan as a workbook (XLSX), for the office that distributes and tracks the steps: one row
per step with real numbers (the gain to four places, the figure after it as shown), who and
by when; the indicators to answer first; and, for a city plan, the steps per agency.

Written with XlsxWriter (write-only, small, no Excel needed); the text is Indonesian, as
the printed plan's.
"""

from __future__ import annotations

import io

import xlsxwriter

from kotacerdas_desktop.domain.figures import figure_json
from kotacerdas_desktop.domain.plan_text import evidence_needed, next_level, summary
from kotacerdas_desktop.reports.plan_data import PlanDocument

NUMBER_COLUMN = (("No.", 5),)
STEP_COLUMNS = (
    ("Kode indikator", 13),
    ("Indikator", 48),
    ("Dari tingkat", 8),
    ("Ke tingkat", 8),
    ("Tingkat berikutnya", 16),
    ("Yang harus terwujud", 60),
    ("Bukti dukung yang diperlukan", 60),
    ("Kenaikan", 10),
    ("Menjadi", 9),
    ("Upaya", 7),
    ("Penanggung jawab", 22),
    ("Tenggat", 16),
)
OWNER_COLUMNS = (("Kode OPD", 13), ("OPD", 34))


def build_plan_xlsx(document: PlanDocument) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": document.caption, "author": document.agency.name})
    formats = {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "head": book.add_format(
            {"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True}
        ),
        "text": book.add_format({"text_wrap": True, "valign": "top", "border": 1}),
        "gain": book.add_format({"num_format": "0.0000", "valign": "top", "border": 1}),
        "figure": book.add_format({"num_format": "0.00", "valign": "top", "border": 1}),
        "label": book.add_format({"bold": True}),
    }
    _steps_sheet(book, document, formats)
    if document.plan.to_answer:
        _to_answer_sheet(book, document, formats)
    if document.is_city:
        _per_agency_sheet(book, document, formats)
    book.close()
    return buffer.getvalue()


def _header(sheet, row: int, columns, formats) -> None:
    for column, (title, width) in enumerate(columns):
        sheet.set_column(column, column, width)
        sheet.write(row, column, title, formats["head"])


def _steps_sheet(book, document: PlanDocument, formats) -> None:
    sheet = book.add_worksheet("Rencana")
    catalogue = document.catalogue
    sheet.write(0, 0, document.caption, formats["title"])
    for row, (label, value) in enumerate(document.about, start=1):
        sheet.write(row, 0, label, formats["label"])
        sheet.write(row, 2, value)
    row = len(document.about) + 2
    sheet.write(row, 0, summary(catalogue, document.plan).id)
    top = row + 2
    owners = OWNER_COLUMNS if document.is_city else ()
    columns = (*NUMBER_COLUMN, *owners, *STEP_COLUMNS)
    _header(sheet, top, columns, formats)
    for n, (assignment, after) in enumerate(
        zip(document.assignments, document.plan.running(), strict=True), start=1
    ):
        step = assignment.step
        indicator = catalogue.indicator(step.indicator_code)
        label, description = next_level(catalogue, step)
        owner = [step.owner, document.names.get(step.owner, step.owner)] if document.is_city else []
        cells = [
            n,
            *owner,
            step.indicator_code,
            indicator.question.id,
            step.from_level,
            step.to_level,
            label.id,
            description.id,
            evidence_needed(catalogue, step).id,
        ]
        for column, value in enumerate(cells):
            sheet.write(top + n, column, value, formats["text"])
        column = len(cells)
        sheet.write_number(top + n, column, float(step.gain), formats["gain"])
        sheet.write_number(top + n, column + 1, figure_json(after), formats["figure"])
        sheet.write(
            top + n, column + 2, step.effort if document.plan.weighed else "", formats["text"]
        )
        sheet.write(top + n, column + 3, assignment.who, formats["text"])
        sheet.write(top + n, column + 4, assignment.due, formats["text"])
    sheet.freeze_panes(top + 1, 0)
    sheet.autofilter(top, 0, top + len(document.plan.steps), len(columns) - 1)


def _to_answer_sheet(book, document: PlanDocument, formats) -> None:
    sheet = book.add_worksheet("Jawab dulu")
    columns = (*OWNER_COLUMNS, ("Kode indikator", 13), ("Indikator", 70))
    _header(sheet, 0, columns, formats)
    for row, unanswered in enumerate(document.plan.to_answer, start=1):
        question = document.catalogue.indicator(unanswered.indicator_code).question.id
        owner = document.names.get(unanswered.owner, unanswered.owner)
        for column, value in enumerate(
            (unanswered.owner, owner, unanswered.indicator_code, question)
        ):
            sheet.write(row, column, value, formats["text"])
    if not document.is_city:
        sheet.set_column(0, 1, None, None, {"hidden": True})
    sheet.freeze_panes(1, 0)


def _per_agency_sheet(book, document: PlanDocument, formats) -> None:
    sheet = book.add_worksheet("Per OPD")
    _header(sheet, 0, (*OWNER_COLUMNS, ("Langkah", 9), ("Kenaikan indeks kota", 14)), formats)
    for row, (code, count, gain) in enumerate(document.plan.by_owner(), start=1):
        sheet.write(row, 0, code, formats["text"])
        sheet.write(row, 1, document.names.get(code, code), formats["text"])
        sheet.write_number(row, 2, count, formats["text"])
        sheet.write_number(row, 3, float(gain), formats["gain"])
