"""Writing conventions for printed documents, without depending on the OS locale.

Office PCs run any locale (often English Windows), and a signed sheet must
still say "Mojokerto, 29 November 2026" and "3,42" the way a naskah dinas does.
Documents are Indonesian; the English translation of a sheet a partner asks
for (``kotacerdas --lang en sheet``) writes "29 November 2026" and "3.42".
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.text import current_language, t

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DRAFT_MARK = t("DRAF", "DRAFT")  # the watermark of a draft's pages
SHEET_LANGUAGE = "id"  # the signed record is Indonesian (reports build in document_language)
_REGION_PREFIXES = ("Pemerintah ", "Kota ", "Kabupaten ", "Kab. ")


def format_date(day: dt.date) -> str:
    """ "29 November 2026": day without a leading zero, month name, year ("4 Maret", "4 March")."""
    months = MONTHS_EN if current_language() == "en" else MONTHS
    return f"{day.day} {months[day.month - 1]} {day.year}"


def parse_iso_date(text: str) -> dt.date | None:
    """The date part of an ISO date or timestamp as the store writes it, or None when empty or malformed."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def format_iso_date(text: str) -> str:
    """An ISO date from the store written the Indonesian way; text that is not a date is kept as typed."""
    day = parse_iso_date(text)
    return format_date(day) if day else text.strip()


def place_name(city: str) -> str:
    """The place written before the date: "Kota Mojokerto" signs as "Mojokerto"."""
    place = city.strip()
    changed = True
    while changed:
        changed = False
        for prefix in _REGION_PREFIXES:
            if place.lower().startswith(prefix.lower()) and len(place) > len(prefix):
                place = place[len(prefix) :].strip()
                changed = True
    return place


def place_and_date(city: str, day: dt.date) -> str:
    """The line above a signature: "Mojokerto, 29 November 2026" (just the date when no city is set)."""
    place = place_name(city)
    return f"{place}, {format_date(day)}" if place else format_date(day)


def sheet_figure(value: Fraction | None) -> str:
    """A score as printed: "3,47" (the one rounding rule of domain/figures.py), "-" for none;
    in the document's language ("3.47" in an English translation)."""
    return format_figure(value, None, "-")
