"""Rules for what an answer and an assessment may hold, checked before anything is stored."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import YEAR_MAX, YEAR_MIN, Answer, Evidence
from kotacerdas_desktop.domain.text import shown, t

MAX_TEXT = 20_000  # characters in one justification or follow-up: pages of text, still printable
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
AGENCY_CODE = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,31}")  # as stored: typed codes are upper-cased


def parse_level(text: str | int) -> int:
    """A maturity level typed by a user: a whole number 1 to 5."""
    value = str(text).strip()
    if not value.isdigit() or not 1 <= int(value) <= 5:
        raise ValidationError(
            t(
                f'Tingkat "{text}" tidak sah: pilih angka 1 sampai 5.',
                f'Level "{text}" is invalid: choose a number 1 to 5.',
            ),
            field="level",
        )
    return int(value)


def check_year(year: int | str) -> int:
    value = str(year).strip()
    if not value.lstrip("+-").isdigit():
        raise ValidationError(
            t(
                f"Tahun {year!r} bukan angka; tulis tahun dengan angka, mis. 2026.",
                f"Year {year!r} is not a number; write the year in digits, e.g. 2026.",
            ),
            field="year",
        )
    if not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise ValidationError(
            t(
                f"Tahun {year} di luar rentang {YEAR_MIN}-{YEAR_MAX}.",
                f"Year {year} is outside {YEAR_MIN}-{YEAR_MAX}.",
            ),
            field="year",
        )
    return int(value)


def check_date(text: str, field: str = "date") -> str:
    """A date as stored: exactly YYYY-MM-DD and a real day, or empty for "no date".

    The sheet writes it the Indonesian way ("4 Maret 2026"); anything else would
    be printed as typed, so it is refused here rather than discovered on paper.
    """
    value = text.strip()
    if not value:
        return ""
    try:
        if ISO_DATE.fullmatch(value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValidationError(
        t(
            f'Tanggal "{text}" tidak sah: tulis TTTT-BB-HH, mis. 2026-03-04.',
            f'Date "{text}" is invalid: write YYYY-MM-DD, e.g. 2026-03-04.',
        ),
        field=field,
    )


def check_evidence(evidence: Evidence) -> Evidence:
    """The evidence trimmed; ValidationError for an empty title or a date that is not YYYY-MM-DD."""
    if not evidence.title.strip():
        raise ValidationError(
            t("Judul bukti dukung wajib diisi.", "The evidence title is required."), "title"
        )
    return replace(
        evidence,
        title=evidence.title.strip(),
        number=evidence.number.strip(),
        date=check_date(evidence.date),
    )


def check_answer(catalogue: Catalogue, answer: Answer) -> None:
    """Raise ValidationError (with the field) when the answer breaks a rule of its indicator."""
    if not catalogue.has_indicator(answer.indicator_code):
        raise NotFoundError(
            t(
                f"Indikator {shown(answer.indicator_code)} tidak ada di katalog {catalogue.code} {catalogue.version}.",
                f"Indicator {shown(answer.indicator_code)} is not in catalogue {catalogue.code} {catalogue.version}.",
            ),
            field="indicator",
        )
    indicator = catalogue.indicator(answer.indicator_code)
    if answer.not_applicable:
        if answer.level is not None:
            raise ValidationError(
                t(
                    "Pilih tingkat atau 'tidak berlaku', tidak keduanya.",
                    "Choose a level or 'not applicable', not both.",
                ),
                field="level",
            )
        if not indicator.allow_na:
            raise ValidationError(
                t(
                    f"Indikator {indicator.code} tidak boleh dijawab 'tidak berlaku'.",
                    f"Indicator {indicator.code} cannot be answered 'not applicable'.",
                ),
                field="not_applicable",
            )
        if not answer.na_reason.strip():
            raise ValidationError(
                t(
                    "Alasan 'tidak berlaku' wajib diisi.",
                    "A reason for 'not applicable' is required.",
                ),
                field="na_reason",
            )
    elif answer.level is not None:
        parse_level(answer.level)
    for name in ("justification", "follow_up", "na_reason", "review_comment"):
        if len(getattr(answer, name)) > MAX_TEXT:
            raise ValidationError(
                t(
                    f"Teks terlalu panjang (maks. {MAX_TEXT:,} karakter).".replace(",", "."),
                    f"Text too long (max. {MAX_TEXT:,} characters).",
                ),
                field=name,
            )


def check_city_name(city: str) -> str:
    """The city government's name, trimmed; it is required (the sheet's letterhead)."""
    if not city.strip():
        raise ValidationError(
            t("Nama pemerintah kota wajib diisi.", "The city government's name is required."),
            "city",
        )
    return city.strip()


def check_agency_name(name: str) -> str:
    if not name.strip():
        raise ValidationError(t("Nama OPD wajib diisi.", "The agency name is required."), "name")
    return name.strip()


def check_agency_code(code: str) -> str:
    """The code as stored (upper case); ValidationError when it is not one."""
    stored = code.strip().upper()
    if not AGENCY_CODE.fullmatch(stored):
        raise ValidationError(
            t(
                f'Kode OPD "{shown(code)}" tidak sah: gunakan huruf, angka, titik, - atau _ (maks. 32 karakter).',
                f'Agency code "{shown(code)}" is invalid: use letters, digits, dot, - or _ (max. 32 characters).',
            ),
            "code",
        )
    return stored
