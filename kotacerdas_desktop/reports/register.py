"""Write the follow-up register of a year to a workbook, filtered by level, agency and dimension.

The filter is checked against the year's city picture before anything is
written: a level outside 2-5, an agency not counted that year, or a code
that names no dimension of the year's framework each get their own message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.city import CityPicture, FollowUp, follow_up_register
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import document_language, t
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE
from kotacerdas_desktop.reports.recap import output_kind
from kotacerdas_desktop.reports.recap_data import load_picture
from kotacerdas_desktop.reports.register_xlsx import register_title, register_workbook
from kotacerdas_desktop.store import Store, outputs

XLSX = ".xlsx"
BELOW_MIN, BELOW_MAX = 2, 5


@dataclass(frozen=True)
class WrittenRegister:
    path: Path
    rows: list[FollowUp]


def _refused(field: str, indonesian: str, english: str) -> ValidationError:
    return ValidationError(t(indonesian, english), field=field)


def check_below(below: int | str) -> int:
    """ "Below level N": a whole number from 2 (only level 1) to 5 (everything under 5)."""
    text = str(below).strip()
    if not text.isdigit() or not BELOW_MIN <= int(text) <= BELOW_MAX:
        raise _refused(
            "below",
            f'Batas tingkat "{below}" tidak sah: pilih {BELOW_MIN} sampai {BELOW_MAX} '
            "(indikator di bawah tingkat itu masuk daftar).",
            f'Level limit "{below}" is invalid: choose {BELOW_MIN} to {BELOW_MAX} '
            "(indicators below that level are listed).",
        )
    return int(text)


def check_filter(picture: CityPicture, agency: str | None, dimension: str | None) -> None:
    """An agency counted this year and a dimension of this year's framework, or a message."""
    counted = sorted(e.agency_code for e in picture.entries)
    if agency is not None and agency not in counted:
        raise _refused(
            "agency",
            f'OPD "{agency}" tidak memiliki penilaian final yang dihitung tahun {picture.year}. '
            f"OPD yang dihitung: {', '.join(counted)}.",
            f'Agency "{agency}" has no counted finalized assessment for {picture.year}. '
            f"Counted agencies: {', '.join(counted)}.",
        )
    codes = [d.code for d in picture.catalogue.dimensions]
    if dimension is not None and dimension not in codes:
        framework = f"{picture.catalogue.code} {picture.catalogue.version}"
        raise _refused(
            "dimension",
            f'Dimensi "{dimension}" tidak ada di kerangka {framework}. '
            f"Kode dimensi: {', '.join(codes)}.",
            f'Dimension "{dimension}" is not in framework {framework}. '
            f"Dimension codes: {', '.join(codes)}.",
        )


def write_register(
    store: Store,
    year: int,
    out: Path,
    below: int = 3,
    agency: str | None = None,
    dimension: str | None = None,
) -> WrittenRegister:
    """Check everything, then write the register's workbook to ``out``."""
    output_kind(out, (XLSX,))
    below = check_below(below)
    agency = agency.strip().upper() if agency else None
    dimension = dimension.strip().upper() if dimension else None
    picture = load_picture(store, year)
    check_filter(picture, agency, dimension)
    rows = follow_up_register(picture, below, agency, dimension)
    city = store.settings.get("city_name").strip()
    with document_language(SHEET_LANGUAGE):
        content = register_workbook(rows, picture.catalogue, register_title(year, city, below))
    outputs.write_output(content, out, outputs.XLSX, store.path)
    return WrittenRegister(Path(out), rows)
