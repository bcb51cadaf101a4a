"""NIP (Nomor Induk Pegawai) validation.

18 digits: date of birth YYYYMMDD, appointment YYYYMM, gender digit (1 man,
2 woman), then a 3-digit sequence. A wrong NIP on a signed sheet is a real,
embarrassing error, so every part is checked and the message names it.
"""

from __future__ import annotations

import datetime as dt

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import t

BIRTH_YEAR_MIN = 1940
BIRTH_YEAR_MAX = 2010


def normalize_nip(value: str) -> str:
    """Remove the spaces people type ("19800101 200501 1 001")."""
    return "".join(value.split())


def check_nip(value: str, today: dt.date | None = None) -> str:
    """The normalized NIP, or ValidationError saying exactly which part is wrong."""
    today = today or dt.date.today()
    nip = normalize_nip(value)
    if not nip.isdigit() or not nip.isascii():
        raise ValidationError(
            t(
                "NIP hanya boleh berisi angka (spasi diperbolehkan).",
                "A NIP may only hold digits (spaces are allowed).",
            ),
            field="nip",
        )
    if len(nip) != 18:
        raise ValidationError(
            t(
                f"NIP harus 18 digit; yang diketik {len(nip)} digit.",
                f"A NIP has 18 digits; {len(nip)} were typed.",
            ),
            field="nip",
        )
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            t(
                f"Digit 1-8 NIP ({nip[0:8]}) bukan tanggal lahir yang ada (TTTTBBHH).",
                f"Digits 1-8 of the NIP ({nip[0:8]}) are not a real date of birth (YYYYMMDD).",
            ),
            field="nip",
        ) from None
    if not BIRTH_YEAR_MIN <= birth.year <= BIRTH_YEAR_MAX:
        raise ValidationError(
            t(
                f"Tahun lahir pada NIP ({birth.year}) harus antara {BIRTH_YEAR_MIN} dan {BIRTH_YEAR_MAX}.",
                f"The birth year in the NIP ({birth.year}) must be between {BIRTH_YEAR_MIN} and {BIRTH_YEAR_MAX}.",
            ),
            field="nip",
        )
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        raise ValidationError(
            t(
                f"Digit 9-14 NIP ({nip[8:14]}) bukan bulan pengangkatan yang sah (TTTTBB).",
                f"Digits 9-14 of the NIP ({nip[8:14]}) are not a valid appointment month (YYYYMM).",
            ),
            field="nip",
        )
    if (year, month) < (birth.year + 18, birth.month):
        raise ValidationError(
            t(
                f"TMT pengangkatan pada NIP ({month:02d}/{year}) sebelum usia 18 tahun.",
                f"The appointment in the NIP ({month:02d}/{year}) is before the 18th birthday.",
            ),
            field="nip",
        )
    if (year, month) > (today.year, today.month):
        raise ValidationError(
            t(
                f"TMT pengangkatan pada NIP ({month:02d}/{year}) ada di masa depan.",
                f"The appointment in the NIP ({month:02d}/{year}) is in the future.",
            ),
            field="nip",
        )
    if nip[14] not in "12":
        raise ValidationError(
            t(
                f"Digit ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {nip[14]}.",
                f"Digit 15 of the NIP (gender) must be 1 or 2, not {nip[14]}.",
            ),
            field="nip",
        )
    return nip


def format_nip(nip: str) -> str:
    """The NIP grouped the way it is printed: "19800101 200501 1 001"."""
    nip = normalize_nip(nip)
    if len(nip) != 18:
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
