"""The recap workbook and the follow-up register read back with openpyxl (and as a zip)."""

from __future__ import annotations

import zipfile
from fractions import Fraction

import openpyxl
import pytest

from kotacerdas_desktop.domain.city import follow_up_register
from kotacerdas_desktop.reports.recap import write_recap
from kotacerdas_desktop.reports.register_xlsx import SHEET_NAME, register_workbook

SHEETS = [
    "Ringkasan",
    "Matriks",
    "Tahun ke tahun",
    "Indikator terlemah",
    "Faktor pendukung",
    "Belum mengirim",
    "Rencana tindak lanjut",
]


@pytest.fixture
def workbook_path(city_store, tmp_path):
    out = tmp_path / "rekap.xlsx"
    write_recap(city_store, 2026, out)
    return out


def test_one_sheet_per_view_each_with_a_frozen_header_and_a_filter(workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == SHEETS
    for sheet in book:
        assert sheet.freeze_panes is not None and sheet.freeze_panes[1:] == "4", sheet.title
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A3:")
        assert sheet["A3"].font.b, sheet.title  # the header row
    assert book["Matriks"].freeze_panes == "D4"  # number, code and name stay in view
    assert book["Matriks"].auto_filter.ref == "A3:P6"  # three agencies; the city row is apart


def test_scores_are_numbers_with_two_decimal_formats_and_exact_values_are_kept(workbook_path):
    book = openpyxl.load_workbook(workbook_path)
    matrix = book["Matriks"]
    headers = [c.value for c in matrix[3]]
    assert headers[:5] == ["No.", "Kode", "Perangkat Daerah", "Revisi", "Sumber"]
    bappeda = next(r for r in matrix.iter_rows(min_row=4) if r[1].value == "BAPPEDA")
    index = bappeda[headers.index("Indeks Pencapaian")]
    assert index.value == 3.47 and index.number_format == "0.00"
    assert isinstance(index.value, float)
    exact = bappeda[headers.index("Indeks Pencapaian (eksak)")]
    assert exact.value == pytest.approx(float(Fraction(52, 15)), abs=1e-12)
    (group,) = [d for d in matrix.column_dimensions.values() if d.min <= exact.column <= d.max]
    assert group.hidden and group.outlineLevel == 1  # folded away, one click to open
    assert "eksak" in matrix["A2"].value  # the note row says where the exact values are
    change = book["Tahun ke tahun"]
    first = [c.value for c in change[4]]
    assert first[:6] == ["Kota", "index", "Indeks Pencapaian", 2.5, 2.63, 0.13]
    assert change["F4"].number_format == "+0.00;-0.00;0.00"
    assert len(matrix.conditional_formatting) >= 1  # the predicate colours


def test_the_workbook_carries_native_charts(workbook_path):
    with zipfile.ZipFile(workbook_path) as archive:
        names = archive.namelist()
        charts = sorted(n for n in names if n.startswith("xl/charts/chart"))
        assert len(charts) == 2  # the city's dimensions, and this year against last
        first = archive.read(charts[0]).decode()
        assert "<c:barChart>" in first and "Ringkasan!$C$" in first
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        assert "drawing" in rels


def test_missing_agencies_weakest_indicators_and_the_register(workbook_path, city_store):
    book = openpyxl.load_workbook(workbook_path)
    missing = [r[0] for r in book["Belum mengirim"].iter_rows(min_row=4, values_only=True)]
    assert missing == ["DISKOMINFO", "DISHUB", "SATPOLPP"]
    weakest = next(book["Indikator terlemah"].iter_rows(min_row=4, values_only=True))
    assert weakest[1] == "D1.B.2" and weakest[6] == 1 and weakest[8:] == (1, "DLH")
    register = list(book[SHEET_NAME].iter_rows(min_row=4, values_only=True))
    expected = follow_up_register(city_store.city.picture(2026), 3)
    assert [(r[0], r[3], r[5], r[6]) for r in register] == [
        (f.agency_code, f.indicator_code, f.level, f.follow_up) for f in expected
    ]
    assert ("DINKES", "D1.B.1", 1, "Rencana DINKES D1.B.1") in [
        (r[0], r[3], r[5], r[6]) for r in register
    ]


def test_the_register_writer_takes_any_rows(city_store, tmp_path):
    picture = city_store.city.picture(2026)
    rows = follow_up_register(picture, 2, dimension_code="D1")
    out = tmp_path / "daftar.xlsx"
    out.write_bytes(register_workbook(rows, picture.catalogue, "Rencana tindak lanjut uji"))
    sheet = openpyxl.load_workbook(out)[SHEET_NAME]
    assert sheet["A1"].value == "Rencana tindak lanjut uji"
    listed = [(r[0], r[3], r[5]) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert listed == [("DINKES", "D1.B.1", 1), ("DLH", "D1.B.2", 1)]
    assert sheet.auto_filter.ref == "A3:G5" and sheet.freeze_panes == "C4"
