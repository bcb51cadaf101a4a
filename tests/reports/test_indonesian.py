"""Dates, places and numbers written the Indonesian way, whatever the PC's locale."""

import datetime as dt
from fractions import Fraction

import pytest

from kotacerdas_desktop.reports.indonesian import (
    MONTHS,
    format_date,
    format_iso_date,
    place_and_date,
    place_name,
    sheet_figure,
)


def test_every_month_has_its_indonesian_name():
    written = [format_date(dt.date(2026, month, 1)) for month in range(1, 13)]
    assert written[0] == "1 Januari 2026"
    assert written[4] == "1 Mei 2026"
    assert written[7] == "1 Agustus 2026"
    assert written[11] == "1 Desember 2026"
    assert [w.split()[1] for w in written] == list(MONTHS)


@pytest.mark.parametrize(
    ("city", "place"),
    [
        ("Kota Mojokerto", "Mojokerto"),
        ("Kabupaten Sidoarjo", "Sidoarjo"),
        ("Pemerintah Kota Surabaya", "Surabaya"),
        ("  Mojokerto ", "Mojokerto"),
        ("Kota", "Kota"),
        ("", ""),
    ],
)
def test_place_name(city, place):
    assert place_name(city) == place


def test_place_and_date_as_signed():
    assert place_and_date("Kota Mojokerto", dt.date(2026, 11, 29)) == "Mojokerto, 29 November 2026"
    assert place_and_date("", dt.date(2026, 3, 5)) == "5 Maret 2026"


def test_sheet_figures_use_a_decimal_comma_whatever_the_ui_language():
    """A document built in Indonesian (document_language) writes "3,46" while the window is
    English; only an English translation writes "3.46"."""
    from kotacerdas_desktop.domain.text import current_language, document_language, set_language

    before = current_language()
    try:
        set_language("en")
        with document_language("id"):
            assert sheet_figure(Fraction(3456, 1000)) == "3,46"
            assert sheet_figure(4) == "4,00"
            assert sheet_figure(None) == "-"
            assert format_date(dt.date(2026, 3, 4)) == "4 Maret 2026"
        with document_language("en"):
            assert sheet_figure(Fraction(3456, 1000)) == "3.46"
            assert format_date(dt.date(2026, 3, 4)) == "4 March 2026"
    finally:
        set_language(before)


def test_iso_dates_from_the_store():
    assert format_iso_date("2025-03-12") == "12 Maret 2025"
    assert format_iso_date("2025-11-28T10:15:00+07:00") == "28 November 2025"
    assert format_iso_date("Maret 2025") == "Maret 2025"
