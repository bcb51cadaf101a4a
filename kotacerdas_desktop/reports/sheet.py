"""The evaluation sheet (lembar evaluasi): compose the flowables into one PDF.

The sheet is always written in Indonesian, the language of the legal record,
whatever language the program shows. A finalized sheet is built in
reportlab's invariant mode: the same stored data prints to the same bytes,
today or in five years.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER
from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.dimension_table import dimension_section
from kotacerdas_desktop.reports.kop import kop_surat, title_block
from kotacerdas_desktop.reports.page import Footer, render_pages
from kotacerdas_desktop.reports.sheet_data import SheetData, load_sheet_data
from kotacerdas_desktop.reports.signatures import signatures
from kotacerdas_desktop.reports.styles import page_size
from kotacerdas_desktop.reports.summary import ENABLER_NOTE, summary_section
from kotacerdas_desktop.reports.verification import verification_block
from kotacerdas_desktop.store import Store


@dataclass(frozen=True)
class RenderedSheet:
    pdf: bytes
    pages: int


def story(data: SheetData, width: float) -> list[Flowable]:
    """Kop and title, one section per dimension, the enablers, the summary, signatures, verification."""
    flowables: list[Flowable] = [*kop_surat(data, width), *title_block(data, width)]
    number = 0
    for dimension in data.dimensions(KIND_DIMENSION):
        number += 1
        flowables += dimension_section(data, number, dimension, width)
    for dimension in data.dimensions(KIND_ENABLER):
        number += 1
        flowables += dimension_section(data, number, dimension, width, note=ENABLER_NOTE)
    flowables += summary_section(data, number + 1, width)
    flowables.append(signatures(data, width))
    if not data.is_draft:
        flowables.append(verification_block(data, width))
    return flowables


def build_sheet(data: SheetData, paper: str = "a4") -> RenderedSheet:
    """The PDF of a sheet on A4 or F4 and its page count (pure: no store, no Qt, any thread)."""
    a = data.assessment
    footer = Footer(
        document_id=data.document_id,
        caption=f"Lembar Evaluasi {data.agency.code} Tahun {a.year}, Revisi {a.revision}",
        draft=data.is_draft,
    )
    pdf, pages = render_pages(
        lambda width: story(data, width),
        page_size(paper),
        footer,
        title=f"Lembar Evaluasi {data.agency.name} Tahun {a.year} Revisi {a.revision}",
        author=data.agency.name,
        subject=f"{data.document_number}; SHA-256 {a.fingerprint or '(draf)'}",
        invariant=not data.is_draft,
    )
    return RenderedSheet(pdf, pages)


def write_atomically(content: bytes, out: Path) -> Path:
    """Write the file whole or not at all: a half-written PDF must never be printed or sent."""
    out = Path(out)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, out)
    except OSError as exc:
        raise StorageError(
            t(
                f"Berkas {out} tidak dapat ditulis: {exc.strerror or exc}",
                f"File {out} cannot be written: {exc.strerror or exc}",
            ),
            field="out",
        ) from exc
    return out


def write_sheet(store: Store, assessment_id: int, out: Path, paper: str = "a4") -> RenderedSheet:
    """Write the evaluation sheet of one assessment to ``out``; the rendered sheet is returned."""
    page_size(paper)
    sheet = build_sheet(load_sheet_data(store, assessment_id), paper)
    write_atomically(sheet.pdf, out)
    return sheet


def render_sheet(store: Store, assessment_id: int, out: Path, paper: str = "a4") -> Path:
    """Write the evaluation sheet of one assessment to ``out`` (A4 or F4) and return the path."""
    write_sheet(store, assessment_id, out, paper)
    return Path(out)
