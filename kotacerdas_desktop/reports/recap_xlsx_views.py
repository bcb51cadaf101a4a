"""The recap workbook's list views: the change from last year (with a chart), the weakest
indicators, the enabler aspects, and the agencies not counted.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION
from kotacerdas_desktop.domain.city import (
    agency_year_over_year,
    year_over_year,
)
from kotacerdas_desktop.reports.recap_data import (
    RecapData,
    enabler_aspects,
    figure_name,
    lowest_level,
)
from kotacerdas_desktop.reports.recap_tables import predicate_label
from kotacerdas_desktop.reports.xlsx_tables import (
    CHANGE,
    COUNT,
    FIGURE,
    WRAP,
    Formats,
    Header,
    colour_by_predicate,
    new_sheet,
    write_table,
)

FIGURES_NOTE = (
    "Angka skor = angka yang ditampilkan (dibulatkan setengah ke atas ke dua desimal), sama "
    "dengan rekap cetak. Nilai eksak: lembar Matriks, kolom bertanda (eksak) yang dilipat "
    "(klik + di atas kolom untuk membukanya)."
)


def year_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    before = data.year - 1
    note = "Perubahan = selisih dua angka yang ditampilkan."
    if data.previous is None:
        note = f"Belum ada penilaian final tahun {before}; perubahan belum dapat dihitung."
    sheet = new_sheet(
        workbook, formats, "Tahun ke tahun", f"Perubahan dari tahun {before} ke {data.year}", note
    )
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
    picture = data.picture
    sheet = new_sheet(
        workbook,
        formats,
        "Indikator terlemah",
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
    picture = data.picture
    sheet = new_sheet(
        workbook,
        formats,
        "Faktor pendukung",
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
    rows = [
        [
            aspect.code,
            aspect.name,
            aspect.score,
            predicate_label(data.catalogue, aspect.score),
            *(
                (w.code, w.level, lowest_level(picture, w), ", ".join(w.lowest))
                if (w := aspect.weakest)
                else ("", None, None, "")
            ),
        ]
        for aspect in enabler_aspects(data)
    ]
    write_table(sheet, formats, 2, headers, rows, frozen_columns=2)
    colour_by_predicate(sheet, formats, data.catalogue, (3, 2, 2 + len(rows), 2))


def absent_sheet(workbook: Workbook, formats: Formats, data: RecapData) -> None:
    picture = data.picture
    sheet = new_sheet(
        workbook,
        formats,
        "Belum mengirim",
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


VIEW_SHEETS = (year_sheet, weakest_sheet, enabler_sheet, absent_sheet)
