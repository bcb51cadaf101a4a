"""Write the city recap of a year as PDF, XLSX or CSV, chosen by the file's extension.

Everything is checked before a byte is written (the extension, the paper,
the coordinator, a year with finalized assessments, a target that would destroy
data), and the file is written whole or not at all (store/outputs.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import document_language, t
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE
from kotacerdas_desktop.reports.recap_csv import recap_csv
from kotacerdas_desktop.reports.recap_data import RecapData, load_recap_data
from kotacerdas_desktop.reports.recap_pdf import build_recap
from kotacerdas_desktop.reports.recap_xlsx import recap_workbook
from kotacerdas_desktop.reports.styles import page_size
from kotacerdas_desktop.store import Store, outputs

PDF, XLSX, CSV = ".pdf", ".xlsx", ".csv"
RECAP_FORMATS = (PDF, XLSX, CSV)
OUTPUT_KINDS = {PDF: outputs.PDF, XLSX: outputs.XLSX, CSV: outputs.CSV}


@dataclass(frozen=True)
class WrittenRecap:
    path: Path
    kind: str  # ".pdf", ".xlsx" or ".csv"
    size: int  # bytes
    pages: int = 0  # PDF only
    landscape_matrix: bool = False  # PDF only: the matrix turned to landscape pages


def output_kind(out: Path, allowed: tuple[str, ...] = RECAP_FORMATS) -> str:
    """The format named by the file's extension; ValidationError for any other."""
    kind = Path(out).suffix.lower()
    if kind not in allowed:
        names = " / ".join(allowed)
        raise ValidationError(
            t(
                f'Format berkas "{Path(out).name}" tidak dikenal; akhiri nama berkas dengan {names}.',
                f'Unknown file format "{Path(out).name}"; end the file name with {names}.',
            ),
            field="out",
        )
    return kind


def recap_bytes(data: RecapData, kind: str, paper: str) -> tuple[bytes, int, bool]:
    """The file's content, and for a PDF its page count and whether the matrix is landscape;
    in Indonesian whatever language the window shows, like the sheet."""
    with document_language(SHEET_LANGUAGE):
        if kind == PDF:
            rendered = build_recap(data, paper)
            return rendered.pdf, rendered.pages, rendered.landscape_matrix
        return (recap_workbook(data) if kind == XLSX else recap_csv(data)), 0, False


def write_recap(
    store: Store,
    year: int,
    out: Path,
    paper: str = "a4",
    coordinator: str | None = None,
    today: dt.date | None = None,
) -> WrittenRecap:
    """Write the recap of ``year`` to ``out`` in the format its extension names."""
    kind = output_kind(out)
    page_size(paper)
    output = OUTPUT_KINDS[kind]
    outputs.check_output(out, output, store.path)  # refuse before spending the time to make it
    agency = store.coordinator.resolve(coordinator, required=kind == PDF)
    data = load_recap_data(store, year, agency, today, last_year=kind != CSV)
    content, pages, turned = recap_bytes(data, kind, paper)
    outputs.write_output(content, out, output, store.path)
    return WrittenRecap(Path(out), kind, len(content), pages, turned)
