"""The follow-up register (rencana tindak lanjut) as a workbook: what the city works on next year.

One row per weak answer of a counted agency (below the chosen level) with
its plan, as the domain's ``follow_up_register`` gives them. The same sheet
is the last view of the recap workbook; ``register_workbook`` writes it alone
from any rows (the command line, or a filtered view in the GUI).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.workbook import Workbook

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.city import FollowUp
from kotacerdas_desktop.reports.xlsx_tables import (
    COUNT,
    WRAP,
    Formats,
    Header,
    new_sheet,
    workbook_bytes,
    write_table,
)

SHEET_NAME = "Rencana tindak lanjut"
HEADERS = (
    Header("Kode OPD", 12),
    Header("Perangkat Daerah", 30, WRAP),
    Header("Dimensi", 22, WRAP),
    Header("Kode Indikator", 13),
    Header("Indikator", 50, WRAP),
    Header("Tingkat", 8, COUNT),
    Header("Rencana Tindak Lanjut", 60, WRAP),
)
NO_PLAN = "Sel rencana yang kosong: OPD belum menulis rencana tindak lanjut untuk indikator itu."


def register_title(year: int, city: str, below: int) -> str:
    place = f" {city}" if city else ""
    return f"Rencana Tindak Lanjut{place} Tahun {year}: indikator di bawah tingkat {below}"


def write_register_sheet(
    workbook: Workbook,
    formats: Formats,
    rows: Sequence[FollowUp],
    catalogue: Catalogue,
    title: str,
) -> None:
    """The register's sheet: one row per weak answer, filterable by agency and dimension."""
    sheet = new_sheet(workbook, formats, SHEET_NAME, title, f"{len(rows)} baris. {NO_PLAN}")
    cells = []
    for row in rows:
        dimension, _element, indicator = catalogue.locate(row.indicator_code)
        cells.append(
            [
                row.agency_code,
                row.agency_name,
                dimension.name.id,
                row.indicator_code,
                indicator.question.id,
                row.level,
                row.follow_up,
            ]
        )
    write_table(sheet, formats, 2, HEADERS, cells, frozen_columns=2)


def register_workbook(
    rows: Sequence[FollowUp], catalogue: Catalogue, title: str, author: str = ""
) -> bytes:
    """A workbook holding just the register (pure: the rows in, the file's bytes out)."""

    def fill(workbook: Workbook, formats: Formats) -> None:
        write_register_sheet(workbook, formats, rows, catalogue, title)

    return workbook_bytes(fill, title, author)
