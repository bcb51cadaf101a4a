"""Numbers, dates and sizes as the chosen language writes them ("3,42", "29 November 2026").

QLocale carries the month names and separators, so nothing here depends on
the locale of the office PC (often an English Windows).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.text import current_language
from kotacerdas_desktop.reports.indonesian import parse_iso_date


def locale() -> QLocale:
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def format_score(value: Fraction | None) -> str:
    """A score as every surface shows it (domain/figures.py: half-up, comma in Indonesian)."""
    return format_figure(value)


def format_size(size: int) -> str:
    """File sizes the way a user reads them: 12 KB, 3,4 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return locale().toString(size / (1024 * 1024), "f", 1) + " MB"


def format_date(text: str) -> str:
    """An ISO date from the store written out ("2026-03-04" -> "4 Maret 2026"); other text as it is."""
    day = parse_iso_date(text)
    if day is None:
        return text.strip()
    return locale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def format_timestamp(text: str) -> str:
    """A store timestamp as date and minute ("29 November 2026 10.31")."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return text.strip()
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return locale().toString(
        value, "d MMMM yyyy HH.mm" if current_language() == "id" else "d MMMM yyyy HH:mm"
    )


def format_clock(moment: dt.datetime) -> str:
    return moment.strftime("%H.%M.%S" if current_language() == "id" else "%H:%M:%S")
