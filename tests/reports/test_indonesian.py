"""Dates, places and numbers written the Indonesian way, whatever the PC's locale."""

import datetime as dt

import pytest

from kotacerdas_desktop.reports.indonesian import (
    MONTHS,
    format_date,
    format_decimal,
    format_iso_date,
    format_percent,
    place_and_date,
    place_name,
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


def test_numbers_use_a_decimal_comma():
    assert format_decimal(3.456) == "3,46"
    assert format_decimal(4.0) == "4,00"
    assert format_decimal(None) == "-"
    assert format_percent(0.999) == "99%"
    assert format_percent(1.0) == "100%"


def test_iso_dates_from_the_store():
    assert format_iso_date("2025-03-12") == "12 Maret 2025"
    assert format_iso_date("2025-11-28T10:15:00+07:00") == "28 November 2025"
    assert format_iso_date("Maret 2025") == "Maret 2025"
