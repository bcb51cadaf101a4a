"""The Kota window's cells: the change a reader can check, band colours and ranges, titles."""

from __future__ import annotations

from fractions import Fraction

from kotacerdas_desktop.domain.city import YearChange
from kotacerdas_desktop.gui.city_cells import (
    BAND_COLOURS,
    Bands,
    figure_cell,
    format_change,
    wrap_title,
)
from kotacerdas_desktop.gui.city_matrix import band_ranges
from kotacerdas_desktop.store import Store


def test_the_change_is_the_difference_of_the_shown_figures() -> None:
    # 2,584 shows as 2,58 and 3,045 as 3,05: the exact difference 0,461 would show as 0,46,
    # but a reader subtracting the two figures beside it gets 0,47.
    change = YearChange("index", Fraction(3045, 1000), Fraction(2584, 1000))
    assert format_change(change) == "+0,47 ▲"
    assert format_change(YearChange("x", Fraction(2584, 1000), Fraction(3045, 1000))) == "−0,47 ▼"
    assert format_change(YearChange("x", Fraction(2581, 1000), Fraction(2579, 1000))) == "0,00"
    assert format_change(YearChange("x", Fraction(3), None)) == "–"
    assert format_change(YearChange("x", None, Fraction(3))) == "–"


def test_cells_name_their_predicate_and_take_its_band(store: Store) -> None:
    stored = next(c for c in store.catalogues.list() if c.code == "SMARTCITY")
    catalogue = store.catalogues.load(stored.id)
    bands = Bands(catalogue)
    low, high = figure_cell(bands, Fraction(1), "X"), figure_cell(bands, Fraction(9, 2), "X")
    assert low.text == "1,00" and "Kurang" in low.tip and low.fill == BAND_COLOURS[0]
    assert high.text == "4,50" and "Memuaskan" in high.tip and high.fill == BAND_COLOURS[-1]
    # The predicate is read from the shown figure: 2,595 shows as 2,60, which is Baik.
    edge = figure_cell(bands, Fraction(2595, 1000), "X")
    assert edge.text == "2,60" and "Baik" in edge.tip
    empty = figure_cell(bands, None, "X")
    assert empty.text == "–" and empty.fill == "" and "belum ada skor" in empty.tip
    assert band_ranges(catalogue) == [
        "Kurang (< 1,80)",
        "Cukup (1,80 – 2,59)",
        "Baik (2,60 – 3,49)",
        "Sangat Baik (3,50 – 4,19)",
        "Memuaskan (≥ 4,20)",
    ]


def test_column_titles_wrap_at_words() -> None:
    assert wrap_title("Smart Governance") == "Smart\nGovernance"
    assert wrap_title("Perubahan dari 2025") == "Perubahan\ndari 2025"
    assert wrap_title("Output") == "Output"
