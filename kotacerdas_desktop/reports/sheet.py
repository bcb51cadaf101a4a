"""The evaluation sheet (lembar evaluasi): compose the flowables into one PDF.

The sheet is written in Indonesian, the language of the legal record,
whatever language the program shows; only ``kotacerdas --lang en sheet``
writes an English translation for partners, which says on its first page
that it is one. A finalized sheet is built in
reportlab's invariant mode: the same stored data prints to the same bytes,
today or in five years.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER
from kotacerdas_desktop.domain.text import document_language, t
from kotacerdas_desktop.reports.dimension_table import dimension_section
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE
from kotacerdas_desktop.reports.kop import kop_surat, title_block
from kotacerdas_desktop.reports.page import Footer, render_pages
from kotacerdas_desktop.reports.sheet_data import SheetData, load_sheet_data
from kotacerdas_desktop.reports.signatures import signatures
from kotacerdas_desktop.reports.styles import page_size
from kotacerdas_desktop.reports.summary import ENABLER_NOTE, summary_section
from kotacerdas_desktop.reports.verification import verification_block
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.outputs import PDF, check_output, write_output


@dataclass(frozen=True)
class RenderedSheet:
    pdf: bytes
    pages: int


def story(data: SheetData, width: float) -> list[Flowable]:
    """Kop and title, one section per dimension, the enablers, the summary, then signatures and
    verification together."""
    flowables: list[Flowable] = [*kop_surat(data, width), *title_block(data, width)]
    number = 0
    for dimension in data.dimensions(KIND_DIMENSION):
        number += 1
        flowables += dimension_section(data, number, dimension, width)
    for dimension in data.dimensions(KIND_ENABLER):
        number += 1
        flowables += dimension_section(data, number, dimension, width, note=ENABLER_NOTE)
    flowables += summary_section(data, number + 1, width)
    closing = signatures(data, width)
    if not data.is_draft:
        closing += verification_block(data, width)
    # One page for the signatures and the fingerprint they vouch for: the last page never
    # holds the verification block alone.
    flowables.append(KeepTogether(closing))
    return flowables


def build_sheet(
    data: SheetData, paper: str = "a4", language: str = SHEET_LANGUAGE
) -> RenderedSheet:
    """The PDF of a sheet on A4 or F4 and its page count (pure: no store, no Qt, any thread);
    ``language`` "en" makes the English translation."""
    with document_language(language):
        a = data.assessment
        caption = t(
            f"Lembar Evaluasi {data.agency.code} Tahun {a.year}, Revisi {a.revision}",
            f"Evaluation Sheet {data.agency.code} Year {a.year}, Revision {a.revision} "
            "(English translation)",
        )
        footer = Footer(document_id=data.document_id, caption=str(caption), draft=data.is_draft)
        title = t(
            f"Lembar Evaluasi {data.agency.name} Tahun {a.year} Revisi {a.revision}",
            f"Evaluation Sheet {data.agency.name} Year {a.year} Revision {a.revision} (translation)",
        )
        pdf, pages = render_pages(
            lambda width: story(data, width),
            page_size(paper),
            footer,
            title=str(title),
            author=data.agency.name,
            subject=f"{data.document_number}; SHA-256 {a.fingerprint or t('(draf)', '(draft)')}",
            invariant=not data.is_draft,
            language=language,
        )
    return RenderedSheet(pdf, pages)


@dataclass(frozen=True)
class SavedSheet:
    sheet: RenderedSheet
    path: Path
    replaced: bool  # an earlier PDF of that name was replaced


def write_sheet(
    store: Store,
    assessment_id: int,
    out: Path,
    paper: str = "a4",
    language: str = SHEET_LANGUAGE,
) -> SavedSheet:
    """Write the evaluation sheet of one assessment to ``out``, never onto data (store/outputs.py)."""
    page_size(paper)
    check_output(out, PDF, store.path)  # refuse before spending the time to render
    sheet = build_sheet(load_sheet_data(store, assessment_id), paper, language)
    replaced = write_output(sheet.pdf, out, PDF, store.path)
    return SavedSheet(sheet, Path(out), replaced)


def render_sheet(store: Store, assessment_id: int, out: Path, paper: str = "a4") -> Path:
    """Write the evaluation sheet of one assessment to ``out`` (A4 or F4) and return the path."""
    return write_sheet(store, assessment_id, out, paper).path
