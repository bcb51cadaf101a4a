"""The city recap as an Excel workbook: one sheet per view of the city picture.

Ringkasan (the index and its breakdown, with a chart), Matriks (agencies x
dimensions and lenses, coloured by predicate, exact values in a collapsed
column group), Tahun ke tahun (with a chart), Indikator terlemah, Faktor
pendukung, Belum mengirim and Rencana tindak lanjut. Written with XlsxWriter
(native charts, number formats, conditional formats); the same numbers as
the PDF, from the same RecapData.
"""

from __future__ import annotations

import math

from xlsxwriter.workbook import Workbook

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER
from kotacerdas_desktop.domain.city import (
    follow_up_register,
)
from kotacerdas_desktop.domain.score_text import method_sentence, weight_share
from kotacerdas_desktop.reports.indonesian import format_date
from kotacerdas_desktop.reports.recap_cover import CITY_RULE, recap_title
from kotacerdas_desktop.reports.recap_data import (
    INDEX,
    RecapData,
    figure_name,
    matrix_columns,
    matrix_rows,
)
from kotacerdas_desktop.reports.recap_tables import predicate_label
from kotacerdas_desktop.reports.recap_xlsx_views import FIGURES_NOTE, VIEW_SHEETS
from kotacerdas_desktop.reports.register_xlsx import register_title, write_register_sheet
from kotacerdas_desktop.reports.xlsx_tables import (
    COUNT,
    EXACT,
    FIGURE,
    NUMBER,
    WRAP,
    Formats,
    Header,
    colour_by_predicate,
    new_sheet,
    workbook_bytes,
    write_row,
    write_table,
)

FACT_LINE = 95  # characters per line of a merged fact cell, to size its row
REGISTER_BELOW = 3  # the recap's register: answers below level 3, as the domain's default


def _summary_rows(data: RecapData) -> list[list]:
    report, catalogue = data.report, data.catalogue
    weights = [lens.weight for lens in catalogue.lenses]
    rows: list[list] = [
        [
            "Indeks",
            "",
            figure_name(data, INDEX),
            None,
            report.index,
            predicate_label(catalogue, report.index),
            f"{report.answered}/{report.total}",
        ]
    ]
    rows += [
        [
            "Lensa",
            lens.code,
            lens.name.id,
            weight_share(lens.weight, weights),
            report.lenses.get(lens.code),
            predicate_label(catalogue, report.lenses.get(lens.code)),
            "",
        ]
        for lens in catalogue.lenses
    ]
    for kind, label in ((KIND_DIMENSION, "Dimensi"), (KIND_ENABLER, "Faktor pendukung")):
        for dimension in data.dimensions(kind):
            section = report.dimensions[dimension.code]
            rows.append(
                [
                    label,
                    dimension.code,
                    dimension.name.id,
                    None,
                    section.score,
                    predicate_label(catalogue, section.score),
                    f"{section.answered}/{section.total}",
                ]
            )
    return rows


def _facts(data: RecapData) -> list[tuple[str, str]]:
    picture = data.picture
    facts = [
        (
            "Kerangka penilaian",
            f"{data.catalogue.name.id}, {data.catalogue.code} versi {data.catalogue.version}",
        ),
        ("OPD dihitung", str(len(picture.entries))),
        ("Belum mengirim", str(len(picture.missing))),
        ("Kerangka lain (tidak dihitung)", str(len(picture.other_framework))),
    ]
    if data.coordinator is not None:
        facts.append(("Disusun oleh", data.coordinator.name))
    facts += [
        ("ID dokumen", data.document_id),
        ("Tanggal", format_date(data.sign_date)),
        ("Cara menghitung", method_sentence(data.catalogue, data.report).id),
        ("Skor kota", CITY_RULE),
    ]
    return facts


def summary_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    place = f" {data.city}" if data.city else ""
    sheet = new_sheet(
        workbook,
        formats,
        "Ringkasan",
        f"{recap_title(data).title()}{place} Tahun {data.year}",
        FIGURES_NOTE,
    )
    headers = (
        Header("Bagian", 16),
        Header("Kode", 10),
        Header("Nama", 42, WRAP),
        Header("Bobot (%)", 10, NUMBER),
        Header("Skor", 9, FIGURE),
        Header("Predikat", 13),
        Header("Indikator terjawab", 12),
    )
    rows = _summary_rows(data)
    last = write_table(sheet, formats, 2, headers, rows)
    write_row(sheet, formats, 3, headers, rows[0], bold=True)
    colour_by_predicate(sheet, formats, data.catalogue, (3, 4, last, 4))
    row = last + 2
    for label, value in _facts(data):
        sheet.write_string(row, 0, label, formats.label)
        sheet.merge_range(row, 1, row, 6, value, formats.columns[WRAP])
        sheet.set_row(row, 15 * math.ceil(len(value) / FACT_LINE))
        row += 1
    dimensions = [n for n, r in enumerate(rows) if r[0] == "Dimensi"]
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": "Skor kota",
            "categories": ["Ringkasan", 3 + dimensions[0], 2, 3 + dimensions[-1], 2],
            "values": ["Ringkasan", 3 + dimensions[0], 4, 3 + dimensions[-1], 4],
            "data_labels": {"value": True, "num_format": "0.00"},
        }
    )
    chart.set_title({"name": f"Skor dimensi kota {data.year}"})
    chart.set_x_axis({"min": 0, "max": 5, "major_unit": 1})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    sheet.insert_chart(2, 8, chart, {"x_scale": 1.3, "y_scale": 1.3})


def matrix_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    columns = matrix_columns(data)
    sheet = new_sheet(
        workbook,
        formats,
        "Matriks",
        f"Matriks OPD per dimensi dan lensa, tahun {data.year}",
        f"{FIGURES_NOTE} Warna sel menurut predikat. Baris terakhir: kota.",
    )
    headers = [
        Header("No.", 5, COUNT),
        Header("Kode", 12),
        Header("Perangkat Daerah", 36, WRAP),
        Header("Revisi", 7, COUNT),
        Header("Sumber", 9),
    ]
    headers += [Header(c.short, 12, FIGURE) for c in columns]
    headers.append(Header("Predikat indeks", 13))
    headers += [Header(f"{c.short} (eksak)", 12, EXACT) for c in columns]
    agencies, city = matrix_rows(data)[:-1], matrix_rows(data)[-1]

    def values(number: int | None, row) -> list:
        figures = [row.values[c.code] for c in columns]
        source = "" if row.imported is None else ("impor" if row.imported else "lokal")
        index = row.values[columns[-1].code]
        return [
            number,
            row.code,
            row.name,
            row.revision,
            source,
            *figures,
            predicate_label(data.catalogue, index),
            *figures,
        ]

    last = write_table(
        sheet,
        formats,
        2,
        headers,
        [values(n, r) for n, r in enumerate(agencies, start=1)],
        frozen_columns=3,
    )
    city_row = last + 2
    write_row(sheet, formats, city_row, headers, values(None, city), bold=True)
    first_value, last_value = 5, 4 + len(columns)
    colour_by_predicate(sheet, formats, data.catalogue, (3, first_value, city_row, last_value))
    first_exact = last_value + 2
    sheet.set_column(
        first_exact,
        first_exact + len(columns) - 1,
        12,
        formats.columns[EXACT],
        {"level": 1, "hidden": True},
    )
    sheet.set_column(
        first_exact + len(columns), first_exact + len(columns), None, None, {"collapsed": True}
    )
    sheet.set_row(2, 30)


def recap_workbook(data: RecapData) -> bytes:
    """The whole recap workbook's bytes (pure: no store, any thread)."""
    title = f"Rekapitulasi {data.catalogue.name.id} {data.city} {data.year}".replace("  ", " ")

    def fill(workbook: Workbook, formats: Formats) -> None:
        for sheet in (summary_sheet, matrix_sheet, *VIEW_SHEETS):
            sheet(workbook, formats, data)
        rows = follow_up_register(data.picture, REGISTER_BELOW)
        write_register_sheet(
            workbook,
            formats,
            rows,
            data.catalogue,
            register_title(data.year, data.city, REGISTER_BELOW),
        )

    author = data.coordinator.name if data.coordinator else ""
    return workbook_bytes(fill, title, author)
