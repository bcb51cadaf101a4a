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
from xlsxwriter.worksheet import Worksheet

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER
from kotacerdas_desktop.domain.city import (
    agency_year_over_year,
    follow_up_register,
    year_over_year,
)
from kotacerdas_desktop.domain.score_text import method_sentence, weight_share
from kotacerdas_desktop.reports.indonesian import format_date
from kotacerdas_desktop.reports.recap_cover import CITY_RULE, recap_title
from kotacerdas_desktop.reports.recap_data import (
    INDEX,
    RecapData,
    figure_name,
    lowest_level,
    matrix_columns,
    matrix_rows,
)
from kotacerdas_desktop.reports.recap_tables import predicate_label
from kotacerdas_desktop.reports.register_xlsx import register_title, write_register_sheet
from kotacerdas_desktop.reports.xlsx_tables import (
    CHANGE,
    COUNT,
    EXACT,
    FIGURE,
    NUMBER,
    WRAP,
    Formats,
    Header,
    colour_by_predicate,
    workbook_bytes,
    write_heading,
    write_row,
    write_table,
)

FACT_LINE = 95  # characters per line of a merged fact cell, to size its row
REGISTER_BELOW = 3  # the recap's register: answers below level 3, as the domain's default
FIGURES_NOTE = (
    "Angka skor = angka yang ditampilkan (dibulatkan setengah ke atas ke dua desimal), sama "
    "dengan rekap cetak. Nilai eksak: lembar Matriks, kolom bertanda (eksak) yang dilipat "
    "(klik + di atas kolom untuk membukanya)."
)


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
    sheet = workbook.add_worksheet("Ringkasan")
    place = f" {data.city}" if data.city else ""
    write_heading(
        sheet, formats, f"{recap_title(data).title()}{place} Tahun {data.year}", FIGURES_NOTE
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
    sheet = workbook.add_worksheet("Matriks")
    columns = matrix_columns(data)
    write_heading(
        sheet,
        formats,
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


def year_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    sheet = workbook.add_worksheet("Tahun ke tahun")
    before = data.year - 1
    note = "Perubahan = selisih dua angka yang ditampilkan."
    if data.previous is None:
        note = f"Belum ada penilaian final tahun {before}; perubahan belum dapat dihitung."
    write_heading(sheet, formats, f"Perubahan dari tahun {before} ke {data.year}", note)
    headers = (
        Header("Jenis", 8),
        Header("Kode", 12),
        Header("Nama", 44, WRAP),
        Header(f"Tahun {before}", 11, FIGURE),
        Header(f"Tahun {data.year}", 11, FIGURE),
        Header("Perubahan", 11, CHANGE),
        Header(f"Predikat {data.year}", 14),
    )
    names = {e.agency_code: e.agency_name for e in data.picture.entries}
    city = [
        [
            "Kota",
            c.code,
            figure_name(data, c.code),
            c.before,
            c.now,
            c.shown_delta,
            predicate_label(data.catalogue, c.now),
        ]
        for c in year_over_year(data.picture, data.previous)
    ]
    agencies = sorted(
        (
            [
                "OPD",
                c.code,
                names[c.code],
                c.before,
                c.now,
                c.shown_delta,
                predicate_label(data.catalogue, c.now),
            ]
            for c in agency_year_over_year(data.picture, data.previous)
        ),
        key=lambda r: r[2],
    )
    write_table(sheet, formats, 2, headers, city + agencies, frozen_columns=3)
    colour_by_predicate(sheet, formats, data.catalogue, (3, 3, 2 + len(city) + len(agencies), 4))
    if data.previous is None:
        return
    chart = workbook.add_chart({"type": "bar"})
    for column, year in ((3, before), (4, data.year)):
        chart.add_series(
            {
                "name": f"Tahun {year}",
                "categories": ["Tahun ke tahun", 3, 2, 2 + len(city), 2],
                "values": ["Tahun ke tahun", 3, column, 2 + len(city), column],
            }
        )
    chart.set_title({"name": f"Kota: {before} dan {data.year}"})
    chart.set_x_axis({"min": 0, "max": 5, "major_unit": 1})
    chart.set_y_axis({"reverse": True})
    sheet.insert_chart(2, 8, chart, {"x_scale": 1.4, "y_scale": 1.8})


def weakest_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    sheet = workbook.add_worksheet("Indikator terlemah")
    picture = data.picture
    write_heading(
        sheet,
        formats,
        f"Indikator kota dari yang terlemah, tahun {data.year}",
        "Skor kota = rata-rata tingkat dari OPD yang menjawab. " + FIGURES_NOTE,
    )
    headers = (
        Header("Peringkat", 9, COUNT),
        Header("Kode", 12),
        Header("Indikator", 50, WRAP),
        Header("Dimensi", 22, WRAP),
        Header("Elemen", 22, WRAP),
        Header("Lensa", 12),
        Header("Skor kota", 10, FIGURE),
        Header("Jumlah OPD", 10, COUNT),
        Header("Tingkat terendah", 10, COUNT),
        Header("OPD tingkat terendah", 36, WRAP),
    )
    rows = []
    figures = picture.weakest(len(picture.indicators), kind=KIND_DIMENSION)
    for rank, figure in enumerate(figures, start=1):
        dimension, element, indicator = data.catalogue.locate(figure.code)
        rows.append(
            [
                rank,
                figure.code,
                indicator.question.id,
                dimension.name.id,
                element.name.id,
                indicator.lens or "",
                figure.level,
                figure.answered_by,
                lowest_level(picture, figure),
                ", ".join(figure.lowest),
            ]
        )
    write_table(sheet, formats, 2, headers, rows, frozen_columns=2)


def enabler_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    sheet = workbook.add_worksheet("Faktor pendukung")
    picture = data.picture
    write_heading(
        sheet,
        formats,
        f"Faktor pendukung kota, tahun {data.year}",
        "Dinilai terpisah; tidak dihitung dalam indeks. " + FIGURES_NOTE,
    )
    headers = (
        Header("Kode", 12),
        Header("Aspek", 32, WRAP),
        Header("Skor kota", 10, FIGURE),
        Header("Predikat", 13),
        Header("Indikator terlemah", 14),
        Header("Skor indikator", 10, FIGURE),
        Header("Tingkat terendah", 10, COUNT),
        Header("OPD tingkat terendah", 36, WRAP),
    )
    elements = {e.code: e for d in data.dimensions(KIND_ENABLER) for e in d.elements}
    rows = []
    for code, score in picture.enabler_aspects().items():
        figures = [
            picture.indicators[i.code]
            for i in elements[code].indicators
            if i.code in picture.indicators
        ]
        weakest = min(figures, key=lambda f: (f.level, f.code), default=None)
        rows.append(
            [
                code,
                elements[code].name.id,
                score,
                predicate_label(data.catalogue, score),
                weakest.code if weakest else "",
                weakest.level if weakest else None,
                lowest_level(picture, weakest) if weakest else None,
                ", ".join(weakest.lowest) if weakest else "",
            ]
        )
    write_table(sheet, formats, 2, headers, rows, frozen_columns=2)
    colour_by_predicate(sheet, formats, data.catalogue, (3, 2, 2 + len(rows), 2))


def absent_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    sheet: Worksheet = workbook.add_worksheet("Belum mengirim")
    picture = data.picture
    write_heading(
        sheet,
        formats,
        f"OPD yang tidak dihitung, tahun {data.year}",
        f"{len(picture.missing)} belum mengirim penilaian final; "
        f"{len(picture.other_framework)} dengan kerangka penilaian lain.",
    )
    rows = [
        [code, name, f"belum ada penilaian final tahun {data.year}"]
        for code, name in picture.missing
    ]
    rows += [[code, name, why] for code, name, why in picture.other_framework]
    headers = (
        Header("Kode", 12),
        Header("Perangkat Daerah", 44, WRAP),
        Header("Keterangan", 50, WRAP),
    )
    write_table(sheet, formats, 2, headers, rows, frozen_columns=1)


def recap_workbook(data: RecapData) -> bytes:
    """The whole recap workbook's bytes (pure: no store, any thread)."""
    title = f"Rekapitulasi {data.catalogue.name.id} {data.city} {data.year}".replace("  ", " ")

    def fill(workbook: Workbook, formats: Formats) -> None:
        for sheet in (
            summary_sheet,
            matrix_sheet,
            year_sheet,
            weakest_sheet,
            enabler_sheet,
            absent_sheet,
        ):
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
