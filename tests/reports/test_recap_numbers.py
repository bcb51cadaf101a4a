"""The recap's figures against a computation by hand, and the three formats saying the same."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from fractions import Fraction

import openpyxl

from kotacerdas_desktop.domain.scoring import counting_levels
from kotacerdas_desktop.reports.recap import write_recap
from kotacerdas_desktop.reports.recap_data import CITY_CODE, load_recap_data, matrix_rows
from kotacerdas_desktop.reports.recap_tables import change_text
from tests.domain.test_scoring_properties import reference_index
from tests.factories import worked_example_data
from tests.reports.reading import full_text
from tests.reports.recap_city import CITY_LEVELS

# Effective weights by hand (docs/scoring.md): D1 2/3 and D2 1/3 of the index; in D1 the
# elements halve it; D1.B.1 weighs 2 and D1.B.2 1 in D1.B; every indicator counts in the city.
WEIGHTS = {
    "D1.A.1": Fraction(2, 3) * Fraction(1, 2) * Fraction(1, 2),
    "D1.A.2": Fraction(2, 3) * Fraction(1, 2) * Fraction(1, 2),
    "D1.B.1": Fraction(2, 3) * Fraction(1, 2) * Fraction(2, 3),
    "D1.B.2": Fraction(2, 3) * Fraction(1, 2) * Fraction(1, 3),
    "D2.A.1": Fraction(1, 3) * Fraction(1, 2),
    "D2.A.2": Fraction(1, 3) * Fraction(1, 2),
}
LENSES = {"output": ("D1.A.1", "D1.B.2", "D2.A.1"), "impact": ("D1.A.2", "D1.B.1", "D2.A.2")}
LENS_WEIGHTS = {"output": 40, "impact": 60}
TODAY = dt.date(2026, 11, 29)


def by_hand() -> tuple[dict[str, Fraction], Fraction]:
    """The lens scores and the index from the hand-made city levels."""
    lenses = {
        lens: sum(WEIGHTS[c] * CITY_LEVELS[c] for c in codes) / sum(WEIGHTS[c] for c in codes)
        for lens, codes in LENSES.items()
    }
    index = sum(LENS_WEIGHTS[lens] * value for lens, value in lenses.items()) / 100
    return lenses, index


def test_city_figures_match_the_computation_by_hand(city_store):
    data = load_recap_data(city_store, 2026, None)
    lenses, index = by_hand()
    assert {code: f.level for code, f in data.picture.indicators.items()} == CITY_LEVELS
    assert data.report.lenses == lenses == {"output": Fraction(25, 8), "impact": Fraction(23, 10)}
    assert data.report.index == index == Fraction(263, 100)
    d1_a = (CITY_LEVELS["D1.A.1"] + CITY_LEVELS["D1.A.2"]) / 2
    d1_b = (2 * CITY_LEVELS["D1.B.1"] + CITY_LEVELS["D1.B.2"]) / 3
    assert data.report.dimensions["D1"].score == (d1_a + d1_b) / 2 == Fraction(9, 4)
    assert data.report.dimensions["D2"].score == Fraction(7, 2)
    assert data.report.dimensions["EN"].score == Fraction(8, 3)  # apart from the index
    assert [code for code, _ in data.picture.missing] == ["DISKOMINFO", "DISHUB"]
    assert [code for code, _, _ in data.picture.other_framework] == ["SATPOLPP"]
    rows = {row.code: row for row in matrix_rows(data)}
    assert list(rows) == ["BAPPEDA", "DINKES", "DLH", CITY_CODE]  # by name, the city last
    assert rows[CITY_CODE].values == {
        "D1": Fraction(9, 4),
        "D2": Fraction(7, 2),
        **lenses,
        "index": index,
    }
    for entry in data.picture.entries:  # every agency by an independent implementation
        levels = counting_levels(data.catalogue, entry.answers)
        assert rows[entry.agency_code].values["index"] == reference_index(
            worked_example_data(), {c: v for c, v in levels.items() if not c.startswith("EN.")}
        )


def test_pdf_xlsx_and_csv_state_the_same_figures(city_store, tmp_path):
    for name in ("rekap.pdf", "rekap.xlsx", "rekap.csv"):
        write_recap(city_store, 2026, tmp_path / name, coordinator="BAPPEDA", today=TODAY)
    # the CSV: one row per agency, then the city, shown figures with a decimal point
    raw = (tmp_path / "rekap.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.count(codecs.BOM_UTF8) == 1
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table[3][:2] == ["DLH", "Dinas Lingkungan Hidup & Kebersihan"]
    assert table[0] == [
        "Kode",
        "Perangkat Daerah",
        "Revisi",
        "D1",
        "D2",
        "Output",
        "Dampak",
        "Indeks Pencapaian",
        "Predikat Indeks",
    ]
    city = table[-1]
    assert city == ["KOTA", "Kota Contoh", "", "2.25", "3.50", "3.13", "2.30", "2.63", "Baik"]
    assert [row[0] for row in table[1:]] == ["BAPPEDA", "DINKES", "DLH", "KOTA"]
    assert table[1][7] == "3.47"  # BAPPEDA: the worked example of docs/scoring.md
    # the workbook: the same shown figures as numbers
    book = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    summary = book["Ringkasan"]
    assert (summary["C4"].value, summary["E4"].value, summary["F4"].value) == (
        "Indeks Pencapaian",
        2.63,
        "Baik",
    )
    matrix = book["Matriks"]
    city_row = next(r for r in matrix.iter_rows(min_row=4, values_only=True) if r[1] == CITY_CODE)
    assert city_row[5:11] == (2.25, 3.5, 3.13, 2.3, 2.63, "Baik")
    # the PDF: the index, its predicate, the breakdown and the change from last year
    pdf = full_text(tmp_path / "rekap.pdf")
    assert "INDEKS PENCAPAIAN KOTA CONTOH TAHUN 2026 2,63 Baik" in pdf
    assert "Skor Kota" in pdf and "2,25" in pdf and "3,50" in pdf
    assert "Dinas Lingkungan Hidup & Kebersihan" in pdf
    assert "Indeks Pencapaian 2,50 2,63 +0,13 Baik" in pdf  # 2025: every city level 2,5


def test_a_change_is_written_with_its_sign():
    assert change_text(Fraction(13, 100)) == "+0,13"
    assert change_text(Fraction(-1, 2)) == "-0,50"
    assert change_text(Fraction(0)) == "0,00"
    assert change_text(None) == "-"
